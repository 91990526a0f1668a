import { MNIST_CLASSES } from '../data/mnist';

/**
 * The model description the whole app shares: a stack of layer specs between a fixed image input and
 * a fixed softmax output (one unit per class). Flatten is implicit before the first dense layer.
 * Pure data: no tensors, nothing to dispose.
 */

export type LayerActivation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
export const LAYER_ACTIVATIONS: readonly LayerActivation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

export type LayerPadding = 'same' | 'valid';

export type ConvSpec = {
  kind: 'conv';
  filters: number;
  kernel: number;
  stride: number;
  padding: LayerPadding;
  activation: LayerActivation;
};
export type PoolSpec = { kind: 'maxpool' | 'avgpool'; size: number; stride: number };
export type BatchNormSpec = { kind: 'batchnorm' };
/** `rate` is the fraction of values dropped while training (0.25 = 25%). */
export type DropoutSpec = { kind: 'dropout'; rate: number };
export type DenseSpec = { kind: 'dense'; units: number; activation: LayerActivation };

/** One layer of the stack (the output layer is not one of them: it is always there). */
export type LayerSpec = ConvSpec | PoolSpec | BatchNormSpec | DropoutSpec | DenseSpec;
export type LayerKind = LayerSpec['kind'];
export const LAYER_KINDS: readonly LayerKind[] = [
  'conv',
  'maxpool',
  'avgpool',
  'batchnorm',
  'dropout',
  'dense',
];

/** What the network sees and says: an image [h, w, c] in, `classes` probabilities out. */
export type ModelSpec = {
  inputShape: [h: number, w: number, c: number];
  classes: number;
  layers: LayerSpec[];
};

export const MNIST_INPUT: ModelSpec['inputShape'] = [28, 28, 1];

/** The limits the editor and the URL codec enforce, with the reasons in i18n `arch.limits`. */
export const SPEC_LIMITS = {
  layers: 24,
  filters: [1, 64],
  kernel: [1, 7],
  convStride: [1, 3],
  poolSize: [2, 4],
  poolStride: [1, 4],
  units: [1, 512],
  /** Dropout in percent. */
  dropout: [0, 90],
} as const;

/** Sensible new layers for the editor's "add" menu. */
export function defaultLayer(kind: LayerKind): LayerSpec {
  switch (kind) {
    case 'conv':
      return { kind, filters: 8, kernel: 3, stride: 1, padding: 'same', activation: 'relu' };
    case 'maxpool':
    case 'avgpool':
      return { kind, size: 2, stride: 2 };
    case 'batchnorm':
      return { kind };
    case 'dropout':
      return { kind, rate: 0.25 };
    case 'dense':
      return { kind, units: 64, activation: 'relu' };
  }
}

export function mnistSpec(layers: LayerSpec[]): ModelSpec {
  return { inputShape: [...MNIST_INPUT], classes: MNIST_CLASSES, layers };
}

/**
 * The name each layer gets in a built model: `conv1`, `pool1` (max and average count together),
 * `bn1`, `dropout1`, `dense1`, … in order, so LeNet's stack gets exactly LeNet's historic names
 * (conv1, pool1, conv2, pool2, dense1, dense2) and models saved before the editor still load.
 * Plus `flatten` (before the first dense, when the input is still a map) and `output`.
 */
export function layerNames(layers: readonly LayerSpec[]): string[] {
  const counts: Record<string, number> = {};
  return layers.map((l) => {
    const base =
      l.kind === 'maxpool' || l.kind === 'avgpool' ? 'pool' : l.kind === 'batchnorm' ? 'bn' : l.kind;
    counts[base] = (counts[base] ?? 0) + 1;
    return `${base}${counts[base]}`;
  });
}

/** Index of the first dense layer (where the implicit flatten goes), or the stack's length. */
export function flattenIndex(layers: readonly LayerSpec[]): number {
  const i = layers.findIndex((l) => l.kind === 'dense');
  return i < 0 ? layers.length : i;
}
