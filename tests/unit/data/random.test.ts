import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt, shuffledIndices } from '../../../src/engine/data/random';

/** An rng that plays back fixed values, for hand-checked shuffles. */
const scripted = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

describe('mulberry32', () => {
  it('seed=1 gives the published reference sequence', () => {
    const rng = mulberry32(1);
    // First outputs of the reference JavaScript mulberry32 with seed 1.
    expect(rng()).toBe(0.6270739405881613);
    expect(rng()).toBe(0.002735721180215478);
    expect(rng()).toBe(0.5274470399599522);
  });

  it('the same seed repeats, another seed differs, all values in [0, 1)', () => {
    const a = Array.from({ length: 1000 }, mulberry32(42));
    const b = Array.from({ length: 1000 }, mulberry32(42));
    const c = Array.from({ length: 1000 }, mulberry32(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('randomInt stays in [0, n) even for an rng value just under 1', () => {
    expect(randomInt(() => 0.9999999999, 5)).toBe(4);
    expect(randomInt(() => 0, 5)).toBe(0);
  });
});

describe('shuffledIndices (Fisher–Yates)', () => {
  it('n=3 with rng values 0, 0: swap(2,0) then swap(1,0) → [1, 2, 0]', () => {
    expect(Array.from(shuffledIndices(3, scripted([0, 0])))).toEqual([1, 2, 0]);
  });

  it('n=4 with rng values just under 1 leaves the order unchanged (each slot swaps with itself)', () => {
    expect(Array.from(shuffledIndices(4, scripted([0.999])))).toEqual([0, 1, 2, 3]);
  });

  it('n=60000 seed=7: a permutation, reproducible from the seed', () => {
    const a = shuffledIndices(60000, mulberry32(7));
    expect(a).toBeInstanceOf(Int32Array);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 60000 }, (_, i) => i));
    expect(a).toEqual(shuffledIndices(60000, mulberry32(7)));
    expect(a).not.toEqual(shuffledIndices(60000, mulberry32(8)));
  });

  it('n=3 over 6,000 shuffles: all 6 orders about equally often', () => {
    const rng = mulberry32(2024);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = Array.from(shuffledIndices(3, rng)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('n=0 and n=1 are fine', () => {
    expect(shuffledIndices(0, mulberry32(1)).length).toBe(0);
    expect(Array.from(shuffledIndices(1, mulberry32(1)))).toEqual([0]);
  });
});
