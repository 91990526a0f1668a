/**
 * Checking a model on held-out digits: accuracy, mean loss, a confusion matrix, every prediction, and the
 * worst mistakes (wrong answers given with the most confidence). Tensors stay inside; plain arrays come out.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { setGeometry, type MnistSet } from '../data/mnist';

export type Mistake = {
  /** Index into the evaluated set. */
  index: number;
  label: number;
  predicted: number;
  /** The probabilities the model gave (one per class), class 0 first. */
  probs: Float32Array;
};

export type Evaluation = {
  count: number;
  correct: number;
  accuracy: number;
  /** Mean cross-entropy, −log p(true digit). */
  loss: number;
  /** confusion[true * classes + predicted] = how many pictures (classes × classes cells). */
  confusion: Int32Array;
  /** The model's answer for every digit evaluated, in order. */
  predictions: Uint8Array;
  /** Up to `worst` mistakes, most confident wrong answer first. */
  mistakes: Mistake[];
};

/**
 * Runs `model` over `indices` of `set` (default: all) in chunks, with one readback per chunk.
 * `onChunk` lets the caller yield between chunks. Returns plain arrays; nothing to dispose.
 */
export async function evaluateModel(
  model: tfl.LayersModel,
  set: MnistSet,
  opts: { indices?: Int32Array; chunk?: number; worst?: number; onChunk?: () => Promise<void> } = {},
): Promise<Evaluation> {
  const count = opts.indices ? opts.indices.length : set.count;
  const chunk = opts.chunk ?? 1000;
  const g = setGeometry(set);
  const { classes, size: pixels } = g;
  const confusion = new Int32Array(classes * classes);
  const predictions = new Uint8Array(count);
  const wrong: {
    index: number;
    label: number;
    predicted: number;
    confidence: number;
    probs: Float32Array;
  }[] = [];
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < count; start += chunk) {
    const k = Math.min(chunk, count - start);
    const xs = new Float32Array(k * pixels);
    for (let i = 0; i < k; i++) {
      const idx = opts.indices ? (opts.indices[start + i] ?? 0) : start + i;
      const from = idx * pixels;
      for (let p = 0; p < pixels; p++) xs[i * pixels + p] = (set.images[from + p] ?? 0) / 255;
    }
    const probsT = tf.tidy(() => model.predict(tf.tensor4d(xs, [k, g.h, g.w, g.c])) as tf.Tensor);
    const probs = (await probsT.data()) as Float32Array;
    probsT.dispose();
    for (let i = 0; i < k; i++) {
      const idx = opts.indices ? (opts.indices[start + i] ?? 0) : start + i;
      const label = set.labels[idx] ?? 0;
      let best = 0;
      let bestP = -1;
      for (let c = 0; c < classes; c++) {
        const p = probs[i * classes + c] ?? 0;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      predictions[start + i] = best;
      const cell = label * classes + best;
      confusion[cell] = (confusion[cell] ?? 0) + 1;
      lossSum += -Math.log(Math.max(1e-7, probs[i * classes + label] ?? 0));
      if (best === label) correct++;
      else {
        wrong.push({
          index: idx,
          label,
          predicted: best,
          confidence: bestP,
          probs: probs.slice(i * classes, (i + 1) * classes),
        });
      }
    }
    if (opts.onChunk) await opts.onChunk();
  }
  wrong.sort((a, b) => b.confidence - a.confidence);
  const mistakes = wrong.slice(0, opts.worst ?? 24).map(({ index, label, predicted, probs }) => ({
    index,
    label,
    predicted,
    probs,
  }));
  return {
    count,
    correct,
    accuracy: count ? correct / count : 0,
    loss: count ? lossSum / count : 0,
    confusion,
    predictions,
    mistakes,
  };
}
