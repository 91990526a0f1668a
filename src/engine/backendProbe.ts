/**
 * Picks the training backend by measurement. A hardware GPU does not make WebGL the faster choice for a
 * LeNet-sized network: at batch 64–128 a weak integrated GPU can lose to wasm SIMD, and on a software
 * rasteriser (SwiftShader) WebGL is many times slower. So before the first run, a few real training
 * steps (the run's own network and batch size, random data) are timed on each candidate that starts,
 * and the faster one trains. The result is cached per device and model size by the page (the worker
 * has no localStorage), so the probe runs once.
 *
 * A candidate is dropped early when its first timed step alone is over `LOSE_FACTOR` times slower than
 * the best so far: a SwiftShader WebGL probe then stops after one step instead of costing seconds.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildModel } from './model/buildModel';
import type { LeNetConfig } from './model/lenet';
import { mnistSpec, type ModelSpec } from './model/modelSpec';
import { lenetLayers } from './model/presets';
import type { BackendName } from './backend';

export type ProbeTiming = {
  backend: BackendName;
  /** Training examples per second over the timed steps; null when the backend did not start. */
  examplesPerSec: number | null;
  /** Why a candidate has no or a partial figure ("did not start", "dropped after 1 step"). */
  note?: string;
};

export type BackendProbeResult = {
  /** Device and model size the result holds for; a cached result with another key is ignored. */
  key: string;
  winner: BackendName;
  /** How many times faster the winner is than the runner-up (null when only one candidate ran). */
  margin: number | null;
  timings: ProbeTiming[];
  /** ISO date of the measurement. */
  measuredAt: string;
};

const LOSE_FACTOR = 3;

/** The cache key: what makes timings differ (GPU, cores, network size, batch). */
export function probeKey(p: { renderer: string; cores: number; arch: LeNetConfig; batch: number }): string {
  const a = p.arch;
  return [
    'v1',
    p.renderer,
    `cores=${p.cores}`,
    `${a.activation}/${a.pooling}/${a.filters1}-${a.filters2}-${a.dense1}-${a.dense2}`,
    `batch=${p.batch}`,
  ].join('|');
}

/**
 * The winner among measured timings: the most examples/s. `fallback` wins when nothing was measured.
 * `margin` = winner ÷ runner-up (null without a runner-up). Pure.
 */
export function pickFastest(
  timings: readonly ProbeTiming[],
  fallback: BackendName,
): { winner: BackendName; margin: number | null } {
  const ran = timings
    .filter((x): x is ProbeTiming & { examplesPerSec: number } => x.examplesPerSec !== null)
    .sort((a, b) => b.examplesPerSec - a.examplesPerSec);
  const [first, second] = ran;
  if (!first) return { winner: fallback, margin: null };
  return {
    winner: first.backend,
    margin: second && second.examplesPerSec > 0 ? first.examplesPerSec / second.examplesPerSec : null,
  };
}

/** A cached result is used only for the same device and model size. */
export function usableCache(
  cached: BackendProbeResult | null | undefined,
  key: string,
): BackendProbeResult | null {
  return cached && cached.key === key ? cached : null;
}

/**
 * Times training steps of LeNet (`arch`, batch `batch`, Adam) on the active backend: see `timeSpecSteps`.
 * Returns examples/s over the timed steps, or null if the backend failed.
 */
export async function timeTrainingSteps(
  arch: LeNetConfig,
  batch: number,
  opts: { warmup?: number; steps?: number; giveUpMsPerStep?: number; now?: () => number } = {},
): Promise<{ examplesPerSec: number | null; steps: number }> {
  const r = await timeSpecSteps(mnistSpec(lenetLayers(arch)), batch, opts);
  const ms = r.stepMs.reduce((a, b) => a + b, 0);
  return {
    examplesPerSec: r.failed || ms <= 0 ? null : (r.stepMs.length * batch * 1000) / ms,
    steps: r.stepMs.length,
  };
}

/**
 * Times training steps of any network of the model description (batch `batch`, Adam, random pictures
 * of the spec's input shape) on the active backend: `warmup` untimed steps (shader compiles, weight
 * packing), then up to `steps` timed ones, each read back so the time is real. Stops early when one step
 * is slower than `giveUpMsPerStep`. Returns each timed step's milliseconds (`failed` when the backend
 * threw). Everything it makes is disposed before it returns.
 */
export async function timeSpecSteps(
  spec: ModelSpec,
  batch: number,
  opts: { warmup?: number; steps?: number; giveUpMsPerStep?: number; now?: () => number } = {},
): Promise<{ stepMs: number[]; failed: boolean }> {
  const now = opts.now ?? (() => performance.now());
  const model = buildModel(spec, 7);
  const optimizer = tf.train.adam(1e-3);
  const xs = tf.randomUniform([batch, ...spec.inputShape], 0, 1, 'float32', 3);
  const ys = tf.tidy(() => tf.oneHot(tf.randomUniform([batch], 0, spec.classes, 'int32', 5), spec.classes));
  const step = async () => {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor),
      true,
    );
    await loss?.data();
    loss?.dispose();
  };
  const stepMs: number[] = [];
  try {
    for (let i = 0; i < (opts.warmup ?? 1); i++) await step();
    for (let i = 0; i < (opts.steps ?? 3); i++) {
      const s0 = now();
      await step();
      const ms = now() - s0;
      stepMs.push(ms);
      if (opts.giveUpMsPerStep !== undefined && ms > opts.giveUpMsPerStep) break;
    }
    return { stepMs, failed: false };
  } catch {
    return { stepMs, failed: true };
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([xs, ys]);
  }
}

/**
 * Times each candidate that `activate` can start, fastest first wins, and leaves the winner active
 * (through `activate`). `activate(name)` must switch tfjs to that backend and resolve true on success.
 */
export async function probeBackends(
  candidates: readonly BackendName[],
  arch: LeNetConfig,
  batch: number,
  key: string,
  activate: (name: BackendName) => Promise<boolean>,
): Promise<BackendProbeResult> {
  const timings: ProbeTiming[] = [];
  let best = 0;
  for (const name of candidates) {
    if (!(await activate(name))) {
      timings.push({ backend: name, examplesPerSec: null, note: 'did not start' });
      continue;
    }
    // A step slower than LOSE_FACTOR × the best step so far has lost: stop timing it.
    const giveUp = best > 0 ? (LOSE_FACTOR * batch * 1000) / best : undefined;
    const r = await timeTrainingSteps(arch, batch, { warmup: 1, steps: 3, giveUpMsPerStep: giveUp });
    timings.push({
      backend: name,
      examplesPerSec: r.examplesPerSec,
      ...(r.examplesPerSec === null
        ? { note: 'failed while training' }
        : r.steps < 3
          ? { note: `dropped after ${r.steps} step${r.steps === 1 ? '' : 's'}` }
          : {}),
    });
    if (r.examplesPerSec !== null) best = Math.max(best, r.examplesPerSec);
  }
  const fallback = candidates[0] ?? 'wasm';
  const { winner, margin } = pickFastest(timings, fallback);
  await activate(winner);
  return { key, winner, margin, timings, measuredAt: new Date().toISOString() };
}
