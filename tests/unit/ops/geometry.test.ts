import { describe, expect, it } from 'vitest';
import { formulaText, windowGeometry } from '../../../src/engine/ops';

describe('output size out = ⌊(in + 2·pad − dil·(k−1) − 1)/stride⌋ + 1', () => {
  it.each([
    [28, 5, 1, 0, 1, 24],
    [7, 3, 1, 0, 1, 5],
    [7, 3, 2, 0, 1, 3],
    [7, 3, 2, 1, 1, 4],
    [7, 3, 1, 0, 2, 3],
    [28, 3, 4, 3, 3, 7],
    [5, 5, 1, 0, 1, 1],
  ])('in=%i k=%i s=%i p=%i d=%i → %i', (inSize, k, s, p, d, out) => {
    const g = windowGeometry([inSize, inSize], [k, k], s, d, p);
    expect(g.h.outSize).toBe(out);
    expect(g.w.outSize).toBe(out);
    expect(g.empty).toBeNull();
    expect(g.h.outSize).toBe(Math.floor((inSize + 2 * p - d * (k - 1) - 1) / s) + 1);
  });

  it("'same' keeps ⌈in/stride⌉ and puts the odd zero after (TensorFlow)", () => {
    const g = windowGeometry([28, 28], [4, 4], 1, 1, 'same');
    expect([g.h.padBefore, g.h.padAfter, g.h.outSize]).toEqual([1, 2, 28]);
    expect(windowGeometry([28, 28], [3, 3], 2, 1, 'same').h.outSize).toBe(14);
    expect(windowGeometry([7, 7], [3, 3], 1, 2, 'same').h).toMatchObject({
      padBefore: 2,
      padAfter: 2,
      outSize: 7,
    });
  });

  it('empty output gets a plain-words reason, not a throw', () => {
    const g = windowGeometry([3, 7], [3, 3], 1, 3, 0);
    expect(g.h.outSize).toBe(0);
    expect(g.empty).toMatch(/window is 7 cells tall.*dilation 3.*only 3 cells tall/);
  });

  it('invalid settings throw RangeError', () => {
    expect(() => windowGeometry([7, 7], [3, 3], 0, 1, 0)).toThrow(RangeError);
    expect(() => windowGeometry([7, 7], [3, 3], 1, 1, -1)).toThrow(/padding/);
    expect(() => windowGeometry([7, 7], [2.5, 3], 1, 1, 0)).toThrow(/kernel height/);
  });

  it('formula text substitutes the numbers', () => {
    expect(formulaText(windowGeometry([28, 28], [5, 5], 1, 1, 2).h)).toBe(
      '⌊(28 + 2·2 − 1·(5−1) − 1) / 1⌋ + 1 = 28',
    );
    expect(formulaText(windowGeometry([3, 3], [5, 5], 1, 1, 0).h)).toMatch(/nothing fits/);
  });
});
