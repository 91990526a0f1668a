import 'fake-indexeddb/auto';
import { unzipSync, unzlibSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  centreSquare,
  COLOUR_SHAPE,
  GREY_SHAPE,
  hasColour,
  toDatasetPixels,
  type Rgba,
} from '../../../src/engine/data/datasetPixels';
import { exportDatasetZip, safeFolderName } from '../../../src/engine/data/datasetExport';
import {
  DatasetImportCancelled,
  importDatasetZip,
  type ImportOptions,
  type ImportProgress,
} from '../../../src/engine/data/datasetImport';
import {
  deleteStoredDataset,
  listStoredDatasets,
  loadStoredDataset,
} from '../../../src/engine/data/datasetStore';
import { memoryZipSource } from '../../../src/engine/data/zipReader';
import { splitBySeed, storedTrainTest, testCount } from '../../../src/engine/data/datasetSplit';
import { DatasetImportError, readDatasetZip, ZIP_LIMITS } from '../../../src/engine/data/datasetZip';
import { encodePng } from '../../../src/engine/data/pngEncode';
import { readImageHeader } from '../../../src/engine/preprocess/imageHeader';
import type { ZipImage } from '../../../src/engine/data/datasetZip';

/** Decodes the PNGs encodePng writes (8-bit grey or RGB, filter None): a real decoder for that subset. */
function decodeOwnPng(bytes: Uint8Array): Rgba {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Uint8Array[] = [];
  while (at < bytes.length) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = v.getUint32(at + 8);
      height = v.getUint32(at + 12);
      colourType = data[9] ?? 0;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  if (width === 0) throw new Error('not a PNG');
  const raw = unzlibSync(idat[0] ?? new Uint8Array(0));
  const ch = colourType === 0 ? 1 : 3;
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * (width * ch + 1) + 1 + x * ch;
      const o = (y * width + x) * 4;
      out[o] = raw[p] ?? 0;
      out[o + 1] = raw[p + (ch === 3 ? 1 : 0)] ?? 0;
      out[o + 2] = raw[p + (ch === 3 ? 2 : 0)] ?? 0;
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** A w×h RGBA picture, white, with a dark filled square in the middle (or a red one). */
function squarePicture(w: number, h: number, red = false): Rgba {
  const data = new Uint8Array(w * h * 4).fill(255);
  for (let y = Math.floor(h / 4); y < Math.floor((3 * h) / 4); y++) {
    for (let x = Math.floor(w / 4); x < Math.floor((3 * w) / 4); x++) {
      const o = (y * w + x) * 4;
      data[o] = red ? 220 : 0;
      data[o + 1] = 0;
      data[o + 2] = 0;
    }
  }
  return { data, width: w, height: h };
}

function rgbOf(p: Rgba): Uint8Array {
  const out = new Uint8Array(p.width * p.height * 3);
  for (let i = 0; i < p.width * p.height; i++)
    out.set(
      [0, 1, 2].map((c) => p.data[i * 4 + c] ?? 0),
      i * 3,
    );
  return out;
}

describe('encodePng', () => {
  it('writes a PNG whose header reads back (w=5 h=3, grey and RGB) and whose pixels decode back', () => {
    const grey = Uint8Array.from({ length: 15 }, (_, i) => i * 17);
    const png = encodePng(grey, 5, 3, 1);
    expect(readImageHeader(png)).toEqual({ type: 'png', width: 5, height: 3, frames: 1 });
    const back = decodeOwnPng(png);
    expect(Array.from({ length: 15 }, (_, i) => back.data[i * 4])).toEqual(Array.from(grey));
    const rgb = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 29) % 256);
    expect(rgbOf(decodeOwnPng(encodePng(rgb, 5, 3, 3)))).toEqual(rgb);
  });
  it('refuses a byte count that does not match the size', () => {
    expect(() => encodePng(new Uint8Array(10), 5, 3, 1)).toThrow(RangeError);
  });
});

