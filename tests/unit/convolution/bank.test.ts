import { describe, expect, it } from 'vitest';
import {
  centreResize,
  matchPreset,
  oneFilterKernel,
  resizeBank,
  resolveBank,
  selectFilter,
  tidyWeights,
} from '../../../src/components/convolution/bank';
import { presetKernel } from '../../../src/engine';
import { defaultBank, type FilterSlot } from '../../../src/state/convParams';

const OWN = [1, 0, -1, 1, 0, -1, 1, 0, -1];

describe('filter bank', () => {
  it('filters=16 (n=3, grey) gives your kernel, the 11 classic presets, then random #12–#15', () => {
    const bank = resolveBank(defaultBank(16), OWN, 3, 1);
    expect(bank.selected).toBe(0);
    expect(bank.names[0]).toBe('your kernel');
    expect(bank.names[1]).toBe('Horizontal lines');
    expect(bank.names.slice(12)).toEqual(['random #12', 'random #13', 'random #14', 'random #15']);
    expect(Array.from(bank.filters[5]!)).toEqual(Array.from(presetKernel('sobel-x', 3)));
    expect(Array.from(bank.filters[13]!)).toEqual(Array.from(presetKernel('random', 3, 13)));
    expect(bank.problems).toEqual([]);
  });

  it('selecting filter 5 (sobel-x, n=3) moves its weights into kernel= and keeps yours in its slot', () => {
    const slots = defaultBank(8);
    const bank = resolveBank(slots, OWN, 3, 1);
    const next = selectFilter(slots, bank, 3, 5)!;
    expect(next.kernel).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(next.filters[5]).toBe('kernel');
    expect(next.filters[0]).toEqual(OWN);
    // The same bank after the switch: same filters, only the edited one moved.
    const after = resolveBank(next.filters, next.kernel, 3, 1);
    expect(after.selected).toBe(5);
    after.filters.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(bank.filters[i]!)));
    // Selecting back stores sobel-x by name again.
    const back = selectFilter(next.filters, after, 3, 0)!;
    expect(back.filters[5]).toBe('sobel-x');
    expect(back.kernel).toEqual(OWN);
    expect(selectFilter(slots, bank, 3, 0)).toBeNull();
  });

  it('box blur 3×3 goes into the URL as short decimals that still match the preset', () => {
    const w = tidyWeights(presetKernel('box-blur', 3));
    expect(w[0]).toBe(0.1111111);
    expect(matchPreset(w, 3, 4)).toBe('box-blur');
    expect(matchPreset(OWN, 3, 0)).toBeNull();
  });

  it('fits numbers of another size: 3×3 into 5×5 with zeros around, 5×5 cut to its middle 3×3', () => {
    const k3 = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const k5 = centreResize(k3, 3, 5);
    expect(Array.from(k5.slice(5, 10))).toEqual([0, 1, 2, 3, 0]);
    expect(Array.from(centreResize(k5, 5, 3))).toEqual(k3);
    const bank = resolveBank(['kernel', k3], new Array<number>(25).fill(0), 5, 1);
    expect(Array.from(bank.filters[1]!)).toEqual(Array.from(k5));
    expect(bank.problems[0]).toMatch(/Filter 2 is 3×3; it is padded with zeros to 5×5/);
  });

  it('a k×k×3 slot on an RGB input (n=2, C=3) keeps one slice per channel; on grey its first slice', () => {
    const rgb = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
    expect(Array.from(resolveBank(['kernel', rgb], [0, 0, 0, 0], 2, 3).filters[1]!)).toEqual(rgb);
    const grey = resolveBank(['kernel', rgb], [0, 0, 0, 0], 2, 1);
    expect(Array.from(grey.filters[1]!)).toEqual([1, 1, 1, 1]);
    expect(grey.problems[0]).toMatch(/one slice per colour channel/);
  });

  it('resizing keeps existing slots, adds presets, and never drops the edited kernel', () => {
    const slots: FilterSlot[] = ['sobel-x', 'gaussian', 'kernel'];
    expect(resizeBank(slots, 4)).toEqual(['sobel-x', 'gaussian', 'kernel', 'diagonal']);
    expect(resizeBank(slots, 2)).toEqual(['sobel-x', 'kernel']);
    expect(resizeBank(['kernel'], 1)).toEqual(['kernel']);
  });
});

describe('oneFilterKernel', () => {
  it('k=2 C=3 from one 2×2 slice: the same weights on every channel, shape [2, 2, 3, 1]', () => {
    const k = oneFilterKernel([1, 2, 3, 4], 2, 3);
    expect(k.shape).toEqual([2, 2, 3, 1]);
    expect(Array.from(k.data)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });

  it('k=2 C=3 from one slice per channel (channel after channel): each channel keeps its own', () => {
    const k = oneFilterKernel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2, 3);
    expect(Array.from(k.data)).toEqual([1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12]);
  });
});
