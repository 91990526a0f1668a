/**
 * A trained classifier seen as a chain of layers, for the "why did it decide?" methods.
 *
 * Works on any plain `tfl.LayersModel` whose layers form a chain (each layer takes the previous one's
 * output: every `tfl.sequential` model, LeNet and the layer editor's networks), with one image input
 * `[h, w, c]` and a last layer that is either a Dense layer with softmax, a softmax Activation layer, or
 * a linear layer that already outputs scores. Conv layers are found by their class, never by name.
 *
 * Definitions used throughout `src/engine/explain`:
 * - `z = logits(x)`: the class scores *before* softmax ("pre-softmax score" `z_c`);
 * - `P(c | x) = softmax(z)_c`, which is exactly what the model itself outputs for a softmax model.
 *
 * Everything here is synchronous maths meant to run inside a caller's `tf.tidy` (or `tf.grad`).
 * No function here keeps or disposes the model's weights: the caller owns the model.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

type Layer = tfl.LayersModel['layers'][number];

/** Layer classes treated as convolutions (the ones Grad-CAM and "what each filter wants" look at). */
export const CONV_CLASSES: readonly string[] = ['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D'];

/** A conv layer of the chain: its position among `chain.layers`, name, filter count and output size. */
export type ConvLayerInfo = {
  index: number;
  name: string;
  filters: number;
  outH: number;
  outW: number;
};

/** The model as a chain, with the facts the explain methods need. Holds no tensors of its own. */
export type Network = {
  model: tfl.LayersModel;
  /** Every layer after the input, in order. */
  layers: Layer[];
  /** Input image size `[h, w, c]`. */
  inputShape: [h: number, w: number, c: number];
  classes: number;
  /** How the last layer's output becomes pre-softmax scores. */
  head: 'dense-softmax' | 'activation-softmax' | 'linear';
  convLayers: ConvLayerInfo[];
};

/** Why a model cannot be explained (a developer-facing reason; the UI words its own message). */
export class NotExplainableError extends Error {
  override name = 'NotExplainableError';
}

/** A layer shape without its batch dimension (`[null, 28, 28, 1]` → `[28, 28, 1]`). */
function dims(shape: (number | null)[] | (number | null)[][]): number[] {
  const s = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
  return s.slice(1).map((d) => d ?? 0);
}

/**
 * Reads the model's structure. Throws `NotExplainableError` when the layers are not a chain, the input
 * is not an image, or the last layer's scores cannot be recovered. Pure: no tensors are made.
 */
export function describeNetwork(model: tfl.LayersModel): Network {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  for (let i = 1; i < layers.length; i++) {
    const prev = layers[i - 1];
    const inbound = (layers[i] as Layer).inboundNodes[0]?.inboundLayers ?? [];
    if (inbound.length !== 1 || inbound[0] !== prev) {
      throw new NotExplainableError(`layer ${layers[i]?.name} does not take the previous layer's output`);
    }
  }
  const inDims = dims(model.inputs[0]?.shape ?? []);
  if (inDims.length !== 3) throw new NotExplainableError('the input is not an image [h, w, c]');
  const last = layers[layers.length - 1];
  if (!last) throw new NotExplainableError('the model has no layers');
  const cfg = last.getConfig() as { activation?: string };
  const cls = last.getClassName();
  let head: Network['head'];
  if (cls === 'Dense' && cfg.activation === 'softmax') head = 'dense-softmax';
  else if (cls === 'Activation' && cfg.activation === 'softmax') head = 'activation-softmax';
  else if (cfg.activation === undefined || cfg.activation === 'linear') head = 'linear';
  else throw new NotExplainableError(`the last layer's activation ${cfg.activation} hides the scores`);
  const outDims = dims(last.outputShape);
  const convLayers: ConvLayerInfo[] = [];
  layers.forEach((l, index) => {
    if (!CONV_CLASSES.includes(l.getClassName())) return;
    const [outH = 0, outW = 0, filters = 0] = dims(l.outputShape);
    convLayers.push({ index, name: l.name, filters, outH, outW });
  });
  return {
    model,
    layers,
    inputShape: inDims as [number, number, number],
    classes: outDims[outDims.length - 1] ?? 0,
    head,
    convLayers,
  };
}

/**
 * Runs layers `from` … `to − 1` of the chain on `x` (eagerly, differentiably). Used inside tidy/grad;
 * the result belongs to the enclosing scope.
 */
export function runLayers(net: Network, x: tf.Tensor, from: number, to: number): tf.Tensor {
  let h = x;
  for (let i = from; i < to; i++) h = (net.layers[i] as Layer).apply(h) as tf.Tensor;
  return h;
}

/**
 * Pre-softmax scores `z` `[n, classes]` from the output of layer `from − 1` (`from = 0`: from the image).
 * A softmax Dense layer is replayed without its softmax: `z = h·W + b` with the layer's own weights.
 * Call inside `tf.tidy`/`tf.grad`.
 */
export function logitsFrom(net: Network, h: tf.Tensor, from = 0): tf.Tensor2D {
  const n = net.layers.length;
  if (net.head === 'linear') return runLayers(net, h, from, n) as tf.Tensor2D;
  if (net.head === 'activation-softmax') return runLayers(net, h, from, n - 1) as tf.Tensor2D;
  const features = runLayers(net, h, from, n - 1) as tf.Tensor2D;
  const dense = net.layers[n - 1] as Layer;
  // getWeights() returns the layer's own variables (not copies): never dispose them.
  const [kernel, bias] = dense.getWeights();
  const z = tf.matMul(features, kernel as tf.Tensor2D);
  return (bias ? tf.add(z, bias) : z) as tf.Tensor2D;
}

/** `P(c | x)` for a batch `[n, h, w, c]`: softmax of the scores, `[n, classes]`. Call inside tidy. */
export function probabilitiesOf(net: Network, x: tf.Tensor4D): tf.Tensor2D {
  return tf.softmax(logitsFrom(net, x));
}

/** A `[1, h, w, c]` tensor of one image (row-major pixels). Call inside tidy. */
export function imageTensor(net: Network, pixels: Float32Array): tf.Tensor4D {
  const [h, w, c] = net.inputShape;
  return tf.tensor4d(pixels, [1, h, w, c]);
}

/**
 * The model's top class and its probabilities for one image. Returns plain arrays; frees everything.
 */
export async function classify(
  net: Network,
  pixels: Float32Array,
): Promise<{ top: number; probabilities: Float32Array }> {
  const p = tf.tidy(() => probabilitiesOf(net, imageTensor(net, pixels)));
  const data = (await p.data()) as Float32Array;
  p.dispose();
  let top = 0;
  for (let i = 1; i < data.length; i++) if ((data[i] as number) > (data[top] as number)) top = i;
  return { top, probabilities: data };
}

/** Yields to the event loop (lets a page paint or a worker read messages) between chunks of work. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
