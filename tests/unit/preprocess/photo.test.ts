import { describe, expect, it } from 'vitest';
import {
  borderMedian,
  dropSpecks,
  imageSizeProblem,
  otsuThreshold,
  photoToInk,
  preprocessMnistStyle,
  readImageHeader,
  rgbaToGray,
} from '../../../src/engine';
import { blankPage, stroke } from './strokes';

/** A "photo": grey paper (with a gradient, like uneven light) and darker ink, as RGBA bytes. */
function photo(
  w: number,
  h: number,
  inkLevel: number,
  paper: (x: number, y: number) => number,
): Uint8ClampedArray {
  const ink = stroke(
    blankPage(w, h),
    [
      [w * 0.3, h * 0.2],
      [w * 0.7, h * 0.2],
      [w * 0.45, h * 0.85],
    ],
    5,
  );
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const a = ink.data[i]!;
      const v = paper(x, y) * (1 - a) + inkLevel * a;
      out.set([v * 255, v * 255, v * 255, 255], i * 4);
    }
  }
  return out;
}

describe('photoToInk (invert, Otsu background removal, specks)', () => {
  it('dark ink on light, unevenly lit paper [120×100] → white-on-black ink, paper exactly 0', () => {
    const img = photoToInk(
      photo(120, 100, 0.15, (x) => 0.75 + 0.2 * (x / 120)),
      120,
      100,
    );
    expect(img.inverted).toBe(true);
    expect(img.data[0]).toBe(0);
    expect(img.data[99 * 120 + 119]).toBe(0);
    const inkAt = img.data[Math.round(100 * 0.2) * 120 + 60]!;
    expect(inkAt).toBeGreaterThan(0.9);
    const r = preprocessMnistStyle(img);
    expect(Math.max(r.scaledW, r.scaledH)).toBe(20);
  });

  it('light chalk on a dark board is not inverted', () => {
    const img = photoToInk(
      photo(80, 80, 0.95, () => 0.1),
      80,
      80,
    );
    expect(img.inverted).toBe(false);
    expect(img.data[0]).toBe(0);
  });

  it('otsuThreshold splits two clusters between them', () => {
    const v = Float32Array.from({ length: 100 }, (_, i) => (i < 50 ? 0.2 : 0.8));
    const t = otsuThreshold(v);
    expect(t).toBeGreaterThanOrEqual(0.2);
    expect(t).toBeLessThan(0.8);
  });

  it('dropSpecks removes blobs under 5% of the largest and keeps the digit', () => {
    const img = blankPage(40, 40);
    for (let y = 5; y < 35; y++) for (let x = 18; x < 22; x++) img.data[y * 40 + x] = 1; // 120 px stroke
    img.data[2 * 40 + 2] = 1; // 1 px speck
    dropSpecks(img);
    expect(img.data[2 * 40 + 2]).toBe(0);
    expect(img.data[20 * 40 + 20]).toBe(1);
  });

  it('rgbaToGray treats transparent pixels as paper; borderMedian reads the paper', () => {
    const g = rgbaToGray(Uint8ClampedArray.from([0, 0, 0, 0, 0, 0, 0, 255]), 2, 1);
    expect(Array.from(g)).toEqual([1, 0]);
    expect(borderMedian(Float32Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]), 3, 3)).toBe(1);
  });
});

describe('readImageHeader (size before decoding)', () => {
  const png = (w: number, h: number) => {
    const b = new Uint8Array(33);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, w);
    new DataView(b.buffer).setUint32(20, h);
    return b;
  };
  it('PNG 20000×20000 is read from 33 bytes and refused with its size in words', () => {
    const h = readImageHeader(png(20000, 20000));
    expect(h).toEqual({ type: 'png', width: 20000, height: 20000 });
    expect(imageSizeProblem(h!)).toMatch(/20,000 × 20,000 pixels, too large/);
    expect(imageSizeProblem({ type: 'png', width: 4000, height: 3000 })).toBeNull();
  });
  it('JPEG: walks segments to the SOF0 marker', () => {
    const b = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x01, 0x2c, 0x02, 0x58, 1, 0, 0, 0,
    ]);
    expect(readImageHeader(b)).toEqual({ type: 'jpeg', width: 600, height: 300 });
  });
  it('GIF and BMP sizes; text and truncated files give null', () => {
    expect(
      readImageHeader(Uint8Array.from([...'GIF89a'].map((c) => c.charCodeAt(0)).concat([10, 0, 20, 0]))),
    ).toEqual({
      type: 'gif',
      width: 10,
      height: 20,
    });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 64, true);
    new DataView(bmp.buffer).setInt32(22, -32, true);
    expect(readImageHeader(bmp)).toEqual({ type: 'bmp', width: 64, height: 32 });
    expect(readImageHeader(new TextEncoder().encode('hello, this is not an image at all'))).toBeNull();
    expect(readImageHeader(png(10, 10).subarray(0, 20))).toBeNull();
  });
});
