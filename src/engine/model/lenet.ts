/**
 * LeNet-5 as CNN Studio trains it:
 *   conv f1@5×5 (padding 2, so 28×28 stays 28×28) → pool 2 → conv f2@5×5 (valid, 14→10) → pool 2 (→5)
 *   → dense d1 → dense d2 → dense 10 (softmax).
 * Defaults are the modern ReLU + max-pool variant; the "LeNet-5, 1998" preset uses tanh + average pooling.
 */

import type * as tfl from '@tensorflow/tfjs-layers';
import { buildModel } from './buildModel';
import { mnistSpec } from './modelSpec';
import { lenetLayers } from './presets';

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
 * Builds an untrained LeNet: the LeNet preset of the shared model description (see buildModel).
 * Weight initialisation is seeded, so the same seed gives the same starting weights (and, with a
 * seeded data order, the same training curves). Returns a new model; the caller disposes it.
 */
export function buildLeNet(config: LeNetConfig = LENET_DEFAULTS, seed = 1): tfl.Sequential {
  return buildModel(mnistSpec(lenetLayers(config)), seed);
}

export { buildProbe } from './buildModel';

/** Number of trainable parameters, for "this network has N numbers to learn". */
export function countParams(model: tfl.LayersModel): number {
  return model.trainableWeights.reduce(
    (sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1),
    0,
  );
}
