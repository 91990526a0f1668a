import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/kernels/registerWasmTrainingKernels';
import { expectNoLeaks } from '../../support/noLeaks';
import { expectWasmGradsMatchCpu, gradsOn, seededInput, useBackend } from './backendCompare';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
type Case = {
  x: [number, number, number, number];
  k: [number, number];
  co: number;
  s: number | [number, number];
  p: Pad;
};

const fmt = (c: Case) =>
  `x=[${c.x.join(',')}] k=${c.k[0] === c.k[1] ? c.k[0] : c.k.join('×')} co=${c.co} ` +
  `s=${Array.isArray(c.s) ? c.s.join('×') : c.s} p=${typeof c.p === 'string' ? c.p : JSON.stringify(c.p)}`;

const CASES: Case[] = [
  { x: [2, 7, 7, 3], k: [3, 3], co: 4, s: 2, p: 'same' },
  { x: [2, 7, 7, 3], k: [3, 3], co: 4, s: 2, p: 'valid' },
  { x: [2, 7, 7, 3], k: [3, 3], co: 4, s: 1, p: 'same' },
  { x: [2, 7, 7, 3], k: [3, 3], co: 4, s: 1, p: 'valid' },
  { x: [3, 9, 8, 2], k: [3, 2], co: 5, s: 2, p: 'valid' },
  { x: [1, 6, 6, 2], k: [4, 4], co: 3, s: 2, p: 'same' },
  { x: [2, 5, 7, 3], k: [3, 3], co: 2, s: [1, 2], p: 'same' },
  { x: [1, 5, 5, 1], k: [3, 3], co: 1, s: 3, p: 'valid' },
  { x: [2, 8, 8, 4], k: [3, 3], co: 8, s: 1, p: 'same' },
  {
    x: [2, 6, 6, 2],
    k: [3, 3],
    co: 3,
    s: 1,
    p: [
      [0, 0],
      [1, 2],
      [0, 1],
      [0, 0],
    ],
  },
  // LeNet-5's own layers, at a small batch.
  { x: [4, 28, 28, 1], k: [5, 5], co: 6, s: 1, p: 'same' },
  { x: [4, 14, 14, 6], k: [5, 5], co: 16, s: 1, p: 'valid' },
];

beforeAll(async () => {
  registerWasmTrainingKernels();
  await useBackend('wasm');
});

afterAll(async () => {
  await useBackend('cpu');
});

describe('wasm Conv2DBackpropFilter', () => {
  it('x=[1,3,3,1] k=2 s=1 p=valid, dy=1: each filter tap is the sum of the 2×2 window it sees', async () => {
    const x = { values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), shape: [1, 3, 3, 1] };
    const w = { values: new Float32Array(4), shape: [2, 2, 1, 1] };
    const [, dW] = await gradsOn(
      'wasm',
      (xt, wt) => tf.sum(tf.conv2d(xt as tf.Tensor4D, wt as tf.Tensor4D, 1, 'valid')),
      [x, w],
    );
    expect(Array.from(dW ?? [])).toEqual([12, 16, 24, 28]);
  });

  for (const c of CASES) {
    it(`matches cpu for d/dfilter and d/dinput: ${fmt(c)}`, async () => {
      const x = seededInput(c.x, 1);
      const w = seededInput([c.k[0], c.k[1], c.x[3], c.co], 2);
      // A fixed upstream gradient, so every output position carries a different weight.
      const probe = tf.tidy(() =>
        tf.conv2d(tf.zeros<tf.Rank.R4>(c.x), tf.zeros<tf.Rank.R4>([...c.k, c.x[3], c.co]), c.s, c.p),
      );
      const dy = seededInput(probe.shape, 3);
      probe.dispose();
      await expectWasmGradsMatchCpu(
        (xt, wt) =>
          tf.sum(
            tf.mul(tf.conv2d(xt as tf.Tensor4D, wt as tf.Tensor4D, c.s, c.p), tf.tensor(dy.values, dy.shape)),
          ),
        [x, w],
      );
    });
  }

  it('is the kernel the filter gradient runs on wasm (unregistered, the same call fails)', async () => {
    await useBackend('wasm');
    const run = () => {
      const x = tf.ones([1, 4, 4, 1]);
      const dy = tf.ones([1, 4, 4, 1]);
      try {
        const attrs = { strides: 1, pad: 'same', filterShape: [3, 3, 1, 1], dataFormat: 'NHWC' };
        tf.dispose(tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs));
      } finally {
        tf.dispose([x, dy]);
      }
    };
    await expectNoLeaks(run, { backendData: true });
    tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
    try {
      await expectNoLeaks(() => expect(run).toThrow(/Conv2DBackpropFilter/), { backendData: true });
    } finally {
      registerWasmTrainingKernels();
    }
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('registering twice is harmless and keeps the first registration', () => {
    const first = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    expect(() => {
      registerWasmTrainingKernels();
      registerWasmTrainingKernels();
    }).not.toThrow();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(first);
  });
});

describe('wasm Conv2DBackpropInput (XNNPACK rewrite for stride 1, shipped kernel otherwise)', () => {
  it('is registered in place of the shipped kernel and keeps its setup step', () => {
    registerWasmTrainingKernels();
    const kernel = tf.getKernel('Conv2DBackpropInput', 'wasm');
    expect(kernel?.kernelFunc.name).toBe('conv2dBackpropInput');
    expect(kernel?.setupFunc).toBeTypeOf('function');
  });

  it('x=[1,3,3,1] k=2 s=1 p=valid, W=[[1,2],[3,4]], dy=1: each input cell sums the taps that saw it', async () => {
    const x = { values: new Float32Array(9), shape: [1, 3, 3, 1] };
    const w = { values: Float32Array.from([1, 2, 3, 4]), shape: [2, 2, 1, 1] };
    const [dx] = await gradsOn(
      'wasm',
      (xt, wt) => tf.sum(tf.conv2d(xt as tf.Tensor4D, wt as tf.Tensor4D, 1, 'valid')),
      [x, w],
    );
    expect(Array.from(dx ?? [])).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });
});
