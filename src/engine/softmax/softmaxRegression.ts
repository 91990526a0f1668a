/**
 * Softmax regression: the one-layer network of lesson 8. Every pixel connects straight to ten outputs,
 *   score = x·W + b   (x: 784 pixels in [0,1], W: 784×10, b: 10)
 *   p = softmax(score), p(d) = e^score(d) / Σₖ e^score(k)
 * trained by minimising the cross-entropy −log p(true digit) + λ·‖W‖² with plain SGD on shuffled
 * mini-batches. Plain SGD (not Adam) keeps each weight proportional to the evidence for it, and the small
 * L2 term pulls pixels that never matter back to zero: both make the templates smooth enough to read.
 * Because each class has only one weight per pixel, its 784 weights read as a 28×28 "template".
 * Framework-free: tensors inside, plain typed arrays out.
 */

import * as tf from '@tensorflow/tfjs-core';
// Gradients live in a side-effect module of tfjs-core; tfjs-layers loads it too, but this trainer must
// not depend on that (it runs in node tests and could run in a worker without layers).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { t } from '../../i18n';
import { makeBatch, makeImagesTensor } from '../data/batches';
import { MNIST_CLASSES, MNIST_PIXELS, type MnistSet } from '../data/mnist';
import { mulberry32, shuffledIndices } from '../data/random';
import { untilAborted } from '../untilAborted';

export type SoftmaxModel = {
  /** 784×10 row-major: weights[pixel·10 + digit]. */
  weights: Float32Array;
  /** One bias per digit. */
  bias: Float32Array;
};

export type SoftmaxProgress = {
  step: number;
  steps: number;
  loss: number;
  elapsedMs: number;
  /** Estimated seconds to the end, once a few steps have been timed. */
  secondsLeft: number | null;
};

export type SoftmaxOptions = {
  /** How many training digits to use (the first `examples` of a seeded shuffle). */
  examples: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Weight of the L2 penalty λ·‖W‖² (0 turns it off). */
  l2?: number;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (p: SoftmaxProgress) => void;
  /**
   * Called with a copy of the weights as they are now, at most every `weightsEveryMs` (and after the
   * last step), so a page can draw the templates while they form. The arrays are new and the callback
   * owns them; no tensor is handed out.
   */
  onWeights?: (model: SoftmaxModel, step: number) => void;
  /** The least time between two `onWeights` calls, in ms (default 250). */
  weightsEveryMs?: number;
  /** Work per slice before yielding to the page, in ms (default 12). */
  frameBudgetMs?: number;
};

export const SOFTMAX_DEFAULTS: Omit<SoftmaxOptions, 'signal' | 'onProgress'> = {
  examples: 12000,
  epochs: 2,
  batchSize: 100,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 1,
};

/**
 * The weights training starts from: every weight and bias 0, so before any step each template is blank
 * (white on the diverging map) and every digit scores the same. `trainSoftmax` starts from exactly
 * these. Returns new arrays the caller owns.
 */
export function softmaxStart(): SoftmaxModel {
  return { weights: new Float32Array(MNIST_PIXELS * MNIST_CLASSES), bias: new Float32Array(MNIST_CLASSES) };
}

/** Lets the page paint between slices; in node there is no animation frame, so a macrotask does. */
function yieldToPage(): Promise<void> {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => resolve()) : setTimeout(resolve, 0)));
}

function abortError(): Error {
  const err = new Error(t('engine.softmax.stopped'));
  err.name = 'AbortError';
  return err;
}

/**
 * Trains softmax regression on `set` and returns its weights as plain arrays (no tensors survive:
 * the variables and the optimizer are disposed before it resolves, also on abort or error).
 * Rejects with an AbortError when `signal` aborts, and with an Error if the loss stops being finite.
 */
