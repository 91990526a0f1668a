import { memo, useState, type ReactNode } from 'react';
import type { ConfigProblems, TrainConfig } from '../../engine/train/config';
import { checkTrainConfig, TRAIN_DEFAULTS, TRAIN_PRESET_1998 } from '../../engine/train/config';
import { hasMessage, t, tx } from '../../i18n';
import type { train } from '../../i18n/areas/train';
import { Toggle } from '../ui';

type Props = {
  cfg: TrainConfig;
  problems: ConfigProblems;
  busy: boolean;
  onChange: (cfg: TrainConfig) => void;
};

type FieldId = keyof typeof train.controls.fields;

/** How a setting is edited: a number box (with its HTML limits), a menu of choices, or a checkbox. */
type Input =
  | { type: 'number'; min?: string; max?: string; step?: string }
  | { type: 'select'; options: readonly string[] }
  | { type: 'check' };

/** One setting of the form: where its value lives in the config, and how it is edited. */
type Setting = {
  /** Its words: `train.controls.fields.<id>` (label, help) and `train.controls.options.<id>.<value>`. */
  id: FieldId;
  input: Input;
  get: (c: TrainConfig) => number | string | boolean;
  /** A new config with the control's value in; number boxes hand over their text, checkboxes a boolean. */
  put: (c: TrainConfig, value: string | boolean) => TrainConfig;
  problem?: keyof ConfigProblems;
  /** Editable while training (the learning rate goes to the running trainer). */
  live?: boolean;
  testId?: string;
};

const parse = (s: string) => (s.trim() === '' ? NaN : Number(s));
const numberValue = (v: number) => (Number.isFinite(v) ? String(v) : '');

type NumberKey = 'lr' | 'epochs' | 'trainSize' | 'batchSize' | 'seed';
type NumberLimits = Omit<Extract<Input, { type: 'number' }>, 'type'>;

const top = (id: NumberKey, limits: NumberLimits = {}): Setting => ({
  id,
  input: { type: 'number', ...limits },
  get: (c) => c[id],
  put: (c, v) => ({ ...c, [id]: parse(String(v)) }),
  problem: id,
});
/** A menu of the values of a config field (`options` are the field's string union, in menu order). */
const choice = (id: 'optimizer' | 'schedule' | 'backend', options: readonly string[]): Setting => ({
  id,
  input: { type: 'select', options },
  get: (c) => c[id],
  put: (c, v) => ({ ...c, [id]: v }),
});

/** The settings, in the order shown. Values are checked by checkTrainConfig, not here. */
const SETTINGS: readonly Setting[] = [
  { ...top('lr', { step: 'any', min: '0' }), live: true, testId: 'lr-input' },
  top('epochs', { min: '1', max: '50' }),
  top('trainSize', { min: '100', max: '60000', step: '1000' }),
  top('batchSize', { min: '1' }),
  choice('optimizer', ['adam', 'momentum', 'sgd']),
  choice('schedule', ['onecycle', 'cosine', 'step', 'constant']),
  top('seed', { min: '0' }),
  {
    id: 'valFraction',
    input: { type: 'number', min: '0', max: '50' },
    get: (c) => Math.round(c.valFraction * 100),
    put: (c, v) => ({ ...c, valFraction: parse(String(v)) / 100 }),
    problem: 'valFraction',
  },
  {
    id: 'augment',
    input: { type: 'check' },
    get: (c) => c.augment,
    put: (c, v) => ({ ...c, augment: v === true }),
  },
  choice('backend', ['auto', 'wasm', 'webgl', 'cpu']),
];

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

/** One setting as its labelled control, with its help or, if refused, the reason. */
function SettingControl({
  s,
  cfg,
  problems,
  busy,
  onChange,
}: Props & {
  s: Setting;
}) {
  const words = `train.controls.fields.${s.id}`;
  const label = tx(`${words}.label`);
  const disabled = busy && !s.live;
  const value = s.get(cfg);
  const { input } = s;
  // What is typed in a number box stays as typed; only a value the settings accept goes to the link,
  // so a half-typed "0." never reaches it and a refused one is explained here, at the box.
  const [draft, setDraft] = useState<{ text: string; problem?: string } | null>(null);
  const onNumber = (text: string) => {
    const next = s.put(cfg, text);
    const problem = s.problem ? checkTrainConfig(next)[s.problem] : undefined;
    setDraft({ text, ...(problem ? { problem } : {}) });
    if (!problem) onChange(next);
  };
  if (input.type === 'check') {
    return (
      <span className="train-check">
        <Toggle
          label={label}
          disabled={disabled}
          checked={value === true}
          onChange={(on) => onChange(s.put(cfg, on))}
        />
      </span>
    );
  }
  return (
    <Field
      label={label}
      help={hasMessage(`${words}.help`) ? tx(`${words}.help`) : undefined}
      problem={draft?.problem ?? (s.problem ? problems[s.problem] : undefined)}
    >
      {input.type === 'number' ? (
        <input
          type="number"
          step={input.step}
          min={input.min}
          max={input.max}
          disabled={disabled}
          value={draft?.text ?? numberValue(Number(value))}
          onChange={(e) => onNumber(e.target.value)}
          onBlur={() => setDraft(null)}
          data-testid={s.testId}
        />
      ) : (
        <select
          disabled={disabled}
          value={String(value)}
          onChange={(e) => onChange(s.put(cfg, e.target.value))}
        >
          {input.options.map((o) => (
            <option key={o} value={o}>
              {tx(`train.controls.options.${s.id}.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Every setting, refused at the control with its reason. Locked (except the learning rate) while training. */
export const TrainControls = memo(function TrainControls(props: Props) {
  const { cfg, busy, onChange } = props;
  const is1998 = cfg.layers === null && cfg.arch.activation === 'tanh' && cfg.arch.pooling === 'avg';
  return (
    <fieldset className="train-settings" aria-label={t('train.controls.label')}>
      <legend>{t('train.controls.legend')}</legend>
      <div className="train-presets">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            onChange({ ...TRAIN_DEFAULTS, seed: cfg.seed, trainSize: cfg.trainSize, epochs: cfg.epochs })
          }
        >
          {t('train.controls.modern')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-pressed={is1998}
          onClick={() => onChange({ ...cfg, ...TRAIN_PRESET_1998 })}
        >
          {t('train.controls.lenet1998')}
        </button>
      </div>
      {SETTINGS.map((s) => (
        <SettingControl key={s.id} s={s} {...props} />
      ))}
    </fieldset>
  );
});
