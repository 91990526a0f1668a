import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importDatasetZip } from '../../../src/engine/data/datasetImport';
import type { Rgba } from '../../../src/engine/data/datasetPixels';
import type { DatasetInfo } from '../../../src/engine/data/datasets';
import { openDatasetWriter, stagingBytes } from '../../../src/engine/data/datasetStaging';
import {
  CHUNK,
  DatasetStorageError,
  deleteStoredDataset,
  listStoredDatasets,
  loadStoredDataset,
  saveDataset,
} from '../../../src/engine/data/datasetStore';
import {
  DatasetImportError,
  planDatasetZip,
  readDatasetImages,
  ZIP_LIMITS,
  type ZipImage,
} from '../../../src/engine/data/datasetZip';
import { encodePng } from '../../../src/engine/data/pngEncode';
import { mulberry32 } from '../../../src/engine/data/random';
import {
  memoryZipSource,
  readZipDirectory,
  readZipEntry,
  ZipFormatError,
  type ZipSource,
} from '../../../src/engine/data/zipReader';
import { DatasetImportCancelled } from '../../../src/engine/data/datasetImport';
import { rowsFor } from '../../support/datasetRows';

/** A source that records every read: how many are in flight at once, the largest, the bytes read. */
function watched(zip: Uint8Array) {
  const inner = memoryZipSource(zip);
  const stats = { inFlight: 0, maxInFlight: 0, largest: 0, bytes: 0, reads: 0 };
  const source: ZipSource = {
    size: inner.size,
    read: async (offset, length) => {
      stats.inFlight++;
      stats.reads++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      stats.largest = Math.max(stats.largest, length);
      stats.bytes += length;
      await new Promise((r) => setTimeout(r, 0));
      stats.inFlight--;
      return inner.read(offset, length);
    },
  };
  return { source, stats };
}

/** An 8×8 grey PNG whose pixels all equal `v` (a real PNG: the header check reads it). */
const tinyPng = (v: number) => encodePng(new Uint8Array(64).fill(v), 8, 8, 1);

/** `perClass` tiny PNGs in each of `classes`, each with its own shade so order can be checked. */
function tinyZip(classes: string[], perClass: number, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { ...extra };
  classes.forEach((c, k) => {
    for (let i = 0; i < perClass; i++)
      files[`${c}/${String(i).padStart(5, '0')}.png`] = tinyPng((k * 50 + i) % 256);
  });
  return zipSync(files, { level: 1 });
}

/** Decodes tinyPng's files: the shade is the PNG's first pixel after its filter byte (stored deflate). */
function decodeTiny(img: ZipImage): Promise<Rgba> {
  const v = shadeOf(img.path);
  return Promise.resolve({
    data: new Uint8Array(8 * 8 * 4).fill(v).map((x, i) => (i % 4 === 3 ? 255 : x)),
    width: 8,
    height: 8,
  });
}
function shadeOf(path: string): number {
  const m = /^(.*)\/(\d+)\.png$/.exec(path);
  const k = ['a', 'b', 'c'].indexOf(m?.[1] ?? '');
  return (k * 50 + Number(m?.[2] ?? 0)) % 256;
}

/** Offsets of every central-directory header in a zip (signature PK\1\2). */
function directoryHeaders(zip: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) at.push(i);
  }
  return at;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of await listStoredDatasets()) await deleteStoredDataset(d.id);
});

