import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemeGreys } from 'd3';
import { describe, expect, it } from 'vitest';
import { RDBU_STOPS } from '../../../src/components/canvas/colorScales';

const css = readFileSync(resolve(import.meta.dirname, '../../../src/styles/tokens.css'), 'utf8');
const token = (name: string) => new RegExp(`--${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();

describe('design tokens', () => {
  it('carry the same diverging stops as the canvas colour map', () => {
    RDBU_STOPS.forEach((stop, i) => expect(token(`map-div-${i}`), `map-div-${i}`).toBe(stop));
  });

  it('carry the sequential map’s stops (ColorBrewer Greys, as d3.interpolateGreys)', () => {
    schemeGreys[9]!.forEach((stop, i) => expect(token(`map-seq-${i}`), `map-seq-${i}`).toBe(stop));
  });

  it('make targets 24 px with a mouse and 44 px on a touch screen', () => {
    expect(token('target')).toBe('24px');
    const coarse = /@media \(pointer: coarse\)\s*{\s*:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    expect(coarse).toMatch(/--target:\s*44px;/);
  });

  it('give presentation mode a 20 px floor under every text size', () => {
    const present = /\.app\.present\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    expect(present).toMatch(/--text-floor:\s*20px;/);
    const sizes = [...css.matchAll(/--text-(?!floor)[\w-]+:\s*([^;]+);/g)].map((m) => m[1]!);
    expect(sizes.length).toBeGreaterThanOrEqual(9);
    for (const s of sizes) expect(s).toMatch(/^max\(var\(--text-floor\), /);
  });

  it('are the only place the app CSS writes a font size in rem or px', () => {
    for (const file of [
      'styles.css',
      'styles/controls.css',
      'styles/shell.css',
      'styles/home.css',
      'styles/layout.css',
    ]) {
      const text = readFileSync(resolve(import.meta.dirname, '../../../src', file), 'utf8');
      const raw = [...text.matchAll(/font-size:\s*([\d.]+(?:rem|px))/g)].map((m) => m[1]);
      expect(raw, file).toEqual([]);
    }
  });
});
