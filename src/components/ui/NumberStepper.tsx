import { useEffect, useId, useState } from 'react';
import { t } from '../../i18n';

/**
 * A number with − and + buttons. The field is a native spin button (↑/↓ step, typing works, a screen
 * reader says "spin button, 3"); the buttons are large targets for fingers and skip the Tab order
 * (the field already does what they do from the keyboard). A typed value that is not a number in range
 * is shown as wrong and not passed on, so the last good value stays in force.
 */
export function NumberStepper({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  hideLabel = false,
  testId,
  decimals,
  onTyped,
  invalid: invalidFromCaller = false,
  disabled = false,
  describedBy,
  ariaLabel,
  integer = false,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  /**
   * Every edit of the text as typed, before the range check: for a caller that explains a refused value
   * at the field (Train's settings) rather than only marking it.
   */
  onTyped?: (text: string) => void;
  /** The caller refuses the value shown (for a reason of its own). */
  invalid?: boolean;
  disabled?: boolean;
  /** The id of the help or problem text under the field. */
  describedBy?: string;
  step?: number;
  hideLabel?: boolean;
  testId?: string;
  /** Rounds what the buttons produce (0.1 + 0.2 is 0.3 here). */
  decimals?: number;
  /** A fuller spoken name than the short visible label ("MNIST test digit number (0–9999)" for "#"). */
  ariaLabel?: string;
  /** Only whole numbers are good values: "3.5" is marked wrong and not passed on. */
  integer?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const parsed = Number(draft);
  const good = (text: string, v: number) =>
    text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  const invalid = invalidFromCaller || !good(draft, parsed);
  const round = (v: number) => (decimals === undefined ? v : Number(v.toFixed(decimals)));
  const nudge = (by: number) => {
    const next = round(Math.min(max, Math.max(min, value + by)));
    if (next !== value) onChange(next);
  };
  return (
    <span className={`ui-field ui-stepper${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'ui-label'}>
        {label}
      </label>
      <span className="ui-stepper-box">
        <button
          type="button"
          className="ui-stepper-button"
          tabIndex={-1}
          aria-label={t('ui.stepper.less', { label })}
          disabled={disabled || value <= min}
          onClick={() => nudge(-step)}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={draft}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-label={ariaLabel}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            setDraft(e.target.value);
            onTyped?.(e.target.value);
            const v = Number(e.target.value);
            if (good(e.target.value, v)) onChange(v);
          }}
          onBlur={() => setDraft(String(value))}
        />
        <button
          type="button"
          className="ui-stepper-button"
          tabIndex={-1}
          aria-label={t('ui.stepper.more', { label })}
          disabled={disabled || value >= max}
          onClick={() => nudge(step)}
        >
          +
        </button>
      </span>
    </span>
  );
}
