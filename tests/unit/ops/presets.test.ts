import { describe, expect, it } from 'vitest';
import { KERNEL_PRESETS, presetKernel } from '../../../src/engine/ops';
import { DEFAULT_KERNEL } from '../../../src/state/convParams';

describe('kernel presets', () => {
  it('3×3 versions are the textbook ones', () => {
    expect(Array.from(presetKernel('sobel-x', 3))).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(Array.from(presetKernel('sobel-y', 3))).toEqual([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
    expect(Array.from(presetKernel('horizontal', 3))).toEqual([-1, -1, -1, 2, 2, 2, -1, -1, -1]);
    expect(Array.from(presetKernel('sharpen', 3))).toEqual([0, -1, 0, -1, 5, -1, 0, -1, 0]);
    expect(Array.from(presetKernel('emboss', 3))).toEqual([-2, -1, 0, -1, 1, 1, 0, 1, 2]);
    expect(Array.from(presetKernel('identity', 3))).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    // The explorer's starting kernel is a named preset, so its menu never opens on "custom".
    expect(Array.from(presetKernel('vertical-edge', 3))).toEqual(DEFAULT_KERNEL);
    expect(Array.from(presetKernel('vertical-edge', 4))).toEqual([
      1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1,
    ]);
    expect(Array.from(presetKernel('gaussian', 3)).map((v) => v * 16)).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
  });

  it('every preset exists for sizes 1–7; blurs sum to 1; random is seeded', () => {
    for (const p of KERNEL_PRESETS)
      for (let n = 1; n <= 7; n++) {
        const k = presetKernel(p, n);
        expect(k).toHaveLength(n * n);
        expect(k.every(Number.isFinite)).toBe(true);
      }
    for (const n of [2, 5, 7]) {
      expect(presetKernel('box-blur', n).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(presetKernel('gaussian', n).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(presetKernel('random', 3, 5)).toEqual(presetKernel('random', 3, 5));
    expect(presetKernel('random', 3, 5)).not.toEqual(presetKernel('random', 3, 6));
  });
});
