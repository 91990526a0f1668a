/**
 * What the network makes of many images at its last hidden layer: the numbers the final scoring layer
 * reads (LeNet-5: the 84 of `fc2`). A map of these, beside a map of the raw pixels, shows what the
 * network learned: digits of a class that look different as pixels end up close together here.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { forEachImageBatch } from './imageBatches';
import type { Network } from './network';

/**
 * Index into `net.layers` of the last hidden layer: the layer whose output the scoring layer reads
 * (`-1`: the scoring layer reads the image itself, a model with no hidden layer).
 * 'dense-softmax' and 'linear': the layer before the last; 'activation-softmax': before the last two.
 */
export function lastHiddenIndex(net: Network): number {
  const n = net.layers.length;
  return net.head === 'activation-softmax' ? n - 3 : n - 2;
}

export type HiddenFeatures = {
  /** Name of the layer read (`input` when the model has no hidden layer). */
  layer: string;
  /** Numbers per image. */
  dim: number;
  /** `[count, dim]` row-major. */
  features: Float32Array;
  /** The model's answer for each image (its top class). */
  predicted: Uint8Array;
};

/**
 * The last hidden layer's activations (flattened) and the model's answer for `count` images, in
 * batches; `imageAt(i, out)` writes image i into `out` (h·w·c values in the model's input range).
 * One forward pass and one read-back per batch; progress after each; an aborted signal stops between
 * batches. Returns plain arrays the caller owns; every tensor is freed (the probe model shares the
 * network's weights and owns none).
 */
export async function computeHiddenFeatures(
  net: Network,
  count: number,
  imageAt: (index: number, out: Float32Array) => void,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<HiddenFeatures> {
  const input = net.model.inputs[0];
  const output = net.model.outputs[0];
  if (!input || !output) throw new RangeError('the model has no input or output');
  const hidden = lastHiddenIndex(net);
  const hiddenLayer = hidden >= 0 ? net.layers[hidden] : undefined;
  const [h, w, ch] = net.inputShape;
  const size = h * w * ch;
  const dim = hiddenLayer
    ? (hiddenLayer.outputShape as (number | null)[]).slice(1).reduce<number>((a, b) => a * (b ?? 1), 1)
    : size;
  const probe = tfl.model({
    inputs: input,
    outputs: [(hiddenLayer?.output ?? input) as tfl.SymbolicTensor, output],
  });
  const features = new Float32Array(count * dim);
  const predicted = new Uint8Array(count);
  await forEachImageBatch(
    net.inputShape,
    count,
    imageAt,
    { ...opts, batchSize: opts.batchSize ?? 500 },
    (x) => {
      const [act, out] = probe.predict(x) as tf.Tensor[];
      // Features then answers, in one tensor: one read-back per batch.
      return tf.concat([
        tf.reshape(act as tf.Tensor, [-1]),
        tf.cast(tf.argMax(out as tf.Tensor, -1), 'float32'),
      ]);
    },
    (values, start, n) => {
      features.set(values.subarray(0, n * dim), start * dim);
      for (let b = 0; b < n; b++) predicted[start + b] = values[n * dim + b] as number;
    },
  );
  return { layer: hiddenLayer?.name ?? 'input', dim, features, predicted };
}
