import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { orderClasses, parseClassOrder } from '../../../src/engine/data/classOrder';
import { exportDatasetZip } from '../../../src/engine/data/datasetExport';
import { readDatasetZip } from '../../../src/engine/data/datasetZip';
import { memoryZipSource } from '../../../src/engine/data/zipReader';

/** The first bytes of a 28×28 PNG (signature + IHDR): all the zip reader looks at. */
function png(): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  b.set(strToU8('IHDR'), 12);
  const v = new DataView(b.buffer);
  v.setUint32(16, 28);
  v.setUint32(20, 28);
  b.set([8, 0, 0, 0, 0], 24);
  return b;
}

const read = (files: Record<string, Uint8Array>) =>
  readDatasetZip(memoryZipSource(zipSync(files)), 'lines.zip');
const names = (d: { classes: { name: string }[] }) => d.classes.map((c) => c.name);

describe('class order: classes.txt beside the class folders', () => {
  it('parses one name per line: Windows line ends, a byte-order mark, spaces and blank lines are fine', () => {
    expect(parseClassOrder(strToU8('\uFEFFvertical\r\n  horizontal \r\n\r\ncamera'))).toEqual([
      'vertical',
      'horizontal',
      'camera',
    ]);
    expect(parseClassOrder(new Uint8Array(0))).toEqual([]);
  });

  it('orders by the manifest only when it names every class exactly once and nothing else', () => {
    const cls = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    expect(orderClasses(cls, ['c', 'a', 'b'])?.map((c) => c.name)).toEqual(['c', 'a', 'b']);
    expect(orderClasses(cls, ['c', 'a'])).toBeNull(); // one missing
    expect(orderClasses(cls, ['c', 'a', 'b', 'd'])).toBeNull(); // one too many
    expect(orderClasses(cls, ['c', 'a', 'a'])).toBeNull(); // repeated
    expect(orderClasses(cls, ['c', 'a', 'B'])).toBeNull(); // names are exact
  });

  it('an import takes the order of classes.txt, in one enclosing folder or at the top, and does not list it as left out', async () => {
    const wrapped = await read({
      'lines/vertical/0001.png': png(),
      'lines/horizontal/0001.png': png(),
      'lines/camera/0001.png': png(),
      'lines/classes.txt': strToU8('vertical\nhorizontal\ncamera\n'),
    });
    expect(names(wrapped)).toEqual(['vertical', 'horizontal', 'camera']);
    expect(wrapped.skipped).toEqual([]);
    const top = await read({
      'b/1.png': png(),
      'a/1.png': png(),
      'classes.txt': strToU8('b\na\n'),
    });
    expect(names(top)).toEqual(['b', 'a']);
    expect(top.skipped).toEqual([]);
  });

  it('a plain folder zip keeps alphabetical order; a mismatching classes.txt is left out, named, and the import goes on', async () => {
    expect(names(await read({ 'b/1.png': png(), 'a/1.png': png() }))).toEqual(['a', 'b']);
    const bad = await read({
      'lines/vertical/1.png': png(),
      'lines/horizontal/1.png': png(),
      'lines/classes.txt': strToU8('vertical\ndiagonal\n'),
    });
    expect(names(bad)).toEqual(['horizontal', 'vertical']);
    expect(bad.skipped.map((s) => s.path)).toEqual(['lines/classes.txt']);
    expect(bad.skipped[0]?.reason).toMatch(/lines\/classes\.txt .*alphabetical order/);
    // Too big to be a list of at most 10 names: not read at all.
    const huge = await read({
      'b/1.png': png(),
      'a/1.png': png(),
      'classes.txt': strToU8(`b\na\n${' '.repeat(10_000)}`),
    });
    expect(names(huge)).toEqual(['a', 'b']);
    expect(huge.skipped.map((s) => s.path)).toEqual(['classes.txt']);
    // A classes.txt inside a class folder is just a file that is not a picture.
    const inside = await read({ 'b/1.png': png(), 'a/1.png': png(), 'a/classes.txt': strToU8('b\na\n') });
    expect(names(inside)).toEqual(['a', 'b']);
    expect(inside.skipped.map((s) => s.path)).toEqual(['a/classes.txt']);
  });

  it('an export writes the set’s order (classes with examples only), and importing it gives the same labels', async () => {
    const pictures = { images: new Uint8Array(4 * 784).fill(9), labels: Uint8Array.of(0, 1, 2, 2) };
    const info = {
      name: 'lines',
      classNames: ['vertical', 'horizontal', 'camera'],
      inputShape: [28, 28, 1] as [number, number, number],
    };
    const zipped = exportDatasetZip(info, pictures);
    expect(new TextDecoder().decode(unzipSync(zipped)['lines/classes.txt'])).toBe(
      'vertical\nhorizontal\ncamera\n',
    );
    const back = await readDatasetZip(memoryZipSource(zipped), 'lines.zip');
    expect(back.classes.map((c) => [c.name, c.images.length])).toEqual([
      ['vertical', 1],
      ['horizontal', 1],
      ['camera', 2],
    ]);
    expect(back.skipped).toEqual([]);
    // "horizontal" has no examples: no folder, so the manifest does not name it either.
    const noHorizontal = exportDatasetZip(info, {
      images: new Uint8Array(2 * 784),
      labels: Uint8Array.of(2, 0),
    });
    expect(new TextDecoder().decode(unzipSync(noHorizontal)['lines/classes.txt'])).toBe('vertical\ncamera\n');
  });
});
