import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  datasetNameFromFile,
  DatasetImportError,
  readDatasetZip,
  ZIP_LIMITS,
} from '../../../src/engine/data/datasetZip';
import { memoryZipSource } from '../../../src/engine/data/zipReader';

/** The first bytes of a PNG of w×h (signature + IHDR): all the reader looks at before decoding. */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  b.set(strToU8('IHDR'), 12);
  const v = new DataView(b.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  b.set([8, 0, 0, 0, 0], 24);
  return b;
}

/** A JPEG's first bytes up to its start-of-frame marker (SOF0) giving h×w. */
function jpegHeader(w: number, h: number): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0]);
}

const zip = (files: Record<string, Uint8Array>) => zipSync(files);
const read = (bytes: Uint8Array, name: string, limits = ZIP_LIMITS) =>
  readDatasetZip(memoryZipSource(bytes), name, limits);
const refused = async (bytes: Uint8Array, name = 'shapes.zip', limits = ZIP_LIMITS) => {
  try {
    await read(bytes, name, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetImportError);
    return (err as Error).message;
  }
  throw new Error('expected the zip to be refused');
};

describe('readDatasetZip: one folder of pictures per class', () => {
  it('reads classes and pictures, named after the file; one enclosing folder is peeled off', async () => {
    const plain = await read(
      zip({
        'circle/a.png': pngHeader(28, 28),
        'circle/b.jpg': jpegHeader(64, 48),
        'square/c.png': pngHeader(5, 5),
      }),
      'shapes.zip',
    );
    expect(plain.name).toBe('shapes');
    expect(plain.classes.map((c) => [c.name, c.images.length])).toEqual([
      ['circle', 2],
      ['square', 1],
    ]);
    expect(plain.classes[0]?.images[1]?.header).toEqual({ type: 'jpeg', width: 64, height: 48, frames: 1 });
    const wrapped = await read(
      zip({ 'shapes/circle/a.png': pngHeader(28, 28), 'shapes/square/b.png': pngHeader(28, 28) }),
      'shapes.zip',
    );
    expect(wrapped.classes.map((c) => c.name)).toEqual(['circle', 'square']);
  });

  it('leaves out non-pictures, damaged pictures, huge pictures and system files, naming each', async () => {
    const got = await read(
      zip({
        'cat/1.png': pngHeader(28, 28),
        'cat/notes.txt': strToU8('hello'),
        'cat/broken.png': strToU8('not really a png'),
        'dog/1.png': pngHeader(28, 28),
        'dog/huge.png': pngHeader(20000, 20000),
        '__MACOSX/dog/._1.png': strToU8('fork'),
        'dog/.DS_Store': strToU8('x'),
        'readme.md': strToU8('# set'),
      }),
      'pets.zip',
    );
    expect(got.classes.map((c) => [c.name, c.images.length])).toEqual([
      ['cat', 1],
      ['dog', 1],
    ]);
    const reasons = got.skipped.map((s) => s.reason).join('\n');
    expect(reasons).toMatch(/cat\/notes\.txt is not a picture/);
    expect(reasons).toMatch(/cat\/broken\.png is damaged/);
    expect(reasons).toMatch(/dog\/huge\.png: .*20,000/);
    expect(reasons).toMatch(/readme\.md is not inside a class folder/);
    expect(reasons).not.toMatch(/MACOSX|DS_Store/);
  });

  it('pictures in folders inside a class folder belong to that class', async () => {
    const got = await read(
      zip({
        'cat/indoor/1.png': pngHeader(8, 8),
        'cat/2.png': pngHeader(8, 8),
        'dog/1.png': pngHeader(8, 8),
      }),
      'pets.zip',
    );
    expect(got.classes.map((c) => [c.name, c.images.length])).toEqual([
      ['cat', 2],
      ['dog', 1],
    ]);
  });

  it('refuses one class, an empty class, duplicate names and too many classes, naming the class', async () => {
    expect(await refused(zip({ 'circle/a.png': pngHeader(8, 8) }))).toMatch(/only one class, "circle"/);
    expect(await refused(zip({ 'circle/a.png': pngHeader(8, 8), 'square/notes.txt': strToU8('x') }))).toMatch(
      /"square" has no PNG or JPEG/,
    );
    expect(await refused(zip({ 'Cat/a.png': pngHeader(8, 8), 'cat/b.png': pngHeader(8, 8) }))).toMatch(
      /"Cat" and "cat"/,
    );
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`c${i}/a.png`, pngHeader(8, 8)]));
    expect(await refused(zip(eleven))).toMatch(/11 class folders; at most 10/);
    expect(await refused(zip({ 'a.png': pngHeader(8, 8) }))).toMatch(/no class folders/);
  });

  it('refuses a file that is not a zip, naming it', async () => {
    expect(await refused(strToU8('PK but not really'), 'homework.zip')).toMatch(
      /^homework\.zip is not a zip file/,
    );
  });

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    // 2 MB of zeros compresses to a few kB; the cap here is 1 MB.
    const bomb = zip({ 'a/zeros.png': new Uint8Array(2_000_000), 'b/1.png': pngHeader(8, 8) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(await refused(bomb, 'bomb.zip', { ...ZIP_LIMITS, maxTotalBytes: 1_000_000 })).toMatch(
      /bomb\.zip would unpack to more than 1 MB/,
    );
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`c${i % 2}/${i}.png`, pngHeader(8, 8)]),
    );
    expect(await refused(zip(many), 'many.zip', { ...ZIP_LIMITS, maxEntries: 20 })).toMatch(
      /more than 20 files/,
    );
  });

  it('names a dataset after its file', () => {
    expect(datasetNameFromFile('shapes.zip')).toBe('shapes');
    expect(datasetNameFromFile('C:\\Users\\me\\My Set (2).ZIP')).toBe('My Set (2)');
    expect(datasetNameFromFile('.zip')).toBe('dataset');
  });
});
