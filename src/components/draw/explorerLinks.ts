/**
 * Links from a Draw map to the Convolution / Pooling explorer, with the real trained numbers, following
 * the explorer's URL contract (`image=drawn` or `image=custom:<w>x<h>:<values>`, `kernel=` row-major).
 * Pure functions, so the exact URLs are unit-tested.
 */

import { formatHash } from '../../state/hashRoute';

/** Short but faithful text for a weight: 4 significant digits, no trailing zeros, no "-0". */
export function formatWeight(v: number): string {
  if (!Number.isFinite(v) || v === 0) return '0';
  const s = Number(v.toPrecision(4)).toString();
  return s === '-0' ? '0' : s;
}

/** Pixel and activation values for a custom image: 3 decimals keeps a 14×14 map under ~1.2 KB. */
export function formatValue(v: number): string {
  const s = Number(v.toFixed(3)).toString();
  return s === '-0' ? '0' : s;
}

export function customImage(values: ArrayLike<number>, w: number, h: number): string {
  const out: string[] = [];
  for (let i = 0; i < w * h; i++) out.push(formatValue(values[i] ?? 0));
  return `custom:${w}x${h}:${out.join(',')}`;
}

export type ConvActivation = 'relu' | 'tanh' | 'sigmoid' | 'none';

/** conv1 filter → the explorer on the drawn digit (padding 2 keeps 28×28, as in the network). */
export function conv1Link(kernel: ArrayLike<number>, bias: number, activation: ConvActivation): string {
  return formatHash('convolution', {
    image: 'drawn',
    kernel: Array.from(kernel, formatWeight).join(','),
    bias: formatWeight(bias),
    activation,
    padding: '2',
    stride: '1',
  });
}

/**
 * conv2 filter → the explorer on one pool1 map (14×14) with that channel's 5×5 slice. The explorer takes
 * one image, so this is one of the sums the real map adds up: no bias and no activation, which belong
 * to the total.
 */
export function conv2Link(slice: ArrayLike<number>, pool1Map: ArrayLike<number>): string {
  return formatHash('convolution', {
    image: customImage(pool1Map, 14, 14),
    kernel: Array.from(slice, formatWeight).join(','),
    bias: '0',
    activation: 'none',
    padding: '0',
    stride: '1',
  });
}

/** pool map → the Pooling explorer applied to the map that was pooled (window 2, stride 2). */
export function poolLink(input: ArrayLike<number>, w: number, h: number, pool: 'max' | 'avg'): string {
  return formatHash('pooling', { image: customImage(input, w, h), pool, size: '2', poolStride: '2' });
}

/** The input channel whose 5×5 slice weighs most in a conv2 filter (sum of |w|). */
export function strongestChannel(slices: ArrayLike<number>[]): number {
  let best = 0;
  let bestSum = -1;
  slices.forEach((s, c) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += Math.abs(s[i] as number);
    if (sum > bestSum) {
      bestSum = sum;
      best = c;
    }
  });
  return best;
}

/** Channel `c` of an [h, w, c] snapshot as its own row-major h×w map. */
export function channelOf(
  data: Float32Array,
  h: number,
  w: number,
  channels: number,
  c: number,
): Float32Array {
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = data[i * channels + c] as number;
  return out;
}
