import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeSpec,
  ArchParseError,
  buildLeNet,
  buildModel,
  buildProbe,
  formatArch,
  kerasCode,
  specFromTopology,
  tfjsCode,
  LENET_1998,
  LENET_DEFAULTS,
  lenetLayers,
  mnistSpec,
  parseArch,
  PRESET_ARCH,
  PRESET_IDS,
  presetLayers,
  probeLayerNames,
  type LayerSpec,
} from '../../../src/engine';
import { mulberry32 } from '../../../src/engine/data/random';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Builds the model for `layers`, and checks arithmetic against what tfjs-layers itself reports. */
async function expectArithmeticMatchesTfjs(layers: LayerSpec[]): Promise<number> {
  const spec = mnistSpec(layers);
  const result = analyzeSpec(spec);
  if (!result.ok) throw new Error(`refused: ${result.problem.message}`);
  return expectNoLeaks(() => {
    const model = buildModel(spec, 1);
    const arithmetic = result.value;
    expect(arithmetic.totals.params).toBe(model.countParams());
    const trainable = model.trainableWeights.reduce(
      (s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1),
      0,
    );
    expect(arithmetic.totals.trainableParams).toBe(trainable);
    const layersByName = model.layers.filter((l) => l.name !== 'flatten');
    expect(arithmetic.rows.map((r) => r.name)).toEqual(layersByName.map((l) => l.name));
    arithmetic.rows.forEach((r, i) => {
      const layer = layersByName[i]!;
      expect(r.outShape, r.name).toEqual((layer.outputShape as number[]).slice(1));
      expect(r.params, r.name).toBe(layer.countParams());
    });
    model.dispose();
    return arithmetic.totals.params;
  });
}

describe('presets: arithmetic equals tfjs-layers countParams() and output shapes', () => {
  for (const id of PRESET_IDS) {
    it(`${id}: ${PRESET_ARCH[id]}`, async () => {
      await expectArithmeticMatchesTfjs(presetLayers(id));
    });
  }
  it('LeNet-5 with ReLU has 61,706 parameters (the issue and Keras)', async () => {
    expect(
      await expectArithmeticMatchesTfjs(parseArch('conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84')),
    ).toBe(61706);
  });
  it('softmax regression: 784·10 + 10 = 7,850', async () => {
    expect(await expectArithmeticMatchesTfjs([])).toBe(7850);
  });
  it('the LeNet preset is exactly the historic buildLeNet: same names, same seeded weights', async () => {
    await expectNoLeaks(async () => {
      for (const cfg of [LENET_DEFAULTS, LENET_1998]) {
        const a = buildLeNet(cfg, 4);
        const b = buildModel(mnistSpec(lenetLayers(cfg)), 4);
        expect(b.layers.map((l) => l.name)).toEqual([
          'conv1',
          'pool1',
          'conv2',
          'pool2',
          'flatten',
          'dense1',
          'dense2',
          'output',
        ]);
        const wa = await Promise.all(a.getWeights().map((w) => w.data()));
        const wb = await Promise.all(b.getWeights().map((w) => w.data()));
        expect(wb).toEqual(wa);
        a.dispose();
        b.dispose();
      }
    });
    expect(presetLayers('lenet')).toEqual(lenetLayers(LENET_DEFAULTS));
    expect(presetLayers('lenet1998')).toEqual(lenetLayers(LENET_1998));
  });
});

/** A random stack that fits a 28×28 image: maps first (conv, pool, batchnorm, dropout), then dense. */
function randomStack(rng: () => number): LayerSpec[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const out: LayerSpec[] = [];
  let side = 28;
  for (let n = int(0, 5); n > 0; n--) {
    const kind = pick(['conv', 'conv', 'maxpool', 'avgpool', 'batchnorm', 'dropout'] as const);
    if (kind === 'conv') {
      const kernel = int(1, 7);
      const stride = int(1, 3);
      const padding = side >= kernel && rng() < 0.5 ? 'valid' : 'same';
      out.push({
        kind,
        filters: int(1, 12),
        kernel,
        stride,
        padding,
        activation: pick(['relu', 'tanh', 'sigmoid', 'linear'] as const),
      });
      side = padding === 'same' ? Math.ceil(side / stride) : Math.floor((side - kernel) / stride) + 1;
    } else if (kind === 'maxpool' || kind === 'avgpool') {
      const size = int(2, 4);
      if (side < size) continue;
      const stride = int(1, 4);
      out.push({ kind, size, stride });
      side = Math.floor((side - size) / stride) + 1;
    } else if (kind === 'batchnorm') out.push({ kind });
    else out.push({ kind, rate: int(0, 90) / 100 });
  }
  for (let n = int(0, 2); n > 0; n--) {
    out.push(
      rng() < 0.3
        ? { kind: 'batchnorm' }
        : { kind: 'dense', units: int(1, 40), activation: pick(['relu', 'tanh'] as const) },
    );
  }
  return out;
}

