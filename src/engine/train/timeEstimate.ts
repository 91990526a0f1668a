/**
 * How long a training run will take on this computer, from a few training steps timed here (the run's
 * own network and batch size, see `timeSpecSteps`). Pure arithmetic, no tensors.
 *
 *   steps = epochs · ⌈examples / batch⌉
 *   estimate = steps · median(step ms) · (1 + extra / 2);  range = steps · fastest step … steps · slowest step · (1 + extra)
 * With `testExamples`, the check on the test set after each epoch is counted too: a forward pass
 * costs about a third of a training step (the backward pass is about twice the forward), so each
 * epoch adds ⌈testExamples / batch⌉ / 3 steps. It matters for short runs: one pass over 6,000 digits
 * is checked on 10,000.
 * `extra` (20%) covers what the timed steps leave out: checking the test digits after each epoch,
 * the live panels, and other work on a shared computer. Three steps are few, so the range is honest
 * about it rather than a promise.
 */
export type TimeEstimate = { ms: number; lowMs: number; highMs: number };

const EXTRA = 0.2;

/** The run's time from measured step times; null when nothing was measured. */
export function estimateTrainingTime(
  stepMs: readonly number[],
  run: { epochs: number; examples: number; batch: number; testExamples?: number },
): TimeEstimate | null {
  const ok = stepMs.filter((m) => Number.isFinite(m) && m > 0);
  if (ok.length === 0 || run.batch < 1 || run.examples < 1 || run.epochs < 1) return null;
  const sorted = [...ok].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const steps =
    run.epochs * (Math.ceil(run.examples / run.batch) + Math.ceil((run.testExamples ?? 0) / run.batch) / 3);
  return {
    ms: steps * median * (1 + EXTRA / 2),
    lowMs: steps * (sorted[0] as number),
    highMs: steps * (sorted[sorted.length - 1] as number) * (1 + EXTRA),
  };
}
