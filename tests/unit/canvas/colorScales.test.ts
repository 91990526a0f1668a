import { describe, expect, it } from 'vitest';
import {
  chooseScale,
  chooseSharedScale,
  colorOf,
  textColorOn,
} from '../../../src/components/canvas/colorScales';
import { formatCell, heatmapPixels } from '../../../src/components/canvas/drawHeatmap';
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
