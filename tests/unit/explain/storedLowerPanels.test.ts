/**
 * The lower panels of Explain for a stored dataset: colour (h×w×3) patches and made-up pictures keep
 * their three channels, a test split smaller than nine gives every filter all its pictures, and a map
 * needs more pictures than UMAP's neighbours (a 30-point map works; 10 points are refused, with the
 * reason). cpu backend, hand-computed or brute-force references, no tensor leaks.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeHiddenFeatures,
  computeTopPatches,
  cutPatch,
  describeNetwork,
  receptiveField,
  synthesizeFilterInputs,
} from '../../../src/engine/explain';
import { layoutUmap } from '../../../src/engine/explain/umapLayout';
import { computeLearnedMap, MAP_SETTINGS, MIN_MAP_POINTS } from '../../../src/state/learnedMap';
import { mapSizes } from '../../../src/components/explain/LearnedMap';
import { scatterRadius } from '../../../src/components/explain/drawScatter';
import type { MnistSet } from '../../../src/engine/data/mnist';
import { expectNoLeaks } from '../../support/noLeaks';
import { numbers, tinyCnn } from '../../support/explainFixtures';

/** conv(3, 3×3 same, relu) → maxpool 2 → conv(2, 3×3 valid, relu) → flatten → dense 3 on 6×6×3. */
const colourCnn = () => tinyCnn(21, { shape: [6, 6, 3], second: 2, classes: 3 });

const picture = (seed: number) => numbers(6 * 6 * 3, seed).map((v) => (v + 1) / 2);

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  model = colourCnn();
});
afterAll(() => model.dispose());

