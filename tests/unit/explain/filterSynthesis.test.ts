import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convPreActivation,
  describeNetwork,
  receptiveField,
  synthesizeFilterInputs,
} from '../../../src/engine/explain';
import { expectNoLeaks } from '../../support/noLeaks';
import { tinyCnn, tinyImage } from '../../support/explainFixtures';

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  model = tinyCnn();
});
afterAll(() => model.dispose());

describe('filter synthesis', () => {
  it('x=[1,8,8,1]: relu(pre-activation) equals each conv layer’s own output', () => {
    const net = describeNetwork(model);
    for (const conv of net.convLayers) {
      const [pre, out] = tf.tidy(() => {
        const x = tf.tensor4d(tinyImage(), [1, 8, 8, 1]);
        let h: tf.Tensor = x;
        for (let i = 0; i <= conv.index; i++) h = model.layers[i]!.apply(h) as tf.Tensor;
        return [tf.relu(convPreActivation(net, conv.index, x)).arraySync(), h.arraySync()];
      });
      expect(pre).toEqual(out);
    }
  });

  it('layer b (4 filters): gradient ascent raises every centre unit above its start, frees every tensor', async () => {
    const net = describeNetwork(model);
    const conv = net.convLayers[1]!;
    const startActs = (await expectNoLeaks(() => synthesizeFilterInputs(net, 1, { steps: 0, blurEvery: 0 })))
      .activations;
    const progress: number[] = [];
    const result = await expectNoLeaks(() =>
      synthesizeFilterInputs(net, 1, { steps: 40, onProgress: (done) => progress.push(done) }),
    );
    expect(result.layer).toBe('b');
    expect(result.field).toEqual(receptiveField(net, conv.index));
    expect(result.filters).toHaveLength(conv.filters);
    for (const f of result.filters) {
      expect(f).toHaveLength(result.field.size ** 2);
      for (const v of f) expect(v >= 0 && v <= 1).toBe(true);
    }
    for (let f = 0; f < conv.filters; f++) expect(result.activations[f]!).toBeGreaterThan(startActs[f]!);
    expect(progress[progress.length - 1]).toBe(40);
    // Seeded: the same settings give the same pictures.
    const again = await synthesizeFilterInputs(net, 1, { steps: 40 });
    expect(again.filters.map((f) => Array.from(f))).toEqual(result.filters.map((f) => Array.from(f)));
  });

  it('an aborted signal stops it and still frees every tensor', async () => {
    const net = describeNetwork(model);
    const controller = new AbortController();
    await expectNoLeaks(async () => {
      const run = synthesizeFilterInputs(net, 0, {
        steps: 200,
        onProgress: () => controller.abort(),
        signal: controller.signal,
      });
      await expect(run).rejects.toThrow();
    });
  });
});
