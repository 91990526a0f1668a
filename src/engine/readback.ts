import type * as tf from '@tensorflow/tfjs-core';

/** Plain values with their shape: the only form in which tensor values reach the UI. */
export type Snapshot = { data: Float32Array; shape: number[] };

/**
 * Reads a tensor back asynchronously (never `dataSync`, which stalls WebGL).
 * Does not dispose `t`: the caller still owns it.
 */
export async function toSnapshot(t: tf.Tensor): Promise<Snapshot> {
  const values = await t.data();
  const data = values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
  return { data, shape: t.shape.slice() };
}

/** Reads a tensor back and disposes it: for tensors made only to be read. */
export async function takeSnapshot(t: tf.Tensor): Promise<Snapshot> {
  try {
    return await toSnapshot(t);
  } finally {
    t.dispose();
  }
}