describe('colour patches', () => {
  it('cutPatch of a 3×3×3 picture keeps the three channels, zeros where the field hangs over', () => {
    // Pixel (y, x) channel k holds 100·y + 10·x + k.
    const img = Float32Array.from({ length: 27 }, (_, i) => {
      const k = i % 3;
      const p = (i - k) / 3;
      return 100 * Math.floor(p / 3) + 10 * (p % 3) + k;
    });
    const field = { size: 2, jump: 1, offset: -1 };
    expect(Array.from(cutPatch(img, 3, 3, field, 0, 0, 3))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(Array.from(cutPatch(img, 3, 3, field, 2, 2, 3))).toEqual([
      110, 111, 112, 120, 121, 122, 210, 211, 212, 220, 221, 222,
    ]);
    // One channel (the default) reads the picture as before.
    expect(Array.from(cutPatch([1, 2, 3, 4], 2, 2, { size: 1, jump: 1, offset: 0 }, 1, 0))).toEqual([3]);
  });

  it('x=[4,6,6,3] k=9: fewer pictures than nine give every filter all four, strongest first (brute force)', async () => {
    const net = describeNetwork(model);
    const images = [1, 2, 3, 4].map((i) => picture(60 + i));
    const top = await expectNoLeaks(() =>
      computeTopPatches(net, 4, (i, out) => out.set(images[i] as Float32Array), { k: 9, batchSize: 3 }),
    );
    for (const [li, conv] of net.convLayers.entries()) {
      const probe = tfl.model({ inputs: model.inputs, outputs: model.layers[conv.index]!.output });
      const best = (f: number) =>
        images
          .map((img, image) => {
            const a = tf.tidy(() => (probe.predict(tf.tensor4d(img, [1, 6, 6, 3])) as tf.Tensor).dataSync());
            let value = -Infinity;
            for (let p = 0; p < conv.outH * conv.outW; p++) value = Math.max(value, a[p * conv.filters + f]!);
            return { image, value };
          })
          .sort((x, y) => y.value - x.value);
      for (let f = 0; f < conv.filters; f++) {
        const got = top[li]!.filters[f]!;
        expect(got).toHaveLength(4);
        expect(got.map((p) => p.image)).toEqual(best(f).map((p) => p.image));
        got.forEach((p, i) => expect(p.value).toBeCloseTo(best(f)[i]!.value, 5));
      }
    }
    // A patch is cut from the 6×6 colour picture: size² × 3 numbers.
    const field = top[1]!.field;
    const p = top[1]!.filters[0]![0]!;
    expect(cutPatch(images[p.image]!, 6, 6, field, p.row, p.col, 3)).toHaveLength(field.size ** 2 * 3);
  });

  it('synthesis on 6×6×3: one colour picture per filter (size² × 3, channels differ), activations rise, no leaks', async () => {
    const net = describeNetwork(model);
    const start = await expectNoLeaks(() => synthesizeFilterInputs(net, 0, { steps: 0, blurEvery: 0 }));
    const made = await expectNoLeaks(() => synthesizeFilterInputs(net, 0, { steps: 24 }));
    expect(made.channels).toBe(3);
    expect(made.field).toEqual(receptiveField(net, net.convLayers[0]!.index));
    expect(made.filters).toHaveLength(3);
    let coloured = false;
    for (const f of made.filters) {
      expect(f).toHaveLength(made.field.size ** 2 * 3);
      for (const v of f) expect(v >= 0 && v <= 1).toBe(true);
      for (let p = 0; p < made.field.size ** 2; p++)
        if (Math.abs(f[p * 3]! - f[p * 3 + 1]!) > 1e-3 || Math.abs(f[p * 3]! - f[p * 3 + 2]!) > 1e-3)
          coloured = true;
    }
    // Not averaged into grey: the three weights per pixel differ, so the ascent moves the channels apart.
    expect(coloured).toBe(true);
    for (let f = 0; f < 3; f++) expect(made.activations[f]!).toBeGreaterThan(start.activations[f]!);
  });
});

describe('a small stored test split on the map', () => {
  it('hidden features of a 6×6×3 model for 5 pictures: 2×1×… flattened, answers = argmax', async () => {
    const net = describeNetwork(model);
    const images = [0, 1, 2, 3, 4].map((i) => picture(80 + i));
    const got = await expectNoLeaks(() =>
      computeHiddenFeatures(net, 5, (i, out) => out.set(images[i] as Float32Array)),
    );
    // c2 (3×3 valid on the pooled 3×3): 1×1×2, flattened.
    expect(got.dim).toBe(2);
    images.forEach((img, i) => {
      const p = tf.tidy(() =>
        tf.argMax(model.predict(tf.tensor4d(img, [1, 6, 6, 3])) as tf.Tensor, -1).dataSync(),
      );
      expect(got.predicted[i]).toBe(p[0]);
    });
  });

  it('30 colour pictures of 3,072 numbers (more PCA directions than points) lay out inside [0, 1]²', async () => {
    const n = 30;
    const d = 32 * 32 * 3;
    const data = numbers(n * d, 9).map((v, i) => (v + 1) / 2 + (Math.floor(i / d) % 3)); // three groups
    const out = await layoutUmap(data, n, d, { ...MAP_SETTINGS });
    expect(out).toHaveLength(n * 2);
    for (const v of out) expect(Number.isFinite(v) && v >= 0 && v <= 1).toBe(true);
  });

  it(`fewer than ${MIN_MAP_POINTS} pictures: UMAP cannot link ${MAP_SETTINGS.nNeighbors} neighbours, so no map is offered or made`, async () => {
    expect(MIN_MAP_POINTS).toBe(MAP_SETTINGS.nNeighbors + 1);
    // umap-js itself refuses: every point needs nNeighbors others.
    const n = MAP_SETTINGS.nNeighbors;
    await expect(layoutUmap(numbers(n * 4, 3), n, 4, { ...MAP_SETTINGS })).rejects.toThrow(
      /Not enough data points/,
    );
    expect(mapSizes(MIN_MAP_POINTS - 1)).toEqual([]);
    expect(mapSizes(MIN_MAP_POINTS)).toEqual([MIN_MAP_POINTS]);
    expect(mapSizes(30)).toEqual([30]);
    expect(mapSizes(3000)).toEqual([2000, 3000]);
    expect(mapSizes(10000)).toEqual([2000, 10000]);
    // A few dozen dots are drawn larger than ten thousand.
    expect(scatterRadius(30)).toBeGreaterThan(scatterRadius(2000));
    expect(scatterRadius(2000)).toBeGreaterThan(scatterRadius(10000));
    const net = describeNetwork(model);
    const set: MnistSet = {
      split: 'test',
      count: 8,
      images: new Uint8Array(8 * 108),
      labels: new Uint8Array(8),
      inputShape: [6, 6, 3],
      classes: 3,
    };
    const before = tf.memory().numTensors;
    await expect(computeLearnedMap(net, 'k', set, { datasetId: 'tiny' })).rejects.toThrow(
      `a map needs at least ${MIN_MAP_POINTS} pictures, not 8`,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
