import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildLeNet,
  buildModel,
  checkAppArtifacts,
  formatArch,
  mnistSpec,
  parseArch,
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

  it('accepts the shipped artifacts and reads their layers', () => {
    const spec = checkAppArtifacts(artifacts());
    expect(spec.classes).toBe(10);
    expect(formatArch(spec.layers)).toBe('conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84');
  });

  it('refuses truncated weights (246,824 → 100,000 bytes) with the byte counts', async () => {
    const cut = shippedWeights.subarray(0, 100_000);
    expect(() => checkAppArtifacts(artifacts(shippedJson, cut))).toThrow(/truncated.*100,000.*246,824/);
    await expect(
      importModelFromFiles([file('model.json', shippedJson), file('weights.bin', cut)]),
    ).rejects.toBeInstanceOf(ModelImportError);
  });

  it('refuses an input that is not 28×28×1', () => {
    const json = shippedJson.replace('[null,28,28,1]', '[null,32,32,3]');
    expect(json).not.toBe(shippedJson);
    expect(() => checkAppArtifacts(artifacts(json))).toThrow(/32×32×3.*28×28×1/);
  });

  it('refuses an output that is not 10 digits', () => {
    const m = JSON.parse(shippedJson) as {
      modelTopology: { config: { layers: { config: { name: string; units?: number } }[] } };
    };
    const out = m.modelTopology.config.layers.find((l) => l.config.name === 'output');
    if (out) out.config.units = 12;
    // The weights no longer fit the claimed 12 units: refused, naming the output layer.
    expect(() => checkAppArtifacts(artifacts(JSON.stringify(m)))).toThrow(/output\/kernel/);
  });

  it('refuses files that are not a model: bad JSON, no weights file', async () => {
    await expect(importModelFromFiles([file('model.json', '{nope')])).rejects.toThrow(/not valid JSON/);
    await expect(importModelFromFiles([file('model.json', shippedJson)])).rejects.toThrow(/weights file/);
    await expect(importModelFromFiles([file('weights.bin', shippedWeights)])).rejects.toThrow(/model.json/);
  });
});

describe("designed network files (any stack of the editor's layers travels with its weights)", () => {
  const ARCH = 'conv8k3s2v.tanh-batchnorm-avgpool2s1-dropout25-conv4k3-maxpool2-dense32.sigmoid';

  async function exported(arch: string, claim?: string) {
    const model = buildModel(mnistSpec(parseArch(arch)), 5);
    const out = await exportModel(model, {
      source: 'trained',
      testAccuracy: 0.9,
      ...(claim ? { arch: claim } : {}),
    });
    model.dispose();
    return out;
  }

  it(`${ARCH}: export → import keeps every layer and weight (batch norm's four included), spec from the layers`, async () => {
    const model = buildModel(mnistSpec(parseArch(ARCH)), 5);
    await expectNoLeaks(async () => {
      // A file that claims another architecture: the layers, not the claim, say what it is.
      const { modelJson, weights } = await exportModel(model, { source: 'trained', arch: 'dense1' });
      const back = await importModelFromFiles([
        file('model.json', modelJson),
        file('weights.bin', new Uint8Array(weights)),
      ]);
      expect(back.spec).toEqual(mnistSpec(parseArch(ARCH)));
      expect(back.meta.arch).toBe(formatArch(parseArch(ARCH)));
      expect(back.config).toBeNull();
      expect(back.model.getWeights().map((w) => w.dataSync())).toEqual(
        model.getWeights().map((w) => w.dataSync()),
      );
      back.model.dispose();
    });
    model.dispose();
  });

  it('an MLP (no convolution) and softmax regression load too', async () => {
    for (const arch of ['dense128-dense64', 'none']) {
      const { modelJson, weights } = await exported(arch);
      const spec = checkAppArtifacts({
        modelTopology: (JSON.parse(modelJson) as tf.io.ModelJSON).modelTopology,
        weightSpecs: tf.io.getWeightSpecs((JSON.parse(modelJson) as tf.io.ModelJSON).weightsManifest),
        weightData: weights,
      });
      expect(formatArch(spec.layers)).toBe(arch);
    }
  });

  it('refuses a layer kind it cannot show, naming the layer; and batch norm without its scale', async () => {
    const { modelJson, weights } = await exported('conv4k3-dense16');
    const m = JSON.parse(modelJson) as {
      modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    };
    m.modelTopology.config.layers[0]!.class_name = 'SeparableConv2D';
    expect(() => checkAppArtifacts(artifacts(JSON.stringify(m), new Uint8Array(weights)))).toThrow(
      /conv1.*SeparableConv2D/,
    );
    const bn = await exported('batchnorm-dense8');
    const b = JSON.parse(bn.modelJson) as typeof m;
    b.modelTopology.config.layers[0]!.config.scale = false;
    expect(() => checkAppArtifacts(artifacts(JSON.stringify(b), new Uint8Array(bn.weights)))).toThrow(
      /bn1.*scale/,
    );
  });
});
