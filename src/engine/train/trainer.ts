/**
 * The training loop, framework-free: it owns a network built from the config's model description, an optimizer and the data order, and only emits
 * typed events with plain numbers and typed arrays. The host (a Web Worker, node, or the page as a
 * fallback) decides how often to yield via `yieldNow`.
 *
 * Reproducible: the seed fixes the initial weights, which digits form the training/validation subset,
 * each epoch's order (seed + epoch) and the augmentation shifts. Same seed + settings + backend ⇒ same losses.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { t } from '../../i18n';
import { makeBatch } from '../data/batches';
import { setGeometry, type MnistSet } from '../data/mnist';
import { mulberry32, shuffledIndices } from '../data/random';
import { buildModel, buildProbe, probeLayerNames } from '../model/buildModel';
import { readWeights, writeWeights } from '../model/modelIO';
import { configSpec, scheduleFactor, type TrainConfig } from './config';
import { evaluateModel, type Mistake } from './evaluate';
import { untilAborted } from '../untilAborted';

export type LayerSnapshot = { name: string; data: Float32Array; shape: number[] };

export type TrainEvent =
  | {
      type: 'progress';
      epoch: number;
      epochs: number;
      batch: number;
      batchesPerEpoch: number;
      step: number;
      totalSteps: number;
      examplesPerSec: number;
      elapsedMs: number;
      etaMs: number;
      lr: number;
      /** Mean loss and accuracy over the steps since the last progress event. */
      loss: number;
      accuracy: number;
      /** Per step since the last event (steps step − n … step − 1): mean loss and accuracy of each batch. */
      stepLoss: Float32Array;
      stepAccuracy: Float32Array;
    }
  | { type: 'snapshot'; step: number; digit: number; filters: LayerSnapshot; layers: LayerSnapshot[] }
  | {
      type: 'epoch';
      epoch: number;
      step: number;
      trainLoss: number;
      trainAccuracy: number;
      valLoss: number | null;
      valAccuracy: number | null;
      testAccuracy: number;
      testLoss: number;
      confusion: Int32Array;
      predictions: Uint8Array;
      mistakes: Mistake[];
      evalMs: number;
    }
  | { type: 'diverged'; step: number; restoredStep: number; message: string }
  | { type: 'done'; reason: 'finished' | 'stopped' | 'diverged'; step: number; elapsedMs: number };

export type TrainerOptions = {
  onEvent: (e: TrainEvent) => void;
  /** Called between groups of steps; a worker awaits a macrotask, the page awaits a frame. */
  yieldNow?: () => Promise<void>;
  /** Milliseconds of training between progress events (and yields). Default 100. */
  reportEveryMs?: number;
  /** Milliseconds between activation snapshots; 0 turns the live panels off. Default 250. */
  snapshotEveryMs?: number;
  /** Test digit whose activations are shown. */
  probeDigit?: number;
  /** Skip the test-set evaluation at epoch ends (unit tests on tiny subsets). */
  evaluateTest?: boolean;
  /** Start from these weights instead of a fresh seeded init (continuing after a backend switch). */
  initialWeights?: Float32Array[];
  /** Continue from this step (with `initialWeights`): the data order is rebuilt from the seed. */
  startStep?: number;
  /**
   * Aborted when the backend dies (a lost WebGL context). tfjs then never resolves a pending read-back,
   * so every read races this signal; the trainer throws BackendLostError without keeping anything read
   * after the loss, and the caller can go on elsewhere from `lastGoodState`.
   */
  lostSignal?: AbortSignal;
  /** Awaited after each epoch's evaluation, before training goes on (saving the model safely). */
  afterEpoch?: (epoch: number, testAccuracy: number) => Promise<void>;
  now?: () => number;
};

type Position = { epoch: number; batch: number };

const CLIP = 1e-7;
/**
 * A mean loss above this means the network is confidently wrong on most digits: guessing scores
 * ln 10 ≈ 2.3, and with probabilities clipped at 1e-7 a blown-up network sits near −ln(1e-7) ≈ 16
 * instead of reaching NaN. Either way the weights have flown off.
 */
export const DIVERGED_LOSS = 10;

