import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importModelFromFiles, initBackend, ModelImportError, type PickedFile } from '../../../src/engine';
import { checkModelMeta } from '../../../src/engine/model/modelMeta';
import {
  APP_MODEL_LIMITS,
  ModelCheckError,
  validateModelArtifacts,
} from '../../../src/engine/model/validateArtifacts';
import { expectNoLeaks } from '../../support/noLeaks';

const dir = resolve(import.meta.dirname, '../../../public/models/lenet5');
const shippedJson = readFileSync(resolve(dir, 'model.json'), 'utf8');
const shippedWeights = new Uint8Array(readFileSync(resolve(dir, 'weights.bin')));

type Layer = { class_name: string; config: Record<string, unknown> };
type Model = tf.io.ModelJSON & { modelTopology: { config: { layers: Layer[] } } };

const parsed = (): Model => JSON.parse(shippedJson) as Model;
const layer = (m: Model, name: string): Layer => {
  const l = m.modelTopology.config.layers.find((x) => x.config.name === name);
  if (!l) throw new Error(`no ${name}`);
  return l;
};
const specs = (m: Model) => tf.io.getWeightSpecs(m.weightsManifest);
const buf = (b: Uint8Array) => Uint8Array.from(b).buffer;

function file(name: string, body: string | Uint8Array): PickedFile {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    name,
    size: bytes.byteLength,
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () => Promise.resolve(Uint8Array.from(bytes).buffer),
  };
}

/** Imports and expects a refusal matching `why`, with no tensor left behind. */
async function refused(json: string, weights: Uint8Array, why: RegExp): Promise<string> {
  return expectNoLeaks(async () => {
    const vars = Object.keys(tf.engine().state.registeredVariables).length;
    const err = await importModelFromFiles([file('model.json', json), file('weights.bin', weights)]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ModelImportError);
    const message = (err as Error).message;
    expect(message).toMatch(why);
    expect(Object.keys(tf.engine().state.registeredVariables).length).toBe(vars);
    return message;
  });
}

beforeAll(async () => {
  await initBackend('cpu');
});

