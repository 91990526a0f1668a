import { useId } from 'react';

/**
 * A labelled slider: the native range input (arrows, Page Up/Down, Home/End, and a screen reader's
 * swipe gestures all work), with a thumb sized to the pointer's target and the value printed beside it.
 * `valueText` is what is printed and read out ("3 px", "row 2, col 4").
 */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  valueText,
  hideLabel = false,
  showValue = true,
  testId,
  className,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  valueText?: string;
  hideLabel?: boolean;
  showValue?: boolean;
  testId?: string;
  className?: string;
}) {
  const id = useId();
  const text = valueText ?? String(value);
  return (
    <span className={`ui-field ui-slider ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'ui-label'}>
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      {showValue && (
        <output htmlFor={id} className="ui-slider-value">
          {text}
        </output>
      )}
    </span>
  );
}
