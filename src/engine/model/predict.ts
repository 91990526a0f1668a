/**
 * Runs any network of the shared model description (LeNet or a designed one) on one 28×28 image and
 * returns what every layer made of it, as plain snapshots in network order, each named as the spec
 * names it (conv1, pool1, bn1, dense1, …, output).
 * The Draw page works on a *copy* of the current model's weights (a "draw session"), so that "what if"
 * edits to a filter of the first conv layer can never reach the stored model; `reset()` copies the
 * weights back.
 */

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildModel } from './buildModel';
import { specFromTopology } from './importSpec';
import type { LeNetConfig } from './lenet';
import { flattenIndex, layerNames, type LayerKind, type ModelSpec } from './modelSpec';
import { lenetLayers } from './presets';

/** One layer's output for one image, batch dimension dropped: [h, w, c] for maps, [n] for dense. */
export type ProbeSnapshot = { data: Float32Array; shape: number[] };

/** A layer's snapshot with the layer's name and kind (the output layer's kind is `'output'`). */
export type ReadoutLayer = ProbeSnapshot & { name: string; kind: LayerKind | 'output' };

export type LayerReadout = {
  /** Every layer but the flatten (only a reshape), in network order; the last is the output. */
  layers: ReadoutLayer[];
  /** The class probabilities (same values as the output layer's data). */
  probabilities: Float32Array;
  top: number;
  confidence: number;
  /** Milliseconds from the call to values being back on the main thread. */
  ms: number;
};

/** The snapshot of layer `name`, or undefined when the network has no such layer. */
export function layerOf(readout: LayerReadout, name: string): ReadoutLayer | undefined {
  return readout.layers.find((l) => l.name === name);
}

/** A conv layer's weights: kernel row-major over [kh, kw, inC, outC] (tfjs layout) and one bias per filter. */
export type FilterBank = {
  kernel: Float32Array;
  shape: [kh: number, kw: number, inC: number, outC: number];
  bias: Float32Array;
};

/** The kh×kw weights of filter `out` for input channel `inChannel`, row-major: a fresh array. */
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

/**
 * The model description of a built model (trained, pretrained, imported or designed), read from its
 * own topology. Throws ModelImportError when a layer is of a kind the app cannot show. Pure.
 */
export function specOfModel(model: tfl.LayersModel): ModelSpec {
  return specFromTopology(model.toJSON(null, false));
}

/** LeNet's knobs when `spec` is exactly a LeNet stack (see `lenetLayers`), else null. Pure. */
export function lenetConfigOfSpec(spec: ModelSpec): LeNetConfig | null {
  const [c1, p1, c2, , d1, d2] = spec.layers;
  if (c1?.kind !== 'conv' || c2?.kind !== 'conv' || d1?.kind !== 'dense' || d2?.kind !== 'dense') return null;
  if (p1?.kind !== 'maxpool' && p1?.kind !== 'avgpool') return null;
  if (c1.activation === 'linear') return null;
  const config: LeNetConfig = {
    activation: c1.activation,
    pooling: p1.kind === 'maxpool' ? 'max' : 'avg',
    filters1: c1.filters,
    filters2: c2.filters,
    dense1: d1.units,
    dense2: d2.units,
  };
  return JSON.stringify(spec.layers) === JSON.stringify(lenetLayers(config)) ? config : null;
}

/** Reads the architecture of a LeNet-shaped model from its layers; throws when it is not a LeNet. */
export function lenetConfigOf(model: tfl.LayersModel): LeNetConfig {
  const config = lenetConfigOfSpec(specOfModel(model));
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (!config) throw new Error('not a LeNet stack');
  return config;
}

/**
 * One forward pass of `probe` (from `buildProbe`) on a 28×28 image with values in [0, 1]; `spec` names
 * the layers. Every intermediate tensor is freed here; the result is plain arrays the caller owns.
 * All outputs come back in a single readback (flattened and concatenated), not one per layer.
 */
export function predictLayers(
  probe: tfl.LayersModel,
  spec: ModelSpec,
  pixels: Float32Array,
): Promise<LayerReadout> {
  return readout(spec, pixels, (x) => {
    const raw = probe.predict(x);
    return Array.isArray(raw) ? raw : [raw];
  });
}