describe('toDatasetPixels: centre square, area resize, grey ink or colour', () => {
  it('centreSquare of 300×200 is x=50 y=0 200×200', () => {
    expect(centreSquare(300, 200)).toEqual({ x: 50, y: 0, w: 200, h: 200 });
  });
  it('a 280×280 dark square on white becomes 28×28 ink (255 inside, 0 on the paper)', () => {
    const px = toDatasetPixels(squarePicture(280, 280), GREY_SHAPE);
    expect(px.length).toBe(784);
    expect(px[14 * 28 + 14]).toBe(255);
    expect(px[0]).toBe(0);
    expect(px[27 * 28 + 27]).toBe(0);
  });
  it('a 96×64 red square becomes 32×32×3 colour, and is cropped to its centre square (not squashed)', () => {
    const px = toDatasetPixels(squarePicture(96, 64, true), COLOUR_SHAPE);
    expect(px.length).toBe(32 * 32 * 3);
    const at = (y: number, x: number) => Array.from(px.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3));
    expect(at(16, 16)).toEqual([220, 0, 0]);
    // The red square spans x 24–71 of 96; the crop keeps x 16–79, so red starts 8/64 in: column 4.
    expect(at(16, 1)).toEqual([255, 255, 255]);
    expect(at(16, 6)).toEqual([220, 0, 0]);
  });
  it('transparent pixels count as white paper; hasColour tells grey from colour', () => {
    const clear: Rgba = { data: new Uint8Array(4 * 4 * 4), width: 4, height: 4 };
    expect(Array.from(toDatasetPixels(clear, GREY_SHAPE).slice(0, 3))).toEqual([0, 0, 0]);
    expect(hasColour(squarePicture(20, 20))).toBe(false);
    expect(hasColour(squarePicture(20, 20, true))).toBe(true);
  });
});

describe('splitBySeed: a stratified held-out test split chosen by the seed', () => {
  const labels = Uint8Array.from({ length: 103 }, (_, i) => i % 3);
  it('every picture in exactly one split; a fifth of each class tested; the same seed, the same split', () => {
    const a = splitBySeed(labels, 3, 7);
    const all = [...a.train, ...a.test].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 103 }, (_, i) => i));
    for (let k = 0; k < 3; k++) {
      const n = labels.filter((l) => l === k).length;
      expect(Array.from(a.test).filter((i) => labels[i] === k).length).toBe(testCount(n));
    }
    expect(splitBySeed(labels, 3, 7)).toEqual(a);
    expect(Array.from(splitBySeed(labels, 3, 8).test)).not.toEqual(Array.from(a.test));
  });
  it('testCount: at least one, never all, none for a single picture', () => {
    expect([1, 2, 3, 10, 100].map((n) => testCount(n))).toEqual([0, 1, 1, 2, 20]);
  });
  it('storedTrainTest copies pictures with their shape and class count', () => {
    const images = Uint8Array.from({ length: 103 * 12 }, (_, i) => Math.floor(i / 12));
    const { train, test } = storedTrainTest(
      { inputShape: [2, 2, 3], classNames: ['a', 'b', 'c'] },
      { images, labels },
      7,
    );
    expect(train.count + test.count).toBe(103);
    expect(test.inputShape).toEqual([2, 2, 3]);
    expect(test.classes).toBe(3);
    const first = splitBySeed(labels, 3, 7).test[0] ?? -1;
    expect(test.images[0]).toBe(first);
    expect(test.labels[0]).toBe(labels[first]);
  });
});

/** A zip of `perClass` pictures per class, each a square shifted a little so they differ. */
function shapesZip(classes: string[], perClass: number, red = false): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  classes.forEach((name, k) => {
    for (let i = 0; i < perClass; i++) {
      const pic = squarePicture(40 + k * 8, 40, red && k === 0);
      files[`${name}/${i}.png`] = encodePng(rgbOf(pic), pic.width, pic.height, 3);
    }
  });
  return zipSync(files);
}

const decode = (img: ZipImage) => Promise.resolve(decodeOwnPng(img.bytes));

/** Imports `zip` into (fake) IndexedDB in batches of `batch`, then reads the stored dataset back. */
async function importAndLoad(
  zip: Uint8Array,
  name: string,
  opts: Omit<ImportOptions, 'limits'> & { batch?: number },
) {
  const r = await importDatasetZip(memoryZipSource(zip), name, {
    ...opts,
    limits: { ...ZIP_LIMITS, batchEntries: opts.batch ?? ZIP_LIMITS.batchEntries },
  });
  const stored = await loadStoredDataset(r.info.id);
  if (!stored) throw new Error(`${r.info.id} was not stored`);
  expect(stored.info).toEqual(r.info);
  return { ...r, pictures: stored.pictures };
}

afterEach(async () => {
  for (const d of await listStoredDatasets()) await deleteStoredDataset(d.id);
});

