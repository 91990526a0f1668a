/**
 * Explain on colour pictures (h×w×3, a stored dataset such as 32×32 photos): saliency keeps the
 * largest of the three channel gradients, occlusion zeroes all three channels of the patch, Grad-CAM
 * is stretched to the picture's own size. Checked against hand-computed values and the cpu backend's
 * own predict(), with no tensor leaks.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeGradCam,
  computeOcclusionMap,
  computeSaliency,
  computeSmoothGrad,
  describeNetwork,
  occlusionSide,
} from '../../../src/engine/explain';
import { expectNoLeaks } from '../../support/noLeaks';
import { fillWeights, numbers } from '../../support/explainFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const image = (n: number, seed: number) => numbers(n, seed).map((v) => (v + 1) / 2);

/** conv(2, 3×3 same, relu) → flatten → dense `classes` softmax on h×w×3 pictures. */
function colourCnn(h: number, w: number, classes = 3, seed = 5): tfl.Sequential {
  const m = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [h, w, 3],
        filters: 2,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        name: 'c1',
      }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
  fillWeights(m, seed);
  return m;
}

describe('colour pictures', () => {
  it('saliency of a linear model on 1×2×3 input is max over channels of |weight| (by hand)', async () => {
    // z_c = Σ W[i, c]·x_i, so ∂z_c/∂x_i = W[i, c] whatever the picture: the map is max_ch |W|.
    const m = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [1, 2, 3] }),
        tfl.layers.dense({ units: 2, activation: 'softmax', useBias: false }),
      ],
    });
    // Rows: pixel 0 (r, g, b), pixel 1 (r, g, b); columns: class 0, class 1.
    const kernel = tf.tensor2d([
      [0.5, 1],
      [-2, 0],
      [1, 0.25],
      [0.1, -3],
      [-0.2, 2],
      [0.3, -1],
    ]);
    m.setWeights([kernel]);
    kernel.dispose();
    const net = describeNetwork(m);
    const x = new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const c0 = await expectNoLeaks(() => computeSaliency(net, x, 0));
    expect([c0.h, c0.w]).toEqual([1, 2]);
    expect(Array.from(c0.values)).toEqual([2, expect.closeTo(0.3, 6)]);
    const c1 = await expectNoLeaks(() => computeSaliency(net, x, 1));
    expect(Array.from(c1.values)).toEqual([1, 3]);
    // SmoothGrad of a linear model: every noisy copy has the same gradient, so the same map.
    const sg = await expectNoLeaks(() =>
      computeSmoothGrad(net, x, { sigma: 0.3, samples: 4, classIndex: 1 }),
    );
    expect(Array.from(sg.values)).toEqual([1, 3]);
    m.dispose();
  });

  it('saliency on 6×6×3 matches max over channels of central finite differences of z_c', async () => {
    const model = colourCnn(6, 6);
    const net = describeNetwork(model);
    const x = image(108, 17);
    const map = await expectNoLeaks(() => computeSaliency(net, x, 1));
    expect(map.values.length).toBe(36);
    // z_c read from a linear twin (same weights, no softmax).
    const twin = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          inputShape: [6, 6, 3],
          filters: 2,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
        }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 3 }),
      ],
    });
    twin.setWeights(model.getWeights());
    const z = (v: Float32Array) =>
      tf.tidy(() => (twin.predict(tf.tensor4d(v, [1, 6, 6, 3])) as tf.Tensor).dataSync()[1] as number);
    const eps = 1e-3;
    let agree = 0;
    for (let p = 0; p < 36; p++) {
      let best = 0;
      for (let ch = 0; ch < 3; ch++) {
        const up = x.slice();
        const down = x.slice();
        up[p * 3 + ch] = (up[p * 3 + ch] as number) + eps;
        down[p * 3 + ch] = (down[p * 3 + ch] as number) - eps;
        best = Math.max(best, Math.abs((z(up) - z(down)) / (2 * eps)));
      }
      if (Math.abs((map.values[p] as number) - best) < 2e-3) agree++;
    }
    // ReLU kinks make finite differences inexact at a few pixels; the rest must agree.
    expect(agree).toBeGreaterThanOrEqual(33);
    expect(Math.max(...map.values)).toBeGreaterThan(0.05);
    twin.dispose();
    model.dispose();
  });

  it('occlusion on 6×6×3 zeroes all three channels of the patch (equals single predicts)', async () => {
    const model = colourCnn(6, 6, 3, 8);
    const net = describeNetwork(model);
    const x = image(108, 23);
    const p = (v: Float32Array) =>
      tf.tidy(() => (model.predict(tf.tensor4d(v, [1, 6, 6, 3])) as tf.Tensor).dataSync() as Float32Array);
    const base = p(x);
    const top = base.indexOf(Math.max(...base));
    const map = await expectNoLeaks(() => computeOcclusionMap(net, x, { patch: 3, stride: 2 }));
    const side = occlusionSide(6, 3, 2);
    expect([map.outH, map.outW, side]).toEqual([2, 2, 2]);
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const hidden = x.slice();
        for (let y = r * 2; y < r * 2 + 3; y++)
          for (let xx = c * 2; xx < c * 2 + 3; xx++) hidden.fill(0, (y * 6 + xx) * 3, (y * 6 + xx) * 3 + 3);
        expect(map.values[r * 2 + c]).toBeCloseTo((base[top] as number) - (p(hidden)[top] as number), 5);
      }
    }
    model.dispose();
  });

  it('a 32×32×3 picture: gradient map 32×32, occlusion ⌊(32−p)/s⌋+1 per side, Grad-CAM stretched to 32×32', async () => {
    const model = colourCnn(32, 32, 4, 12);
    const net = describeNetwork(model);
    const x = image(32 * 32 * 3, 31);
    const g = await expectNoLeaks(() => computeSaliency(net, x));
    expect([g.h, g.w, g.values.length]).toEqual([32, 32, 1024]);
    const o = await expectNoLeaks(() => computeOcclusionMap(net, x, { patch: 4, stride: 3 }));
    expect([o.outH, o.outW, o.values.length]).toEqual([10, 10, 100]);
    const cam = await expectNoLeaks(() => computeGradCam(net, x));
    expect([cam.h, cam.w, cam.values.length]).toEqual([32, 32, 1024]);
    model.dispose();
  });
});
