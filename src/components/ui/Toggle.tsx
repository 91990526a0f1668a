/**
 * An on/off switch: a button with `role="switch"` and `aria-checked`, so Space and Enter flip it and a
 * screen reader says "switch, on". The label is on the button itself, so the whole row is the target.
 */
export function Toggle({
  label,
  checked,
  onChange,
  disabled,
  testId,
  description,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  testId?: string;
  /** Id of an element that explains the switch (aria-describedby). */
  description?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="ui-toggle"
      aria-checked={checked}
      aria-describedby={description}
      disabled={disabled}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <span className="ui-toggle-track" aria-hidden="true">
        <span className="ui-toggle-thumb" />
      </span>
      <span className="ui-toggle-label">{label}</span>
    </button>
  );
}
