import { useState } from 'react';

/**
 * A whole-number box that only hands on values inside [min, max]; while the text is out of range it
 * stays as typed, marked, with the range beside it (the network keeps its last good value).
 */
export function NumberField({
  label,
  value,
  min,
  max,
  disabled,
  rangeText,
  testId,
  onCommit,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  disabled: boolean;
  rangeText: string;
  testId?: string;
  onCommit: (v: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const n = Number(text);
  const ok = text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  return (
    <label className={`arch-field${ok ? '' : ' bad'}`}>
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        disabled={disabled}
        aria-invalid={!ok}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          const v = Number(next);
          if (next.trim() !== '' && Number.isInteger(v) && v >= min && v <= max) {
            setDraft(null);
            onCommit(v);
          } else setDraft(next);
        }}
        onBlur={() => setDraft(null)}
      />
      {!ok && <span className="arch-field-range">{rangeText}</span>}
    </label>
  );
}

/** A small menu of numbers or words. */
export function ChoiceField<T extends string | number>({
  label,
  value,
  options,
  words,
  disabled,
  testId,
  onCommit,
}: {
  label: string;
  value: T;
  options: readonly T[];
  words: (v: T) => string;
  disabled: boolean;
  testId?: string;
  onCommit: (v: T) => void;
}) {
  return (
    <label className="arch-field">
      <span>{label}</span>
      <select
        value={String(value)}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const hit = options.find((o) => String(o) === e.target.value);
          if (hit !== undefined) onCommit(hit);
        }}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
