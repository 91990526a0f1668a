import { useId, type ReactNode } from 'react';

export type SelectOption<V extends string | number> = { value: V; label: string; disabled?: boolean };

/**
 * A labelled drop-down. It is the browser's own `<select>` under one look: the platform picker is what a
 * phone's screen reader, a switch user and a keyboard user already know, and it costs no script. Numbers
 * come back as numbers when the options' values are numbers.
 */
export function Select<V extends string | number>({
  label,
  value,
  options,
  onChange,
  hideLabel = false,
  ariaLabel,
  placeholder,
  disabled,
  testId,
  className,
  children,
}: {
  label: string;
  value: V | '';
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  /** The label is still read out, only not shown (for a select whose panel title already says it). */
  hideLabel?: boolean;
  /** A fuller spoken name than the short visible label ("Kernel size" for "Size"). */
  ariaLabel?: string;
  /** Shown, and not choosable, while `value` is '' (nothing chosen). */
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
  className?: string;
  /** Extra content after the select (a hint, a unit). */
  children?: ReactNode;
}) {
  const id = useId();
  const numeric = options.length > 0 && typeof options[0]!.value === 'number';
  return (
    <span className={`ui-field ui-select ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'ui-label'}>
        {label}
      </label>
      <span className="ui-select-box">
        <select
          id={id}
          value={String(value)}
          disabled={disabled}
          aria-label={ariaLabel}
          data-testid={testId}
          onChange={(e) => {
            const raw = e.target.value;
            onChange((numeric ? Number(raw) : raw) as V);
          }}
        >
          {value === '' && placeholder !== undefined && (
            <option value="" disabled>
              {placeholder}
            </option>
          )}
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
      {children}
    </span>
  );
}

/** The whole numbers `lo`…`hi` as options (stride, dilation, window sizes). */
export function rangeOptions(lo: number, hi: number, label: (n: number) => string = String) {
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: lo + i, label: label(lo + i) }));
}
