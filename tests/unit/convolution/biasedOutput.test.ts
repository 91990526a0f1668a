import { describe, expect, it } from 'vitest';
import { withBiasAndActivation } from '../../../src/components/convolution/biasedOutput';
import { ACTIVATIONS, conv2d, type ConvKernel, type MapStack } from '../../../src/engine';

/** A small deterministic input (9×8, 2 channels) and 3 filters of 3×3, values in [−1, 1]. */
function fixture(): { x: MapStack; k: ConvKernel } {
  let s = 7;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const x: MapStack = { data: Float32Array.from({ length: 9 * 8 * 2 }, rnd), shape: [9, 8, 2] };
  const k: ConvKernel = { data: Float32Array.from({ length: 3 * 3 * 2 * 3 }, rnd), shape: [3, 3, 2, 3] };
  return { x, k };
}

describe('withBiasAndActivation', () => {
  it('gives conv2d’s maps for every activation, one bias or one per filter, from the sums without them', () => {
    const { x, k } = fixture();
    const geometry = { stride: 2, padding: 1, dilation: 1 } as const;
    const sums = conv2d(x, k, { ...geometry, bias: 0, activation: 'none' });
    for (const activation of ACTIVATIONS) {
      for (const bias of [0.35, [-0.5, 0, 1.25]]) {
        const want = conv2d(x, k, { ...geometry, bias, activation });
        const got = withBiasAndActivation(sums, bias, activation);
        expect(got.shape).toEqual(want.shape);
        expect(got.data.length).toBe(want.data.length);
        // Equal up to one float32 rounding of the sum (it is rounded before the bias is added).
        want.data.forEach((v, i) => expect(got.data[i]).toBeCloseTo(v, 5));
        // The bias really is applied per filter: filters differ where the biases do.
        if (activation === 'none' && Array.isArray(bias))
          expect((got.data[2] as number) - (sums.data[2] as number)).toBeCloseTo(1.25, 5);
      }
    }
  });

  it('leaves the sums it was given unchanged (the explorer reuses them for the next bias)', () => {
    const { x, k } = fixture();
    const sums = conv2d(x, k, { stride: 1, padding: 0, dilation: 1, bias: 0, activation: 'none' });
    const copy = Float32Array.from(sums.data);
    withBiasAndActivation(sums, 2, 'relu');
    expect(sums.data).toEqual(copy);
  });
});
