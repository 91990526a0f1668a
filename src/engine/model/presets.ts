/**
 * The networks the editor offers as starting points. LeNet is one of them: `lenetSpec` turns the
 * historic LeNet settings (activation, pooling, f1, f2, d1, d2) into the shared description.
 * Pure data: no tensors.
 */
import { parseArch } from './archCodec';
import type { LeNetConfig } from './lenet';
import type { LayerSpec } from './modelSpec';

export type PresetId = 'lenet' | 'lenet1998' | 'vgg' | 'softmax' | 'mlp';

/** LeNet-5's stack for the given settings (conv 5×5 same, pool 2, conv 5×5 valid, pool 2, dense, dense). */
export function lenetLayers(c: LeNetConfig): LayerSpec[] {
  const pool = c.pooling === 'max' ? 'maxpool' : 'avgpool';
  const act = c.activation;
  return [
    { kind: 'conv', filters: c.filters1, kernel: 5, stride: 1, padding: 'same', activation: act },
    { kind: pool, size: 2, stride: 2 },
    { kind: 'conv', filters: c.filters2, kernel: 5, stride: 1, padding: 'valid', activation: act },
    { kind: pool, size: 2, stride: 2 },
    { kind: 'dense', units: c.dense1, activation: act },
    { kind: 'dense', units: c.dense2, activation: act },
  ];
}

/** Each preset as link text (see archCodec), in the order the chooser lists them. */
export const PRESET_ARCH: Record<PresetId, string> = {
  /** Today's default: LeNet-5 with ReLU and max pooling (61,706 parameters). */
  lenet: 'conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84',
  /** LeNet-5 as in 1998: tanh and average pooling. */
  lenet1998: 'conv6k5.tanh-avgpool2-conv16k5v.tanh-avgpool2-dense120.tanh-dense84.tanh',
  /** A small VGG-like net: two blocks of two 3×3 convolutions, each block ending in a max pool. */
  vgg: 'conv8k3-conv8k3-maxpool2-conv16k3-conv16k3-maxpool2-dense64',
  /** One layer: every pixel straight into the ten outputs (softmax regression, as in lesson 8). */
  softmax: 'none',
  /** A multi-layer perceptron: no convolution at all, for comparison. */
  mlp: 'dense128-dense64',
};

export const PRESET_IDS = Object.keys(PRESET_ARCH) as PresetId[];

export function presetLayers(id: PresetId): LayerSpec[] {
  return parseArch(PRESET_ARCH[id]);
}
