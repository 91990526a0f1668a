import { memo, type ReactNode } from 'react';
import type { ConfigProblems, TrainConfig } from '../../engine/train/config';
import { TRAIN_DEFAULTS, TRAIN_PRESET_1998 } from '../../engine/train/config';
import { LENET_DEFAULTS } from '../../engine';

type Props = {
  cfg: TrainConfig;
  problems: ConfigProblems;
  busy: boolean;
  onChange: (cfg: TrainConfig) => void;
};

function Field({
  label,
  help,
  problem,
  children,
}: {
  label: string;
  help?: string;
  problem?: string;
  children: ReactNode;
}) {
  return (
    <label className={`train-field${problem ? ' bad' : ''}`}>
      <span className="train-field-label">{label}</span>
      {children}
      {problem ? (
        <span className="train-field-problem" role="alert">
          {problem}
        </span>
      ) : (
        help && <span className="train-field-help">{help}</span>
      )}
    </label>
  );
}

const numberValue = (v: number) => (Number.isFinite(v) ? String(v) : '');
const parse = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** Every setting, refused at the control with its reason. Locked (except the learning rate) while training. */
export const TrainControls = memo(function TrainControls({ cfg, problems, busy, onChange }: Props) {
  const set = (patch: Partial<TrainConfig>) => onChange({ ...cfg, ...patch });
  const setArch = (patch: Partial<TrainConfig['arch']>) =>
    onChange({ ...cfg, arch: { ...cfg.arch, ...patch } });
  const is1998 = cfg.arch.activation === 'tanh' && cfg.arch.pooling === 'avg';
  return (
    <fieldset className="train-settings" aria-label="Training settings">
      <legend>Settings</legend>
      <div className="train-presets">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            onChange({ ...TRAIN_DEFAULTS, seed: cfg.seed, trainSize: cfg.trainSize, epochs: cfg.epochs })
          }
        >
          Modern LeNet
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-pressed={is1998}
          onClick={() => onChange({ ...cfg, ...TRAIN_PRESET_1998 })}
        >
          LeNet-5, 1998
        </button>
      </div>
      <Field label="Learning rate" help="Step size. Can change while training." problem={problems.lr}>
        <input
          type="number"
          step="any"
          min="0"
          value={numberValue(cfg.lr)}
          onChange={(e) => set({ lr: parse(e.target.value) })}
          data-testid="lr-input"
        />
      </Field>
      <Field label="Epochs" help="Passes over the training digits." problem={problems.epochs}>
        <input
          type="number"
          min="1"
          max="50"
          disabled={busy}
          value={numberValue(cfg.epochs)}
          onChange={(e) => set({ epochs: parse(e.target.value) })}
        />
      </Field>
      <Field label="Training digits" help="1,000 to 60,000." problem={problems.trainSize}>
        <input
          type="number"
          min="100"
          max="60000"
          step="1000"
          disabled={busy}
          value={numberValue(cfg.trainSize)}
          onChange={(e) => set({ trainSize: parse(e.target.value) })}
        />
      </Field>
      <Field label="Batch size" help="Digits per step." problem={problems.batchSize}>
        <input
          type="number"
          min="1"
          disabled={busy}
          value={numberValue(cfg.batchSize)}
          onChange={(e) => set({ batchSize: parse(e.target.value) })}
        />
      </Field>
      <Field label="Optimizer" help="Adam adapts each weight's step.">
        <select
          disabled={busy}
          value={cfg.optimizer}
          onChange={(e) => set({ optimizer: e.target.value as TrainConfig['optimizer'] })}
        >
          <option value="adam">Adam</option>
          <option value="momentum">SGD + momentum</option>
          <option value="sgd">Plain SGD</option>
        </select>
      </Field>
      <Field label="Schedule" help="How the step size changes over the run.">
        <select
          disabled={busy}
          value={cfg.schedule}
          onChange={(e) => set({ schedule: e.target.value as TrainConfig['schedule'] })}
        >
          <option value="onecycle">Warm up, then glide down</option>
          <option value="cosine">Short warm-up, cosine down</option>
          <option value="step">÷10 at half, ÷10 at ¾</option>
          <option value="constant">Constant</option>
        </select>
      </Field>
      <Field label="Seed" help="Same seed, same curves." problem={problems.seed}>
        <input
          type="number"
          min="0"
          disabled={busy}
          value={numberValue(cfg.seed)}
          onChange={(e) => set({ seed: parse(e.target.value) })}
        />
      </Field>
      <Field label="Validation %" help="Kept apart to check on." problem={problems.valFraction}>
        <input
          type="number"
          min="0"
          max="50"
          disabled={busy}
          value={numberValue(Math.round(cfg.valFraction * 100))}
          onChange={(e) => set({ valFraction: parse(e.target.value) / 100 })}
        />
      </Field>
      <label className="train-check">
        <input
          type="checkbox"
          disabled={busy}
          checked={cfg.augment}
          onChange={(e) => set({ augment: e.target.checked })}
        />
        Shift digits by up to 2 pixels
      </label>
      <Field label="Backend" help="auto picks the fastest here.">
        <select
          disabled={busy}
          value={cfg.backend}
          onChange={(e) => set({ backend: e.target.value as TrainConfig['backend'] })}
        >
          <option value="auto">auto</option>
          <option value="wasm">WebAssembly</option>
          <option value="webgl">WebGL</option>
          <option value="cpu">JavaScript</option>
        </select>
      </Field>
      <details className="train-arch">
        <summary>Architecture</summary>
        <Field label="Activation">
          <select
            disabled={busy}
            value={cfg.arch.activation}
            onChange={(e) => setArch({ activation: e.target.value as TrainConfig['arch']['activation'] })}
          >
            <option value="relu">ReLU</option>
            <option value="tanh">tanh</option>
            <option value="sigmoid">sigmoid</option>
          </select>
        </Field>
        <Field label="Pooling">
          <select
            disabled={busy}
            value={cfg.arch.pooling}
            onChange={(e) => setArch({ pooling: e.target.value as TrainConfig['arch']['pooling'] })}
          >
            <option value="max">max</option>
            <option value="avg">average</option>
          </select>
        </Field>
        <Field label="conv1 filters" problem={problems.filters1}>
          <input
            type="number"
            disabled={busy}
            value={numberValue(cfg.arch.filters1)}
            onChange={(e) => setArch({ filters1: parse(e.target.value) })}
          />
        </Field>
        <Field label="conv2 filters" problem={problems.filters2}>
          <input
            type="number"
            disabled={busy}
            value={numberValue(cfg.arch.filters2)}
            onChange={(e) => setArch({ filters2: parse(e.target.value) })}
          />
        </Field>
        <Field label="dense1 units" problem={problems.dense1}>
          <input
            type="number"
            disabled={busy}
            value={numberValue(cfg.arch.dense1)}
            onChange={(e) => setArch({ dense1: parse(e.target.value) })}
          />
        </Field>
        <Field label="dense2 units" problem={problems.dense2}>
          <input
            type="number"
            disabled={busy}
            value={numberValue(cfg.arch.dense2)}
            onChange={(e) => setArch({ dense2: parse(e.target.value) })}
          />
        </Field>
        <button type="button" className="secondary" disabled={busy} onClick={() => setArch(LENET_DEFAULTS)}>
          Default sizes
        </button>
      </details>
    </fieldset>
  );
});
