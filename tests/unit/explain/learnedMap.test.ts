import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeHiddenFeatures,
  describeNetwork,
  lastHiddenIndex,
  pcaProject,
} from '../../../src/engine/explain';
import { layoutUmap } from '../../../src/engine/explain/umapLayout';
import { mulberry32 } from '../../../src/engine/data/random';
import { cachedLearnedMap, modelKey } from '../../../src/state/learnedMap';
import type { ModelMeta } from '../../../src/engine/model/modelIO';
import { expectNoLeaks } from '../../support/noLeaks';
import { numbers, tinyCnn } from '../../support/explainFixtures';

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  model = tinyCnn();
});
afterAll(() => model.dispose());

/** `k` blobs of `per` points in `d` dims: centre c at 10·e_c, spread 1. Labels in order. */
function blobs(k: number, per: number, d: number, seed: number): { data: Float32Array; labels: number[] } {
  const rng = mulberry32(seed);
  const data = new Float32Array(k * per * d);
  const labels: number[] = [];
  for (let c = 0; c < k; c++)
    for (let p = 0; p < per; p++) {
      const i = c * per + p;
      labels.push(c);
      for (let j = 0; j < d; j++) data[i * d + j] = (j === c ? 10 : 0) + (rng() - 0.5) * 2;
    }
  return { data, labels };
}

describe('hidden features', () => {
  it('x=[7,8,8,1] batch=3: equals the flatten layer read by an independent probe, answers = argmax', async () => {
    const net = describeNetwork(model);
    expect(lastHiddenIndex(net)).toBe(3); // flatten, read by the dense softmax layer
    const images = Array.from({ length: 7 }, (_, i) => numbers(64, 40 + i).map((v) => (v + 1) / 2));
    const got = await expectNoLeaks(() =>
      computeHiddenFeatures(net, 7, (i, out) => out.set(images[i] as Float32Array), { batchSize: 3 }),
    );
    expect(got.layer).toBe(model.layers[3]!.name);
    expect(got.dim).toBe(2 * 2 * 4); // conv b (3×3 valid on the pooled 4×4): 4 maps of 2×2
    const probe = tfl.model({ inputs: model.inputs, outputs: model.layers[3]!.output });
    images.forEach((img, i) => {
      const want = tf.tidy(() => (probe.predict(tf.tensor4d(img, [1, 8, 8, 1])) as tf.Tensor).dataSync());
      const p = tf.tidy(() =>
        tf.argMax(model.predict(tf.tensor4d(img, [1, 8, 8, 1])) as tf.Tensor, -1).dataSync(),
      );
      expect(Array.from(got.features.subarray(i * got.dim, (i + 1) * got.dim))).toEqual(Array.from(want));
      expect(got.predicted[i]).toBe(p[0]);
    });
  });
});

describe('PCA', () => {
  it('n=400 d=30 k=3: keeps the three spread directions and their distances', () => {
    // Points spread along e0, e1, e2 (σ 5, 3, 2) plus small noise elsewhere: the top-3 subspace is e0..e2.
    const rng = mulberry32(5);
    const n = 400;
    const d = 30;
    const data = new Float32Array(n * d);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++)
        data[i * d + j] = (rng() - 0.5) * (j === 0 ? 10 : j === 1 ? 6 : j === 2 ? 4 : 0.02);
    const out = pcaProject(data, n, d, 3, { seed: 2 });
    expect(out.length).toBe(n * 3);
    // Distances in the projection match distances in the first three coordinates.
    for (const [a, b] of [
      [0, 1],
      [5, 300],
      [17, 399],
    ] as const) {
      let want = 0;
      let got = 0;
      for (let j = 0; j < 3; j++) want += (data[a * d + j]! - data[b * d + j]!) ** 2;
      for (let j = 0; j < 3; j++) got += (out[a * 3 + j]! - out[b * 3 + j]!) ** 2;
      expect(Math.sqrt(got)).toBeCloseTo(Math.sqrt(want), 1);
    }
    expect(Array.from(pcaProject(data, n, d, 3, { seed: 2 }))).toEqual(Array.from(out));
  });
});

describe('UMAP layout', () => {
  it('4 blobs × 40 points in 20 dims: same seed same map, blobs stay apart, in [0, 1]', async () => {
    const { data, labels } = blobs(4, 40, 20, 9);
    const opts = { seed: 3, nNeighbors: 8, nEpochs: 60, pcaDims: 10 };
    const a = await layoutUmap(data, 160, 20, opts);
    const b = await layoutUmap(data, 160, 20, opts);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
    // Each point's nearest other point on the map has the same label (the blobs did not mix).
    let same = 0;
    for (let i = 0; i < 160; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < 160; j++) {
        if (j === i) continue;
        const dd = (a[i * 2]! - a[j * 2]!) ** 2 + (a[i * 2 + 1]! - a[j * 2 + 1]!) ** 2;
        if (dd < bestD) [bestD, best] = [dd, j];
      }
      if (labels[best] === labels[i]) same++;
    }
    expect(same).toBe(160);
    const other = await layoutUmap(data, 160, 20, { ...opts, seed: 4 });
    expect(Array.from(other)).not.toEqual(Array.from(a));
  });

  it('reports pca, neighbours, then every epoch up to the total', async () => {
    const { data } = blobs(2, 20, 60, 1);
    const seen: string[] = [];
    let last = 0;
    await layoutUmap(data, 40, 60, {
      nNeighbors: 5,
      nEpochs: 20,
      pcaDims: 10,
      onProgress: (phase, done, total) => {
        if (seen[seen.length - 1] !== phase) seen.push(phase);
        if (phase === 'layout') {
          expect(total).toBe(20);
          last = done;
        }
      },
    });
    expect(seen).toEqual(['pca', 'neighbours', 'layout']);
    expect(last).toBe(20);
  });
});

describe('learned map cache keys', () => {
  it('two models alike but for their dataset get different keys (switching never mixes their maps)', () => {
    const saved: ModelMeta = { source: 'trained', savedAt: '2026-11-30T01:00:00Z', epochs: 2, arch: 'x' };
    const fashion: ModelMeta = {
      ...saved,
      dataset: { id: 'fashion-mnist', classNames: ['T-shirt/top'], inputShape: [28, 28, 1] },
    };
    expect(modelKey(saved)).toBe(modelKey({ ...saved }));
    expect(modelKey(fashion)).not.toBe(modelKey(saved));
    // An MNIST model's meta without a dataset is the same model as one that says 'mnist'.
    expect(modelKey({ ...saved, dataset: { id: 'mnist', classNames: [], inputShape: [28, 28, 1] } })).toBe(
      modelKey(saved),
    );
    expect(cachedLearnedMap(modelKey(fashion), 2000, 'fashion-mnist')).toBeNull();
  });
});
