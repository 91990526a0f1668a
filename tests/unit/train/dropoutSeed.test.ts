import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, initBackend, mnistSpec, parseArch, type MnistSet } from '../../../src/engine';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../../src/engine/train/config';
import { Trainer } from '../../../src/engine/train/trainer';
import { loadMnistNodeAll } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

let data: { train: MnistSet; test: MnistSet };
beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
  data = await loadMnistNodeAll();
});

/** The output of a dropout-only stack on an all-ones input, in one training pass: the mask itself. */
function passes(seed: number, n: number): number[][] {
  return tf.tidy(() => {
    const model = buildModel(mnistSpec(parseArch('dropout50-dense16.linear')), seed);
    const dropout = model.getLayer('dropout1');
    const x = tf.ones([1, 28, 28, 1]);
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const y = dropout.apply(x, { training: true }) as tf.Tensor;
      out.push(Array.from(y.dataSync()));
    }
    // Inference never drops anything.
    const plain = dropout.apply(x, { training: false }) as tf.Tensor;
    expect(Array.from(plain.dataSync()).every((v) => v === 1)).toBe(true);
    model.dispose();
    return out;
  });
}

async function losses(cfg: TrainConfig): Promise<number[]> {
  const out: number[] = [];
  const trainer = new Trainer(cfg, data, {
    onEvent: (e) => {
      if (e.type === 'progress') out.push(...e.stepLoss);
    },
    snapshotEveryMs: 0,
    evaluateTest: false,
    reportEveryMs: 0,
  });
  await trainer.run();
  trainer.dispose();
  return out;
}

describe('dropout is seeded', () => {
  it('dropout50: each training pass draws a new mask; the same seed draws the same masks', () => {
    const a = passes(3, 3);
    const b = passes(3, 3);
    const c = passes(4, 3);
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(a[1]);
    expect(a[1]).not.toEqual(a[2]);
    expect(a[0]).not.toEqual(c[0]);
    // About half the values are dropped, the rest scaled by 1 / (1 − 0.5).
    const kept = (a[0] ?? []).filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 2) < 1e-6)).toBe(true);
    expect(kept.length / 784).toBeGreaterThan(0.4);
    expect(kept.length / 784).toBeLessThan(0.6);
  });

  it('conv8k3-maxpool2-dropout30-dense32: same seed, same losses; another seed, other losses; no leaks', async () => {
    const cfg: TrainConfig = {
      ...TRAIN_DEFAULTS,
      layers: parseArch('conv8k3-maxpool2-dropout30-dense32'),
      trainSize: 400,
      epochs: 1,
      batchSize: 50,
      schedule: 'constant',
    };
    await expectNoLeaks(async () => {
      const first = await losses(cfg);
      const again = await losses(cfg);
      const other = await losses({ ...cfg, seed: 2 });
      expect(first.length).toBe(8);
      expect(again).toEqual(first);
      expect(other).not.toEqual(first);
    });
  });
});