/** How often (ms of wall time) the known-good weights are copied out of the model. */
const LAST_GOOD_EVERY_MS = 500;

/** Splits the first `trainSize` digits of a seeded permutation into learn and validation indices. */
export function splitIndices(cfg: TrainConfig, train: MnistSet): { learn: Int32Array; val: Int32Array } {
  const all = shuffledIndices(train.count, mulberry32(cfg.seed ^ 0x5eed));
  const subset = all.subarray(0, Math.min(cfg.trainSize, train.count));
  const valCount = Math.floor(subset.length * cfg.valFraction);
  return { learn: subset.slice(valCount), val: subset.slice(0, valCount) };
}

/** The backend stopped computing mid-run; nothing read after the loss was kept. */
export class BackendLostError extends Error {
  constructor() {
    super(t('engine.trainer.backendLost'));
    this.name = 'BackendLostError';
  }
}

export class Trainer {
  readonly model: tfl.LayersModel;
  private probe: tfl.LayersModel;
  private optimizer: tf.Optimizer;
  private readonly learn: Int32Array;
  private readonly val: Int32Array;
  private readonly batchesPerEpoch: number;
  private readonly totalSteps: number;
  private pos: Position = { epoch: 0, batch: 0 };
  private order: Int32Array | null = null;
  private augmentRng: () => number;
  private paused: { resume: () => void; promise: Promise<void> } | null = null;
  private stopped = false;
  private running = false;
  private lrOverride: number | null = null;
  private lastGood: { weights: Float32Array[]; step: number } | null = null;
  private readonly now: () => number;
  private activeMs = 0;
  probeDigit: number;

  readonly cfg: TrainConfig;
  private readonly data: { train: MnistSet; test: MnistSet };
  private readonly opts: TrainerOptions;

  constructor(cfg: TrainConfig, data: { train: MnistSet; test: MnistSet }, opts: TrainerOptions) {
    this.cfg = cfg;
    this.data = data;
    this.opts = opts;
    this.now = opts.now ?? (() => performance.now());
    // The dataset decides what goes in and how many answers come out (MNIST: 28×28×1, ten digits).
    const g = setGeometry(data.train);
    this.model = buildModel(
      { ...configSpec(cfg), inputShape: [g.h, g.w, g.c], classes: g.classes },
      cfg.seed,
    );
    if (opts.initialWeights) writeWeights(this.model, opts.initialWeights);
    this.probe = buildProbe(this.model);
    this.optimizer = this.makeOptimizer();
    const { learn, val } = splitIndices(cfg, data.train);
    this.learn = learn;
    this.val = val;
    this.batchesPerEpoch = Math.ceil(learn.length / cfg.batchSize);
    this.totalSteps = this.batchesPerEpoch * cfg.epochs;
    this.augmentRng = mulberry32(cfg.seed * 7919 + 1);
    this.probeDigit = opts.probeDigit ?? 0;
    this.snapshotEveryMs = opts.snapshotEveryMs ?? 250;
    const start = Math.min(opts.startStep ?? 0, this.totalSteps);
    this.pos = { epoch: Math.floor(start / this.batchesPerEpoch), batch: start % this.batchesPerEpoch };
    // Replaying the augmentation draws keeps a resumed run on the same random path.
    if (cfg.augment) for (let i = 0; i < start * cfg.batchSize * 2; i++) this.augmentRng();
  }

  /** Milliseconds between activation snapshots; 0 hides the live panels (and saves their cost). */
  snapshotEveryMs: number;

  /** The last weights known to give a finite loss, and their step (plain arrays). */
  get lastGoodState(): { weights: Float32Array[]; step: number } | null {
    return this.lastGood;
  }

  get step(): number {
    return this.pos.epoch * this.batchesPerEpoch + this.pos.batch;
  }
  get isRunning(): boolean {
    return this.running;
  }
  get isPaused(): boolean {
    return this.paused !== null;
  }

  /** The learning rate the next step will use: peak (or the user's override) × schedule factor. */
  currentLr(): number {
    return (this.lrOverride ?? this.cfg.lr) * scheduleFactor(this.cfg.schedule, this.step, this.totalSteps);
  }

