import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeOcclusionMap,
  computeSaliency,
  computeSmoothGrad,
  describeNetwork,
  occlusionSide,
  smoothGradInputs,
} from '../../../src/engine/explain';
import { expectNoLeaks } from '../../support/noLeaks';
import { fillWeights, tinyCnn, tinyImage } from '../../support/explainFixtures';

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  model = tinyCnn();
});
afterAll(() => model.dispose());

/** P(·|x) of one 8×8 image from the model's own predict(): the independent reference. */
function predictOne(m: tfl.LayersModel, pixels: Float32Array): Float32Array {
  return tf.tidy(
    () => (m.predict(tf.tensor4d(pixels, [1, 8, 8, 1])) as tf.Tensor).dataSync() as Float32Array,
  );
}

describe('occlusion', () => {
  it('output side is ⌊(side − patch)/stride⌋ + 1, 0 when it cannot fit', () => {
    expect(occlusionSide(28, 4, 1)).toBe(25);
    expect(occlusionSide(28, 5, 3)).toBe(8);
    expect(occlusionSide(28, 28, 1)).toBe(1);
    expect(occlusionSide(28, 29, 1)).toBe(0);
    expect(occlusionSide(28, 4, 0)).toBe(0);
  });

  for (const [patch, stride, batchSize] of [
    [3, 1, 7],
    [2, 2, 128],
    [4, 3, 1],
  ] as const) {
    it(`x=[1,8,8,1] patch=${patch} stride=${stride} batch=${batchSize} equals a loop of single predicts`, async () => {
      const net = describeNetwork(model);
      const img = tinyImage();
      const base = predictOne(model, img);
      const top = base.indexOf(Math.max(...base));
      const map = await expectNoLeaks(() => computeOcclusionMap(net, img, { patch, stride }, { batchSize }));
      const side = Math.floor((8 - patch) / stride) + 1;
      expect([map.outH, map.outW, map.classIndex]).toEqual([side, side, top]);
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const hidden = img.slice();
          for (let y = r * stride; y < r * stride + patch; y++)
            for (let x = c * stride; x < c * stride + patch; x++) hidden[y * 8 + x] = 0;
          const expected = (base[top] as number) - (predictOne(model, hidden)[top] as number);
          expect(map.values[r * side + c]).toBeCloseTo(expected, 5);
        }
      }
    });
  }

  it('explains a chosen class, not only the top one', async () => {
    const net = describeNetwork(model);
    const img = tinyImage(5);
    const map = await expectNoLeaks(() =>
      computeOcclusionMap(net, img, { patch: 8, stride: 1, classIndex: 2 }),
    );
    const zero = new Float32Array(64);
    expect(map.classIndex).toBe(2);
    expect(map.values[0]).toBeCloseTo(
      (predictOne(model, img)[2] as number) - (predictOne(model, zero)[2] as number),
      5,
    );
  });
});

/** Central finite difference of z_c (pre-softmax score, here read from a linear copy of the model). */
function finiteDifferences(logits: tfl.LayersModel, img: Float32Array, c: number, eps = 1e-2): Float32Array {
  const z = (x: Float32Array) =>
    tf.tidy(() => (logits.predict(tf.tensor4d(x, [1, 8, 8, 1])) as tf.Tensor).dataSync()[c] as number);
  const out = new Float32Array(64);
  for (let i = 0; i < 64; i++) {
    const up = img.slice();
    const down = img.slice();
    up[i] = (up[i] as number) + eps;
    down[i] = (down[i] as number) - eps;
    out[i] = Math.abs((z(up) - z(down)) / (2 * eps));
  }
  return out;
}

/** The same network with a linear last layer and the same weights: its output is z itself. */
function linearTwin(): tfl.Sequential {
  const twin = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [8, 8, 1],
        filters: 3,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
      tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'valid', activation: 'relu' }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 5 }),
    ],
  });
  twin.setWeights(model.getWeights());
  return twin;
}

describe('gradient saliency', () => {
  it('x=[1,8,8,1]: |∂z_c/∂x| matches central finite differences of the pre-softmax score', async () => {
    const net = describeNetwork(model);
    expect(net.head).toBe('dense-softmax');
    const img = tinyImage();
    const twin = linearTwin();
    for (const c of [undefined, 4]) {
      const map = await expectNoLeaks(() => computeSaliency(net, img, c));
      const fd = finiteDifferences(twin, img, map.classIndex, 1e-3);
      // ReLU/max-pool kinks make finite differences inexact at a few pixels; the rest must agree.
      let agree = 0;
      for (let i = 0; i < 64; i++)
        if (Math.abs((map.values[i] as number) - (fd[i] as number)) < 2e-3) agree++;
      expect(agree).toBeGreaterThanOrEqual(60);
      // …and the map is not trivially zero.
      expect(Math.max(...map.values)).toBeGreaterThan(0.05);
    }
    twin.dispose();
  });

  it('SmoothGrad is the mean of the single-image saliencies of its seeded noisy copies', async () => {
    const net = describeNetwork(model);
    const img = tinyImage(21);
    const params = { sigma: 0.2, samples: 5, seed: 7, classIndex: 1 };
    const map = await expectNoLeaks(() => computeSmoothGrad(net, img, params));
    const copies = smoothGradInputs(net, img, params);
    const rows = (await copies.data()) as Float32Array;
    copies.dispose();
    const mean = new Float32Array(64);
    for (let k = 0; k < 5; k++) {
      const one = await computeSaliency(net, rows.slice(k * 64, (k + 1) * 64), 1);
      for (let i = 0; i < 64; i++) mean[i] = (mean[i] as number) + (one.values[i] as number) / 5;
    }
    for (let i = 0; i < 64; i++) expect(map.values[i]).toBeCloseTo(mean[i] as number, 5);
    // The noise really is there: the copies differ from the image by about σ·range.
    let sq = 0;
    for (let k = 0; k < 5; k++)
      for (let i = 0; i < 64; i++) sq += ((rows[k * 64 + i] as number) - (img[i] as number)) ** 2;
    const range = Math.max(...img) - Math.min(...img);
    expect(Math.sqrt(sq / 320)).toBeGreaterThan(0.1 * range);
    expect(Math.sqrt(sq / 320)).toBeLessThan(0.3 * range);
  });

  it('a model without conv layers still gets saliency and occlusion', async () => {
    const mlp = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [8, 8, 1] }),
        tfl.layers.dense({ units: 6, activation: 'tanh' }),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    fillWeights(mlp, 9);
    const net = describeNetwork(mlp);
    expect(net.convLayers).toEqual([]);
    const img = tinyImage();
    const s = await expectNoLeaks(() => computeSaliency(net, img));
    expect(s.values.length).toBe(64);
    expect(Math.max(...s.values)).toBeGreaterThan(0);
    const o = await expectNoLeaks(() => computeOcclusionMap(net, img, { patch: 2, stride: 2 }));
    expect(o.outH).toBe(4);
    mlp.dispose();
  });
});
