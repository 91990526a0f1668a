import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildLeNet,
  buildProbe,
  createDrawSession,
  filterSlice,
  lenetConfigOf,
  LENET_1998,
  predictLayers,
  readFilterBank,
} from '../../../src/engine';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function digitLike(): Float32Array {
  const px = new Float32Array(784);
  for (let r = 4; r < 24; r++) px[r * 28 + 14] = 1;
  return px;
}

describe('predictLayers (one pass, every layer, plain snapshots)', () => {
  it('x=[1,28,28,1] → conv1 [28,28,6], pool1 [14,14,6], conv2 [10,10,16], pool2 [5,5,16], dense 120/84/10', async () => {
    const model = buildLeNet(undefined, 3);
    const probe = buildProbe(model);
    const r = await expectNoLeaks(() => predictLayers(probe, digitLike()));
    expect(r.layers.conv1.shape).toEqual([28, 28, 6]);
    expect(r.layers.pool1.shape).toEqual([14, 14, 6]);
    expect(r.layers.conv2.shape).toEqual([10, 10, 16]);
    expect(r.layers.pool2.shape).toEqual([5, 5, 16]);
    expect(r.layers.dense1.shape).toEqual([120]);
    expect(r.layers.dense2.shape).toEqual([84]);
    expect(r.layers.output.shape).toEqual([10]);
    expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.confidence).toBe(Math.max(...r.probabilities));
    // Same numbers as the plain model.predict path.
    const ref = tf.tidy(() => model.predict(tf.tensor4d(digitLike(), [1, 28, 28, 1])) as tf.Tensor);
    expect(Array.from(r.probabilities)).toEqual(Array.from(await ref.data()).map((v) => Math.fround(v)));
    ref.dispose();
    // pool1 is the 2×2 max of conv1, checked at one cell for every map.
    for (let c = 0; c < 6; c++) {
      const at = (row: number, col: number) => r.layers.conv1.data[(row * 28 + col) * 6 + c]!;
      expect(r.layers.pool1.data[(3 * 14 + 7) * 6 + c]).toBe(
        Math.max(at(6, 14), at(6, 15), at(7, 14), at(7, 15)),
      );
    }
    model.dispose();
  });

  it('refuses an image that is not 28×28', async () => {
    const model = buildLeNet(undefined, 1);
    await expect(predictLayers(buildProbe(model), new Float32Array(100))).rejects.toThrow(/784/);
    model.dispose();
  });
});

describe('forwardLeNet (fused ops on live weights) matches the layers probe', () => {
  for (const [name, config] of [
    ['relu + max', undefined],
    ['tanh + avg (1998)', LENET_1998],
  ] as const) {
    it(`${name}: every layer of x=[1,28,28,1] within 1e-5`, async () => {
      const model = buildLeNet(config, 9);
      const ref = await predictLayers(buildProbe(model), digitLike());
      const session = createDrawSession(model);
      const fast = await expectNoLeaks(() => session.predict(digitLike()));
      for (const layer of ['conv1', 'pool1', 'conv2', 'pool2', 'dense1', 'dense2', 'output'] as const) {
        expect(fast.layers[layer].shape).toEqual(ref.layers[layer].shape);
        const a = fast.layers[layer].data;
        const b = ref.layers[layer].data;
        let worst = 0;
        for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
        expect(worst, layer).toBeLessThan(1e-5);
      }
      session.dispose();
      model.dispose();
    });
  }
});

describe('draw session ("what if" on a copy, never on the stored model)', () => {
  it('reads the config back from the layers (1998 preset: tanh, average pooling)', () => {
    const model = buildLeNet(LENET_1998, 2);
    expect(lenetConfigOf(model)).toEqual(LENET_1998);
    model.dispose();
  });

  it('zeroing conv1 filter 2 of k=[5,5,1,6] changes its map and the prediction input, source untouched, reset restores', async () => {
    const source = buildLeNet(undefined, 5);
    const before = tf.memory().numTensors;
    const sourceBank = await readFilterBank(source, 'conv1');
    const session = createDrawSession(source);
    const base = await session.predict(digitLike());

    await expectNoLeaks(async () => {
      session.setConv1Filter(2, new Float32Array(25), 0);
      const bank = await session.readFilters('conv1');
      expect(Array.from(filterSlice(bank, 2))).toEqual(new Array(25).fill(0));
      expect(filterSlice(bank, 1)).toEqual(filterSlice(sourceBank, 1));
      const edited = await session.predict(digitLike());
      for (let i = 2; i < 784 * 6; i += 6) expect(edited.layers.conv1.data[i]).toBe(0);
      expect(edited.layers.conv2.data).not.toEqual(base.layers.conv2.data);
      // The source model still has its original filter.
      expect((await readFilterBank(source, 'conv1')).kernel).toEqual(sourceBank.kernel);
      session.reset();
      const again = await session.predict(digitLike());
      expect(again.probabilities).toEqual(base.probabilities);
    });

    session.setConv1Filter(
      0,
      Float32Array.from({ length: 25 }, (_, i) => i / 25),
      0.5,
    );
    expect((await session.readFilters('conv1')).bias[0]).toBeCloseTo(0.5, 6);
    expect(() => session.setConv1Filter(6, new Float32Array(25), 0)).toThrow(/6 filters/);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });
});
