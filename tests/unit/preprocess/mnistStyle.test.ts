import { describe, expect, it } from 'vitest';
import {
  centerOfMass,
  inkBoundingBox,
  placeByCenterOfMass,
  preprocessMnistStyle,
  resampleArea,
  resampleTaps,
} from '../../../src/engine/preprocess';
import { bboxOf, blankPage, ellipse, stroke } from './strokes';

describe('resampleArea (box filter when shrinking, linear when enlarging)', () => {
  it('taps src=10 dst=4: each output covers 2.5 source pixels, weights sum to 1', () => {
    const taps = resampleTaps(0, 10, 4);
    expect(taps.map((t) => t.start)).toEqual([0, 2, 5, 7]);
    expect(Array.from(taps[0]!.weights)).toEqual([0.4, 0.4, 0.2]);
    for (const t of taps) expect(t.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('x=[4,4] → [2,2]: each output is the mean of its 2×2 block (hand-computed)', () => {
    const src = { data: Float32Array.from([1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1]), w: 4, h: 4 };
    const out = resampleArea(src, { x: 0, y: 0, w: 4, h: 4 }, 2, 2);
    expect(Array.from(out)).toEqual([0.75, 0.25, 0, 1]);
  });

  it('x=[1,9] single-pixel line → 3: nearest sampling could miss it, area averaging keeps 1/3 of it', () => {
    const src = { data: Float32Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]), w: 9, h: 1 };
    const out = resampleArea(src, { x: 0, y: 0, w: 9, h: 1 }, 3, 1);
    expect(Array.from(out).map((v) => +v.toFixed(6))).toEqual([0, 0.333333, 0]);
  });

  it('x=[1,2] → [1,4] enlarges by linear interpolation between pixel centres', () => {
    const out = resampleArea(
      { data: Float32Array.from([0, 1]), w: 2, h: 1 },
      { x: 0, y: 0, w: 2, h: 1 },
      4,
      1,
    );
    expect(Array.from(out)).toEqual([0, 0.25, 0.75, 1]);
  });
});

describe('centre of mass and placement', () => {
  it('placeByCenterOfMass 3×3 blob with COM (1,1) → lands at (14,14) in 28×28', () => {
    const blob = { data: Float32Array.from([0, 1, 0, 1, 1, 1, 0, 1, 0]), w: 3, h: 3 };
    const out = placeByCenterOfMass(blob);
    const com = centerOfMass({ data: out, w: 28, h: 28 });
    expect(com.row).toBe(14);
    expect(com.col).toBe(14);
    expect(out[14 * 28 + 14]).toBe(1);
  });

  it('inkBoundingBox ignores faint fringe below the threshold and returns null on an empty page', () => {
    const page = blankPage(10, 10);
    page.data[2 * 10 + 3] = 1;
    page.data[7 * 10 + 8] = 0.05;
    expect(inkBoundingBox(page)).toEqual({ x0: 3, y0: 2, x1: 3, y1: 2 });
    expect(inkBoundingBox(blankPage(5, 5))).toBeNull();
  });
});

describe('preprocessMnistStyle on synthetic strokes (280×280 canvas)', () => {
  const cases: { name: string; make: () => ReturnType<typeof blankPage>; aspect: number }[] = [
    {
      name: 'vertical "1" 200 px tall, centred',
      make: () =>
        stroke(
          blankPage(280, 280),
          [
            [140, 40],
            [140, 240],
          ],
          9,
        ),
      aspect: 19 / 219,
    },
    {
      name: 'small "1" 40 px tall in the top-left corner',
      make: () =>
        stroke(
          blankPage(280, 280),
          [
            [30, 10],
            [30, 50],
          ],
          3,
        ),
      aspect: 7 / 47,
    },
    {
      name: 'wide ellipse "0" 200×100 off-centre right',
      make: () => stroke(blankPage(280, 280), ellipse(170, 90, 100, 50), 8),
      aspect: 217 / 117,
    },
    {
      name: 'tall ellipse "0" 60×120 bottom-left',
      make: () => stroke(blankPage(280, 280), ellipse(50, 200, 30, 60), 6),
      aspect: 73 / 133,
    },
    {
      name: '"7" large',
      make: () =>
        stroke(
          blankPage(280, 280),
          [
            [40, 30],
            [240, 30],
            [120, 260],
          ],
          10,
        ),
      aspect: 221 / 251,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: longer side 20 px, aspect kept, COM at (14,14) ±0.5, anti-aliased`, () => {
      const r = preprocessMnistStyle(c.make());
      expect(Math.max(r.scaledW, r.scaledH)).toBe(20);
      const aspect = r.scaledW / r.scaledH;
      // Rounding the shorter side to whole pixels bounds the aspect error by ±0.5 px of 20.
      expect(Math.abs(aspect - c.aspect)).toBeLessThanOrEqual((0.5 / 20) * Math.max(1, c.aspect) + 0.03);
      const box = bboxOf(r.pixels, 28, 28);
      expect(Math.max(box.w, box.h)).toBe(20);
      expect(Math.abs(r.comRow - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(r.comCol - 14)).toBeLessThanOrEqual(0.5);
      const values = Array.from(r.pixels);
      expect(Math.max(...values)).toBe(1);
      expect(Math.min(...values)).toBe(0);
      const between = values.filter((v) => v > 0.02 && v < 0.98).length;
      expect(between, 'anti-aliased edge values strictly between 0 and 1').toBeGreaterThanOrEqual(2);
    });
  }

  it('the same "7" drawn small, large and off-centre gives nearly the same 28×28 image', () => {
    const seven = (x: number, y: number, s: number) =>
      preprocessMnistStyle(
        stroke(
          blankPage(280, 280),
          [
            [x, y],
            [x + 200 * s, y],
            [x + 80 * s, y + 230 * s],
          ],
          Math.max(2, 10 * s),
        ),
      ).pixels;
    const ref = seven(40, 20, 1);
    for (const other of [seven(10, 10, 0.3), seven(150, 140, 0.45), seven(60, 40, 0.8)]) {
      let diff = 0;
      for (let i = 0; i < 784; i++) diff += Math.abs(ref[i]! - other[i]!);
      expect(diff / 784).toBeLessThan(0.05);
    }
  });

  it('an empty page gives all zeros and no box', () => {
    const r = preprocessMnistStyle(blankPage(280, 280));
    expect(r.box).toBeNull();
    expect(r.pixels.every((v) => v === 0)).toBe(true);
  });

  it('a single dot still becomes a 20 px blob at the centre (a speck is not "empty")', () => {
    const r = preprocessMnistStyle(stroke(blankPage(280, 280), [[100, 100]], 4));
    expect(r.box).not.toBeNull();
    expect(Math.abs(r.comRow - 14)).toBeLessThanOrEqual(0.5);
  });
});