describe('zipReader: one entry at a time, from a source read in slices', () => {
  it('lists the directory and reads stored and deflated entries; never the whole file at once', async () => {
    const rng = mulberry32(3);
    // Hard to compress: the zip is ~300 kB, far more than the 64 kB tail read to find the directory.
    const big = new Uint8Array(300_000).map(() => Math.floor(rng() * 256));
    const zip = zipSync({ 'a/stored.bin': [new Uint8Array([1, 2, 3]), { level: 0 }], 'b/packed.bin': big });
    const { source, stats } = watched(zip);
    const entries = await readZipDirectory(source);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a/stored.bin', 0, 3],
      ['b/packed.bin', 8, 300_000],
    ]);
    expect(stats.bytes).toBeLessThan(70_000);
    const before = stats.bytes;
    expect(Array.from(await readZipEntry(source, entries[0]!))).toEqual([1, 2, 3]);
    // One read: its local header (30 bytes and its name) and its 3 bytes.
    expect(stats.bytes - before).toBe(30 + 'a/stored.bin'.length + 3);
    expect(await readZipEntry(source, entries[1]!)).toEqual(big);
    expect(stats.maxInFlight).toBe(1);
  });

  it('stops an entry that unpacks to more than its directory says (a disguised bomb)', async () => {
    const zip = zipSync({ 'a/zeros.png': new Uint8Array(5_000_000) });
    expect(zip.length).toBeLessThan(20_000);
    // Rewrite the declared size (central directory, offset 24) to 1,000 bytes.
    const [cd] = directoryHeaders(zip);
    new DataView(zip.buffer, zip.byteOffset).setUint32(cd! + 24, 1000, true);
    const source = memoryZipSource(zip);
    const [entry] = await readZipDirectory(source);
    expect(entry?.size).toBe(1000);
    await expect(readZipEntry(source, entry!)).rejects.toThrow(/more than its directory says/);
  });

  it('refuses what is not a zip, and an entry that is encrypted or cut short', async () => {
    await expect(readZipDirectory(memoryZipSource(new Uint8Array(100).fill(80)))).rejects.toBeInstanceOf(
      ZipFormatError,
    );
    const zip = zipSync({ 'a/x.bin': new Uint8Array(5000).fill(3) });
    const [entry] = await readZipDirectory(memoryZipSource(zip));
    await expect(readZipEntry(memoryZipSource(zip), { ...entry!, encrypted: true })).rejects.toThrow(
      /encrypted/,
    );
    await expect(readZipEntry(memoryZipSource(zip), { ...entry!, method: 12 })).rejects.toThrow(/method 12/);
    // A local header longer than the directory's guess: a second read fetches the data.
    expect((await readZipEntry(memoryZipSource(zip), { ...entry!, headerGuess: 0 })).length).toBe(5000);
    await expect(readZipEntry(memoryZipSource(zip.subarray(0, 40)), entry!)).rejects.toBeInstanceOf(
      ZipFormatError,
    );
  });
});

