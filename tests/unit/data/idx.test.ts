import { describe, expect, it } from 'vitest';
import { encodeIdx, parseIdx } from '../../../src/engine/data/idx';

describe('parseIdx', () => {
  it('images dims=[2,28,28]: reads dims and returns the pixels in order', () => {
    const pixels = Uint8Array.from({ length: 2 * 784 }, (_, i) => i % 251);
    const bytes = encodeIdx([2, 28, 28], pixels);
    // Header written by hand: 00 00 08 03, then 2, 28, 28 as big-endian uint32.
    expect(Array.from(bytes.subarray(0, 16))).toEqual([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28]);
    const { dims, data } = parseIdx(bytes, { rank: 3 });
    expect(dims).toEqual([2, 28, 28]);
    expect(data.length).toBe(1568);
    expect(data[0]).toBe(0);
    expect(data[1567]).toBe(1567 % 251);
  });

  it('labels dims=[3]: a hand-written file 00 00 08 01 | 00 00 00 03 | 7 2 1', () => {
    const bytes = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]);
    const { dims, data } = parseIdx(bytes);
    expect(dims).toEqual([3]);
    expect(Array.from(data)).toEqual([7, 2, 1]);
  });

  it('rejects a bad magic number and says how to fix it', () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
    expect(() => parseIdx(bytes, { name: 'test-images' })).toThrow(
      /test-images is not an IDX file \(bad magic number 0x504b0304.*reload the page; if it happens again/,
    );
  });

  it('says so when the bytes are still gzip-compressed', () => {
    expect(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]), { name: 'x' })).toThrow(/still gzip/);
  });

  it('rejects a truncated file with expected and actual byte counts (train-images size)', () => {
    // A header claiming 60000×28×28 with only 100 data bytes behind it.
    const bytes = new Uint8Array(16 + 100);
    bytes.set([0, 0, 8, 3]);
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 60000);
    view.setUint32(8, 28);
    view.setUint32(12, 28);
    expect(() => parseIdx(bytes, { name: 'train-images' })).toThrow(
      'train-images is truncated: expected 47,040,016 bytes, got 116; reload the page; if it happens again, tell whoever looks after this site.',
    );
  });

  it('rejects a file with extra bytes at the end', () => {
    const bytes = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3]);
    expect(() => parseIdx(bytes)).toThrow(/too long: expected 10 bytes, got 11/);
  });

  it('rejects a header cut inside the dimension sizes', () => {
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 3, 0, 0]))).toThrow(
      /truncated: expected at least 16 header bytes/,
    );
    expect(() => parseIdx(Uint8Array.from([0, 0]))).toThrow(/truncated: only 2 bytes/);
  });

  it('rejects dtype 0x0d (float32): MNIST is unsigned bytes only', () => {
    const bytes = Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(() => parseIdx(bytes, { name: 'labels' })).toThrow(/labels has data type 0x0d, expected 0x08/);
  });

  it('rejects the wrong number of dimensions when a rank is expected', () => {
    const labels = encodeIdx([3], Uint8Array.from([1, 2, 3]));
    expect(() => parseIdx(labels, { name: 'train-images', rank: 3 })).toThrow(/has 1 dimensions, expected 3/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 0]))).toThrow(/has 0 dimensions/);
  });

  it('uses the caller’s fix in every message', () => {
    expect(() => parseIdx(new Uint8Array(2), { fix: 'run `npm install`' })).toThrow(/; run `npm install`\.$/);
  });
});