describe('random valid stacks: arithmetic equals tfjs-layers, and the codec round-trips', () => {
  const rng = mulberry32(20261129);
  for (let i = 0; i < 25; i++) {
    const stack = randomStack(rng);
    it(`#${i} ${formatArch(stack)}`, async () => {
      await expectArithmeticMatchesTfjs(stack);
      expect(parseArch(formatArch(stack))).toEqual(stack);
    });
  }
});

describe('arch codec', () => {
  it('reads the issue example with its defaults (same padding, relu, pool stride = size)', () => {
    expect(parseArch('conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84')).toEqual(
      lenetLayers(LENET_DEFAULTS),
    );
  });
  it('reads every option and writes it back the same', () => {
    const text = 'conv8k3s2v.tanh-avgpool3s1-batchnorm-dropout25-conv4k1.linear-maxpool2-dense32.sigmoid';
    const layers = parseArch(text);
    expect(layers[0]).toEqual({
      kind: 'conv',
      filters: 8,
      kernel: 3,
      stride: 2,
      padding: 'valid',
      activation: 'tanh',
    });
    expect(layers[1]).toEqual({ kind: 'avgpool', size: 3, stride: 1 });
    expect(layers[3]).toEqual({ kind: 'dropout', rate: 0.25 });
    expect(formatArch(layers)).toBe(text);
    expect(formatArch([])).toBe('none');
    expect(parseArch('none')).toEqual([]);
  });
  const refused: [string, string, string, RegExp][] = [
    ['unknown layer', 'conv6k5-lstm32-dense10', 'lstm32', /not a layer the editor knows/],
    [
      '10,000 layers',
      Array.from({ length: 10000 }, () => 'batchnorm').join('-'),
      '10,000',
      /10,000 layers.*at most 24/,
    ],
    ['100,000 filters', 'conv100000k5-dense10', 'conv100000k5', /100,000 filters.*1 to 64/],
    ['negative filters', 'conv-6k5', 'conv-6k5', /negative/],
    ['negative stride', 'maxpool2s-2', 'maxpool2s-2', /negative/],
    ['negative units', 'conv6k5-dense-10', 'dense-10', /negative/],
    ['zero units', 'dense0', 'dense0', /0 units.*1 to 512/],
    ['kernel 9', 'conv6k9', 'conv6k9', /9×9 kernel/],
    ['malformed conv', 'conv6', 'conv6', /conv<filters>k<size>/],
    ['bad activation', 'dense10.softplus', 'dense10.softplus', /dense<units>/],
    ['empty part', 'conv6k5--dense10', '', /empty/],
    ['dropout 95%', 'dropout95', 'dropout95', /95%.*0% to 90%/],
  ];
  for (const [label, text, part, message] of refused) {
    it(`refuses ${label}, naming "${part}"`, () => {
      let err: unknown;
      try {
        parseArch(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ArchParseError);
      expect((err as ArchParseError).part).toBe(part);
      expect((err as ArchParseError).message).toMatch(message);
      if (part) expect((err as ArchParseError).message).toContain(part);
    });
  }
});

describe('analyzeSpec: the layer that breaks, with the numbers', () => {
  it('a 5×5 valid kernel on a 4×4 map is refused at that layer', () => {
    const r = analyzeSpec(mnistSpec(parseArch('conv6k5-maxpool2-maxpool2-maxpool2-conv8k5v-dense10')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.index).toBe(4);
    expect(r.problem.name).toBe('conv2');
    expect(r.problem.message).toContain('5×5');
    expect(r.problem.message).toContain('3×3');
  });
  it('pooling a 1×1 map with a 2×2 window is refused', () => {
    const r = analyzeSpec(mnistSpec(parseArch('conv4k3s3-conv4k3s3-conv4k3s3-conv4k3s3-maxpool2')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/2×2 window.*1×1/);
  });
  it('a convolution after a dense layer is refused', () => {
    const r = analyzeSpec(mnistSpec(parseArch('dense32-conv4k3')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.index).toBe(1);
  });
  it('LeNet: shapes, multiply-adds and receptive fields by hand', () => {
    const r = analyzeSpec(mnistSpec(presetLayers('lenet')));
    if (!r.ok) throw new Error(r.problem.message);
    const rows = r.value.rows;
    expect(rows.map((x) => x.outShape)).toEqual([
      [28, 28, 6],
      [14, 14, 6],
      [10, 10, 16],
      [5, 5, 16],
      [120],
      [84],
      [10],
    ]);
    expect(rows[0]!.macs).toBe(28 * 28 * 6 * 25);
    expect(rows[2]!.macs).toBe(10 * 10 * 16 * 25 * 6);
    expect(rows.map((x) => x.receptiveField)).toEqual([5, 6, 14, 16, null, null, null]);
  });
});

describe('buildProbe: one pass returns every layer of any stack', () => {
  it('conv + batchnorm + stride 2 + dropout + avgpool: one output per layer but flatten, right shapes, no leaks', async () => {
    const layers = parseArch('conv4k3-batchnorm-conv4k3s2-dropout30-avgpool2-dense16');
    await expectNoLeaks(() => {
      const model = buildModel(mnistSpec(layers), 2);
      const probe = buildProbe(model);
      expect(probeLayerNames(model)).toEqual([
        'conv1',
        'bn1',
        'conv2',
        'dropout1',
        'pool1',
        'dense1',
        'output',
      ]);
      const outs = tf.tidy(() => probe.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor[]);
      expect(outs.map((o) => o.shape.slice(1))).toEqual([
        [28, 28, 4],
        [28, 28, 4],
        [14, 14, 4],
        [14, 14, 4],
        [7, 7, 4],
        [16],
        [10],
      ]);
      tf.dispose(outs);
      model.dispose();
    });
  });
});

describe('code out: the TensorFlow.js code builds the same network; Keras names every layer', () => {
  for (const id of PRESET_IDS) {
    it(`${id}: tfjsCode runs against tfjs-layers and gives countParams() = the arithmetic`, async () => {
      const spec = mnistSpec(presetLayers(id));
      const code = tfjsCode(spec);
      await expectNoLeaks(() => {
        // The exported text is run as written: the student's copy and the test are the same code.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const make = new Function('tf', code) as (tf: unknown) => tfl.LayersModel;
        const model = make({ sequential: tfl.sequential, layers: tfl.layers });
        const built = buildModel(spec);
        expect(model.countParams()).toBe(built.countParams());
        expect(model.layers.map((l) => l.name)).toEqual(built.layers.map((l) => l.name));
        model.dispose();
        built.dispose();
      });
      const keras = kerasCode(spec);
      expect(keras).toContain('keras.Input(shape=(28, 28, 1))');
      expect(keras).toContain('layers.Dense(10, activation="softmax", name="output")');
      for (const l of buildModel(spec).layers) expect(keras).toContain(`name="${l.name}"`);
    });
  }
  it('LeNet in Keras, line by line', () => {
    const keras = kerasCode(mnistSpec(presetLayers('lenet')));
    expect(keras).toContain(
      'layers.Conv2D(6, 5, strides=1, padding="same", activation="relu", name="conv1")',
    );
    expect(keras).toContain('layers.MaxPooling2D(pool_size=2, strides=2, name="pool1")');
    expect(keras).toContain('Total params: 61,706');
  });
});

/** The model.json topology tfjs writes for `model` (the same text a file or IndexedDB holds). */
async function topologyOf(model: tfl.LayersModel): Promise<unknown> {
  let topology: unknown;
  await model.save(
    tf.io.withSaveHandler((a) => {
      topology = a.modelTopology;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  return topology;
}

describe('specFromTopology: any saved network of the editor’s kinds reads back; others are refused by layer', () => {
  for (const arch of [
    ...Object.values(PRESET_ARCH),
    'conv4k3s2v.tanh-batchnorm-avgpool3s1-dropout30-dense12.sigmoid',
  ]) {
    it(`round-trips ${arch}`, async () => {
      const spec = mnistSpec(parseArch(arch));
      const model = buildModel(spec, 1);
      expect(specFromTopology(await topologyOf(model))).toEqual(spec);
      model.dispose();
    });
  }
  it('refuses a dilated convolution and an unknown layer, naming the layer', async () => {
    const dilated = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          inputShape: [28, 28, 1],
          filters: 2,
          kernelSize: 3,
          dilationRate: 2,
          name: 'wide',
        }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    expect(() => specFromTopology(undefined)).toThrow(/no layers|layers/i);
    const topo = await topologyOf(dilated);
    expect(() => specFromTopology(topo)).toThrow(/"wide" \(Conv2D\).*dilated/);
    dilated.dispose();
    const rnn = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 2, kernelSize: 3, name: 'c' }),
        tfl.layers.upSampling2d({ size: [2, 2], name: 'up' }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const rnnTopo = await topologyOf(rnn);
    expect(() => specFromTopology(rnnTopo)).toThrow(/"up" \(UpSampling2D\).*knows convolution/);
    rnn.dispose();
  });
});
