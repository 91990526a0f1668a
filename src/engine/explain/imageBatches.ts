/**
 * The batched pass over many images that the filter views and the learned map share: fill a batch from
 * `imageAt`, run it, read everything back at once, hand the numbers over, report progress, give the page
 * a turn, repeat.
 */
import * as tf from '@tensorflow/tfjs-core';
import { yieldToLoop } from './network';

export type ImageBatchOptions = {
  batchSize: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

/**
 * Runs images 0…count−1 through `pack` in batches of `opts.batchSize`. `imageAt(i, out)` writes image i
 * (h·w·c values, `inputShape`) into `out`; `pack(x, n)` runs inside `tf.tidy` (so it must be synchronous)
 * and returns ONE tensor holding everything to read for the batch of `n`; `take(values, start, n)` gets
 * its values (valid only during the call). An aborted signal stops between batches (it throws);
 * progress is reported after each batch. Every tensor made here is freed.
 */
export async function forEachImageBatch(
  inputShape: readonly [number, number, number],
  count: number,
  imageAt: (index: number, out: Float32Array) => void,
  opts: ImageBatchOptions,
  pack: (x: tf.Tensor4D, n: number) => tf.Tensor,
  take: (values: Float32Array, start: number, n: number) => void,
): Promise<void> {
  const [h, w, ch] = inputShape;
  const size = h * w * ch;
  const batchSize = Math.max(1, opts.batchSize);
  const buffer = new Float32Array(batchSize * size);
  for (let start = 0; start < count; start += batchSize) {
    opts.signal?.throwIfAborted();
    const n = Math.min(batchSize, count - start);
    for (let b = 0; b < n; b++) imageAt(start + b, buffer.subarray(b * size, (b + 1) * size));
    const packed = tf.tidy(() => pack(tf.tensor4d(buffer.subarray(0, n * size), [n, h, w, ch]), n));
    try {
      take((await packed.data()) as Float32Array, start, n);
    } finally {
      packed.dispose();
    }
    opts.onProgress?.(start + n, count);
    if (start + n < count) await yieldToLoop();
  }
}
