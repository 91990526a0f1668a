import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Deterministic pseudo-random numbers in [−1, 1) (a tiny LCG), for weights and images. */
export function numbers(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Sets every weight of `model` from `numbers`, scaled: a reproducible "trained" model. */
export function fillWeights(model: tfl.LayersModel, seed: number, scale = 0.5): void {
  const ws = model.getWeights().map((w, i) =>
    tf.tensor(
      numbers(w.size, seed + i).map((v) => v * scale),
      w.shape,
    ),
  );
  model.setWeights(ws);
  ws.forEach((w) => w.dispose());
}

/**
 * A small CNN: conv(3, 3×3 same, relu) → maxpool 2 → conv(`second`, 3×3 valid, relu) → dense `classes`
 * softmax. By default on 8×8 grey images with 4 second-layer filters and 5 classes; `shape` gives
 * another input (e.g. 6×6×3 colour).
 */
export function tinyCnn(
  seed = 3,
  {
    shape = [8, 8, 1] as [number, number, number],
    second = 4,
    classes = 5,
  }: { shape?: [number, number, number]; second?: number; classes?: number } = {},
): tfl.Sequential {
  const m = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: shape,
        filters: 3,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        name: 'a',
      }),
      tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
      tfl.layers.conv2d({ filters: second, kernelSize: 3, padding: 'valid', activation: 'relu', name: 'b' }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
  fillWeights(m, seed);
  return m;
}

/** An 8×8 image with values in [0, 1]. */
export function tinyImage(seed = 11): Float32Array {
  return numbers(64, seed).map((v) => (v + 1) / 2);
}
