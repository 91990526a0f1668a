import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfl from '@tensorflow/tfjs-layers';
import {
  buildLeNet,
  buildModel,
  buildProbe,
  createDrawSession,
  filterSlice,
  layerOf,
  lenetConfigOf,
  lenetConfigOfSpec,
  LENET_1998,
  LENET_DEFAULTS,
  lenetLayers,
  mnistSpec,
  parseArch,
  predictLayers,
  readFilterBank,
  specOfModel,
  type LayerReadout,
} from '../../../src/engine';

const LENET = mnistSpec(lenetLayers(LENET_DEFAULTS));
const L = (r: LayerReadout, name: string) => {
  const l = layerOf(r, name);
  if (!l) throw new Error(`no layer ${name}`);
  return l;
};
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
    const r = await expectNoLeaks(() => predictLayers(probe, LENET, digitLike()));
    expect(r.layers.map((l) => l.name)).toEqual([
      'conv1',
      'pool1',
      'conv2',
      'pool2',
      'dense1',
      'dense2',
      'output',
    ]);
    expect(L(r, 'conv1').shape).toEqual([28, 28, 6]);
    expect(L(r, 'pool1').shape).toEqual([14, 14, 6]);
    expect(L(r, 'conv2').shape).toEqual([10, 10, 16]);
    expect(L(r, 'pool2').shape).toEqual([5, 5, 16]);
    expect(L(r, 'dense1').shape).toEqual([120]);
    expect(L(r, 'dense2').shape).toEqual([84]);
    expect(L(r, 'output').shape).toEqual([10]);
    expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.confidence).toBe(Math.max(...r.probabilities));
    // Same numbers as the plain model.predict path.
    const ref = tf.tidy(() => model.predict(tf.tensor4d(digitLike(), [1, 28, 28, 1])) as tf.Tensor);
    expect(Array.from(r.probabilities)).toEqual(Array.from(await ref.data()).map((v) => Math.fround(v)));
    ref.dispose();
    // pool1 is the 2×2 max of conv1, checked at one cell for every map.
    for (let c = 0; c < 6; c++) {
      const at = (row: number, col: number) => L(r, 'conv1').data[(row * 28 + col) * 6 + c]!;
      expect(L(r, 'pool1').data[(3 * 14 + 7) * 6 + c]).toBe(
        Math.max(at(6, 14), at(6, 15), at(7, 14), at(7, 15)),
      );
    }
    model.dispose();
  });

  it('refuses an image that is not 28×28', async () => {
    const model = buildLeNet(undefined, 1);
    await expect(predictLayers(buildProbe(model), LENET, new Float32Array(100))).rejects.toThrow(/784/);
    model.dispose();
  });
});

/** Random weights everywhere (batch norm's moving variance kept positive), so every layer matters. */
function scramble(model: tfl.LayersModel, seed: number): void {
  const next = model.weights.map((w, i) =>
    tf.tidy(() => {
      const r = tf.randomUniform(w.shape as number[], -0.5, 0.5, 'float32', seed + i);
      return w.originalName.includes('moving_variance') ? tf.add(tf.abs(r), 0.2) : r;
    }),
  );
  model.setWeights(next);
  tf.dispose(next);
}

describe('forwardSpec (fused ops on live weights) matches the layers probe, for any stack', () => {
  for (const [name, arch] of [
    ['LeNet relu + max', 'conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84'],
    ['LeNet tanh + avg (1998)', 'conv6k5.tanh-avgpool2-conv16k5v.tanh-avgpool2-dense120.tanh-dense84.tanh'],
    [
      'k3 s2 valid + batchnorm + dropout + sigmoid',
      'conv8k3s2v-batchnorm-maxpool3s1-dropout30-conv4k7.sigmoid-avgpool2-dense32.linear',
    ],
    ['batchnorm first, then dense (no conv)', 'batchnorm-dense16.tanh-dropout50'],
    ['MLP', 'dense128-dense64'],
    ['softmax regression', 'none'],
  ] as const) {
    it(`${name}: x=[1,28,28,1], every layer within 1e-5, named by the spec`, async () => {
      const spec = mnistSpec(parseArch(arch));
      const model = buildModel(spec, 9);
      scramble(model, 7);
      const ref = await predictLayers(buildProbe(model), spec, digitLike());
      const session = createDrawSession(model);
      expect(session.spec).toEqual(spec);
      const fast = await expectNoLeaks(() => session.predict(digitLike()));
      expect(fast.layers.map((l) => l.name)).toEqual(ref.layers.map((l) => l.name));
      expect(fast.layers).toHaveLength(spec.layers.length + 1);
      for (const [i, l] of ref.layers.entries()) {
        const f = fast.layers[i]!;
        expect(f.shape, l.name).toEqual(l.shape);
        expect(f.kind).toBe(i < spec.layers.length ? spec.layers[i]!.kind : 'output');
        let worst = 0;
        for (let j = 0; j < l.data.length; j++) worst = Math.max(worst, Math.abs(f.data[j]! - l.data[j]!));
        expect(worst, l.name).toBeLessThan(1e-5);
      }
      session.dispose();
      model.dispose();
    });
  }

  it('knows a LeNet stack from a look-alike (conv6k3 in place of conv6k5 is not LeNet)', () => {
    expect(lenetConfigOfSpec(LENET)).toEqual(LENET_DEFAULTS);
    expect(lenetConfigOfSpec(mnistSpec(lenetLayers(LENET_1998)))).toEqual(LENET_1998);
    expect(
      lenetConfigOfSpec(mnistSpec(parseArch('conv6k3-maxpool2-conv16k5v-maxpool2-dense120-dense84'))),
    ).toBeNull();
    expect(lenetConfigOfSpec(mnistSpec(parseArch('dense128-dense64')))).toBeNull();
  });
});

