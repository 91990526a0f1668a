import { describe, expect, it } from 'vitest';
import {
  chooseScale,
  chooseSharedScale,
  colorOf,
  textColorOn,
  type ColorScale,
} from '../../../src/components/canvas/colorScales';
import { channelPixels, formatCell, heatmapPixels } from '../../../src/components/canvas/drawHeatmap';
import { channelPlane } from '../../../src/engine';
import { mapsToCsv } from '../../../src/components/canvas/download';

describe('colour scales', () => {
  it('uses the sequential map when nothing is negative, white at zero and black at the max', () => {
    const s = chooseScale([0, 0.5, 2]);
    expect(s).toEqual({ kind: 'sequential', domain: [0, 2] });
    expect(colorOf(0, s)).toEqual([255, 255, 255]);
    const [r, g, b] = colorOf(2, s);
    expect(Math.max(r, g, b)).toBeLessThan(10);
  });

  it('uses a diverging map symmetric about zero for signed values: blue < white < red', () => {
    const s = chooseScale([-1, 3]);
    expect(s).toEqual({ kind: 'diverging', domain: [-3, 3] });
    const zero = colorOf(0, s);
    expect(zero).toEqual([255, 255, 255]);
    const [nr, , nb] = colorOf(-3, s);
    const [pr, , pb] = colorOf(3, s);
    expect(nb).toBeGreaterThan(nr);
    expect(pr).toBeGreaterThan(pb);
  });

  it('shares one scale across maps and keeps all-zero maps valid', () => {
    expect(
      chooseSharedScale([
        [0, 1],
        [0, 4],
      ]),
    ).toEqual({ kind: 'sequential', domain: [0, 4] });
    expect(chooseScale([0, 0])).toEqual({ kind: 'sequential', domain: [0, 1] });
  });

  it('picks readable text: black on white cells, white on black ones', () => {
    const s = chooseScale([0, 1]);
    expect(textColorOn(0, s)).toBe('#000');
    expect(textColorOn(1, s)).toBe('#fff');
  });
});

describe('heatmapPixels', () => {
  it('writes one opaque RGBA pixel per value, row-major', () => {
    const s = chooseScale([0, 1]);
    const px = heatmapPixels([0, 1, 1, 0], 2, 2, s);
    expect(Array.from(px.slice(0, 4))).toEqual([255, 255, 255, 255]);
    expect(px[4]).toBeLessThan(10);
    expect(px[7]).toBe(255);
    expect(Array.from(px.slice(12, 16))).toEqual([255, 255, 255, 255]);
  });

  it('colours every value as colorOf does: out of range, NaN, ±Infinity, −0 and flat domains included', () => {
    const values = [-3, -1, -0.5, -0, 0, 1e-9, 0.25, 0.5, 0.999, 1, 2, NaN, Infinity, -Infinity];
    const scales: ColorScale[] = [
      { kind: 'diverging', domain: [-1, 1] },
      { kind: 'sequential', domain: [0, 0.7] },
      { kind: 'diverging', domain: [0.3, 0.3] },
      { kind: 'sequential', domain: [0, 0] },
    ];
    for (const s of scales) {
      const px = heatmapPixels(values, values.length, 1, s);
      values.forEach((v, i) => {
        expect([px[i * 4], px[i * 4 + 1], px[i * 4 + 2], px[i * 4 + 3]]).toEqual([...colorOf(v, s), 255]);
      });
    }
  });

  it('channelPixels paints one channel of an interleaved stack as heatmapPixels paints its copied plane', () => {
    // 3×2 cells, 4 channels, signed values, so every channel has its own pattern on a diverging scale.
    const data = Float32Array.from({ length: 3 * 2 * 4 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 4)));
    const stack = { data, shape: [2, 3, 4] as [number, number, number] };
    const s = chooseScale(data);
    for (let ch = 0; ch < 4; ch++) {
      const want = heatmapPixels(channelPlane(stack, ch), 3, 2, s);
      expect(Array.from(channelPixels(data, ch, 4, 6, s))).toEqual(Array.from(want));
    }
    // Channels differ, so reading the wrong stride or offset would not pass.
    expect(Array.from(channelPixels(data, 1, 4, 6, s))).not.toEqual(
      Array.from(channelPixels(data, 2, 4, 6, s)),
    );
  });

  it('one scale over a whole stack is the shared scale of its planes (the filter bank’s legend)', () => {
    const data = Float32Array.from({ length: 5 * 4 * 3 }, (_, i) => Math.cos(i) * (i % 3) - 0.2);
    const stack = { data, shape: [5, 4, 3] as [number, number, number] };
    const planes = [0, 1, 2].map((ch) => channelPlane(stack, ch));
    expect(chooseScale(data)).toEqual(chooseSharedScale(planes));
    const positive = data.map((v) => Math.abs(v));
    expect(chooseScale(positive)).toEqual(
      chooseSharedScale([0, 1, 2].map((ch) => channelPlane({ data: positive, shape: [5, 4, 3] }, ch))),
    );
  });
});

describe('cell text and CSV', () => {
  it('formats numbers with a true minus sign and no "-0"', () => {
    expect(formatCell(-1.234, 2)).toBe('−1.23');
    expect(formatCell(-0.0001, 2)).toBe('0');
    expect(formatCell(2, 1)).toBe('2');
  });

  it('writes exact values, one row per map row', () => {
    expect(mapsToCsv([{ name: 'a', values: [0.1, 0.2, 1 / 3, 4], w: 2, h: 2 }])).toBe(
      `0.1,0.2\n${1 / 3},4\n`,
    );
  });
});
