/**
 * Runs a LeNet on one 28×28 image and returns what every layer made of it, as plain snapshots.
 * The Draw page works on a *copy* of the current model's weights (a "draw session"), so that "what if"
 * edits to a conv1 filter can never reach the stored model; `reset()` copies the weights back.
 */

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {
  buildLeNet,
  LENET_LAYER_NAMES,
  type LeNetActivation,
  type LeNetConfig,
  type LeNetPooling,
} from './lenet';

/** The layers the probe reports, in network order (flatten is only a reshape, so it is left out). */
export const PROBE_LAYERS = LENET_LAYER_NAMES.filter((n) => n !== 'flatten') as ProbeLayer[];
export type ProbeLayer = 'conv1' | 'pool1' | 'conv2' | 'pool2' | 'dense1' | 'dense2' | 'output';

/** One layer's output for one image, batch dimension dropped: [h, w, c] for maps, [n] for dense. */
export type ProbeSnapshot = { data: Float32Array; shape: number[] };

export type LayerReadout = {
  layers: Record<ProbeLayer, ProbeSnapshot>;
  /** The ten class probabilities (same values as `layers.output.data`). */
  probabilities: Float32Array;
  top: number;
  confidence: number;
  /** Milliseconds from the call to values being back on the main thread. */
  ms: number;
};

/** A conv layer's weights: kernel row-major over [kh, kw, inC, outC] (tfjs layout) and one bias per filter. */
export type FilterBank = {
  kernel: Float32Array;
  shape: [kh: number, kw: number, inC: number, outC: number];
  bias: Float32Array;
};

/** The 5×5 (kh×kw) weights of filter `out` for input channel `inC`, row-major: a fresh array. */
export function filterSlice(bank: FilterBank, out: number, inChannel = 0): Float32Array {
  const [kh, kw, inC, outC] = bank.shape;
  const slice = new Float32Array(kh * kw);
  for (let r = 0; r < kh; r++) {
    for (let c = 0; c < kw; c++) {
      slice[r * kw + c] = bank.kernel[((r * kw + c) * inC + inChannel) * outC + out] as number;
    }
  }
  return slice;
}

/** Reads the architecture of a LeNet-shaped model from its layers (trained, pretrained or imported). */
export function lenetConfigOf(model: tfl.LayersModel): LeNetConfig {
  const cfg = (name: string) => model.getLayer(name).getConfig() as Record<string, unknown>;
  const act = cfg('conv1').activation;
  const activation: LeNetActivation = act === 'tanh' || act === 'sigmoid' ? act : 'relu';
  const pooling: LeNetPooling = model.getLayer('pool1').getClassName().startsWith('Average') ? 'avg' : 'max';
  return {
    activation,
    pooling,
    filters1: Number(cfg('conv1').filters),
    filters2: Number(cfg('conv2').filters),
    dense1: Number(cfg('dense1').units),
    dense2: Number(cfg('dense2').units),
  };
}

/**
 * One forward pass of `probe` (from `buildProbe`) on a 28×28 image with values in [0, 1].
 * Every intermediate tensor is freed here; the result is plain arrays the caller owns.
 * All seven outputs come back in a single readback (flattened and concatenated), not seven.
 */
export function predictLayers(probe: tfl.LayersModel, pixels: Float32Array): Promise<LayerReadout> {
  return readout(pixels, (x) => {
    const raw = probe.predict(x);
    return Array.isArray(raw) ? raw : [raw];
  });
}

/**
 * The same forward pass as the probe, written as plain fused ops on the model's live weights. It gives
 * the same numbers (tested) with a fraction of tfjs-layers' per-call bookkeeping, which matters for
 * the Draw page's 30 ms budget. Sync, for use inside `tf.tidy`; returns the seven layer outputs.
 */
export function forwardLeNet(model: tfl.LayersModel, config: LeNetConfig, x: tf.Tensor4D): tf.Tensor[] {
  const w = (name: string) => {
    // Live variables of the model: used, never disposed.
    const [kernel, bias] = model.getLayer(name).getWeights();
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    if (!kernel || !bias) throw new Error(`${name} has no weights`);
    return { kernel, bias: bias as tf.Tensor1D };
  };
  const fusable = config.activation === 'relu' || config.activation === 'sigmoid';
  const act = (t: tf.Tensor): tf.Tensor => (fusable ? t : config.activation === 'tanh' ? tf.tanh(t) : t);
  const activation: 'relu' | 'sigmoid' | 'linear' =
    config.activation === 'relu' || config.activation === 'sigmoid' ? config.activation : 'linear';
  const conv = (input: tf.Tensor4D, name: string, pad: 'same' | 'valid') => {
    const { kernel, bias } = w(name);
    return act(
      tf.fused.conv2d({ x: input, filter: kernel as tf.Tensor4D, strides: 1, pad, bias, activation }),
    ) as tf.Tensor4D;
  };
  const pool = (input: tf.Tensor4D) =>
    config.pooling === 'max' ? tf.maxPool(input, 2, 2, 'valid') : tf.avgPool(input, 2, 2, 'valid');
  const dense = (input: tf.Tensor2D, name: string, last = false): tf.Tensor2D => {
    const { kernel, bias } = w(name);
    if (last) return tf.softmax(tf.add<tf.Tensor2D>(tf.matMul(input, kernel as tf.Tensor2D), bias));
    return act(tf.fused.matMul({ a: input, b: kernel, bias, activation })) as tf.Tensor2D;
  };
  const conv1 = conv(x, 'conv1', 'same');
  const pool1 = pool(conv1);
  const conv2 = conv(pool1, 'conv2', 'valid');
  const pool2 = pool(conv2);
  const dense1 = dense(tf.reshape(pool2, [1, -1]), 'dense1');
  const dense2 = dense(dense1, 'dense2');
  const output = dense(dense2, 'output', true);
  return [conv1, pool1, conv2, pool2, dense1, dense2, output];
}

