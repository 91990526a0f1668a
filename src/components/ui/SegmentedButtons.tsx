import { useRef, type KeyboardEvent } from 'react';

export type Segment<V extends string | number> = { value: V; label: string; title?: string };

/**
 * One choice out of a few, all visible (max/average, 1–4 channels): a radio group drawn as joined
 * buttons. Tab enters at the chosen one; ←/→ (and ↑/↓, Home, End) move and choose, as in every radio
 * group, so a screen reader says "radio button, 2 of 3, checked".
 */
export function SegmentedButtons<V extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: V;
  options: readonly Segment<V>[];
  onChange: (value: V) => void;
  testId?: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  const choose = (i: number) => {
    const n = options.length;
    const next = ((i % n) + n) % n;
    const o = options[next];
    if (!o) return;
    onChange(o.value);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      Home: 0,
      End: options.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    // Stops the page's own arrow keys (lesson steps, the player) from acting on the same press.
    e.stopPropagation();
    choose(to);
  };
  return (
    <div
      className="ui-segmented"
      role="radiogroup"
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {options.map((o, i) => {
        const on = i === current;
        return (
          <button
            key={String(o.value)}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={on}
            tabIndex={on ? 0 : -1}
            title={o.title}
            className="ui-segment"
            onClick={() => choose(i)}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