describe('readDatasetImages: bounded batches', () => {
  it('holds at most batchEntries files and about batchBytes bytes per batch, one read in flight', async () => {
    const zip = tinyZip(['a', 'b'], 50);
    const { source, stats } = watched(zip);
    const limits = { ...ZIP_LIMITS, batchEntries: 7, batchBytes: 1_000_000 };
    const plan = await planDatasetZip(source, 'ab.zip', limits);
    expect(plan.pictures).toBe(100);
    const sizes: number[] = [];
    for await (const batch of readDatasetImages(source, plan, limits)) sizes.push(batch.images.length);
    expect(Math.max(...sizes)).toBe(7);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(stats.maxInFlight).toBe(1);
    // By bytes: each tiny PNG is ~80 bytes, so a 200-byte budget takes 3 at most (the first always).
    const bySize: number[] = [];
    const small = { ...limits, batchBytes: 200 };
    for await (const batch of readDatasetImages(source, plan, small)) bySize.push(batch.images.length);
    expect(Math.max(...bySize)).toBeLessThanOrEqual(3);
    expect(bySize.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('reads nothing beyond the batch the caller asked for (lazy)', async () => {
    const zip = tinyZip(['a', 'b'], 200);
    const { source, stats } = watched(zip);
    const limits = { ...ZIP_LIMITS, batchEntries: 10 };
    const plan = await planDatasetZip(source, 'ab.zip', limits);
    const before = stats.reads;
    for await (const batch of readDatasetImages(source, plan, limits)) {
      expect(batch.images.length).toBe(10);
      break;
    }
    // One read per entry (local header and data together): 10 entries, not 400.
    expect(stats.reads - before).toBe(10);
  });

  it('refuses a bomb from the directory alone: no entry is read', async () => {
    const zip = zipSync({ 'a/zeros.png': new Uint8Array(2_000_000), 'b/1.png': tinyPng(1) });
    const { source, stats } = watched(zip);
    await expect(
      planDatasetZip(source, 'bomb.zip', { ...ZIP_LIMITS, maxTotalBytes: 1_000_000 }),
    ).rejects.toThrow(/bomb\.zip would unpack to more than 1 MB/);
    // The end of the file (directory record) and the directory: nothing else.
    expect(stats.reads).toBe(2);
  });
});

describe('importDatasetZip: staged in chunks, complete or rolled back', () => {
  const n = CHUNK + 250; // per class: more than one chunk is staged before the end

  it(`imports ${2 * n} pictures through ${Math.ceil((2 * n) / CHUNK)} chunks, in order, decoding a batch at a time`, async () => {
    let decoding = 0;
    let maxDecoding = 0;
    const r = await importDatasetZip(memoryZipSource(tinyZip(['a', 'b'], n)), 'ab.zip', {
      limits: { ...ZIP_LIMITS, batchEntries: 16 },
      decode: async (img) => {
        decoding++;
        maxDecoding = Math.max(maxDecoding, decoding);
        await new Promise((res) => setTimeout(res, 0));
        decoding--;
        return decodeTiny(img);
      },
    });
    expect(maxDecoding).toBeLessThanOrEqual(16);
    expect(r.info.counts.perClass).toEqual([n, n]);
    const back = await loadStoredDataset('ab');
    expect(back?.pictures.labels.length).toBe(2 * n);
    expect(back?.pictures.images.length).toBe(2 * n * 784);
    // Picture 1 of class a is a flat shade 1, picture 0 of class b a flat shade 50 (order kept);
    // grey pictures are stored as ink (255 − brightness), as MNIST is.
    expect(back?.pictures.images[784 + 400]).toBe(254);
    expect(back?.pictures.images[n * 784 + 400]).toBe(205);
    expect(back?.pictures.labels[n - 1]).toBe(0);
    expect(back?.pictures.labels[n]).toBe(1);
    expect(await rowsFor('ab')).toBe(Math.ceil((2 * n) / CHUNK));
  });

  it('Cancel after chunks were written: nothing listed, no rows left', async () => {
    const ctl = new AbortController();
    let calls = 0;
    const p = importDatasetZip(memoryZipSource(tinyZip(['a', 'b'], n)), 'ab.zip', {
      decode: (img) => {
        if (++calls === CHUNK + 100) ctl.abort();
        return decodeTiny(img);
      },
      signal: ctl.signal,
    });
    await expect(p).rejects.toBeInstanceOf(DatasetImportCancelled);
    expect(calls).toBeLessThan(CHUNK + 100 + ZIP_LIMITS.batchEntries + 1);
    expect(await listStoredDatasets()).toEqual([]);
    expect(await rowsFor('ab')).toBe(0);
  });

  it('storage full part way (QuotaExceededError on the second chunk): rolled back, earlier data intact', async () => {
    const keep: DatasetInfo = {
      id: 'kept',
      name: 'kept',
      classNames: ['x', 'y'],
      inputShape: [28, 28, 1],
      counts: { train: 2, test: 0, perClass: [1, 1] },
      source: { kind: 'made', at: '2026-11-30T00:00:00.000Z' },
    };
    await saveDataset(keep, { images: new Uint8Array(2 * 784).fill(9), labels: Uint8Array.of(0, 1) });
    // The browser's own behaviour when storage is full: put throws QuotaExceededError.
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value as (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) => IDBRequest<IDBValidKey>;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      if ((value as { chunk?: number }).chunk === 1) throw new DOMException('quota', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const p = importDatasetZip(memoryZipSource(tinyZip(['a', 'b'], n)), 'ab.zip', { decode: decodeTiny });
    await expect(p).rejects.toBeInstanceOf(DatasetStorageError);
    await expect(p).rejects.toThrow(/storage is full, so "ab" was not kept/);
    vi.restoreAllMocks();
    expect((await listStoredDatasets()).map((d) => d.id)).toEqual(['kept']);
    expect(await rowsFor('ab')).toBe(0);
    expect((await loadStoredDataset('kept'))?.pictures.images[0]).toBe(9);
  });

  it('refuses before unpacking when the browser has no room for it, saying how much is needed', async () => {
    let calls = 0;
    const zip = tinyZip(['a', 'b'], 100);
    const need = stagingBytes(200);
    const p = importDatasetZip(memoryZipSource(zip), 'ab.zip', {
      decode: (img) => {
        calls++;
        return decodeTiny(img);
      },
      storage: { usage: 5_000_000, quota: 5_000_000 + need - 1 },
    });
    await expect(p).rejects.toBeInstanceOf(DatasetImportError);
    await expect(p).rejects.toThrow(
      /ab\.zip holds 200 pictures and needs about 1\.1 MB .* only 1\.0 MB is free/,
    );
    expect(calls).toBe(0);
    expect(await rowsFor('ab')).toBe(0);
    // Exactly enough room: imported.
    const ok = await importDatasetZip(memoryZipSource(zip), 'ab.zip', {
      decode: decodeTiny,
      storage: { usage: 0, quota: need },
    });
    expect(ok.info.counts.perClass).toEqual([100, 100]);
  });

  it('rows a closed tab left behind (no description) are swept when the next import starts', async () => {
    const ghost = await openDatasetWriter('ghost');
    for (let i = 0; i < CHUNK; i++) await ghost.add(new Uint8Array(784), new Uint8Array(3072), 0);
    expect(await rowsFor('ghost')).toBe(1);
    // The tab "closes": neither commit nor rollback. The next writer sweeps the orphan rows.
    const next = await openDatasetWriter('next');
    expect(await rowsFor('ghost')).toBe(0);
    await next.rollback();
    await ghost.rollback();
  });
});