async function readout(pixels: Float32Array, run: (x: tf.Tensor4D) => tf.Tensor[]): Promise<LayerReadout> {
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (pixels.length !== 28 * 28) throw new Error(`expected 784 pixels (28×28), got ${pixels.length}`);
  const t0 = performance.now();
  const shapes: number[][] = [];
  const all = tf.tidy(() => {
    const outs = run(tf.tensor4d(pixels, [1, 28, 28, 1]));
    for (const o of outs) shapes.push(o.shape.slice(1));
    return tf.concat(outs.map((o) => tf.reshape(o, [-1])));
  });
  let flat: Float32Array;
  try {
    flat = (await all.data()) as Float32Array;
  } finally {
    all.dispose();
  }
  const layers = {} as Record<ProbeLayer, ProbeSnapshot>;
  let offset = 0;
  PROBE_LAYERS.forEach((name, i) => {
    const shape = shapes[i] ?? [];
    const size = shape.reduce((a, b) => a * b, 1);
    layers[name] = { data: flat.slice(offset, offset + size), shape };
    offset += size;
  });
  const probabilities = layers.output.data;
  let top = 0;
  for (let k = 1; k < probabilities.length; k++) {
    if ((probabilities[k] as number) > (probabilities[top] as number)) top = k;
  }
  return {
    layers,
    probabilities,
    top,
    confidence: probabilities[top] ?? 0,
    ms: performance.now() - t0,
  };
}

/** Reads a conv layer's kernel and bias. Plain arrays; the model's weights are not touched. */
export async function readFilterBank(model: tfl.LayersModel, layer: 'conv1' | 'conv2'): Promise<FilterBank> {
  // getWeights() hands back the layer's live variables: read them, never dispose them.
  const [kernel, bias] = model.getLayer(layer).getWeights();
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (!kernel || !bias) throw new Error(`${layer} has no weights`);
  const [kh = 0, kw = 0, inC = 0, outC = 0] = kernel.shape;
  return {
    kernel: Float32Array.from(await kernel.data()),
    shape: [kh, kw, inC, outC],
    bias: Float32Array.from(await bias.data()),
  };
}

export type DrawSession = {
  readonly config: LeNetConfig;
  /** Forward pass of the session's working copy. */
  predict: (pixels: Float32Array) => Promise<LayerReadout>;
  /** The working copy's filters (edited ones included). */
  readFilters: (layer: 'conv1' | 'conv2') => Promise<FilterBank>;
  /** Replaces conv1 filter `index` of the working copy with 5×5 `weights` (row-major) and `bias`. */
  setConv1Filter: (index: number, weights: Float32Array, bias: number) => void;
  /** Copies the source model's weights back into the working copy. */
  reset: () => void;
  /** Frees the working copy. The source model is the caller's and stays alive. */
  dispose: () => void;
};

/**
 * Makes a working copy of `source` (same architecture, its own weight variables) for the Draw page.
 * The source is only read, here and on `reset()`; the caller keeps owning it and must keep it alive
 * while the session may reset. Call `dispose()` on the session when done.
 */
export function createDrawSession(source: tfl.LayersModel): DrawSession {
  const config = lenetConfigOf(source);
  const work = buildLeNet(config, 1);
  // setWeights assigns: the copy's variables take new tensors, so later edits never write into `source`.
  const copyFromSource = () => work.setWeights(source.getWeights());
  copyFromSource();
  return {
    config,
    predict: (pixels) => readout(pixels, (x) => forwardLeNet(work, config, x)),
    readFilters: (layer) => readFilterBank(work, layer),
    setConv1Filter(index, weights, bias) {
      const layer = work.getLayer('conv1');
      const [kernel, biases] = layer.getWeights();
      // A developer error (a caller broke the contract), not a message for users: it stays English.
      if (!kernel || !biases) throw new Error('conv1 has no weights');
      const [kh = 0, kw = 0, inC = 0, outC = 0] = kernel.shape;
      if (index < 0 || index >= outC) throw new Error(`conv1 has ${outC} filters; there is no #${index + 1}`);
      if (weights.length !== kh * kw)
        throw new Error(`a conv1 filter has ${kh * kw} weights, got ${weights.length}`);
      const next = tf.tidy(() => {
        // One-hot mask over the filter axis: keep every other filter, swap in the new one.
        const mask = tf.cast(tf.oneHot(tf.tensor1d([index], 'int32'), outC), 'float32');
        const keep = tf.sub(1, mask);
        const fresh = tf.tile(tf.tensor4d(weights, [kh, kw, 1, 1]), [1, 1, inC, outC]);
        const k = tf.add(
          tf.mul(kernel, tf.reshape(keep, [1, 1, 1, outC])),
          tf.mul(fresh, tf.reshape(mask, [1, 1, 1, outC])),
        );
        const b = tf.add(tf.mul(biases, tf.reshape(keep, [outC])), tf.mul(tf.reshape(mask, [outC]), bias));
        return [k, b];
      });
      layer.setWeights(next);
      tf.dispose(next);
    },
    reset: copyFromSource,
    dispose: () => work.dispose(),
  };
}
