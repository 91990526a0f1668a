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
  return (
    <label>
      {label}{' '}
      <select value={value} aria-label={label} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    </label>
  );
}
