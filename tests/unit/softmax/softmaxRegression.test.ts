import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistSet } from '../../../src/engine/data/mnist';
import {
  evaluateSoftmax,
  softmaxStart,
  softmaxTemplate,
  trainSoftmax,
} from '../../../src/engine/softmax/softmaxRegression';
import { loadMnistNode } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

let train: MnistSet;
let test: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  expect(tf.getBackend()).toBe('cpu');
  [train, test] = await Promise.all([loadMnistNode('train'), loadMnistNode('test')]);
});

const opts = { examples: 2000, epochs: 2, batchSize: 100, learningRate: 0.5, l2: 1e-4, seed: 7 };

describe('softmax regression W=[784,10] b=[10] on MNIST (cpu backend)', () => {
  it('2,000 train digits × 2 epochs, batch 100 → well above chance (10%) on 2,000 test digits; no tensor leaks', async () => {
    const { model, evaluation, progress } = await expectNoLeaks(async () => {
      const progress: number[] = [];
      const model = await trainSoftmax(train, { ...opts, onProgress: (p) => progress.push(p.step) });
      const evaluation = await evaluateSoftmax(model, test, 2000);
      return { model, evaluation, progress };
    });
    expect(model.weights.length).toBe(7840);
    expect(model.bias.length).toBe(10);
    expect(model.steps).toBe(40);
    expect(progress.at(-1)).toBe(40);
    expect(Number.isFinite(model.loss)).toBe(true);
    expect(evaluation.count).toBe(2000);
    expect(evaluation.accuracy).toBeGreaterThan(0.8);
    // The confusion matrix counts every digit once.
    expect(evaluation.confusion.reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('the same seed gives the same weights', async () => {
    const a = await trainSoftmax(train, { ...opts, examples: 300, epochs: 1 });
    const b = await trainSoftmax(train, { ...opts, examples: 300, epochs: 1 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it('the "1" template is positive where ones are inked (centre column) and the corners stay ~0', async () => {
    const model = await trainSoftmax(train, { ...opts, examples: 1000, epochs: 1 });
    const one = softmaxTemplate(model, 1);
    expect(one.length).toBe(784);
    expect(one[14 * 28 + 14] ?? 0).toBeGreaterThan(0);
    expect(Math.abs(one[0] ?? 1)).toBeLessThan(1e-6);
  });

  it('onWeights: copies of the weights while they form, the last one the result; it starts from softmaxStart (all 0)', async () => {
    const start = softmaxStart();
    expect(start.weights.length).toBe(7840);
    expect(start.weights.every((v) => v === 0) && start.bias.every((v) => v === 0)).toBe(true);
    const { model, seen } = await expectNoLeaks(async () => {
      const seen: { step: number; weights: Float32Array }[] = [];
      const model = await trainSoftmax(train, {
        ...opts,
        examples: 500,
        epochs: 1,
        frameBudgetMs: 0,
        weightsEveryMs: 0,
        onWeights: (m, step) => seen.push({ step, weights: m.weights }),
      });
      return { model, seen };
    });
    // One slice per step with no wait between calls: a copy after every one of the 5 steps.
    expect(seen.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[0]!.weights.some((v) => v !== 0)).toBe(true);
    expect(Array.from(seen[0]!.weights)).not.toEqual(Array.from(seen[4]!.weights));
    expect(Array.from(seen[4]!.weights)).toEqual(Array.from(model.weights));
    // Copies: the arrays handed out are not the model's own.
    expect(seen[4]!.weights).not.toBe(model.weights);
  });

  it('abort: rejects with AbortError and leaves no tensors behind', async () => {
    await expectNoLeaks(async () => {
      const controller = new AbortController();
      // One step per slice, so the abort lands while steps remain.
      const run = trainSoftmax(train, {
        ...opts,
        frameBudgetMs: 0,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    });
  });

  it('a learning rate of 1e12 blows the loss up → a clear error, no leaks', async () => {
    await expectNoLeaks(async () => {
      await expect(
        trainSoftmax(train, { ...opts, examples: 500, epochs: 3, learningRate: 1e12, l2: 1 }),
      ).rejects.toThrow(/loss became/);
    });
  });
});
