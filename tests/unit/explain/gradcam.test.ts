import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeGradCam, describeNetwork, upsampleBilinear } from '../../../src/engine/explain';
import { expectNoLeaks } from '../../support/noLeaks';
import { numbers } from '../../support/explainFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/**
 * x = [[1,2,0],[0,1,3],[2,0,1]] → conv 2×2 valid, linear, 2 filters → flatten → dense 2 softmax.
 * filter 0 = [[1,0],[0,1]] gives A0 = [[2,5],[0,2]]; filter 1 = [[0,1],[−1,0]] gives A1 = [[2,−1],[−1,3]].
 * The dense weight of A_k[i,j] for class c is W[(2i+j)·2+k][c]; since z_c is linear in A, ∂z_c/∂A_k[i,j]
 * is that weight, so α_k is the mean of class c's weights on map k:
 *   class 0: weights 0.5 on A0, −1 on A1 → α = (0.5, −1), cam = ReLU([[1−2, 2.5+1],[0+1, 1−3]]) = [[0, 3.5],[1, 0]]
 *   class 1: weights 0.1 on A0, 0.3 on A1 → α = (0.1, 0.3), cam = ReLU([[0.8, 0.2],[−0.3, 1.1]]) = [[0.8, 0.2],[0, 1.1]]
 * z0 = 0.5·9 − 1·3 = 1.5 < z1 = 0.1·9 + 0.3·3 = 1.8, so the top class is 1.
 */
function handModel(): tfl.Sequential {
  const m = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [3, 3, 1], filters: 2, kernelSize: 2, padding: 'valid', name: 'c' }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  const convKernel = new Float32Array(8); // [kh, kw, in, out]
  const k = (r: number, c: number, out: number, v: number) => (convKernel[(r * 2 + c) * 2 + out] = v);
  k(0, 0, 0, 1);
  k(1, 1, 0, 1);
  k(0, 1, 1, 1);
  k(1, 0, 1, -1);
  const dense = new Float32Array(16); // [8, 2]
  for (let p = 0; p < 4; p++) {
    dense[(p * 2 + 0) * 2 + 0] = 0.5;
    dense[(p * 2 + 1) * 2 + 0] = -1;
    dense[(p * 2 + 0) * 2 + 1] = 0.1;
    dense[(p * 2 + 1) * 2 + 1] = 0.3;
  }
  const ws = [
    tf.tensor4d(convKernel, [2, 2, 1, 2]),
    tf.zeros([2]),
    tf.tensor2d(dense, [8, 2]),
    tf.zeros([2]),
  ];
  m.setWeights(ws);
  ws.forEach((w) => w.dispose());
  return m;
}

const x = new Float32Array([1, 2, 0, 0, 1, 3, 2, 0, 1]);
const close = (a: ArrayLike<number>, b: number[]) => b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));

describe('Grad-CAM', () => {
  it('hand case, top class (1): α = (0.1, 0.3), cam = [[0.8, 0.2], [0, 1.1]]', async () => {
    const m = handModel();
    const g = await expectNoLeaks(() => computeGradCam(describeNetwork(m), x));
    expect([g.classIndex, g.camH, g.camW, g.h, g.w, g.layerName]).toEqual([1, 2, 2, 3, 3, 'c']);
    close(g.weights, [0.1, 0.3]);
    close(g.cam, [0.8, 0.2, 0, 1.1]);
    m.dispose();
  });

  it('hand case, "why not a 0?": α = (0.5, −1), ReLU clears the negative cells, upsampled to 3×3', async () => {
    const m = handModel();
    const g = await expectNoLeaks(() => computeGradCam(describeNetwork(m), x, { classIndex: 0 }));
    close(g.weights, [0.5, -1]);
    close(g.cam, [0, 3.5, 1, 0]);
    // Pixel centres of the 3×3 image sit at −⅙, ½, 7⁄6 cells of the 2×2 map (edges clamped).
    close(g.values, [0, 1.75, 3.5, 0.5, 1.125, 1.75, 1, 0.5, 0]);
    m.dispose();
  });

  it('a model without conv layers is refused with a RangeError', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [3, 3, 1] }),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    await expect(computeGradCam(describeNetwork(m), x)).rejects.toThrow(RangeError);
    m.dispose();
  });
});

describe('upsampleBilinear', () => {
  it('4×4 → 28×28 and 5×5 → 28×28 equal tf.image.resizeBilinear(halfPixelCenters)', () => {
    for (const side of [4, 5]) {
      const src = numbers(side * side, side);
      const mine = upsampleBilinear(src, side, side, 28, 28);
      const ref = tf.tidy(() =>
        tf.image.resizeBilinear(tf.tensor3d(src, [side, side, 1]), [28, 28], false, true).dataSync(),
      );
      close(mine, Array.from(ref));
    }
  });
});
