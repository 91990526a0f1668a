import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildLeNet,
  checkLeNetArtifacts,
  exportModel,
  importModelFromFiles,
  initBackend,
  ModelImportError,
  type PickedFile,
} from '../../../src/engine';
import { evaluateModel } from '../../../src/engine/train/evaluate';
import { loadMnistNode } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

const dir = resolve(import.meta.dirname, '../../../public/models/lenet5');
const shippedJson = readFileSync(resolve(dir, 'model.json'), 'utf8');
const shippedWeights = readFileSync(resolve(dir, 'weights.bin'));
const meta = JSON.parse(readFileSync(resolve(dir, 'metadata.json'), 'utf8')) as { testAccuracy: number };

function file(name: string, body: string | Uint8Array): PickedFile {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    name,
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () => Promise.resolve(Uint8Array.from(bytes).buffer),
  };
}

function artifacts(json = shippedJson, weights: Uint8Array = shippedWeights): tf.io.ModelArtifacts {
  const m = JSON.parse(json) as tf.io.ModelJSON;
  return {
    modelTopology: m.modelTopology,
    weightSpecs: tf.io.getWeightSpecs(m.weightsManifest),
    weightData: Uint8Array.from(weights).buffer,
  };
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('LeNet model files', () => {
  it('the shipped pretrained LeNet-5 scores ≥99.0% on all 10,000 test digits, as recorded', async () => {
    const test = await loadMnistNode('test');
    await expectNoLeaks(async () => {
      const {
        model,
        config,
        meta: m,
      } = await importModelFromFiles([file('model.json', shippedJson), file('weights.bin', shippedWeights)]);
      expect(config).toMatchObject({ filters1: 6, filters2: 16, dense1: 120, dense2: 84 });
      expect(m.source).toBe('imported');
      const ev = await evaluateModel(model, test);
      expect(ev.accuracy).toBeGreaterThanOrEqual(0.99);
      expect(ev.accuracy).toBeCloseTo(meta.testAccuracy, 4);
      model.dispose();
    });
  });

  it('export → import round-trips the weights exactly (model.json + weights.bin)', async () => {
    await expectNoLeaks(async () => {
      const model = buildLeNet(undefined, 3);
      const { modelJson, weights } = await exportModel(model, { source: 'trained', testAccuracy: 0.5 });
      expect((JSON.parse(modelJson) as tf.io.ModelJSON).weightsManifest[0]?.paths).toEqual(['weights.bin']);
      const back = await importModelFromFiles([
        file('model.json', modelJson),
        file('weights.bin', new Uint8Array(weights)),
      ]);
      const a = model.getWeights().map((w) => w.dataSync());
      const b = back.model.getWeights().map((w) => w.dataSync());
      expect(b).toEqual(a);
      // A file's accuracy claim is not trusted: the app measures an imported model itself.
      expect(back.meta.testAccuracy).toBeUndefined();
      model.dispose();
      back.model.dispose();
    });
  });

  it('accepts the shipped artifacts and reads their architecture', () => {
    expect(checkLeNetArtifacts(artifacts())).toMatchObject({ activation: 'relu', pooling: 'max' });
  });

  it('refuses truncated weights (246,824 → 100,000 bytes) with the byte counts', async () => {
    const cut = shippedWeights.subarray(0, 100_000);
    expect(() => checkLeNetArtifacts(artifacts(shippedJson, cut))).toThrow(/truncated.*100,000.*246,824/);
    await expect(
      importModelFromFiles([file('model.json', shippedJson), file('weights.bin', cut)]),
    ).rejects.toBeInstanceOf(ModelImportError);
  });

  it('refuses an input that is not 28×28×1', () => {
    const json = shippedJson.replace('[null,28,28,1]', '[null,32,32,3]');
    expect(json).not.toBe(shippedJson);
    expect(() => checkLeNetArtifacts(artifacts(json))).toThrow(/32×32×3.*28×28×1/);
  });

  it('refuses a model without the LeNet layer names', () => {
    const json = shippedJson.replaceAll('"conv2"', '"mystery"');
    expect(() => checkLeNetArtifacts(artifacts(json))).toThrow(/no layer named "conv2"/);
  });

  it('refuses an output that is not 10 digits', () => {
    const m = JSON.parse(shippedJson) as {
      modelTopology: { config: { layers: { config: { name: string; units?: number } }[] } };
    };
    const out = m.modelTopology.config.layers.find((l) => l.config.name === 'output');
    if (out) out.config.units = 12;
    expect(() => checkLeNetArtifacts(artifacts(JSON.stringify(m)))).toThrow(/12 units/);
  });

  it('refuses files that are not a model: bad JSON, no weights file', async () => {
    await expect(importModelFromFiles([file('model.json', '{nope')])).rejects.toThrow(/not valid JSON/);
    await expect(importModelFromFiles([file('model.json', shippedJson)])).rejects.toThrow(/weights file/);
    await expect(importModelFromFiles([file('weights.bin', shippedWeights)])).rejects.toThrow(/model.json/);
  });
});
