import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/kernels/registerWasmTrainingKernels';
import { expectWasmGradsMatchCpu, gradsOn, seededInput, useBackend } from './backendCompare';

// AvgPoolGrad is tfjs-backend-wasm's own; MaxPoolGrad is ours (the shipped one drops the gradient of
// windows whose maximum is ≤ 0, which the first run of these tests exposed). Both must agree with
// the cpu backend for every pooling shape CNN Studio teaches, with negative inputs included.

type Case = { x: [number, number, number, number]; k: number; s: number; p: 'same' | 'valid' };
const CASES: Case[] = [
  { x: [2, 8, 8, 3], k: 2, s: 2, p: 'valid' },
  { x: [2, 7, 7, 3], k: 2, s: 2, p: 'same' },
  { x: [2, 7, 7, 2], k: 3, s: 1, p: 'same' },
  { x: [2, 7, 7, 2], k: 3, s: 1, p: 'valid' },
  { x: [1, 9, 8, 4], k: 3, s: 2, p: 'same' },
  { x: [4, 28, 28, 6], k: 2, s: 2, p: 'valid' },
  { x: [4, 10, 10, 16], k: 2, s: 2, p: 'valid' },
];
const name = (c: Case) => `x=[${c.x.join(',')}] k=${c.k} s=${c.s} p=${c.p}`;

beforeAll(async () => {
  registerWasmTrainingKernels();
  await useBackend('cpu');
});

afterAll(async () => {
  await useBackend('cpu');
});

for (const kind of ['max', 'avg'] as const) {
  describe(`wasm ${kind} pool gradient`, () => {
    for (const c of CASES) {
      it(`matches cpu: ${name(c)}`, async () => {
        // Distinct values (a shuffled ramp) so a max window never has a tie the backends could break differently.
        const x = seededInput(c.x, 5);
        const order = Array.from(x.values.keys()).sort((a, b) => (x.values[a] ?? 0) - (x.values[b] ?? 0));
        order.forEach((idx, rank) => (x.values[idx] = rank / order.length - 0.5));
        const pool = (t: tf.Tensor) =>
          kind === 'max'
            ? tf.maxPool(t as tf.Tensor4D, c.k, c.s, c.p)
            : tf.avgPool(t as tf.Tensor4D, c.k, c.s, c.p);
        const outShape = tf.tidy(() => pool(tf.zeros(c.x)).shape);
        const dy = seededInput(outShape, 6);
        await expectWasmGradsMatchCpu((t) => tf.sum(tf.mul(pool(t), tf.tensor(dy.values, dy.shape))), [x]);
      });
    }
  });
}

describe('pool gradient fixtures', () => {
  it('x=[1,2,2,1] k=2 s=2 p=valid: max sends the gradient to the largest cell, avg shares it out', async () => {
    const x = { values: Float32Array.from([1, 4, 3, 2]), shape: [1, 2, 2, 1] };
    const [dMax] = await gradsOn(
      'wasm',
      (t) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), 8)),
      [x],
    );
    const [dAvg] = await gradsOn(
      'wasm',
      (t) => tf.sum(tf.mul(tf.avgPool(t as tf.Tensor4D, 2, 2, 'valid'), 8)),
      [x],
    );
    expect(Array.from(dMax ?? [])).toEqual([0, 8, 0, 0]);
    expect(Array.from(dAvg ?? [])).toEqual([2, 2, 2, 2]);
  });

  it('x=[1,2,4,1] k=2 s=2 p=valid, all-negative and zero-max windows: the gradient still reaches the max', async () => {
    const x = { values: Float32Array.from([-3, -1, 0, -0.125, -2, -5, -4, -0.5]), shape: [1, 2, 4, 1] };
    const f = (t: tf.Tensor) =>
      tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), tf.tensor([3, 7], [1, 1, 2, 1])));
    const [d] = await gradsOn('wasm', f, [x]);
    expect(Array.from(d ?? [])).toEqual([0, 3, 7, 0, 0, 0, 0, 0]);
  });
});
