import { describe, expect, it } from 'vitest';
import {
  borderMedian,
  dropSpecks,
  otsuThreshold,
  photoToInk,
  preprocessMnistStyle,
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
