import { rangeOptions, Select } from '../ui';

/** A labelled menu of the whole numbers `lo`…`hi` (stride, dilation, pool window); the label names it. */
export function NumberSelect({
  label,
  value,
  lo,
  hi,
  onChange,
}: {
  label: string;
  value: number;
  lo: number;
  hi: number;
  onChange: (value: number) => void;
}) {
  return <Select label={label} value={value} options={rangeOptions(lo, hi)} onChange={onChange} />;
}
