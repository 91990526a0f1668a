/**
 * Picks how many threads wasm trains with, by measurement. More threads are not free: on a laptop the
 * page, the compositor and the training worker's messaging need a core too, so on 2 cores a second
 * compute thread can lose. The threaded backend is started with the largest candidate, then the same
 * module's pool is resized to each count in turn (`resize`) and a few real training steps of the run's
 * network are timed, in alternating rounds so a burst of other work hurts every count alike. The page
 * caches the result per device and model size (the worker has no localStorage).
 *
 * The rule for more cores (docs/BENCHMARKS.md, "Threads"): candidates are 1 and the powers of two up to
 * the core count, at most 4 (LeNet's layers at batch 64 are too small to feed more).
 */
import type { LeNetConfig } from './model/lenet';
import { timeTrainingSteps } from './backendProbe';

export const MAX_TRAIN_THREADS = 4;

export type ThreadTiming = { threads: number; examplesPerSec: number | null };

export type ThreadProbeResult = {
  /** Device and model size the result holds for; a cached result with another key is ignored. */
  key: string;
  /** The thread count training uses. */
  chosen: number;
  /** Each candidate's examples/s over all rounds (null when its steps failed). */
  timings: ThreadTiming[];
  /** chosen ÷ the best other count (null without another measured count). */
  margin: number | null;
  /** ISO date of the measurement. */
  measuredAt: string;
};

/** Thread counts worth timing on `cores` logical cores: 1, 2, 4, … ≤ min(cores, MAX_TRAIN_THREADS). Pure. */
export function threadCandidates(cores: number): number[] {
  const out = [1];
  for (let n = 2; n <= Math.min(cores, MAX_TRAIN_THREADS); n *= 2) out.push(n);
  return out;
}

/** The cache key: what makes thread timings differ (cores, network size, batch). Pure. */
export function threadProbeKey(p: { cores: number; arch: LeNetConfig; batch: number }): string {
  const a = p.arch;
  return [
    'threads-v1',
    `cores=${p.cores}`,
    `${a.activation}/${a.pooling}/${a.filters1}-${a.filters2}-${a.dense1}-${a.dense2}`,
    `batch=${p.batch}`,
  ].join('|');
}

/**
 * The fastest count; ties (within 3%) go to fewer threads, which leave the page more room. `margin` =
 * chosen ÷ best other. Falls back to 1 thread when nothing was measured. Pure.
 */
export function pickThreads(timings: readonly ThreadTiming[]): { chosen: number; margin: number | null } {
  const ran = timings.filter(
    (x): x is { threads: number; examplesPerSec: number } => x.examplesPerSec !== null,
  );
  if (ran.length === 0) return { chosen: 1, margin: null };
  const best = Math.max(...ran.map((x) => x.examplesPerSec));
  const chosen = ran
    .filter((x) => x.examplesPerSec >= best * 0.97)
    .reduce((a, b) => (b.threads < a.threads ? b : a));
  const others = ran.filter((x) => x.threads !== chosen.threads).map((x) => x.examplesPerSec);
  const runnerUp = others.length ? Math.max(...others) : 0;
  return { chosen: chosen.threads, margin: runnerUp > 0 ? chosen.examplesPerSec / runnerUp : null };
}

/**
 * Times `candidates` thread counts on the running wasm backend: `rounds` rounds, each resizing the pool to
 * every count and timing `steps` training steps (after one warm-up step). Leaves the pool at the chosen
 * count. `resize(n)` must resize the pool and return the count it really got. Everything it makes is
 * disposed before it returns.
 */
export async function probeThreads(
  candidates: readonly number[],
  arch: LeNetConfig,
  batch: number,
  key: string,
  resize: (threads: number) => number,
  opts: { rounds?: number; steps?: number } = {},
): Promise<ThreadProbeResult> {
  const examples = new Map<number, number>();
  const seconds = new Map<number, number>();
  const failed = new Set<number>();
  for (let round = 0; round < (opts.rounds ?? 2); round++) {
    // Alternate the order too, so neither count always runs right after the other's warm caches.
    const order = round % 2 === 0 ? candidates : [...candidates].reverse();
    for (const n of order) {
      if (failed.has(n) || resize(n) !== n) {
        failed.add(n);
        continue;
      }
      const steps = opts.steps ?? 4;
      const r = await timeTrainingSteps(arch, batch, { warmup: 1, steps });
      if (r.examplesPerSec === null) {
        failed.add(n);
        continue;
      }
      examples.set(n, (examples.get(n) ?? 0) + r.steps * batch);
      seconds.set(n, (seconds.get(n) ?? 0) + (r.steps * batch) / r.examplesPerSec);
    }
  }
  const timings: ThreadTiming[] = candidates.map((n) => ({
    threads: n,
    examplesPerSec: failed.has(n) || !seconds.get(n) ? null : (examples.get(n) ?? 0) / (seconds.get(n) ?? 1),
  }));
  const { chosen, margin } = pickThreads(timings);
  resize(chosen);
  return { key, chosen, timings, margin, measuredAt: new Date().toISOString() };
}
