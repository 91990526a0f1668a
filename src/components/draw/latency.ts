/**
 * Stroke-end → prediction and every panel drawn, in milliseconds, kept for the page's own readout and
 * for the benchmark and browser tests (read through `window.__cnnDraw`).
 */
const latencies: number[] = [];

declare global {
  interface Window {
    __cnnDraw?: { latencies: number[]; predictions: number };
  }
}

function hook(): { latencies: number[]; predictions: number } {
  window.__cnnDraw ??= { latencies, predictions: 0 };
  return window.__cnnDraw;
}

export function recordLatency(ms: number): void {
  const h = hook();
  h.latencies.push(ms);
  if (h.latencies.length > 500) h.latencies.splice(0, h.latencies.length - 500);
}

export function countPrediction(): void {
  hook().predictions++;
}

/** The p-th percentile (0–100) of the recorded latencies, nearest-rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
