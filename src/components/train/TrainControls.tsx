import { memo, useId, useState, type ReactNode } from 'react';
import type { ConfigProblems, TrainConfig } from '../../engine/train/config';
import { checkTrainConfig, TRAIN_DEFAULTS, TRAIN_PRESET_1998 } from '../../engine/train/config';
import { hasMessage, t, tx } from '../../i18n';
import { useTrainWords } from './trainWords';
import type { train } from '../../i18n/areas/train';
import { NumberStepper, Select, Toggle } from '../ui';

type Props = {
  cfg: TrainConfig;
  problems: ConfigProblems;
  busy: boolean;
  onChange: (cfg: TrainConfig) => void;
  /** The epochs' help for a dataset whose size chose them (why that many), or null for the usual words. */
  epochsHelp?: string | null;
};

type FieldId = keyof typeof train.controls.fields;

/**
 * How a setting is edited: a number stepper (its range, and how far − and + move it), a menu of choices,
 * or a checkbox. The range only bounds the buttons and marks a typed value outside it; the reasons come
 * from checkTrainConfig.
 */
type Input =
  | { type: 'number'; min: number; max: number; step: number; decimals?: number }
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

type NumberKey = 'lr' | 'epochs' | 'trainSize' | 'batchSize' | 'seed';
type NumberLimits = Omit<Extract<Input, { type: 'number' }>, 'type'>;

const top = (id: NumberKey, limits: NumberLimits): Setting => ({
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
  { ...top('lr', { min: 0, max: 10, step: 0.001, decimals: 6 }), live: true, testId: 'lr-input' },
  top('epochs', { min: 1, max: 50, step: 1 }),
  top('trainSize', { min: 100, max: 60000, step: 1000 }),
  top('batchSize', { min: 1, max: 4096, step: 16 }),
  choice('optimizer', ['adam', 'momentum', 'sgd']),
  choice('schedule', ['onecycle', 'cosine', 'step', 'constant']),
  top('seed', { min: 0, max: 2 ** 31 - 1, step: 1 }),
  {
    id: 'valFraction',
    input: { type: 'number', min: 0, max: 50, step: 5 },
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

/** A setting's control (which carries its own label) with its help or, if refused, the reason. */
function Field({
  help,
  problem,
  describedBy,
  onLeave,
  children,
}: {
  help?: string;
  problem?: string;
  describedBy: string;
  /** The focus left the field: a refused text is put back to the value in force, and so is its note. */
  onLeave: () => void;
  children: ReactNode;
}) {
  return (
    <div className={`train-field${problem ? ' bad' : ''}`} onBlur={onLeave}>
      {children}
      {problem ? (
        <span className="train-field-problem" role="alert" id={describedBy}>
          {problem}
        </span>
      ) : (
        help && (
          <span className="train-field-help" id={describedBy}>
            {help}
          </span>
        )
      )}
    </div>
  );
}

/** One setting as its labelled control, with its help or, if refused, the reason. */
function SettingControl({
  s,
  cfg,
  problems,
  busy,
  onChange,
  epochsHelp,
}: Props & {
  s: Setting;
}) {
  const nouns = useTrainWords();
  const words = `train.controls.fields.${s.id}`;
  const label = tx(`${words}.label`, nouns);
  const disabled = busy && !s.live;
  const value = s.get(cfg);
  const { input } = s;
  // What is typed in a number box stays as typed; only a value the settings accept goes to the link,
  // so a half-typed "0." never reaches it and a refused one is explained here, at the box.
  const [draft, setDraft] = useState<{ text: string; problem?: string } | null>(null);
  const noteId = useId();
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
  const problem = draft?.problem ?? (s.problem ? problems[s.problem] : undefined);
  return (
    <Field
      help={
        s.id === 'epochs' && epochsHelp
          ? epochsHelp
          : hasMessage(`${words}.help`)
            ? tx(`${words}.help`, nouns)
            : undefined
      }
      problem={problem}
      describedBy={noteId}
      onLeave={() => setDraft(null)}
    >
      {input.type === 'number' ? (
        <NumberStepper
          label={label}
          value={Number(value)}
          min={input.min}
          max={input.max}
          step={input.step}
          decimals={input.decimals}
          invalid={problem !== undefined}
          disabled={disabled}
          describedBy={noteId}
          testId={s.testId}
          onTyped={onNumber}
          onChange={(v) => onNumber(String(v))}
        />
      ) : (
        <Select
          label={label}
          value={String(value)}
          disabled={disabled}
          options={input.options.map((o) => ({ value: o, label: tx(`train.controls.options.${s.id}.${o}`) }))}
          onChange={(v) => onChange(s.put(cfg, v))}
        />
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