  /** Changes the peak learning rate from the next step on; the schedule keeps shaping it. */
  setLearningRate(lr: number): void {
    if (Number.isFinite(lr) && lr > 0) this.lrOverride = lr;
  }

  pause(): void {
    if (this.paused || !this.running) return;
    let resume = () => {};
    const promise = new Promise<void>((r) => (resume = r));
    this.paused = { resume, promise };
  }

  resume(): void {
    const p = this.paused;
    this.paused = null;
    p?.resume();
  }

  stop(): void {
    this.stopped = true;
    this.resume();
  }

  private makeOptimizer(): tf.Optimizer {
    const lr = this.cfg.lr;
    if (this.cfg.optimizer === 'sgd') return tf.train.sgd(lr);
    if (this.cfg.optimizer === 'momentum') return tf.train.momentum(lr, 0.9);
    return tf.train.adam(lr);
  }

  private applyLr(lr: number): void {
    // SGD/momentum expose setLearningRate; Adam reads its (TS-protected) learningRate field every step.
    const o = this.optimizer as unknown as { setLearningRate?: (v: number) => void; learningRate: number };
    if (o.setLearningRate) o.setLearningRate(lr);
    else o.learningRate = lr;
  }

  private epochOrder(epoch: number): Int32Array {
    const perm = shuffledIndices(this.learn.length, mulberry32(this.cfg.seed * 1_000_003 + epoch));
    const out = new Int32Array(perm.length);
    for (let i = 0; i < perm.length; i++) out[i] = this.learn[perm[i] ?? 0] ?? 0;
    return out;
  }

