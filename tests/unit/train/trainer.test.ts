import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type MnistSet } from '../../../src/engine';
import {
  TRAIN_DEFAULTS,
  checkTrainConfig,
  scheduleFactor,
  type TrainConfig,
} from '../../../src/engine/train/config';
import { evaluateModel } from '../../../src/engine/train/evaluate';
import { BackendLostError, Trainer, splitIndices, type TrainEvent } from '../../../src/engine/train/trainer';
import { loadMnistNodeAll } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

// The wasm backend in node (with the repo's training kernels) is the backend the app trains on here,
// and ~20× faster than tfjs cpu, which keeps these real-data tests to seconds.
let data: { train: MnistSet; test: MnistSet };
beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
  data = await loadMnistNodeAll();
});

const small = (patch: Partial<TrainConfig> = {}): TrainConfig => ({
  ...TRAIN_DEFAULTS,
  trainSize: 1000,
  epochs: 2,
  batchSize: 50,
  lr: 0.003,
  schedule: 'constant',
  ...patch,
});

async function runCollect(cfg: TrainConfig, extra: Partial<ConstructorParameters<typeof Trainer>[2]> = {}) {
  const events: TrainEvent[] = [];
  const tensorsAtProgress: number[] = [];
  const trainer = new Trainer(cfg, data, {
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'progress') tensorsAtProgress.push(tf.memory().numTensors);
    },
    snapshotEveryMs: 0,
    evaluateTest: false,
    reportEveryMs: 0,
    ...extra,
  });
  await trainer.run();
  const stepLosses = events.flatMap((e) => (e.type === 'progress' ? Array.from(e.stepLoss) : []));
  return { trainer, events, stepLosses, tensorsAtProgress };
}

