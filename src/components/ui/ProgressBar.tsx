/**
 * The one progress bar (training, a comparison's queue, measuring an imported model) and the one
 * status line under it, so every panel that reports work in progress reads and looks the same.
 */
import type { ReactNode } from 'react';

export function ProgressBar({
  fraction,
  label,
  testId,
}: {
  /** 0…1 of the work done. */
  fraction: number;
  /** What the bar measures, for screen readers. */
  label: string;
  testId?: string;
}) {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return (
    <div
      className="train-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(f * 100)}
      data-testid={testId}
    >
      <div className="train-progress-fill" style={{ width: `${(f * 100).toFixed(1)}%` }} />
    </div>
  );
}

/** A status line: what happened, or (`bad`) what went wrong; read out politely when it changes. */
export function StatusNote({
  bad = false,
  testId,
  children,
}: {
  bad?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p className={`message${bad ? ' error' : ''}`} role="status" data-testid={testId}>
      {children}
    </p>
  );
}
