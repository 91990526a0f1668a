import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/kernels/registerWasmTrainingKernels';
import { buildLeNet, LENET_DEFAULTS, type LeNetConfig } from '../../../src/engine/model/lenet';
import { expectNoLeaks } from '../../support/noLeaks';
import { relativeError, seededValues, useBackend, type BackendUnderTest } from './backendCompare';

const BATCH = 8;

type StepResult = { loss: number; grads: Float32Array[]; names: string[] };

/** One forward + backward pass of LeNet on `backend`, with the given weights and batch. */
async function lenetStep(
  backend: BackendUnderTest,
  config: LeNetConfig,
  weights: Float32Array[] | null,
): Promise<StepResult & { weights: Float32Array[] }> {
  await useBackend(backend);
  return expectNoLeaks(async () => {
    const model = buildLeNet(config, 3);
    if (weights) {
      const values = model.getWeights().map((w, i) => tf.tensor(weights[i] ?? [], w.shape));
      model.setWeights(values);
      tf.dispose(values);
    }
    const startWeights = await Promise.all(model.getWeights().map((w) => w.data<'float32'>()));
    const x = tf.tensor(seededValues(BATCH * 28 * 28, 11), [BATCH, 28, 28, 1]);
    const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(labels, model.apply(x) as tf.Tensor),
      vars,
    );
    const names = vars.map((v) => v.name);
    const result = {
      loss: (await value.data())[0] ?? NaN,
      grads: await Promise.all(names.map((n) => grads[n]!.data<'float32'>())),
      names: model.trainableWeights.map((w) => w.originalName),
      weights: startWeights,
    };
    tf.dispose([value, x, labels, ...Object.values(grads)]);
    model.dispose();
    return result;
  });
}

beforeAll(() => {
  registerWasmTrainingKernels();
});

afterAll(async () => {
  await useBackend('cpu');
});

describe('one LeNet-5 training step: wasm matches cpu for the same weights and batch', () => {
  const configs: [string, LeNetConfig][] = [
    ['relu + max pool', LENET_DEFAULTS],
    ['tanh + avg pool', { ...LENET_DEFAULTS, activation: 'tanh', pooling: 'avg' }],
    ['tanh + max pool', { ...LENET_DEFAULTS, activation: 'tanh', pooling: 'max' }],
    ['sigmoid + max pool', { ...LENET_DEFAULTS, activation: 'sigmoid', pooling: 'max' }],
  ];
  for (const [label, config] of configs) {
    it(`${label}: x=[${BATCH},28,28,1], loss and all 10 weight gradients`, async () => {
      const cpu = await lenetStep('cpu', config, null);
      const wasm = await lenetStep('wasm', config, cpu.weights);
      expect(wasm.grads.length).toBe(10);
      expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-5 * Math.max(1, cpu.loss));
      cpu.grads.forEach((g, i) => {
        // Every gradient must be non-trivial, or agreeing on zeros would prove nothing.
        expect(
          g.some((v) => v !== 0),
          `${cpu.names[i]} gradient is all zero`,
        ).toBe(true);
        expect(relativeError(wasm.grads[i] ?? new Float32Array(), g), cpu.names[i]).toBeLessThan(1e-4);
      });
    });
  }
});
