/**
 * The same convolution and pooling through tfjs kernels, to check the explicit maths against the
 * library (tests, benchmark). Padding is applied with `tf.pad` then 'valid', so explicit symmetric
 * padding and TensorFlow's 'same' both match `conv2d` exactly; dilation is applied by spreading
 * the kernel out with zeros, because tfjs refuses stride > 1 together with dilation > 1.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './activation';
import type { ConvParams } from './conv2d';
import { windowGeometry } from './geometry';
import type { PoolParams } from './pool';
import type { ConvKernel, MapStack } from './types';

function dilateKernel(k: ConvKernel, dilation: number): ConvKernel {
  if (dilation === 1) return k;
  const [kh, kw, inC, outC] = k.shape;
  const eh = dilation * (kh - 1) + 1;
  const ew = dilation * (kw - 1) + 1;
  const data = new Float32Array(eh * ew * inC * outC);
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++)
      for (let i = 0; i < inC * outC; i++) {
        data[(ky * dilation * ew + kx * dilation) * inC * outC + i] =
          k.data[(ky * kw + kx) * inC * outC + i] ?? 0;
      }
  return { data, shape: [eh, ew, inC, outC] };
}

function applyActivation(t: tf.Tensor3D, a: Activation): tf.Tensor3D {
  switch (a) {
    case 'none':
      return t;
    case 'relu':
      return tf.relu(t);
    case 'tanh':
      return tf.tanh(t);
    case 'sigmoid':
      return tf.sigmoid(t);
  }
}

/**
 * `conv2d` computed by tfjs on the active backend. Returns a new [oh, ow, outC] tensor; the caller
 * disposes it. Throws RangeError when the output would be empty.
 */
export function computeConv2dTf(x: MapStack, k: ConvKernel, p: ConvParams): tf.Tensor3D {
  const g = windowGeometry(
    [x.shape[0], x.shape[1]],
    [k.shape[0], k.shape[1]],
    p.stride,
    p.dilation,
    p.padding,
  );
  if (g.empty) throw new RangeError(g.empty);
  const dk = dilateKernel(k, p.dilation);
  return tf.tidy(() => {
    const input = tf.tensor3d(x.data, x.shape);
    const padded = tf.pad(input, [
      [g.h.padBefore, g.h.padAfter],
      [g.w.padBefore, g.w.padAfter],
      [0, 0],
    ]);
    const kernel = tf.tensor4d(dk.data, dk.shape);
    const conv = tf.conv2d(padded, kernel, p.stride, 'valid');
    const outC = k.shape[3];
    const bias =
      typeof p.bias === 'number' ? tf.fill([outC], p.bias) : tf.tensor1d(Float32Array.from(p.bias));
    return applyActivation(tf.add(conv, bias), p.activation);
  });
}

/** `pool2d` computed by `tf.maxPool` / `tf.avgPool` ('valid'). Returns a new tensor; the caller disposes it. */
export function computePoolTf(x: MapStack, p: PoolParams): tf.Tensor3D {
  return tf.tidy(() => {
    const input = tf.tensor3d(x.data, x.shape);
    return p.kind === 'max'
      ? tf.maxPool(input, p.size, p.stride, 'valid')
      : tf.avgPool(input, p.size, p.stride, 'valid');
  });
}
