import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLeNet } from '../../../src/engine/model/lenet';
import { computeTopPatches, cutPatch, describeNetwork, receptiveField } from '../../../src/engine/explain';
import { expectNoLeaks } from '../../support/noLeaks';
import { numbers, tinyCnn } from '../../support/explainFixtures';

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  model = tinyCnn();
});
afterAll(() => model.dispose());

describe('receptive field', () => {
  it('LeNet-5: conv1 5×5 same → 5 px, offset −2; conv2 after pool 2 → 14 px, jump 2, offset −2', () => {
    const lenet = buildLeNet();
    const net = describeNetwork(lenet);
    const [c1, c2] = net.convLayers;
    expect(receptiveField(net, c1!.index)).toEqual({ size: 5, jump: 1, offset: -2 });
    // pool1 (2, stride 2): 5 + 1 = 6, jump 2; conv2 5×5 valid: 6 + 4·2 = 14.
    expect(receptiveField(net, c2!.index)).toEqual({ size: 14, jump: 2, offset: -2 });
    lenet.dispose();
  });

  it('cutPatch zero-fills where the field hangs over the edge', () => {
    const img = Float32Array.from({ length: 16 }, (_, i) => i + 1); // 4×4: 1..16
    expect(Array.from(cutPatch(img, 4, 4, { size: 3, jump: 1, offset: -1 }, 0, 0))).toEqual([
      0, 0, 0, 0, 1, 2, 0, 5, 6,
    ]);
    expect(Array.from(cutPatch(img, 4, 4, { size: 2, jump: 2, offset: 0 }, 1, 1))).toEqual([11, 12, 15, 16]);
  });
});

describe('top patches', () => {
  it('x=[12,8,8,1] k=3 batch=5: equals a brute-force search of every image, filter and position', async () => {
    const net = describeNetwork(model);
    const images = Array.from({ length: 12 }, (_, i) => numbers(64, 100 + i).map((v) => (v + 1) / 2));
    const top = await expectNoLeaks(() =>
      computeTopPatches(net, 12, (i, out) => out.set(images[i] as Float32Array), { k: 3, batchSize: 5 }),
    );
    expect(top.map((l) => l.layer)).toEqual(['a', 'b']);
    for (const [li, conv] of net.convLayers.entries()) {
      const probe = tfl.model({
        inputs: model.inputs,
        outputs: model.layers[conv.index]!.output,
      });
      const acts = images.map((img) =>
        tf.tidy(() => (probe.predict(tf.tensor4d(img, [1, 8, 8, 1])) as tf.Tensor).dataSync()),
      );
      for (let f = 0; f < conv.filters; f++) {
        const best = acts
          .map((a, image) => {
            let pos = 0;
            for (let p = 0; p < conv.outH * conv.outW; p++)
              if (a[p * conv.filters + f]! > a[pos * conv.filters + f]!) pos = p;
            return {
              image,
              row: Math.floor(pos / conv.outW),
              col: pos % conv.outW,
              value: a[pos * conv.filters + f]!,
            };
          })
          .sort((x, y) => y.value - x.value)
          .slice(0, 3);
        const got = top[li]!.filters[f]!;
        expect(got.map((p) => p.image)).toEqual(best.map((p) => p.image));
        got.forEach((p, i) => {
          expect([p.row, p.col]).toEqual([best[i]!.row, best[i]!.col]);
          expect(p.value).toBeCloseTo(best[i]!.value, 5);
        });
      }
    }
  });
});
