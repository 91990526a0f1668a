import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MNIST_CACHE_NAME } from '../../../src/engine/data/download';
import { encodeIdx } from '../../../src/engine/data/idx';
import { digitPixels, labelCounts, loadMnistSplit, type MnistSet } from '../../../src/engine/data/mnist';
import { BASE, FakeCacheStorage, fakeFetch, packFiles, tinyIdx, type Served } from './fakeServer';

let caches: FakeCacheStorage;
beforeEach(() => {
  caches = new FakeCacheStorage();
  vi.stubGlobal('caches', caches);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(served: Served) {
  const f = fakeFetch(served);
  vi.stubGlobal('fetch', f.fetch);
  return f.state;
}

function expectTiny(set: MnistSet, count: number) {
  expect(set.count).toBe(count);
  expect(set.images.length).toBe(count * 784);
  expect(Array.from(set.labels)).toEqual(Array.from({ length: count }, (_, i) => i % 10));
}

describe('loadMnistSplit over a fake network', () => {
  it('test set of 12 digits: downloads, gunzips, validates, reports progress up to the total', async () => {
    const { served, manifest } = packFiles({ test: tinyIdx(12) });
    const state = serve(served);
    state.chunk = 64;
    const progress: [number, number][] = [];
    // A good load tells the developer nothing is wrong (it used to warn "run prepare-data" every time).
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const set = await loadMnistSplit('test', { baseUrl: BASE, onProgress: (l, t) => progress.push([l, t]) });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expectTiny(set, 12);
    expect(set.split).toBe('test');
    const total =
      (manifest.files['test-images']?.gzBytes ?? 0) + (manifest.files['test-labels']?.gzBytes ?? 0);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.map(([l]) => l)).toEqual(progress.map(([l]) => l).sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([total, total]);
    // Digit 5's pixel p is (5*7 + p) % 256, scaled to [0, 1].
    const px = digitPixels(set, 5);
    expect(px.length).toBe(784);
    expect(px[0]).toBeCloseTo(35 / 255, 6);
    expect(px[783]).toBeCloseTo(((35 + 783) % 256) / 255, 6);
    expect(labelCounts(set)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(() => digitPixels(set, 12)).toThrow(/#0–#11/);
  });

  it('a reload with the network gone is served from Cache Storage', async () => {
    const { served } = packFiles({ test: tinyIdx(12) });
    const state = serve(served);
    await loadMnistSplit('test', { baseUrl: BASE });
    expect(caches.stores.get(MNIST_CACHE_NAME)?.size).toBe(3); // manifest + images + labels
    state.offline = true;
    state.requests.length = 0;
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE }), 12);
    // Only the manifest was tried on the network; the versioned data files come straight from the cache.
    expect(state.requests).toEqual(['manifest.json']);
  });

  it('cache: false neither reads nor writes Cache Storage', async () => {
    const { served } = packFiles({ test: tinyIdx(3) });
    serve(served);
    await loadMnistSplit('test', { baseUrl: BASE, cache: false });
    expect(caches.stores.size).toBe(0);
  });

  it('works where Cache Storage does not exist (node, insecure origins)', async () => {
    vi.stubGlobal('caches', undefined);
    const { served } = packFiles({ test: tinyIdx(3) });
    serve(served);
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE }), 3);
  });

  it('offline on the first visit: says to connect', async () => {
    const { served } = packFiles({ test: tinyIdx(3) });
    serve(served).offline = true;
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      /Could not reach the server for MNIST \(Failed to fetch\); connect to the network and reload/,
    );
  });

  it('no manifest (data never packed): 404 and the command that fixes it', async () => {
    serve({});
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      /MNIST is not on this server .*manifest\.json answered 404.*reload the page; if it happens again/,
    );
  });

  it('a data file missing on the server: names it', async () => {
    const { served } = packFiles({ test: tinyIdx(3) });
    delete served['test-images.idx3.gz'];
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      /test-images is missing on the server \(test-images\.idx3\.gz: 404 Not Found\); reload the page/,
    );
  });

  it('a truncated download: expected and actual compressed sizes', async () => {
    const { served, manifest } = packFiles({ test: tinyIdx(12) });
    const gz = served['test-images.idx3.gz'] as Uint8Array;
    served['test-images.idx3.gz'] = gz.slice(0, 100);
    serve(served);
    const expected = manifest.files['test-images']?.gzBytes.toLocaleString('en-US');
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      `test-images is truncated: expected ${expected} compressed bytes, got 100`,
    );
  });

  it('garbage of the right length: corrupt, not gzip', async () => {
    const { served } = packFiles({ test: tinyIdx(12) });
    const gz = served['test-images.idx3.gz'] as Uint8Array;
    served['test-images.idx3.gz'] = new Uint8Array(gz.length).fill(0x41);
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      /test-images is corrupt: it is not gzip/,
    );
  });

  it('gzip with a flipped byte inside: gunzip fails and says corrupt', async () => {
    const { served } = packFiles({ test: tinyIdx(12) });
    const gz = (served['test-images.idx3.gz'] as Uint8Array).slice();
    const mid = Math.floor(gz.length / 2);
    gz[mid] = (gz[mid] ?? 0) ^ 0xff;
    served['test-images.idx3.gz'] = gz;
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(
      /test-images is corrupt: gunzip failed/,
    );
  });

  it('valid gzip of a non-IDX file: the IDX check names the file', async () => {
    const bad = new Uint8Array(tinyIdx(3).images.length).fill(7);
    const { served } = packFiles({ test: { images: bad, labels: tinyIdx(3).labels } });
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(/test-images is not an IDX file/);
  });

  it('images=[3,28,28] with labels=[2]: images and labels disagree', async () => {
    const { served } = packFiles({ test: { images: tinyIdx(3).images, labels: tinyIdx(2).labels } });
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(/3 images but 2 labels/);
  });

  it('images=[2,14,14]: not 28×28', async () => {
    const images = encodeIdx([2, 14, 14], new Uint8Array(2 * 196));
    const { served } = packFiles({ test: { images, labels: tinyIdx(2).labels } });
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(/14×14 images, expected 28×28/);
  });

  it('a label of 12: out of range 0–9', async () => {
    const labels = encodeIdx([2], Uint8Array.from([3, 12]));
    const { served } = packFiles({ test: { images: tinyIdx(2).images, labels } });
    serve(served);
    await expect(loadMnistSplit('test', { baseUrl: BASE })).rejects.toThrow(/label 12 at #1, expected 0–9/);
  });

  it('a host that already decoded the gzip (Content-Encoding: gzip) still works', async () => {
    const tiny = tinyIdx(4);
    const { served } = packFiles({ test: tiny });
    served['test-images.idx3.gz'] = tiny.images;
    served['test-labels.idx1.gz'] = tiny.labels;
    serve(served);
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE }), 4);
  });

  it('a damaged cached copy is dropped and downloaded again', async () => {
    const { served } = packFiles({ test: tinyIdx(5) });
    const state = serve(served);
    await loadMnistSplit('test', { baseUrl: BASE });
    const store = caches.stores.get(MNIST_CACHE_NAME);
    const imagesKey = [...(store?.keys() ?? [])].find((k) => k.includes('test-images'));
    expect(imagesKey).toMatch(/test-images\.idx3\.gz\?v=[0-9a-f]{16}$/);
    store?.set(imagesKey ?? '', new Uint8Array([1, 2, 3]));
    state.requests.length = 0;
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE }), 5);
    expect(state.requests).toEqual(['manifest.json', 'test-images.idx3.gz']);
    expect(store?.get(imagesKey ?? '')?.length).toBeGreaterThan(3);
  });

  it('a new version of a file replaces the old cached one', async () => {
    const first = packFiles({ test: tinyIdx(5) });
    serve(first.served);
    await loadMnistSplit('test', { baseUrl: BASE });
    serve(packFiles({ test: tinyIdx(6) }).served);
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE }), 6);
    const keys = [...(caches.stores.get(MNIST_CACHE_NAME)?.keys() ?? [])];
    expect(keys.filter((k) => k.includes('test-images'))).toHaveLength(1);
  });

  it('an aborted load rejects with AbortError, not a data message', async () => {
    const { served } = packFiles({ test: tinyIdx(3) });
    serve(served);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(loadMnistSplit('test', { baseUrl: BASE, signal: ctrl.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('a base URL without a trailing slash is treated as a folder', async () => {
    const { served } = packFiles({ test: tinyIdx(3) });
    serve(served);
    expectTiny(await loadMnistSplit('test', { baseUrl: BASE.slice(0, -1) }), 3);
  });
});
