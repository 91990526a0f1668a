import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, makeImagesTensor } from '../../../src/engine/data/batches';
import { mnistSetFromIdx, type MnistSet } from '../../../src/engine/data/mnist';
import { mulberry32 } from '../../../src/engine/data/random';
import { expectNoLeaks } from '../../support/noLeaks';
import { tinyIdx } from './fakeServer';

let tiny: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const { images, labels } = tinyIdx(12);
  tiny = mnistSetFromIdx('test', images, labels);
});

/** A set of one digit that is blank except for one full-ink pixel at (row, col). */
function onePixelSet(row: number, col: number): MnistSet {
  const images = new Uint8Array(784);
  images[row * 28 + col] = 255;
  return { split: 'train', count: 1, images, labels: Uint8Array.from([7]) };
}

describe('makeBatch', () => {
  it('indices=[3,0,11] → xs=[3,28,28,1] in [0,1], ys=[3,10] one-hot; matches tfjs cast/div and oneHot', async () => {
    await expectNoLeaks(async () => {
      const batch = makeBatch(tiny, [3, 0, 11]);
      expect(batch.xs.shape).toEqual([3, 28, 28, 1]);
      expect(batch.ys.shape).toEqual([3, 10]);
      expect(batch.xs.dtype).toBe('float32');
      const rows = [3, 0, 11].map((i) => Array.from(tiny.images.subarray(i * 784, (i + 1) * 784)));
      const expectedXs = tf.tidy(() =>
        tf.div(tf.cast(tf.tensor(rows.flat(), [3, 28, 28, 1], 'int32'), 'float32'), 255),
      );
      const expectedYs = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([3, 0, 1], 'int32'), 10), 'float32'));
      const [xs, ys, exs, eys] = await Promise.all([
        batch.xs.data(),
        batch.ys.data(),
        expectedXs.data(),
        expectedYs.data(),
      ]);
      tf.dispose([batch.xs, batch.ys, expectedXs, expectedYs]);
      expect(Math.max(...xs)).toBeLessThanOrEqual(1);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < xs.length; i++) expect(xs[i]).toBeCloseTo(exs[i] ?? NaN, 6);
      expect(Array.from(ys)).toEqual(Array.from(eys));
      // Hand check: digit 3, pixel 0 is (3*7 + 0) % 256 = 21.
      expect(xs[0]).toBeCloseTo(21 / 255, 6);
      expect(Array.from(ys.subarray(0, 10))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    });
  });

  it('accepts an Int32Array of indices (a slice of shuffledIndices)', async () => {
    await expectNoLeaks(() => {
      const batch = makeBatch(tiny, Int32Array.from([5, 6]));
      expect(batch.xs.shape).toEqual([2, 28, 28, 1]);
      tf.dispose(batch);
    });
  });

  it('shift dx=+2 dy=−1 (maxPixels=2): the ink at (10,10) moves to (9,12), nothing else lit', async () => {
    await expectNoLeaks(async () => {
      // randomInt(rng, 5) = floor(r·5): r=0.9 → 4 → dx=+2; r=0.3 → 1 → dy=−1.
      const values = [0.9, 0.3];
      const rng = () => values.shift() ?? 0;
      const batch = makeBatch(onePixelSet(10, 10), [0], { shift: { rng, maxPixels: 2 } });
      const xs = await batch.xs.data();
      tf.dispose(batch);
      const lit = Array.from(xs.entries()).filter(([, v]) => v > 0);
      expect(lit).toEqual([[9 * 28 + 12, 1]]);
    });
  });

  it('shift off the edge: ink at (0,27) shifted by dx=+1 falls off, leaving a blank digit', async () => {
    await expectNoLeaks(async () => {
      const values = [0.99, 0.5]; // floor(0.99·3)=2 → dx=+1; floor(0.5·3)=1 → dy=0
      const batch = makeBatch(onePixelSet(0, 27), [0], {
        shift: { rng: () => values.shift() ?? 0, maxPixels: 1 },
      });
      const xs = await batch.xs.data();
      tf.dispose(batch);
      expect(Array.from(xs).some((v) => v !== 0)).toBe(false);
    });
  });

  it('shift with a seeded rng is reproducible, and maxPixels=0 is no shift', async () => {
    await expectNoLeaks(async () => {
      const a = makeBatch(tiny, [1, 2, 3], { shift: { rng: mulberry32(5), maxPixels: 2 } });
      const b = makeBatch(tiny, [1, 2, 3], { shift: { rng: mulberry32(5), maxPixels: 2 } });
      const c = makeBatch(tiny, [1, 2, 3], { shift: { rng: mulberry32(5), maxPixels: 0 } });
      const d = makeBatch(tiny, [1, 2, 3]);
      const [xa, xb, xc, xd] = await Promise.all([a.xs.data(), b.xs.data(), c.xs.data(), d.xs.data()]);
      tf.dispose([a, b, c, d]);
      expect(xa).toEqual(xb);
      expect(xa).not.toEqual(xd);
      expect(xc).toEqual(xd);
    });
  });

  it('an index outside the set throws a RangeError and makes no tensors', async () => {
    await expectNoLeaks(() => {
      expect(() => makeBatch(tiny, [0, 12])).toThrow(
        /index 12 at position 1 is outside the test set \(0–11\)/,
      );
      expect(() => makeBatch(tiny, [-1])).toThrow(RangeError);
    });
  });
});

describe('makeImagesTensor', () => {
  it('set of 12, start=8 count=5 → [4,28,28,1] (cut at the end), same values as makeBatch', async () => {
    await expectNoLeaks(async () => {
      const t = makeImagesTensor(tiny, 8, 5);
      expect(t.shape).toEqual([4, 28, 28, 1]);
      const batch = makeBatch(tiny, [8, 9, 10, 11]);
      const [a, b] = await Promise.all([t.data(), batch.xs.data()]);
      tf.dispose([t, batch]);
      expect(a).toEqual(b);
    });
  });

  it('chunks of 5 cover all 12 digits exactly once', async () => {
    await expectNoLeaks(() => {
      const sizes: number[] = [];
      for (let start = 0; start < tiny.count; start += 5) {
        const t = makeImagesTensor(tiny, start, 5);
        sizes.push(t.shape[0]);
        t.dispose();
      }
      expect(sizes).toEqual([5, 5, 2]);
    });
  });

  it('start outside the set throws', async () => {
    await expectNoLeaks(() => {
      expect(() => makeImagesTensor(tiny, 12, 1)).toThrow(/start 12 is outside the test set/);
    });
  });
});