export async function trainSoftmax(
  set: MnistSet,
  opts: SoftmaxOptions,
): Promise<SoftmaxModel & { steps: number; ms: number; loss: number }> {
  const examples = Math.max(1, Math.min(opts.examples, set.count));
  const order = shuffledIndices(set.count, mulberry32(opts.seed)).subarray(0, examples);
  const perEpoch = Math.ceil(examples / opts.batchSize);
  const steps = perEpoch * opts.epochs;
  const budget = opts.frameBudgetMs ?? 12;
  // A variable shares its initial tensor's data, so the starting tensors themselves can go at once.
  const start = softmaxStart();
  const w0 = tf.tensor2d(start.weights, [MNIST_PIXELS, MNIST_CLASSES]);
  const b0 = tf.tensor1d(start.bias);
  const W = tf.variable(w0, true, 'softmaxW');
  const b = tf.variable(b0, true, 'softmaxB');
  tf.dispose([w0, b0]);
  const optimizer = tf.train.sgd(opts.learningRate);
  const l2 = opts.l2 ?? 0;
  const t0 = performance.now();
  let step = 0;
  let lastLoss = NaN;
  const weightsEvery = opts.weightsEveryMs ?? 250;
  let lastWeightsAt = -Infinity;
  try {
    while (step < steps) {
      if (opts.signal?.aborted) throw abortError();
      const sliceStart = performance.now();
      let cost: tf.Scalar | null = null;
      while (step < steps && (cost === null || performance.now() - sliceStart < budget)) {
        const epochStep = step % perEpoch;
        const idx = order.subarray(
          epochStep * opts.batchSize,
          Math.min(examples, (epochStep + 1) * opts.batchSize),
        );
        const batch = makeBatch(set, idx);
        cost?.dispose();
        cost = optimizer.minimize(
          () => {
            const logits = tf.add(tf.matMul(tf.reshape(batch.xs, [idx.length, MNIST_PIXELS]), W), b);
            const ce: tf.Scalar = tf.losses.softmaxCrossEntropy(batch.ys, logits);
            if (l2 === 0) return ce;
            const total: tf.Scalar = tf.add(ce, tf.mul(l2, tf.sum(tf.square(W))));
            return total;
          },
          true,
          [W, b],
        );
        tf.dispose(batch);
        step++;
      }
      if (cost) {
        try {
          lastLoss = (await untilAborted(cost.data(), opts.signal, abortError))[0] ?? NaN;
        } finally {
          cost.dispose();
        }
      }
      if (!Number.isFinite(lastLoss))
        throw new Error(t('engine.softmax.diverged', { loss: String(lastLoss) }));
      const elapsedMs = performance.now() - t0;
      opts.onProgress?.({
        step,
        steps,
        loss: lastLoss,
        elapsedMs,
        secondsLeft: step >= 5 ? ((elapsedMs / step) * (steps - step)) / 1000 : null,
      });
      if (opts.onWeights && (step === steps || performance.now() - lastWeightsAt >= weightsEvery)) {
        lastWeightsAt = performance.now();
        // Copies: a backend may hand out its own buffer (cpu does), which the result also returns.
        const weights = ((await untilAborted(W.data(), opts.signal, abortError)) as Float32Array).slice();
        const bias = ((await untilAborted(b.data(), opts.signal, abortError)) as Float32Array).slice();
        opts.onWeights({ weights, bias }, step);
      }
      await yieldToPage();
    }
    const weights = (await untilAborted(W.data(), opts.signal, abortError)) as Float32Array;
    const bias = (await untilAborted(b.data(), opts.signal, abortError)) as Float32Array;
    return { weights, bias, steps, ms: performance.now() - t0, loss: lastLoss };
  } finally {
    W.dispose();
    b.dispose();
    optimizer.dispose();
  }
}

export type SoftmaxEvaluation = {
  accuracy: number;
  count: number;
  /** 10×10 counts, row = true digit, column = predicted digit. */
  confusion: Int32Array;
};

/**
 * Scores the first `count` digits of `set` (all by default) and counts right answers and confusions.
 * Works in chunks of 1,000 so memory stays small; every tensor is disposed. Returns plain arrays.
 */
export async function evaluateSoftmax(
  model: SoftmaxModel,
  set: MnistSet,
  count = set.count,
): Promise<SoftmaxEvaluation> {
  const n = Math.min(count, set.count);
  const confusion = new Int32Array(MNIST_CLASSES * MNIST_CLASSES);
  let right = 0;
  for (let start = 0; start < n; start += 1000) {
    const k = Math.min(1000, n - start);
    const pred = tf.tidy(() => {
      const W = tf.tensor2d(model.weights, [MNIST_PIXELS, MNIST_CLASSES]);
      const b = tf.tensor1d(model.bias);
      const xs = tf.reshape(makeImagesTensor(set, start, k), [k, MNIST_PIXELS]);
      return tf.argMax(tf.add(tf.matMul(xs, W), b), 1);
    });
    const guesses = await pred.data();
    pred.dispose();
    for (let i = 0; i < k; i++) {
      const truth = set.labels[start + i] ?? 0;
      const guess = guesses[i] ?? 0;
      confusion[truth * MNIST_CLASSES + guess] = (confusion[truth * MNIST_CLASSES + guess] ?? 0) + 1;
      if (truth === guess) right++;
    }
  }
  return { accuracy: n > 0 ? right / n : 0, count: n, confusion };
}

/** Digit `d`'s 784 weights as a 28×28 row-major template. Returns a new array the caller owns. */
export function softmaxTemplate(model: SoftmaxModel, digit: number): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  for (let p = 0; p < MNIST_PIXELS; p++) out[p] = model.weights[p * MNIST_CLASSES + digit] ?? 0;
  return out;
}