/**
 * The same forward pass as the probe, written as plain fused ops on the model's live weights, for any
 * stack of the shared description. It gives the same numbers (tested) with a fraction of tfjs-layers'
 * per-call bookkeeping, which matters for the Draw page's 30 ms budget. Dropout is the identity at
 * inference; batch normalisation uses the moving mean and variance (as Keras does at inference).
 * Sync, for use inside `tf.tidy`; returns one tensor per layer (no flatten), the output last.
 */
export function forwardSpec(model: tfl.LayersModel, spec: ModelSpec, x: tf.Tensor4D): tf.Tensor[] {
  const names = layerNames(spec.layers);
  const flatAt = flattenIndex(spec.layers);
  const weights = (name: string) => {
    // Live variables of the model: used, never disposed.
    const w = model.getLayer(name).getWeights();
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    if (w.length === 0) throw new Error(`${name} has no weights`);
    return w;
  };
  const fusable = (a: string): a is 'relu' | 'sigmoid' | 'linear' =>
    a === 'relu' || a === 'sigmoid' || a === 'linear';
  const outs: tf.Tensor[] = [];
  let h: tf.Tensor = x;
  spec.layers.forEach((l, i) => {
    const name = names[i] as string;
    if (i === flatAt && h.rank === 4) h = tf.reshape(h, [1, -1]);
    switch (l.kind) {
      case 'conv': {
        const [kernel, bias] = weights(name);
        const activation = fusable(l.activation) ? l.activation : 'linear';
        const y = tf.fused.conv2d({
          x: h as tf.Tensor4D,
          filter: kernel as tf.Tensor4D,
          strides: l.stride,
          pad: l.padding,
          bias: bias,
          activation,
        });
        h = l.activation === 'tanh' ? tf.tanh(y) : y;
        break;
      }
      case 'maxpool':
        h = tf.maxPool(h as tf.Tensor4D, l.size, l.stride, 'valid');
        break;
      case 'avgpool':
        h = tf.avgPool(h as tf.Tensor4D, l.size, l.stride, 'valid');
        break;
      case 'batchnorm': {
        const [gamma, beta, mean, variance] = weights(name);
        if (!gamma || !beta || !mean || !variance) throw new Error(`${name} lacks its four weights`);
        // Keras's default epsilon (tfjs-layers uses the same 1e-3).
        h = tf.batchNorm(h, mean, variance, beta, gamma, 1e-3);
        break;
      }
      case 'dropout':
        h = tf.clone(h);
        break;
      case 'dense': {
        const [kernel, bias] = weights(name);
        const activation = fusable(l.activation) ? l.activation : 'linear';
        const y = tf.fused.matMul({ a: h, b: kernel as tf.Tensor2D, bias, activation });
        h = l.activation === 'tanh' ? tf.tanh(y) : y;
        break;
      }
    }
    outs.push(h);
  });
  if (h.rank === 4) h = tf.reshape(h, [1, -1]);
  const [kernel, bias] = weights('output');
  outs.push(
    tf.softmax(tf.add<tf.Tensor2D>(tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D), bias as tf.Tensor)),
  );
  return outs;
}

