import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/kernels/registerWasmTrainingKernels';
import { buildModel } from '../../../src/engine/model/buildModel';
import { parseArch } from '../../../src/engine/model/archCodec';
import { mnistSpec } from '../../../src/engine/model/modelSpec';
import { expectNoLeaks } from '../../support/noLeaks';
import { relativeError, seededValues, useBackend, type BackendUnderTest } from './backendCompare';

const BATCH = 8;

type StepResult = { loss: number; grads: Float32Array[]; names: string[]; weights: Float32Array[] };

/**
 * One training-mode forward + backward pass of the stack `arch` on `backend` (batchnorm normalises by
 * the batch, dropout drops), with the given starting weights. Dropout draws its mask from
 * Math.random-seeded generators, so Math.random is fixed here: both backends then drop the same values.
 */
async function designedStep(
  backend: BackendUnderTest,
  arch: string,
  weights: Float32Array[] | null,
): Promise<StepResult> {
  await useBackend(backend);
  const random = vi.spyOn(Math, 'random').mockReturnValue(0.4242);
  try {
    return await expectNoLeaks(async () => {
      const model = buildModel(mnistSpec(parseArch(arch)), 5);
      if (weights) {
        const values = model.getWeights().map((w, i) => tf.tensor(weights[i] ?? [], w.shape));
        model.setWeights(values);
        tf.dispose(values);
      }
      const startWeights = await Promise.all(model.getWeights().map((w) => w.data<'float32'>()));
      const x = tf.tensor(seededValues(BATCH * 28 * 28, 17), [BATCH, 28, 28, 1]);
      const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }) as tf.Tensor),
        vars,
      );
      const result = {
        loss: (await value.data())[0] ?? NaN,
        grads: await Promise.all(vars.map((v) => grads[v.name]!.data<'float32'>())),
        names: model.trainableWeights.map((w) => w.originalName),
        weights: startWeights,
      };
      tf.dispose([value, x, labels, ...Object.values(grads)]);
      model.dispose();
      return result;
    });
  } finally {
    random.mockRestore();
  }
}

beforeAll(() => {
  registerWasmTrainingKernels();
});

afterAll(async () => {
  await useBackend('cpu');
});

describe('the editor’s layer types train on wasm: loss and every weight gradient match cpu', () => {
  const stacks: [string, string][] = [
    ['conv stride 2 (same) + stride 3 (valid)', 'conv6k5s2-conv8k3s3v.tanh-dense16'],
    ['batchnorm after a conv and after a dense', 'conv6k3-batchnorm-maxpool2-dense16-batchnorm'],
    ['dropout on maps and on a vector', 'conv6k3-dropout30-maxpool2-dense16.sigmoid-dropout50'],
    ['average pooling 3 stride 2, then 2 stride 1', 'conv6k3.tanh-avgpool3s2-conv4k3-avgpool2s1-dense16'],
    ['max pooling 4 (tanh, negative maxima)', 'conv6k5.tanh-maxpool4-dense16.tanh'],
    ['no convolution at all (MLP)', 'dense32.sigmoid-dense16.linear'],
  ];
  for (const [label, arch] of stacks) {
    it(`${label}: x=[${BATCH},28,28,1] ${arch}`, async () => {
      const cpu = await designedStep('cpu', arch, null);
      const wasm = await designedStep('wasm', arch, cpu.weights);
      expect(wasm.grads.length).toBe(cpu.grads.length);
      expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-5 * Math.max(1, cpu.loss));
      cpu.grads.forEach((g, i) => {
        // A gradient of zeros on both sides would prove nothing.
        expect(
          g.some((v) => v !== 0),
          `${cpu.names[i]} gradient is all zero`,
        ).toBe(true);
        expect(relativeError(wasm.grads[i] ?? new Float32Array(), g), cpu.names[i]).toBeLessThan(1e-4);
      });
    });
  }
});
