import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateTrainingTime, mnistSpec, parseArch, timeSpecSteps } from '../../../src/engine';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('training time from steps timed here', () => {
  it('3 epochs of 60,000 at batch 128 (469 steps an epoch) from steps of 40, 50, 80 ms', () => {
    const est = estimateTrainingTime([50, 80, 40], { epochs: 3, examples: 60000, batch: 128 })!;
    const steps = 3 * 469;
    expect(est.ms).toBeCloseTo(steps * 50 * 1.1, 6);
    expect(est.lowMs).toBeCloseTo(steps * 40, 6);
    expect(est.highMs).toBeCloseTo(steps * 80 * 1.2, 6);
    expect(est.lowMs).toBeLessThan(est.ms);
    expect(est.ms).toBeLessThan(est.highMs);
  });

  it('an even count takes the middle two; nothing measured (or nonsense) says nothing', () => {
    expect(estimateTrainingTime([10, 20, 30, 40], { epochs: 1, examples: 100, batch: 100 })!.ms).toBeCloseTo(
      27.5,
      6,
    );
    expect(estimateTrainingTime([], { epochs: 1, examples: 100, batch: 10 })).toBeNull();
    expect(estimateTrainingTime([NaN, -1], { epochs: 1, examples: 100, batch: 10 })).toBeNull();
    expect(estimateTrainingTime([5], { epochs: 0, examples: 100, batch: 10 })).toBeNull();
  });

  it('times real steps of a designed net (conv4k3-batchnorm-maxpool2-dropout20-dense16), leaking nothing', async () => {
    const spec = mnistSpec(parseArch('conv4k3-batchnorm-maxpool2-dropout20-dense16'));
    let clock = 0;
    const r = await expectNoLeaks(() =>
      timeSpecSteps(spec, 8, { warmup: 1, steps: 3, now: () => (clock += 10) }),
    );
    expect(r.failed).toBe(false);
    expect(r.stepMs).toEqual([10, 10, 10]);
    // A step slower than the limit stops the timing there.
    clock = 0;
    const cut = await timeSpecSteps(spec, 8, { steps: 3, giveUpMsPerStep: 5, now: () => (clock += 10) });
    expect(cut.stepMs).toHaveLength(1);
  });
});

describe('estimateTrainingTime with the test check', () => {
  it('6,000 digits, batch 64, 1 epoch, 10,000 test digits at 30 ms a step: (94 + 157 / 3) steps', () => {
    const est = estimateTrainingTime([30, 30, 30], {
      epochs: 1,
      examples: 6000,
      batch: 64,
      testExamples: 10_000,
    });
    expect(est?.ms).toBeCloseTo((94 + 157 / 3) * 30 * 1.1, 6);
    const without = estimateTrainingTime([30, 30, 30], { epochs: 1, examples: 6000, batch: 64 });
    expect(without?.ms).toBeCloseTo(94 * 30 * 1.1, 6);
  });
});
