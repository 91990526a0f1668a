import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { centerOfMass, preprocessMnistStyle, type MnistSet } from '../../../src/engine';
import { loadMnistNode } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

const N = 400;
let test: MnistSet;
let model: tfl.LayersModel;

async function loadPretrained(): Promise<tfl.LayersModel> {
  const dir = resolve(import.meta.dirname, '../../../public/models/lenet5');
  const json = JSON.parse(readFileSync(resolve(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const bin = readFileSync(resolve(dir, 'weights.bin'));
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: tf.io.getWeightSpecs(json.weightsManifest),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
}

function digit(i: number): Float32Array {
  return Float32Array.from(test.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
}

/** Classifies 28×28 images in one batch; returns the top digit of each. */
async function classify(images: Float32Array[]): Promise<number[]> {
  const flat = new Float32Array(images.length * 784);
  images.forEach((im, k) => flat.set(im, k * 784));
  const top = tf.tidy(() =>
    tf.argMax(model.predict(tf.tensor4d(flat, [images.length, 28, 28, 1])) as tf.Tensor, 1),
  );
  const out = Array.from(await top.data());
  top.dispose();
  return out;
}

/** Bilinear enlargement of a 28×28 digit by `k`, pasted at (ox, oy) on a 280×280 page: a "drawn" digit. */
function onPage(
  src: Float32Array,
  k: number,
  ox: number,
  oy: number,
): { data: Float32Array; w: number; h: number } {
  const W = 280;
  const page = new Float32Array(W * W);
  const size = Math.round(28 * k);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = Math.min(27, Math.max(0, (x + 0.5) / k - 0.5));
      const sy = Math.min(27, Math.max(0, (y + 0.5) / k - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(27, x0 + 1);
      const y1 = Math.min(27, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const v =
        src[y0 * 28 + x0]! * (1 - fx) * (1 - fy) +
        src[y0 * 28 + x1]! * fx * (1 - fy) +
        src[y1 * 28 + x0]! * (1 - fx) * fy +
        src[y1 * 28 + x1]! * fx * fy;
      const px = ox + x;
      const py = oy + y;
      if (px < W && py < W) page[py * W + px] = v;
    }
  }
  return { data: page, w: W, h: W };
}

const accuracy = (pred: number[], from = 0) =>
  pred.filter((p, k) => p === test.labels[from + k]).length / pred.length;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  test = await loadMnistNode('test');
  model = await loadPretrained();
});

describe('preprocessMnistStyle on real MNIST test digits (pretrained LeNet-5)', () => {
  it(`re-preprocessing ${N} MNIST digits [28,28] keeps them nearly the same and keeps their class`, async () => {
    const originals = Array.from({ length: N }, (_, i) => digit(i));
    const again = originals.map((im) => preprocessMnistStyle({ data: im, w: 28, h: 28 }).pixels);
    let diff = 0;
    let comOff = 0;
    originals.forEach((im, k) => {
      for (let i = 0; i < 784; i++) diff += Math.abs(im[i]! - again[k]![i]!);
      const c = centerOfMass({ data: again[k]!, w: 28, h: 28 });
      comOff = Math.max(comOff, Math.abs(c.row - 14), Math.abs(c.col - 14));
    });
    // MNIST digits are already 20 px boxes centred by mass, so only rounding and contrast differ.
    expect(diff / (N * 784)).toBeLessThan(0.03);
    expect(comOff).toBeLessThanOrEqual(0.5);
    const before = await classify(originals);
    const after = await expectNoLeaks(() => classify(again));
    const same = before.filter((p, k) => p === after[k]).length / N;
    expect(same).toBeGreaterThanOrEqual(0.99);
    expect(accuracy(after)).toBeGreaterThanOrEqual(accuracy(before) - 0.01);
  });

  const placements = [
    { name: 'large (252 px) near the top-left', k: 9, ox: 4, oy: 4 },
    { name: 'small (56 px) in the top-left corner', k: 2, ox: 6, oy: 8 },
    { name: 'medium (112 px), off-centre bottom-right', k: 4, ox: 160, oy: 150 },
    { name: 'tiny (42 px), off-centre right', k: 1.5, ox: 220, oy: 60 },
  ];
  for (const p of placements) {
    it(`a digit drawn ${p.name} on a 280×280 canvas classifies as well as the original`, async () => {
      const originals = Array.from({ length: N }, (_, i) => digit(i));
      const base = accuracy(await classify(originals));
      const drawn = originals.map((im) => preprocessMnistStyle(onPage(im, p.k, p.ox, p.oy)).pixels);
      const acc = accuracy(await classify(drawn));
      expect(acc).toBeGreaterThanOrEqual(base - 0.015);
    });
  }

  it('without the MNIST procedure (the same small off-centre digit merely shrunk to 28×28) accuracy collapses', async () => {
    // Guards the test above: it must be the preprocessing that rescues small, off-centre digits.
    const originals = Array.from({ length: N }, (_, i) => digit(i));
    const naive = originals.map((im) => {
      const page = onPage(im, 2, 6, 8);
      const out = new Float32Array(784);
      for (let y = 0; y < 28; y++)
        for (let x = 0; x < 28; x++) out[y * 28 + x] = page.data[y * 10 * 280 + x * 10]!;
      return out;
    });
    expect(accuracy(await classify(naive))).toBeLessThan(0.5);
  });
});
