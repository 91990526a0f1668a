/**
 * Checks a model file against itself and against what this app agrees to run, BEFORE anything is built.
 *
 * Why: tfjs builds a model from its layer list first (allocating every weight) and compares the weight
 * file only afterwards, so a 4 KB model.json that claims a million-unit layer allocates gigabytes and
 * freezes the tab before it fails, and a refusal at that point leaks the half-built model. Here the
 * layer list is walked on paper: each layer's output shape and the exact weights it needs are worked out
 * from its settings, compared with the weight specs, and the totals with the app's limits. Only a file
 * that passes every check is handed to tfjs.
 *
 * Knows plain stacks (Sequential) of the layer kinds the app can run; not specific to LeNet, so a
 * layer editor can reuse it with its own limits.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { t } from '../../i18n';

/** What the app agrees to build. Each limit keeps one file from taking the tab's memory. */
export type ModelLimits = {
  /** [height, width, channels] of one input, e.g. [28, 28, 1]. */
  inputShape: readonly [number, number, number];
  maxLayers: number;
  /** Units of one dense layer. */
  maxUnits: number;
  /** Filters of one convolution. */
  maxFilters: number;
  /** Largest kernel or pool side. */
  maxKernel: number;
  maxStride: number;
  /** Numbers to learn in the whole model. */
  maxParams: number;
};

/**
 * CNN Studio's own limits: the largest network the Train settings can make (64 filters, 1,024-unit dense
 * layers: about 2.7 million numbers) fits with room to spare; a million-unit layer does not.
 */
export const APP_MODEL_LIMITS: ModelLimits = {
  inputShape: [28, 28, 1],
  maxLayers: 24,
  maxUnits: 1024,
  maxFilters: 64,
  maxKernel: 7,
  maxStride: 4,
  maxParams: 4_000_000,
};

export const LAYER_KINDS = [
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'Flatten',
  'Dense',
  'Dropout',
  'Activation',
  'BatchNormalization',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];
const ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax'] as const;

/** One layer as the check understood it: its output shape (without the batch) and the weights it needs. */
export type CheckedLayer = {
  name: string;
  kind: LayerKind;
  outputShape: number[];
  weights: { name: string; shape: number[] }[];
};

export type CheckedModel = { layers: CheckedLayer[]; params: number; bytes: number };

/** A file refused by the checks; `message` says why in plain words. */
export class ModelCheckError extends Error {
  override name = 'ModelCheckError';
}

type Json = Record<string, unknown>;
const fail = (message: string): never => {
  throw new ModelCheckError(message);
};
/** Names and values come from the file: never echo thousands of characters into a message. */
const clip = (v: unknown): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};
const fmt = (n: number) => n.toLocaleString('en-US');
const shapeText = (s: readonly number[]) => `[${s.join('×')}]`;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The layers of a Keras/tfjs Sequential topology (`config.layers`, or `config` itself in old files). */
function sequentialLayers(topology: unknown): Json[] {
  const top = isObj(topology) && isObj(topology.model_config) ? topology.model_config : topology;
  if (!isObj(top) || top.class_name !== 'Sequential') fail(t('engine.model.notSequential'));
  const cfg = (top as Json).config;
  const layers = Array.isArray(cfg) ? cfg : isObj(cfg) ? cfg.layers : undefined;
  if (!Array.isArray(layers) || layers.length === 0) return fail(t('engine.model.noLayers'));
  return layers as Json[];
}

/** A whole number in [lo, hi] or a pair of equal ones (`[5, 5]`); anything else is refused by name. */
function side(layer: string, cfg: Json, key: string, lo: number, hi: number, fallback?: number): number {
  const raw = cfg[key] ?? fallback;
  const v: unknown = Array.isArray(raw) && raw.length === 2 && raw[0] === raw[1] ? (raw[0] as unknown) : raw;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    fail(t('engine.model.badSetting', { layer: clip(layer), key, value: clip(raw), lo, hi }));
  }
  return v as number;
}

function count(layer: string, cfg: Json, key: string, max: number): number {
  const v = cfg[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    fail(t('engine.model.badSetting', { layer: clip(layer), key, value: clip(v), lo: 1, hi: max }));
  }
  if ((v as number) > max) {
    fail(t('engine.model.tooBig', { layer: clip(layer), key, value: fmt(v as number), max: fmt(max) }));
  }
  return v as number;
}

function activationOf(layer: string, cfg: Json): void {
  const a = cfg.activation ?? 'linear';
  if (!(ACTIVATIONS as readonly unknown[]).includes(a)) {
    fail(
      t('engine.model.badActivation', { layer: clip(layer), value: clip(a), known: ACTIVATIONS.join(', ') }),
    );
  }
}

/** Output side of a window sliding over `n` cells (tfjs conv/pool arithmetic). */
function slide(n: number, k: number, s: number, d: number, padding: unknown, layer: string): number {
  if (padding !== 'same' && padding !== 'valid') {
    fail(
      t('engine.model.badSetting', {
        layer: clip(layer),
        key: 'padding',
        value: clip(padding),
        lo: 'valid',
        hi: 'same',
      }),
    );
  }
  const out = padding === 'same' ? Math.ceil(n / s) : Math.floor((n - (k - 1) * d - 1) / s) + 1;
  return out;
}

