/**
 * LeNet-5 as CNN Studio trains it:
 *   conv f1@5×5 (padding 2, so 28×28 stays 28×28) → pool 2 → conv f2@5×5 (valid, 14→10) → pool 2 (→5)
 *   → dense d1 → dense d2 → dense 10 (softmax).
 * Defaults are the modern ReLU + max-pool variant; the "LeNet-5, 1998" preset uses tanh + average pooling.
 */

import * as tfl from '@tensorflow/tfjs-layers';

export type LeNetActivation = 'relu' | 'tanh' | 'sigmoid';
export type LeNetPooling = 'max' | 'avg';

export type LeNetConfig = {
  activation: LeNetActivation;
  pooling: LeNetPooling;
  filters1: number;
  filters2: number;
  dense1: number;
  dense2: number;
};

export const LENET_DEFAULTS: LeNetConfig = {
  activation: 'relu',
  pooling: 'max',
  filters1: 6,
  filters2: 16,
  dense1: 120,
  dense2: 84,
};

export const LENET_1998: LeNetConfig = { ...LENET_DEFAULTS, activation: 'tanh', pooling: 'avg' };

/** Layer names are fixed so probes, snapshots and imported models can find layers by role. */
export const LENET_LAYER_NAMES = [
  'conv1',
  'pool1',
  'conv2',
  'pool2',
  'flatten',
  'dense1',
  'dense2',
  'output',
] as const;
export type LeNetLayerName = (typeof LENET_LAYER_NAMES)[number];

/**
 * Builds an untrained LeNet. Weight initialisation is seeded, so the same seed gives the same
 * starting weights (and, with a seeded data order, the same training curves).
 * Returns a new model; the caller disposes it with `model.dispose()`.
 */
export function buildLeNet(config: LeNetConfig = LENET_DEFAULTS, seed = 1): tfl.Sequential {
  const init = (offset: number) => tfl.initializers.glorotUniform({ seed: seed * 1000 + offset });
  const pool = (name: string) =>
    config.pooling === 'max'
      ? tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, name })
      : tfl.layers.averagePooling2d({ poolSize: 2, strides: 2, name });
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: config.filters1,
        kernelSize: 5,
        padding: 'same',
        activation: config.activation,
        kernelInitializer: init(1),
        name: 'conv1',
      }),
      pool('pool1'),
      tfl.layers.conv2d({
        filters: config.filters2,
        kernelSize: 5,
        padding: 'valid',
        activation: config.activation,
        kernelInitializer: init(2),
        name: 'conv2',
      }),
      pool('pool2'),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({
        units: config.dense1,
        activation: config.activation,
        kernelInitializer: init(3),
        name: 'dense1',
      }),
      tfl.layers.dense({
        units: config.dense2,
        activation: config.activation,
        kernelInitializer: init(4),
        name: 'dense2',
      }),
      tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(5), name: 'output' }),
    ],
  });
  return model;
}

/**
 * One composite model that returns every layer's activation in a single pass (for the layer panels).
 * Shares weights with `model`; dispose neither while the other is in use. The probe owns no weights of
 * its own, so dropping the reference is enough.
 */
export function buildProbe(model: tfl.LayersModel): tfl.LayersModel {
  const input = model.inputs[0];
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (!input) throw new Error('model has no input');
  const outputs = LENET_LAYER_NAMES.filter((n) => n !== 'flatten').map(
    (name) => model.getLayer(name).output as tfl.SymbolicTensor,
  );
  return tfl.model({ inputs: input, outputs });
}

/** Number of trainable parameters, for "this network has N numbers to learn". */
export function countParams(model: tfl.LayersModel): number {
  return model.trainableWeights.reduce(
    (sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1),
    0,
  );
}