describe('draw session ("what if" on a copy, never on the stored model)', () => {
  it('reads the config back from the layers (1998 preset: tanh, average pooling)', () => {
    const model = buildLeNet(LENET_1998, 2);
    expect(lenetConfigOf(model)).toEqual(LENET_1998);
    expect(specOfModel(model)).toEqual(mnistSpec(lenetLayers(LENET_1998)));
    model.dispose();
  });

  it('a designed net (conv8k3-maxpool2-dense32): what-if edits its 3×3 conv1 filters, a net without conv refuses', async () => {
    const source = buildModel(mnistSpec(parseArch('conv8k3-maxpool2-dense32')), 4);
    const session = createDrawSession(source);
    expect(session.convLayers).toEqual(['conv1']);
    expect(session.lenet).toBeNull();
    await session.predict(digitLike()); // the first pass sets up what later passes reuse
    await expectNoLeaks(async () => {
      session.setFirstConvFilter(3, new Float32Array(9), 0);
      const r = await session.predict(digitLike());
      expect(L(r, 'conv1').shape).toEqual([28, 28, 8]);
      for (let i = 3; i < 784 * 8; i += 8) expect(L(r, 'conv1').data[i]).toBe(0);
      // The copy shares the source's buffers until an edit; reset shares them again, so none is left over.
      session.reset();
    });
    expect(() => session.setFirstConvFilter(0, new Float32Array(25), 0)).toThrow(/9 weights/);
    session.dispose();
    source.dispose();
    const mlp = buildModel(mnistSpec(parseArch('dense32')), 1);
    const s2 = createDrawSession(mlp);
    expect(s2.convLayers).toEqual([]);
    expect(() => s2.setFirstConvFilter(0, new Float32Array(9), 0)).toThrow(/no conv layer/);
    s2.dispose();
    mlp.dispose();
  });

  it('zeroing conv1 filter 2 of k=[5,5,1,6] changes its map and the prediction input, source untouched, reset restores', async () => {
    const source = buildLeNet(undefined, 5);
    const before = tf.memory().numTensors;
    const sourceBank = await readFilterBank(source, 'conv1');
    const session = createDrawSession(source);
    const base = await session.predict(digitLike());

    await expectNoLeaks(async () => {
      session.setFirstConvFilter(2, new Float32Array(25), 0);
      const bank = await session.readFilters('conv1');
      expect(Array.from(filterSlice(bank, 2))).toEqual(new Array(25).fill(0));
      expect(filterSlice(bank, 1)).toEqual(filterSlice(sourceBank, 1));
      const edited = await session.predict(digitLike());
      for (let i = 2; i < 784 * 6; i += 6) expect(L(edited, 'conv1').data[i]).toBe(0);
      expect(L(edited, 'conv2').data).not.toEqual(L(base, 'conv2').data);
      // The source model still has its original filter.
      expect((await readFilterBank(source, 'conv1')).kernel).toEqual(sourceBank.kernel);
      session.reset();
      const again = await session.predict(digitLike());
      expect(again.probabilities).toEqual(base.probabilities);
    });

    session.setFirstConvFilter(
      0,
      Float32Array.from({ length: 25 }, (_, i) => i / 25),
      0.5,
    );
    expect((await session.readFilters('conv1')).bias[0]).toBeCloseTo(0.5, 6);
    expect(() => session.setFirstConvFilter(6, new Float32Array(25), 0)).toThrow(/6 filters/);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });
});