async function readout(
  spec: ModelSpec,
  pixels: Float32Array,
  run: (x: tf.Tensor4D) => tf.Tensor[],
): Promise<LayerReadout> {
  const [ih, iw, ic] = spec.inputShape;
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (pixels.length !== ih * iw * ic)
    throw new Error(`expected ${ih * iw * ic} pixels (${ih}×${iw}×${ic}), got ${pixels.length}`);
  const t0 = performance.now();
  const shapes: number[][] = [];
  const all = tf.tidy(() => {
    const outs = run(tf.tensor4d(pixels, [1, ih, iw, ic]));
    for (const o of outs) shapes.push(o.shape.slice(1));
    return tf.concat(outs.map((o) => tf.reshape(o, [-1])));
  });
  let flat: Float32Array;
  try {
    flat = (await all.data()) as Float32Array;
  } finally {
    all.dispose();
  }
  const names = [...layerNames(spec.layers), 'output'];
  const kinds: (LayerKind | 'output')[] = [...spec.layers.map((l) => l.kind), 'output'];
  let offset = 0;
  const layers: ReadoutLayer[] = names.map((name, i) => {
    const shape = shapes[i] ?? [];
    const size = shape.reduce((a, b) => a * b, 1);
    const snap = { name, kind: kinds[i] ?? 'output', data: flat.slice(offset, offset + size), shape };
    offset += size;
    return snap;
  });
  const probabilities = layers[layers.length - 1]?.data ?? new Float32Array(0);
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
export async function readFilterBank(model: tfl.LayersModel, layer: string): Promise<FilterBank> {
  // getWeights() hands back the layer's live variables: read them, never dispose them.
  const [kernel, bias] = model.getLayer(layer).getWeights();
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (!kernel || !bias || kernel.rank !== 4) throw new Error(`${layer} is not a conv layer with weights`);
  const [kh = 0, kw = 0, inC = 0, outC = 0] = kernel.shape;
  return {
    kernel: Float32Array.from(await kernel.data()),
    shape: [kh, kw, inC, outC],
    bias: Float32Array.from(await bias.data()),
  };
}

export type DrawSession = {
  /** The network the session runs (its layer names are `layerNames(spec.layers)`). */
  readonly spec: ModelSpec;
  /** LeNet's knobs when the network is a LeNet stack, else null. */
  readonly lenet: LeNetConfig | null;
  /** The conv layers' names, in order (empty for a network without convolution). */
  readonly convLayers: readonly string[];
  /** Forward pass of the session's working copy. */
  predict: (pixels: Float32Array) => Promise<LayerReadout>;
  /** A conv layer's filters in the working copy (edited ones included). */
  readFilters: (layer: string) => Promise<FilterBank>;
  /**
   * Replaces filter `index` of the first conv layer with kh×kw `weights` (row-major, the same for every
   * input channel) and `bias`. Throws when the network has no conv layer.
   */
  setFirstConvFilter: (index: number, weights: Float32Array, bias: number) => void;
  /** Copies the source model's weights back into the working copy. */
  reset: () => void;
  /** Frees the working copy. The source model is the caller's and stays alive. */
  dispose: () => void;
};

/**
 * Makes a working copy of `source` (same architecture, its own weight variables) for the Draw page.
 * The source is only read, here and on `reset()`; the caller keeps owning it and must keep it alive
 * while the session may reset. Call `dispose()` on the session when done.
 * Throws ModelImportError when `source` has a layer the app cannot show.
 */
export function createDrawSession(source: tfl.LayersModel): DrawSession {
  const spec = specOfModel(source);
  const names = layerNames(spec.layers);
  const convLayers = names.filter((_, i) => spec.layers[i]?.kind === 'conv');
  const work = buildModel(spec, 1);
  // setWeights assigns: the copy's variables take new tensors, so later edits never write into `source`.
  const copyFromSource = () => work.setWeights(source.getWeights());
  copyFromSource();
  return {
    spec,
    lenet: lenetConfigOfSpec(spec),
    convLayers,
    predict: (pixels) => readout(spec, pixels, (x) => forwardSpec(work, spec, x)),
    readFilters: (layer) => readFilterBank(work, layer),
    setFirstConvFilter(index, weights, bias) {
      const first = convLayers[0];
      // Developer errors (a caller broke the contract), not messages for users: they stay English.
      if (!first) throw new Error('this network has no conv layer');
      const layer = work.getLayer(first);
      const [kernel, biases] = layer.getWeights();
      if (!kernel || !biases) throw new Error(`${first} has no weights`);
      const [kh = 0, kw = 0, inC = 0, outC = 0] = kernel.shape;
      if (index < 0 || index >= outC)
        throw new Error(`${first} has ${outC} filters; there is no #${index + 1}`);
      if (weights.length !== kh * kw)
        throw new Error(`a ${first} filter has ${kh * kw} weights, got ${weights.length}`);
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