/** Works out one layer's output shape and weights from its settings; refuses what the app cannot run. */
function checkLayer(json: Json, index: number, input: number[], limits: ModelLimits): CheckedLayer {
  const kind = json.class_name ?? json.className;
  const cfg = isObj(json.config) ? json.config : {};
  const name = typeof cfg.name === 'string' && cfg.name.length > 0 ? cfg.name : `layer ${index + 1}`;
  if (!(LAYER_KINDS as readonly unknown[]).includes(kind)) {
    fail(
      t('engine.model.unknownLayer', { layer: clip(name), kind: clip(kind), known: LAYER_KINDS.join(', ') }),
    );
  }
  if (cfg.data_format !== undefined && cfg.data_format !== 'channels_last') {
    fail(
      t('engine.model.badSetting', {
        layer: clip(name),
        key: 'data_format',
        value: clip(cfg.data_format),
        lo: 'channels_last',
        hi: 'channels_last',
      }),
    );
  }
  const bias = cfg.use_bias !== false;
  const [h = 0, w = 0, c = 0] = input;
  const needRank = (rank: number) => {
    if (input.length !== rank) {
      fail(t('engine.model.wrongRank', { layer: clip(name), kind: String(kind), shape: shapeText(input) }));
    }
  };
  switch (kind as LayerKind) {
    case 'Conv2D': {
      needRank(3);
      const filters = count(name, cfg, 'filters', limits.maxFilters);
      const k = side(name, cfg, 'kernel_size', 1, limits.maxKernel);
      const s = side(name, cfg, 'strides', 1, limits.maxStride, 1);
      const d = side(name, cfg, 'dilation_rate', 1, 3, 1);
      activationOf(name, cfg);
      const oh = slide(h, k, s, d, cfg.padding ?? 'valid', name);
      const ow = slide(w, k, s, d, cfg.padding ?? 'valid', name);
      if (oh < 1 || ow < 1)
        fail(t('engine.model.doesNotFit', { layer: clip(name), shape: shapeText(input) }));
      const weights = [{ name: `${name}/kernel`, shape: [k, k, c, filters] }];
      if (bias) weights.push({ name: `${name}/bias`, shape: [filters] });
      return { name, kind: 'Conv2D', outputShape: [oh, ow, filters], weights };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      needRank(3);
      const k = side(name, cfg, 'pool_size', 1, limits.maxKernel, 2);
      const s = side(name, cfg, 'strides', 1, limits.maxStride, k);
      const oh = slide(h, k, s, 1, cfg.padding ?? 'valid', name);
      const ow = slide(w, k, s, 1, cfg.padding ?? 'valid', name);
      if (oh < 1 || ow < 1)
        fail(t('engine.model.doesNotFit', { layer: clip(name), shape: shapeText(input) }));
      return { name, kind: kind as LayerKind, outputShape: [oh, ow, c], weights: [] };
    }
    case 'Flatten':
      return { name, kind: 'Flatten', outputShape: [input.reduce((a, b) => a * b, 1)], weights: [] };
    case 'Dense': {
      needRank(1);
      const units = count(name, cfg, 'units', limits.maxUnits);
      activationOf(name, cfg);
      const weights = [{ name: `${name}/kernel`, shape: [h, units] }];
      if (bias) weights.push({ name: `${name}/bias`, shape: [units] });
      return { name, kind: 'Dense', outputShape: [units], weights };
    }
    case 'Activation':
      activationOf(name, cfg);
      return { name, kind: 'Activation', outputShape: input, weights: [] };
    case 'Dropout':
      return { name, kind: 'Dropout', outputShape: input, weights: [] };
    case 'BatchNormalization': {
      // Normalises each channel (the last axis), with a learned scale γ and shift β, as the editor builds it.
      const axis = cfg.axis ?? -1;
      const last = Array.isArray(axis) && axis.length === 1 ? (axis[0] as unknown) : axis;
      if (last !== -1 && last !== input.length) {
        fail(
          t('engine.model.badSetting', { layer: clip(name), key: 'axis', value: clip(axis), lo: -1, hi: -1 }),
        );
      }
      for (const key of ['center', 'scale'] as const) {
        if (cfg[key] === false) {
          fail(
            t('engine.model.badSetting', { layer: clip(name), key, value: 'false', lo: 'true', hi: 'true' }),
          );
        }
      }
      const n = input[input.length - 1] ?? 0;
      const weights = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((w) => ({
        name: `${name}/${w}`,
        shape: [n],
      }));
      return { name, kind: 'BatchNormalization', outputShape: input, weights };
    }
  }
}

function byteLength(data: tf.io.WeightData | undefined): number {
  if (!data) return 0;
  return Array.isArray(data) ? data.reduce((s, b) => s + b.byteLength, 0) : data.byteLength;
}

