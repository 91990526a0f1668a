import { describe, expect, it } from 'vitest';
import { augmentedCopies, madeDataset, madeDatasetProblem } from '../../../src/engine/data/madeDataset';
import { mulberry32 } from '../../../src/engine/data/random';

describe('madeDatasetProblem: a name and 2–10 distinct class names', () => {
  it('accepts a good set and names what is wrong otherwise', () => {
    expect(madeDatasetProblem('pets', ['cat', 'dog'], [])).toBeNull();
    expect(madeDatasetProblem(' ', ['cat', 'dog'], [])).toMatch(/name of 1 to 40/);
    expect(madeDatasetProblem('mnist', ['cat', 'dog'], [])).toMatch(/built-in/);
    expect(madeDatasetProblem('pets', ['cat', 'dog'], ['pets'])).toMatch(/already a dataset called "pets"/);
    expect(madeDatasetProblem('pets', ['cat'], [])).toMatch(/2 to 10 classes/);
    expect(madeDatasetProblem('pets', ['cat', ''], [])).toMatch(/Class 2 needs a name/);
    expect(madeDatasetProblem('pets', ['Cat', 'cat'], [])).toMatch(/Two classes are called "cat"/);
  });
});

describe('madeDataset: examples to stored pictures', () => {
  it('packs pixels and labels in order, with counts per class and the test share', () => {
    const ex = [0, 1, 1, 0, 1].map((label, i) => ({ label, pixels: new Uint8Array(4).fill(i) }));
    const { info, pictures } = madeDataset(' pets ', ['cat', 'dog'], [2, 2, 1], ex, '2026-11-29T00:00:00Z');
    expect(info.id).toBe('pets');
    expect(info.counts).toEqual({ train: 3, test: 2, perClass: [2, 3] });
    expect(info.source).toEqual({ kind: 'made', at: '2026-11-29T00:00:00Z' });
    expect(Array.from(pictures.labels)).toEqual([0, 1, 1, 0, 1]);
    expect(Array.from(pictures.images.subarray(8, 12))).toEqual([2, 2, 2, 2]);
  });
});

describe('augmentedCopies: shifted, slightly turned (and for photos flipped) copies', () => {
  it('makes `count` copies of the same size that move the ink but keep most of it', () => {
    const pixels = new Uint8Array(28 * 28);
    for (let y = 10; y < 18; y++) for (let x = 10; x < 18; x++) pixels[y * 28 + x] = 255;
    const copies = augmentedCopies(pixels, [28, 28, 1], mulberry32(3), { count: 4 });
    expect(copies).toHaveLength(4);
    for (const c of copies) {
      expect(c.length).toBe(784);
      const ink = c.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
      expect(ink).toBeGreaterThan(40);
      expect(ink).toBeLessThan(90);
    }
    expect(copies.some((c) => c.some((v, i) => v !== pixels[i]))).toBe(true);
  });
  it('a flipped colour copy mirrors left and right; drawings are never flipped unless asked', () => {
    const pixels = new Uint8Array(4 * 4 * 3);
    pixels.set([255, 0, 0], (1 * 4 + 0) * 3);
    // With no shift and no turn forced by a generator that returns 0.5 (angle 0, shift 0) then < 0.5 (flip).
    const seq = [0.5, 0.5, 0.5, 0.1];
    let i = 0;
    const [copy] = augmentedCopies(pixels, [4, 4, 3], () => seq[i++ % seq.length] ?? 0, {
      count: 1,
      flip: true,
    });
    expect(Array.from(copy?.subarray((1 * 4 + 3) * 3, (1 * 4 + 3) * 3 + 3) ?? [])).toEqual([255, 0, 0]);
  });
});
