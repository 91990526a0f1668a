import { describe, expect, it } from 'vitest';
import { paddedCell } from '../../../src/components/convolution/format';
import { shownPreset } from '../../../src/components/convolution/bank';
import { presetKernel } from '../../../src/engine';

const vertical = Array.from(presetKernel('vertical', 3, 0));

describe('the preset menu names the kernel only while it holds the preset', () => {
  it.each<[string, Parameters<typeof shownPreset>[0], number[], string]>([
    ['vertical chosen, unchanged', { preset: 'vertical', values: vertical }, vertical, 'vertical'],
    [
      'vertical chosen, one weight edited',
      { preset: 'vertical', values: vertical },
      vertical.map((v, i) => (i === 4 ? v + 0.5 : v)),
      'custom',
    ],
    ['nothing chosen, default kernel is the vertical preset', null, vertical, 'vertical'],
    ['nothing chosen, any other numbers', null, [1, 2, 3, 4, 5, 6, 7, 8, 9], 'custom'],
    [
      "the explorer's starting kernel is the vertical-edge preset",
      null,
      [1, 0, -1, 1, 0, -1, 1, 0, -1],
      'vertical-edge',
    ],
    ['the starting kernel with one weight edited', null, [1, 0, -1, 1, 2, -1, 1, 0, -1], 'custom'],
    [
      'a random preset is recognised by its values',
      { preset: 'random', values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] },
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
      'random',
    ],
  ])('%s → %s', (_name, chosen, values, want) => {
    expect(shownPreset(chosen, values, 3)).toBe(want);
  });
});

describe('padding cells have no row and column of their own', () => {
  // A 3×3 picture with padding 1: a 5×5 map whose ring is padding.
  it.each([
    [0, 0, { kind: 'padding' }],
    [0, 2, { kind: 'padding' }],
    [4, 4, { kind: 'padding' }],
    [2, 0, { kind: 'padding' }],
    [1, 1, { kind: 'pixel', row: 0, col: 0 }],
    [3, 3, { kind: 'pixel', row: 2, col: 2 }],
    [2, 3, { kind: 'pixel', row: 1, col: 2 }],
  ])('cell (%d, %d) → %j', (r, c, want) => expect(paddedCell(r, c, 1, 5, 5)).toEqual(want));

  it('without padding every cell is a pixel', () => {
    expect(paddedCell(0, 0, 0, 3, 3)).toEqual({ kind: 'pixel', row: 0, col: 0 });
  });
});