/** Finds the first NaN or ±Infinity in each weight; the whole file is read once, nothing is allocated. */
function checkFinite(specs: readonly tf.io.WeightsManifestEntry[], data: tf.io.WeightData): void {
  const parts = Array.isArray(data) ? data : [data];
  // One contiguous view when the data is one buffer (the usual case); a copy only for split files.
  const whole =
    parts.length === 1 && parts[0]
      ? new Float32Array(parts[0], 0, parts[0].byteLength >> 2)
      : (() => {
          const out = new Uint8Array(byteLength(data));
          let at = 0;
          for (const p of parts) {
            out.set(new Uint8Array(p), at);
            at += p.byteLength;
          }
          return new Float32Array(out.buffer, 0, out.byteLength >> 2);
        })();
  let at = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    for (let i = 0; i < n; i++) {
      const v = whole[at + i] as number;
      if (!Number.isFinite(v)) {
        fail(t('engine.model.notFinite', { name: clip(s.name), value: String(v), i: fmt(i + 1) }));
      }
    }
    at += n;
  }
}

/**
 * Checks `topology` (a tfjs layers-model topology) against `weightSpecs`, `weightData` and `limits`:
 * known layer kinds with sensible settings, shapes that fit the input, exactly the weights the layers
 * need (names, shapes, float32, not quantized), the byte count, no NaN or Infinity, and the totals.
 * Returns what it found; throws ModelCheckError with the reason. Pure: no tensors, nothing to dispose.
 */
export function validateModelArtifacts(
  topology: unknown,
  weightSpecs: readonly tf.io.WeightsManifestEntry[] | undefined,
  weightData: tf.io.WeightData | undefined,
  limits: ModelLimits = APP_MODEL_LIMITS,
): CheckedModel {
  const jsonLayers = sequentialLayers(topology);
  if (jsonLayers.length > limits.maxLayers) {
    fail(t('engine.model.tooManyLayers', { n: fmt(jsonLayers.length), max: fmt(limits.maxLayers) }));
  }
  const firstCfg = isObj(jsonLayers[0]?.config) ? jsonLayers[0].config : {};
  const inShape = firstCfg.batch_input_shape ?? firstCfg.batchInputShape;
  if (!Array.isArray(inShape) || inShape.slice(1).join(',') !== limits.inputShape.join(',')) {
    const shape = Array.isArray(inShape)
      ? clip(`[${inShape.slice(1).join('×')}]`)
      : t('engine.model.inputNotGiven');
    fail(t('engine.model.wrongInput', { shape, need: limits.inputShape.join('×') }));
  }
  let shape: number[] = [...limits.inputShape];
  let params = 0;
  const layers: CheckedLayer[] = [];
  const names = new Set<string>();
  for (const [i, json] of jsonLayers.entries()) {
    if (!isObj(json)) fail(t('engine.model.notSequential'));
    const layer = checkLayer(json, i, shape, limits);
    if (names.has(layer.name)) fail(t('engine.model.duplicateName', { layer: clip(layer.name) }));
    names.add(layer.name);
    for (const w of layer.weights) params += w.shape.reduce((a, b) => a * b, 1);
    // Checked as it grows, so the message names the layer that went over.
    if (params > limits.maxParams) {
      fail(
        t('engine.model.tooManyParams', {
          layer: clip(layer.name),
          n: fmt(params),
          max: fmt(limits.maxParams),
        }),
      );
    }
    layers.push(layer);
    shape = layer.outputShape;
  }

  const specs = weightSpecs ?? [];
  if (specs.length === 0) fail(t('engine.model.noWeights'));
  const needed = new Map(
    layers.flatMap((l) => l.weights.map((w) => [w.name, { ...w, layer: l.name }] as const)),
  );
  const seen = new Set<string>();
  let expected = 0;
  for (const s of specs) {
    if (!isObj(s) || typeof s.name !== 'string' || !Array.isArray(s.shape))
      fail(t('engine.model.badManifest'));
    if (s.dtype !== 'float32')
      fail(t('engine.model.notFloat32', { name: clip(s.name), dtype: clip(s.dtype) }));
    if (s.quantization) fail(t('engine.model.quantized', { name: clip(s.name) }));
    const want = needed.get(s.name);
    if (!want || seen.has(s.name)) fail(t('engine.model.extraWeight', { name: clip(s.name) }));
    seen.add(s.name);
    if (shapeText(s.shape) !== shapeText(want!.shape)) {
      fail(
        t('engine.model.wrongShape', {
          name: clip(s.name),
          got: clip(shapeText(s.shape)),
          expected: shapeText(want!.shape),
        }),
      );
    }
    expected += want!.shape.reduce((a, b) => a * b, 1) * 4;
  }
  for (const [name, w] of needed) {
    if (!seen.has(name)) {
      fail(
        t('engine.model.missingWeight', {
          name: clip(name),
          shape: shapeText(w.shape),
          layer: clip(w.layer),
        }),
      );
    }
  }
  const got = byteLength(weightData);
  const sizes = { got: fmt(got), expected: fmt(expected) };
  if (got < expected) fail(t('engine.model.weightsTruncated', sizes));
  if (got > expected) fail(t('engine.model.weightsTooLong', sizes));
  if (weightData) checkFinite(specs, weightData);
  return { layers, params, bytes: expected };
}