  /**
   * One optimizer step on batch `pos`. Returns a new [2] tensor (loss sum, correct count) for the
   * batch; the caller disposes it.
   */
  private trainStep(order: Int32Array, batch: number): tf.Tensor1D {
    const bs = this.cfg.batchSize;
    const idx = order.subarray(batch * bs, Math.min(order.length, (batch + 1) * bs));
    const { xs, ys } = makeBatch(
      this.data.train,
      idx,
      this.cfg.augment ? { shift: { rng: this.augmentRng, maxPixels: 2 } } : {},
    );
    this.applyLr(this.currentLr());
    let stats: tf.Tensor1D | null = null;
    const loss = this.optimizer.minimize(() => {
      const probs = this.model.apply(xs, { training: true }) as tf.Tensor2D;
      const perExample = tf.neg(tf.sum(tf.mul(ys, tf.log(tf.clipByValue(probs, CLIP, 1))), 1));
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), tf.argMax(ys, 1)), 'float32'));
      const lossSum = tf.sum(perExample);
      stats = tf.keep(tf.stack<tf.Tensor>([lossSum, correct])) as tf.Tensor1D;
      return tf.div<tf.Scalar>(lossSum, idx.length);
    }, true);
    loss?.dispose();
    tf.dispose([xs, ys]);
    // An internal invariant, for developers: stays English.
    if (!stats) throw new Error('training step produced no statistics');
    return stats;
  }

  /** Runs (or continues) training to the end, a stop, or divergence. Resolves when the loop has ended. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    const reportEvery = this.opts.reportEveryMs ?? 100;
    let lastSnap = -Infinity;
    let lastGoodAt = -Infinity;
    let endReason: 'finished' | 'stopped' | 'diverged' = 'finished';
    this.lastGood ??= { weights: await this.guard(readWeights(this.model)), step: this.step };
    try {
      let epochLoss = 0;
      let epochCorrect = 0;
      let epochSeen = 0;
      while (this.pos.epoch < this.cfg.epochs) {
        this.checkBackend();
        this.order ??= this.epochOrder(this.pos.epoch);
        const t0 = this.now();
        const stats: tf.Tensor1D[] = [];
        const sizes: number[] = [];
        let seen = 0;
        // At least one step per group, then as many as fit in the report interval.
        do {
          stats.push(this.trainStep(this.order, this.pos.batch));
          const size = Math.min(this.cfg.batchSize, this.order.length - this.pos.batch * this.cfg.batchSize);
          sizes.push(size);
          seen += size;
          this.pos.batch++;
        } while (this.now() - t0 < reportEvery && this.pos.batch < this.batchesPerEpoch);
        // One readback for the whole group: [loss sum, correct] per step.
        const all = tf.concat(stats);
        tf.dispose(stats);
        let flat: Float32Array | Int32Array | Uint8Array;
        try {
          flat = await this.guard(all.data());
        } finally {
          all.dispose();
        }
        this.checkBackend();
        const stepLoss = new Float32Array(sizes.length);
        const stepAccuracy = new Float32Array(sizes.length);
        let lossSum = 0;
        let correct = 0;
        sizes.forEach((n, i) => {
          const l = flat[2 * i] ?? NaN;
          const c = flat[2 * i + 1] ?? 0;
          lossSum += l;
          correct += c;
          stepLoss[i] = l / n;
          stepAccuracy[i] = c / n;
        });
        const dt = this.now() - t0;
        this.activeMs += dt;
        const meanLoss = lossSum / Math.max(seen, 1);
        if (!Number.isFinite(meanLoss) || meanLoss > DIVERGED_LOSS) {
          this.restoreLastGood(meanLoss);
          endReason = 'diverged';
          break;
        }
        // Reading every weight back each group costs the trainer a little; twice a second keeps the
        // fallback (divergence, a lost backend) at most half a second of training behind.
        if (this.now() - lastGoodAt >= LAST_GOOD_EVERY_MS || this.pos.batch >= this.batchesPerEpoch) {
          lastGoodAt = this.now();
          const weights = await this.guard(readWeights(this.model));
          this.checkBackend();
          this.lastGood = { weights, step: this.step };
        }
        epochLoss += lossSum;
        epochCorrect += correct;
        epochSeen += seen;
        const done = this.step;
        const rate = seen / Math.max(dt, 1e-3);
        const msPerStep = this.activeMs / Math.max(done, 1);
        this.opts.onEvent({
          type: 'progress',
          epoch: this.pos.epoch,
          epochs: this.cfg.epochs,
          batch: this.pos.batch,
          batchesPerEpoch: this.batchesPerEpoch,
          step: done,
          totalSteps: this.totalSteps,
          examplesPerSec: rate * 1000,
          elapsedMs: this.activeMs,
          etaMs: msPerStep * (this.totalSteps - done),
          lr: this.currentLr(),
          loss: lossSum / Math.max(seen, 1),
          accuracy: correct / Math.max(seen, 1),
          stepLoss,
          stepAccuracy,
        });
        if (this.snapshotEveryMs > 0 && this.now() - lastSnap >= this.snapshotEveryMs) {
          lastSnap = this.now();
          await this.emitSnapshot();
        }
        if (this.pos.batch >= this.batchesPerEpoch) {
          await this.endEpoch(epochLoss / Math.max(epochSeen, 1), epochCorrect / Math.max(epochSeen, 1));
          epochLoss = epochCorrect = epochSeen = 0;
          this.pos = { epoch: this.pos.epoch + 1, batch: 0 };
          this.order = null;
        }
        if (this.opts.yieldNow) await this.opts.yieldNow();
        if (this.paused) await this.paused.promise;
        if (this.stopped) {
          endReason = 'stopped';
          break;
        }
      }
    } finally {
      this.running = false;
    }
    this.opts.onEvent({ type: 'done', reason: endReason, step: this.step, elapsedMs: this.activeMs });
  }

  private checkBackend(): void {
    if (this.opts.lostSignal?.aborted) throw new BackendLostError();
  }

  /** `p`, unless the backend is lost first: then BackendLostError (the read itself would never end). */
  private guard<T>(p: Promise<T>): Promise<T> {
    return untilAborted(p, this.opts.lostSignal, () => new BackendLostError());
  }

  private restoreLastGood(meanLoss: number): void {
    const good = this.lastGood;
    if (good) writeWeights(this.model, good.weights);
    // Adam's running averages hold the bad values too: start the optimizer afresh.
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
    const what = Number.isNaN(meanLoss)
      ? t('engine.trainer.lossNaN')
      : Number.isFinite(meanLoss)
        ? t('engine.trainer.lossHigh', { loss: meanLoss.toFixed(1) })
        : t('engine.trainer.lossInfinite');
    this.opts.onEvent({
      type: 'diverged',
      step: this.step,
      restoredStep: good?.step ?? 0,
      message: t('engine.trainer.diverged', {
        what,
        step: String(this.step),
        lr: fmtLr(this.currentLr()),
        good: String(good?.step ?? 0),
      }),
    });
  }

  private async endEpoch(trainLoss: number, trainAccuracy: number): Promise<void> {
    const t0 = this.now();
    const y = this.opts.yieldNow;
    const val = this.val.length
      ? await this.guard(
          evaluateModel(this.model, this.data.train, {
            indices: this.val,
            worst: 0,
            ...(y ? { onChunk: y } : {}),
          }),
        )
      : null;
    const test =
      this.opts.evaluateTest === false
        ? null
        : await this.guard(
            evaluateModel(this.model, this.data.test, { worst: 24, ...(y ? { onChunk: y } : {}) }),
          );
    // A context lost during the evaluation would report (and save) an all-zero network.
    this.checkBackend();
    this.opts.onEvent({
      type: 'epoch',
      epoch: this.pos.epoch,
      step: this.step,
      trainLoss,
      trainAccuracy,
      valLoss: val?.loss ?? null,
      valAccuracy: val?.accuracy ?? null,
      testAccuracy: test?.accuracy ?? NaN,
      testLoss: test?.loss ?? NaN,
      confusion: test?.confusion ?? new Int32Array(setGeometry(this.data.test).classes ** 2),
      predictions: test?.predictions ?? new Uint8Array(0),
      mistakes: test?.mistakes ?? [],
      evalMs: this.now() - t0,
    });
    await this.opts.afterEpoch?.(this.pos.epoch, test?.accuracy ?? NaN);
  }

  /**
   * The first convolution's filters (none when the network has no convolution: shape []) and every
   * layer's output for the probe digit, as plain arrays.
   */
  async emitSnapshot(): Promise<void> {
    const digit = Math.min(Math.max(0, this.probeDigit), this.data.test.count - 1);
    const firstConv = this.model.layers.find((l) => l.getClassName() === 'Conv2D');
    // Live variables of the model: read, never disposed.
    const kernel = firstConv?.getWeights()[0];
    const filtersData = kernel
      ? ((await this.guard(kernel.data())) as Float32Array).slice()
      : new Float32Array(0);
    const g = setGeometry(this.data.test);
    const pixels = new Float32Array(g.size);
    for (let p = 0; p < g.size; p++) pixels[p] = (this.data.test.images[digit * g.size + p] ?? 0) / 255;
    const outs = tf.tidy(() => {
      // A one-layer network (softmax regression) has a single output: predict then returns no array.
      const raw = this.probe.predict(tf.tensor4d(pixels, [1, g.h, g.w, g.c]));
      return Array.isArray(raw) ? raw : [raw];
    });
    const names = probeLayerNames(this.model);
    const layers: LayerSnapshot[] = [{ name: 'input', data: pixels, shape: [g.h, g.w, g.c] }];
    for (let i = 0; i < outs.length; i++) {
      const t = outs[i];
      if (!t) continue;
      layers.push({
        name: names[i] ?? `layer${i}`,
        data: (await this.guard(t.data())) as Float32Array,
        shape: t.shape.slice(1),
      });
    }
    tf.dispose(outs);
    this.checkBackend();
    this.opts.onEvent({
      type: 'snapshot',
      step: this.step,
      digit,
      filters: { name: firstConv?.name ?? '', data: filtersData, shape: kernel?.shape.slice() ?? [] },
      layers,
    });
  }

  /** Current weights as plain arrays (for a backend switch or saving elsewhere). */
  async weights(): Promise<Float32Array[]> {
    return readWeights(this.model);
  }

  /** Frees the model and optimizer. The trainer cannot be used afterwards. */
  dispose(): void {
    this.stop();
    this.optimizer.dispose();
    this.model.dispose();
  }
}

function fmtLr(lr: number): string {
  return lr >= 0.01 ? lr.toFixed(3) : lr.toExponential(1);
}
