/**
 * Occlusion: hide part of the image and see how much the model's belief drops.
 *
 * A `patch × patch` square slides over the image with step `stride`. At output cell (row, col) the
 * square covers rows `row·stride … row·stride + patch − 1` and the same for columns; those pixels are
 * set to 0 (paper) and the model runs again:
 *
 *   value(row, col) = P(c | image) − P(c | image with the patch at (row·stride, col·stride) zeroed)
 *
 * with `c` the model's top class on the whole image unless a class is given. Positive = hiding that
 * place made the model less sure of `c` (it was looking there); negative = more sure.
 * The map has `⌊(H − patch)/stride⌋ + 1` rows (and the same with W for columns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { probabilitiesOf, yieldToLoop, type Network } from './network';

export type OcclusionParams = { patch: number; stride: number; classIndex?: number };

export type OcclusionMap = {
  /** `outH × outW` values, row-major (see the module comment). */
  values: Float32Array;
  outH: number;
  outW: number;
  /** The class explained. */
  classIndex: number;
  /** P(c | whole image). */
  baseProbability: number;
  /** P(c | occluded image) at every position, row-major: `values = baseProbability − occluded`. */
  occluded: Float32Array;
};

/** Output side for an input side, or 0 when the patch does not fit / the stride is not positive. */
export function occlusionSide(side: number, patch: number, stride: number): number {
  if (!Number.isInteger(patch) || !Number.isInteger(stride) || patch < 1 || stride < 1 || patch > side)
    return 0;
  return Math.floor((side - patch) / stride) + 1;
}

/**
 * The image with the patch at output cell (row, col) zeroed, written into `out` (length h·w·c) at
 * `offset`. Pure; used by the batched map and by the UI to show the occluded picture.
 */
export function occludeInto(
  pixels: Float32Array,
  shape: [h: number, w: number, c: number],
  patch: number,
  top: number,
  left: number,
  out: Float32Array,
  offset = 0,
): void {
  const [h, w, c] = shape;
  out.set(pixels, offset);
  for (let y = top; y < Math.min(h, top + patch); y++) {
    const start = offset + (y * w + left) * c;
    out.fill(0, start, start + Math.min(patch, w - left) * c);
  }
}

/**
 * The occlusion map of one image (`pixels`: `h·w·c` values in the model's input range), computed in
 * batches of `batchSize` occluded copies per forward pass, with one readback per batch.
 * `onProgress(done, total)` is called after each batch; an aborted `signal` stops between batches
 * (rejecting with the signal's reason). Returns plain arrays; every tensor is freed.
 */
export async function computeOcclusionMap(
  net: Network,
  pixels: Float32Array,
  params: OcclusionParams,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<OcclusionMap> {
  const [h, w, c] = net.inputShape;
  const outH = occlusionSide(h, params.patch, params.stride);
  const outW = occlusionSide(w, params.patch, params.stride);
  if (outH === 0 || outW === 0)
    throw new RangeError(`patch ${params.patch} / stride ${params.stride} do not fit`);
  const size = h * w * c;
  const base = tf.tidy(() => probabilitiesOf(net, tf.tensor4d(pixels, [1, h, w, c])));
  const baseProbs = (await base.data()) as Float32Array;
  base.dispose();
  let classIndex = params.classIndex ?? 0;
  if (params.classIndex === undefined) {
    for (let i = 1; i < baseProbs.length; i++)
      if ((baseProbs[i] as number) > (baseProbs[classIndex] as number)) classIndex = i;
  }
  const baseProbability = baseProbs[classIndex] as number;
  const total = outH * outW;
  const occluded = new Float32Array(total);
  const batchSize = Math.max(1, opts.batchSize ?? 128);
  const buffer = new Float32Array(Math.min(batchSize, total) * size);
  for (let start = 0; start < total; start += batchSize) {
    opts.signal?.throwIfAborted();
    const n = Math.min(batchSize, total - start);
    for (let k = 0; k < n; k++) {
      const pos = start + k;
      const row = Math.floor(pos / outW);
      const col = pos % outW;
      occludeInto(
        pixels,
        [h, w, c],
        params.patch,
        row * params.stride,
        col * params.stride,
        buffer,
        k * size,
      );
    }
    const p = tf.tidy(() => {
      const x = tf.tensor4d(buffer.subarray(0, n * size), [n, h, w, c]);
      return tf.slice(probabilitiesOf(net, x), [0, classIndex], [n, 1]);
    });
    const column = await p.data();
    p.dispose();
    occluded.set(column, start);
    opts.onProgress?.(start + n, total);
    if (start + n < total) await yieldToLoop();
  }
  const values = new Float32Array(total);
  for (let i = 0; i < total; i++) values[i] = baseProbability - (occluded[i] as number);
  return { values, outH, outW, classIndex, baseProbability, occluded };
}