describe('importDatasetZip: decode in batches, progress, cancel, bad pictures', () => {
  it('imports 3 classes as 28×28 grey, reporting progress batch by batch', async () => {
    const seen: ImportProgress[] = [];
    const r = await importAndLoad(shapesZip(['circle', 'square', 'triangle'], 10), 'shapes.zip', {
      decode,
      batch: 8,
      onProgress: (p) => seen.push(p),
    });
    expect(r.info.name).toBe('shapes');
    expect(r.info.classNames).toEqual(['circle', 'square', 'triangle']);
    expect(r.info.inputShape).toEqual([28, 28, 1]);
    expect(r.pictures.labels.length).toBe(30);
    expect(r.pictures.images.length).toBe(30 * 784);
    expect(r.info.counts).toEqual({ train: 24, test: 6, perClass: [10, 10, 10] });
    expect(seen.map((p) => p.done)).toEqual([8, 16, 24, 30]);
    expect(seen.at(-1)?.etaMs).toBe(0);
  });
  it('keeps colour (32×32×3) when any picture has colour', async () => {
    const r = await importAndLoad(shapesZip(['red', 'black'], 3, true), 'colours.zip', { decode });
    expect(r.info.inputShape).toEqual([32, 32, 3]);
    expect(r.pictures.images.length).toBe(6 * 3072);
  });
  it('stops at the next batch when cancelled', async () => {
    const ctl = new AbortController();
    let calls = 0;
    const p = importAndLoad(shapesZip(['a', 'b'], 20), 'ab.zip', {
      batch: 4,
      decode: (img) => {
        calls++;
        if (calls === 6) ctl.abort();
        return decode(img);
      },
      signal: ctl.signal,
    });
    await expect(p).rejects.toBeInstanceOf(DatasetImportCancelled);
    expect(calls).toBe(8);
  });
  it('a picture that fails to decode is left out by name; a class left with none refuses the zip', async () => {
    const files = unzipSync(shapesZip(['a', 'b'], 3));
    const r = await importAndLoad(zipSync(files), 'ab.zip', {
      decode: (img) => (img.path === 'a/1.png' ? Promise.reject(new Error('bad')) : decode(img)),
    });
    expect(r.pictures.labels.length).toBe(5);
    expect(r.skipped.map((s) => s.path)).toEqual(['a/1.png']);
    expect(r.skipped[0]?.reason).toContain('a/1.png');
    await expect(
      importAndLoad(zipSync(files), 'ab2.zip', {
        decode: (img) => (img.path.startsWith('b/') ? Promise.reject(new Error('bad')) : decode(img)),
      }),
    ).rejects.toThrow(/"b"/);
  });
  it('refuses a zip of one class before decoding anything', async () => {
    let calls = 0;
    const p = importAndLoad(shapesZip(['only'], 3), 'one.zip', {
      decode: (img) => {
        calls++;
        return decode(img);
      },
    });
    await expect(p).rejects.toBeInstanceOf(DatasetImportError);
    expect(calls).toBe(0);
  });
});

describe('exportDatasetZip: the same layout as import', () => {
  it('exports a grey set that imports back with the same classes, counts and pixels', async () => {
    const first = await importAndLoad(shapesZip(['circle', 'square', 'tri_angle'], 4), 'shapes.zip', {
      decode,
    });
    const zipped = exportDatasetZip(first.info, first.pictures);
    const listed = await readDatasetZip(memoryZipSource(zipped), 'shapes.zip');
    expect(listed.classes.map((c) => [c.name, c.images.length])).toEqual([
      ['circle', 4],
      ['square', 4],
      ['tri_angle', 4],
    ]);
    await deleteStoredDataset('shapes');
    const again = await importAndLoad(zipped, 'shapes.zip', { decode });
    expect(again.info.inputShape).toEqual([28, 28, 1]);
    expect(Array.from(again.pictures.labels)).toEqual(Array.from(first.pictures.labels));
    // 28×28 in, 28×28 out: the pictures come back byte for byte.
    expect(again.pictures.images).toEqual(first.pictures.images);
  });
  it('exports colour pictures as RGB PNGs; folder names are made safe', () => {
    const pictures = { images: new Uint8Array(2 * 3072).fill(200), labels: Uint8Array.of(0, 1) };
    const zipped = exportDatasetZip(
      { name: 'my/set', classNames: ['a:b', '..'], inputShape: [32, 32, 3] },
      pictures,
    );
    const names = Object.keys(unzipSync(zipped)).sort();
    expect(names).toEqual(['my-set/a-b/0001.png', 'my-set/class2/0001.png', 'my-set/classes.txt']);
    expect(safeFolderName('  ', 'x')).toBe('x');
  });
});
