import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, storedTrainTest, type InputShape } from '../../../src/engine';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../../src/engine/train/config';
import { Trainer, type TrainEvent } from '../../../src/engine/train/trainer';
import { mulberry32, randomInt } from '../../../src/engine/data/random';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
});

/**
 * `n` pictures of `classes` classes: class k is a filled square whose colour (or, in grey, whose size)
 * says the class, at a random place. Easy enough that a small network must get most of them right.
 */
function synthetic(shape: InputShape, classes: number, n: number) {
  const [h, w, c] = shape;
  const rng = mulberry32(99);
  const images = new Uint8Array(n * h * w * c);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % classes;
    labels[i] = k;
    const side = c === 1 ? 6 + 6 * k : 10;
    const x0 = randomInt(rng, w - side);
    const y0 = randomInt(rng, h - side);
    for (let y = y0; y < y0 + side; y++) {
      for (let x = x0; x < x0 + side; x++) {
        const o = (i * h * w + y * w + x) * c;
        if (c === 1) images[o] = 255;
        else images[o + (k % 3)] = 230;
      }
    }
  }
  return { images, labels };
}

const cfg = (patch: Partial<TrainConfig>): TrainConfig => ({
  ...TRAIN_DEFAULTS,
  epochs: 6,
  batchSize: 16,
  lr: 0.005,
  schedule: 'constant',
  ...patch,
});

async function train(shape: InputShape, classes: number, c: TrainConfig) {
  const names = Array.from({ length: classes }, (_, k) => `class${k}`);
  const data = storedTrainTest({ inputShape: shape, classNames: names }, synthetic(shape, classes, 240), 1);
  const events: TrainEvent[] = [];
  await expectNoLeaks(async () => {
    const trainer = new Trainer(c, data, {
      onEvent: (e) => events.push(e),
      snapshotEveryMs: 1,
      reportEveryMs: 0,
    });
    await trainer.run();
    trainer.dispose();
  });
  const epochs = events.filter((e): e is Extract<TrainEvent, { type: 'epoch' }> => e.type === 'epoch');
  const snap = events.find((e): e is Extract<TrainEvent, { type: 'snapshot' }> => e.type === 'snapshot');
  return { data, last: epochs.at(-1), snap };
}

describe('Trainer on a stored dataset: its input shape and class count', () => {
  it('3 classes of colour 32×32×3 squares, a designed network: test accuracy well above chance', async () => {
    const { data, last, snap } = await train(
      [32, 32, 3],
      3,
      cfg({
        layers: [
          { kind: 'conv', filters: 6, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
          { kind: 'maxpool', size: 2, stride: 2 },
          { kind: 'dense', units: 16, activation: 'relu' },
        ],
      }),
    );
    expect(data.test.count).toBe(48);
    expect(last?.confusion.length).toBe(9);
    expect(last?.predictions.length).toBe(48);
    expect(last?.testAccuracy).toBeGreaterThan(0.8);
    expect(last?.mistakes.every((m) => m.probs.length === 3)).toBe(true);
    expect(snap?.layers[0]?.shape).toEqual([32, 32, 3]);
    expect(snap?.layers.at(-1)?.shape).toEqual([3]);
  });
  it('2 classes of grey 28×28 squares of two sizes with LeNet: two outputs, above chance', async () => {
    const { last, snap } = await train([28, 28, 1], 2, cfg({ epochs: 4 }));
    expect(last?.confusion.length).toBe(4);
    expect(last?.testAccuracy).toBeGreaterThan(0.75);
    expect(snap?.layers.at(-1)?.shape).toEqual([2]);
  });
});
