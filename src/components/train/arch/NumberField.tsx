import { NumberStepper, Select } from '../../ui';

/**
 * A whole-number field on the app's stepper: a typed value out of range (or not whole) is shown as
 * wrong and not passed on, so the layer keeps its last good value. Disabled by the row's fieldset.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  testId,
  onCommit,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  testId?: string;
  onCommit: (v: number) => void;
}) {
  return (
    <NumberStepper
      label={label}
      value={value}
      min={min}
      max={max}
      testId={testId}
      onChange={(v) => {
        if (Number.isInteger(v)) onCommit(v);
      }}
    />
  );
}

/** A small menu of numbers or words, on the app's select. */
export function ChoiceField<T extends string | number>({
  label,
  value,
  options,
  words,
  testId,
  onCommit,
}: {
  label: string;
  value: T;
  options: readonly T[];
  words: (v: T) => string;
  testId?: string;
  onCommit: (v: T) => void;
}) {
  return (
    <Select
      label={label}
      value={value}
      options={options.map((o) => ({ value: o, label: words(o) }))}
      testId={testId}
      onChange={onCommit}
    />
  );
}