describe('validateModelArtifacts: the topology against its weights and the app limits, before building', () => {
  it('accepts the shipped LeNet-5 and counts its 61,706 numbers to learn', () => {
    const m = parsed();
    const r = validateModelArtifacts(m.modelTopology, specs(m), buf(shippedWeights));
    expect(r.params).toBe(61_706);
    expect(r.bytes).toBe(shippedWeights.byteLength);
    expect(r.layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 6],
      [14, 14, 6],
      [10, 10, 16],
      [5, 5, 16],
      [400],
      [120],
      [84],
      [10],
    ]);
  });

  it('refuses a 700,000-unit dense layer (with the real weights file) by its limit, leaking nothing', async () => {
    const m = parsed();
    layer(m, 'dense2').config.units = 700_000;
    const t0 = performance.now();
    const msg = await refused(JSON.stringify(m), shippedWeights, /dense2.*700,000.*at most 1,024/);
    expect(msg).toMatch(/before building/);
    // On paper, not by allocating 84 million floats: well under the time even one allocation would take.
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses a layer count that fits each limit but not the total (custom limits)', () => {
    const m = parsed();
    expect(() =>
      validateModelArtifacts(m.modelTopology, specs(m), buf(shippedWeights), {
        ...APP_MODEL_LIMITS,
        maxParams: 50_000,
      }),
    ).toThrow(/At layer "dense1".*50,692.*at most 50,000/);
  });

  it('refuses topology/spec disagreement (dense1 130 units, specs for 120) before building', async () => {
    const m = parsed();
    layer(m, 'dense1').config.units = 130;
    await refused(JSON.stringify(m), shippedWeights, /dense1\/kernel.*\[400×120\].*\[400×130\]/);
  });

  it('refuses weights the layers do not use, and weights they need that are missing', () => {
    const m = parsed();
    const s = specs(m);
    const renamed = s.map((w) => (w.name === 'conv2/bias' ? { ...w, name: 'conv9/bias' } : w));
    expect(() => validateModelArtifacts(m.modelTopology, renamed, buf(shippedWeights))).toThrow(
      /"conv9\/bias" that no layer/,
    );
    const dropped = s.filter((w) => w.name !== 'output/bias');
    expect(() => validateModelArtifacts(m.modelTopology, dropped, buf(shippedWeights))).toThrow(
      /"output\/bias" \(\[10\]\) that layer "output" needs/,
    );
  });

  it('refuses a layer kind it cannot run, a bad kernel size and an unknown activation', () => {
    const cases: [(m: Model) => void, RegExp][] = [
      [(m) => (layer(m, 'dense2').class_name = 'LSTM'), /"dense2" is a LSTM/],
      [
        (m) => (layer(m, 'conv2').config.kernel_size = [9, 9]),
        /kernel_size = \[9,9\]; CNN Studio needs 1 to 7/,
      ],
      [(m) => (layer(m, 'conv1').config.activation = 'gelu'), /activation "gelu"/],
      [(m) => (layer(m, 'conv2').config.filters = 2.5), /filters = 2.5/],
    ];
    for (const [change, why] of cases) {
      const m = parsed();
      change(m);
      expect(() => validateModelArtifacts(m.modelTopology, specs(m), buf(shippedWeights))).toThrow(why);
    }
  });

  it('refuses NaN and Infinity weights, naming the weight and the position', async () => {
    const f = new Float32Array(buf(shippedWeights));
    f[7] = Number.NaN;
    await refused(shippedJson, new Uint8Array(f.buffer), /"conv1\/kernel" holds NaN at number 8/);
    const g = new Float32Array(buf(shippedWeights));
    g[g.length - 3] = Number.NEGATIVE_INFINITY;
    await refused(shippedJson, new Uint8Array(g.buffer), /"output\/bias" holds -Infinity at number 8/);
  });

  it('clips a 30,000-character layer name in its message', () => {
    const m = parsed();
    const long = 'x'.repeat(30_000);
    layer(m, 'dense2').class_name = long;
    let message = '';
    try {
      validateModelArtifacts(m.modelTopology, specs(m), buf(shippedWeights));
    } catch (e) {
      expect(e).toBeInstanceOf(ModelCheckError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/x{40}…/);
    expect(message.length).toBeLessThan(300);
  });

  it('a weights list that is not a list is "broken", not a TypeError', async () => {
    const m = parsed() as unknown as Record<string, unknown>;
    m.weightsManifest = { paths: ['weights.bin'] };
    await refused(JSON.stringify(m), shippedWeights, /broken weights list/);
  });

  it('disposes a half-built model when tfjs fails after building some layers', async () => {
    // conv1 is built (its variables made) before conv2's unknown initializer makes tfjs throw.
    const m = parsed();
    layer(m, 'conv2').config.kernel_initializer = { class_name: 'NoSuchInitializer', config: {} };
    await refused(JSON.stringify(m), shippedWeights, /could not be built/);
  });
});

describe('checkModelMeta: a file’s claims about itself', () => {
  it('keeps sensible values and drops the rest', () => {
    expect(
      checkModelMeta({ testAccuracy: 0.987, epochs: 3, savedAt: '2026-01-02T03:04:05Z', name: 'm' }),
    ).toEqual({
      testAccuracy: 0.987,
      epochs: 3,
      savedAt: '2026-01-02T03:04:05Z',
      name: 'm',
    });
    expect(
      checkModelMeta({ testAccuracy: 7.5, epochs: -2, savedAt: 'last Tuesday', name: 42, source: 'trained' }),
    ).toEqual({});
    expect(checkModelMeta({ testAccuracy: Number.NaN, epochs: 2.5 })).toEqual({});
    expect(checkModelMeta('nope')).toEqual({});
  });

  it('an imported file never brings its own accuracy claim', async () => {
    const m = parsed() as unknown as Record<string, unknown>;
    m.userDefinedMetadata = { cnnStudio: { testAccuracy: 0.5, savedAt: 'soon', source: 'trained' } };
    await expectNoLeaks(async () => {
      const loaded = await importModelFromFiles([
        file('model.json', JSON.stringify(m)),
        file('weights.bin', shippedWeights),
      ]);
      expect(loaded.meta.testAccuracy).toBeUndefined();
      expect(loaded.meta.savedAt).toBeUndefined();
      expect(loaded.meta.source).toBe('imported');
      loaded.model.dispose();
    });
  });
});
