import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/kernels/registerWasmTrainingKernels';
import { expectNoLeaks } from '../../support/noLeaks';
import {
  expectWasmGradsMatchCpu,
  relativeError,
  seededInput,
  seededValues,
  useBackend,
} from './backendCompare';

beforeAll(async () => {
  registerWasmTrainingKernels();
  await useBackend('wasm');
});

afterAll(async () => {
  await useBackend('cpu');
});

async function productOn(
  backend: 'cpu' | 'wasm',
  aShape: number[],
  bShape: number[],
  ta: boolean,
  tb: boolean,
): Promise<Float32Array> {
  await useBackend(backend);
  return expectNoLeaks(
    async () => {
      const a = tf.tensor(
        seededValues(
          aShape.reduce((x, y) => x * y, 1),
          1,
        ),
        aShape,
      );
      const b = tf.tensor(
        seededValues(
          bShape.reduce((x, y) => x * y, 1),
          2,
        ),
        bShape,
      );
      const c = tf.matMul(a, b, ta, tb);
      const out = await c.data<'float32'>();
      tf.dispose([a, b, c]);
      return out;
    },
    { backendData: true },
  );
}

describe('wasm BatchMatMul with transposed operands', () => {
  const cases: [string, number[], number[], boolean, boolean][] = [
    ['a=[5,7] b=[7,3]', [5, 7], [7, 3], false, false],
    ['aᵀ: a=[7,5] b=[7,3]', [7, 5], [7, 3], true, false],
    ['bᵀ: a=[5,7] b=[3,7]', [5, 7], [3, 7], false, true],
    ['aᵀ bᵀ: a=[7,5] b=[3,7]', [7, 5], [3, 7], true, true],
    ['batched aᵀ: a=[2,7,5] b=[2,7,3]', [2, 7, 5], [2, 7, 3], true, false],
    ['batched bᵀ: a=[2,5,7] b=[2,3,7]', [2, 5, 7], [2, 3, 7], false, true],
    ['LeNet dense1 dW: a=[64,400]ᵀ b=[64,120]', [64, 400], [64, 120], true, false],
  ];
  for (const [name, aShape, bShape, ta, tb] of cases) {
    it(`matches cpu: ${name}`, async () => {
      const ref = await productOn('cpu', aShape, bShape, ta, tb);
      const got = await productOn('wasm', aShape, bShape, ta, tb);
      expect(relativeError(got, ref)).toBeLessThan(1e-5);
    });
  }

  it('dense layer gradients x=[6,9] W=[9,4] match cpu', async () => {
    await expectWasmGradsMatchCpu(
      (x, w) => tf.sum(tf.mul(tf.matMul(x, w), tf.tensor(seededValues(24, 9), [6, 4]))),
      [seededInput([6, 9], 3), seededInput([9, 4], 4)],
    );
  });

  it('replaces the shipped kernel and keeps its setup step', () => {
    const kernel = tf.getKernel('BatchMatMul', 'wasm');
    expect(kernel?.kernelFunc.name).toBe('batchMatMul');
    expect(kernel?.setupFunc).toBeTypeOf('function');
  });
});
