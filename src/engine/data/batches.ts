/**
 * Turning MNIST bytes into tensors for training and evaluation. The float arrays are built in plain JS
 * and uploaded with one `tf.tensor*` call each: far cheaper than slicing a big tensor per batch.
 */

import * as tf from '@tensorflow/tfjs-core';
import { setGeometry, type MnistSet } from './mnist';
import { randomInt } from './random';

export type Batch = {
  /** [n, h, w, c] ([n, 28, 28, 1] for MNIST), pixel values in [0, 1]. */
  xs: tf.Tensor4D;
  /** [n, classes], one-hot: row i has a 1 in column label(i). */
  ys: tf.Tensor2D;
};

export type BatchOptions = {
  /**
   * Random shift augmentation: each digit moves by a whole number of pixels in [−maxPixels, maxPixels]
   * on each axis, with blank paper filling in. Teaches the net that a digit is the same digit when
   * written a little off-centre.
   */
  shift?: { rng: () => number; maxPixels: number };
};

/**
 * Makes a batch of the digits at `indices`. Returns two new tensors; the caller disposes both
 * (`tf.dispose(batch)` does). Throws a RangeError for an index outside the set.
 */
export function makeBatch(set: MnistSet, indices: ArrayLike<number>, opts: BatchOptions = {}): Batch {
  const n = indices.length;
  const g = setGeometry(set);
  const xs = new Float32Array(n * g.size);
  const ys = new Float32Array(n * g.classes);
  const shift = opts.shift && opts.shift.maxPixels > 0 ? opts.shift : undefined;
  for (let b = 0; b < n; b++) {
    const index = indices[b] ?? -1;
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      // A developer error (a caller broke the contract), not a message for users: it stays English.
      throw new RangeError(
        `makeBatch: index ${index} at position ${b} is outside the ${set.split} set (0–${set.count - 1}).`,
      );
    }
    const from = index * g.size;
    const to = b * g.size;
    if (shift) {
      const span = 2 * shift.maxPixels + 1;
      const dx = randomInt(shift.rng, span) - shift.maxPixels;
      const dy = randomInt(shift.rng, span) - shift.maxPixels;
      copyShifted(set.images, from, xs, to, dx, dy, g);
    } else {
      for (let i = 0; i < g.size; i++) xs[to + i] = (set.images[from + i] ?? 0) / 255;
    }
    ys[b * g.classes + (set.labels[index] ?? 0)] = 1;
  }
  return {
    xs: tf.tensor4d(xs, [n, g.h, g.w, g.c], 'float32'),
    ys: tf.tensor2d(ys, [n, g.classes], 'float32'),
  };
}

/**
 * out(r, c, k) = in(r − dy, c − dx, k) / 255, or 0 where that falls off the image (blank paper for ink;
 * black for a colour picture, which the network learns to ignore the same way).
 */
function copyShifted(
  src: Uint8Array,
  from: number,
  dst: Float32Array,
  to: number,
  dx: number,
  dy: number,
  g: { h: number; w: number; c: number },
): void {
  const { h, w, c: ch } = g;
  for (let r = 0; r < h; r++) {
    const sr = r - dy;
    if (sr < 0 || sr >= h) continue;
    for (let c = 0; c < w; c++) {
      const sc = c - dx;
      if (sc < 0 || sc >= w) continue;
      for (let k = 0; k < ch; k++)
        dst[to + (r * w + c) * ch + k] = (src[from + (sr * w + sc) * ch + k] ?? 0) / 255;
    }
  }
}

/**
 * Digits `start` … `start + count − 1` as one [k, 28, 28, 1] tensor in [0, 1], where k is `count` cut
 * to the end of the set: loop `start += count` to evaluate the test set in chunks. Their labels are
 * `set.labels.subarray(start, start + k)`. Returns a new tensor; the caller disposes it.
 */
export function makeImagesTensor(set: MnistSet, start: number, count: number): tf.Tensor4D {
  if (!Number.isInteger(start) || start < 0 || start >= set.count) {
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    throw new RangeError(
      `makeImagesTensor: start ${start} is outside the ${set.split} set (0–${set.count - 1}).`,
    );
  }
  const k = Math.max(0, Math.min(Math.floor(count), set.count - start));
  const g = setGeometry(set);
  const bytes = set.images.subarray(start * g.size, (start + k) * g.size);
  const xs = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) xs[i] = (bytes[i] ?? 0) / 255;
  return tf.tensor4d(xs, [k, g.h, g.w, g.c], 'float32');
}