describe('Trainer on MNIST (wasm)', () => {
  it('learns 1,000 digits: x=[50,28,28,1] batches, 2 epochs → loss falls, test accuracy far above chance', async () => {
    await expectNoLeaks(async () => {
      const { trainer, stepLosses } = await runCollect(small());
      expect(stepLosses.length).toBe(40);
      const first = stepLosses.slice(0, 5).reduce((a, b) => a + b) / 5;
      const last = stepLosses.slice(-5).reduce((a, b) => a + b) / 5;
      expect(first).toBeGreaterThan(1.8); // ≈ ln 10 at random init
      expect(last).toBeLessThan(first * 0.5);
      const idx = Int32Array.from({ length: 1000 }, (_, i) => i);
      const ev = await evaluateModel(trainer.model, data.test, { indices: idx });
      expect(ev.accuracy).toBeGreaterThan(0.6);
      expect(ev.confusion.reduce((a, b) => a + b)).toBe(1000);
      trainer.dispose();
    });
  });

  it('steps leak no tensors: the count is flat from step to step, and back to zero after dispose', async () => {
    await expectNoLeaks(async () => {
      const { trainer, tensorsAtProgress } = await runCollect(small({ trainSize: 400, epochs: 2 }), {
        snapshotEveryMs: 1,
      });
      // Adam makes its slot variables on the first step; from then on nothing may grow.
      const steady = tensorsAtProgress.slice(1);
      expect(new Set(steady).size).toBe(1);
      trainer.dispose();
    });
  });

  it('the same seed reproduces every step loss; another seed does not', async () => {
    const a = await runCollect(small({ trainSize: 500, epochs: 1, augment: true, seed: 7 }));
    a.trainer.dispose();
    const b = await runCollect(small({ trainSize: 500, epochs: 1, augment: true, seed: 7 }), {
      reportEveryMs: 50,
    });
    b.trainer.dispose();
    const c = await runCollect(small({ trainSize: 500, epochs: 1, augment: true, seed: 8 }));
    c.trainer.dispose();
    expect(a.stepLosses.length).toBe(10);
    expect(b.stepLosses).toEqual(a.stepLosses);
    expect(c.stepLosses).not.toEqual(a.stepLosses);
  });

  it('a huge learning rate (SGD, lr=10) is caught: training stops and the last good weights are back', async () => {
    await expectNoLeaks(async () => {
      const { trainer, events } = await runCollect(
        small({ optimizer: 'sgd', lr: 10, trainSize: 2000, epochs: 3, arch: { ...TRAIN_DEFAULTS.arch } }),
      );
      const diverged = events.find((e) => e.type === 'diverged');
      expect(diverged, 'no divergence event').toBeDefined();
      const done = events[events.length - 1];
      expect(done).toMatchObject({ type: 'done', reason: 'diverged' });
      const good = trainer.lastGoodState;
      expect(good).not.toBeNull();
      const now = await trainer.weights();
      for (const w of now) expect(w.every(Number.isFinite)).toBe(true);
      expect(now).toEqual(good?.weights);
      trainer.dispose();
    });
  });

  it('a lost backend stops the run with BackendLostError and keeps nothing read after the loss', async () => {
    await expectNoLeaks(async () => {
      const lost = new AbortController();
      const events: TrainEvent[] = [];
      let goodAtLoss: number | null = null;
      const trainer: Trainer = new Trainer(small({ trainSize: 1000, epochs: 2 }), data, {
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'progress' && e.step === 7) {
            goodAtLoss = trainer.lastGoodState?.step ?? null;
            lost.abort();
          }
        },
        snapshotEveryMs: 0,
        evaluateTest: false,
        reportEveryMs: 0,
        lostSignal: lost.signal,
      });
      await expect(trainer.run()).rejects.toBeInstanceOf(BackendLostError);
      // Nothing after the loss: no further progress, no epoch end, no 'done' (the host decides what next).
      const after = events.slice(events.findIndex((e) => e.type === 'progress' && e.step === 7) + 1);
      expect(after).toEqual([]);
      expect(trainer.lastGoodState?.step).toBe(goodAtLoss);
      expect(goodAtLoss).not.toBeNull();
      // The kept weights are real numbers a new trainer on another backend can start from.
      for (const w of trainer.lastGoodState?.weights ?? []) expect(w.every(Number.isFinite)).toBe(true);
      trainer.dispose();
    });
  });

  it('pause holds the loop and resume continues to the end', async () => {
    const events: TrainEvent[] = [];
    const trainer = new Trainer(small({ trainSize: 500, epochs: 1 }), data, {
      onEvent: (e) => events.push(e),
      snapshotEveryMs: 0,
      evaluateTest: false,
      reportEveryMs: 0,
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    });
    const running = trainer.run();
    await new Promise((r) => setTimeout(r, 5));
    trainer.pause();
    await new Promise((r) => setTimeout(r, 300));
    const stepAtPause = trainer.step;
    await new Promise((r) => setTimeout(r, 200));
    expect(trainer.step).toBe(stepAtPause);
    expect(stepAtPause).toBeLessThan(10);
    trainer.resume();
    await running;
    expect(trainer.step).toBe(10);
    trainer.dispose();
  });
});

describe('train config', () => {
  it('refuses impossible settings with a reason', () => {
    const p = checkTrainConfig({ ...TRAIN_DEFAULTS, lr: -1, batchSize: 5000, epochs: 0, trainSize: 50 });
    expect(Object.keys(p).sort()).toEqual(['batchSize', 'epochs', 'lr', 'trainSize']);
    expect(p.lr).toMatch(/learning rate/i);
    expect(checkTrainConfig(TRAIN_DEFAULTS)).toEqual({});
  });

  it('schedules: onecycle starts at 0.1, peaks at 30%, ends near 0.01', () => {
    expect(scheduleFactor('onecycle', 0, 100)).toBeCloseTo(0.1);
    expect(scheduleFactor('onecycle', 30, 100)).toBeCloseTo(1);
    expect(scheduleFactor('onecycle', 100, 100)).toBeCloseTo(0.01);
    expect(scheduleFactor('step', 60, 100)).toBeCloseTo(0.1);
    expect(scheduleFactor('constant', 60, 100)).toBe(1);
  });

  it('splits a seeded subset: trainSize=1000 val=20% → 800 learn + 200 val, disjoint, reproducible', () => {
    const cfg = { ...TRAIN_DEFAULTS, trainSize: 1000, valFraction: 0.2 };
    const a = splitIndices(cfg, data.train);
    expect(a.learn.length).toBe(800);
    expect(a.val.length).toBe(200);
    const set = new Set(a.learn);
    expect(Array.from(a.val).some((i) => set.has(i))).toBe(false);
    expect(splitIndices(cfg, data.train).learn).toEqual(a.learn);
  });
});
