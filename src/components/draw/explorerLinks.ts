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

/** A layer's activation as the explorer names it (`linear` is `none` there). */
export function explorerActivation(a: 'relu' | 'tanh' | 'sigmoid' | 'linear'): ConvActivation {
  return a === 'linear' ? 'none' : a;
}

/** How a conv layer slides: kernel side, stride and padding as the network has them. */
export type ConvGeometry = { kernel: number; stride: number; padding: 'same' | 'valid' };

/** The explorer's padding value: a number of zeros when TensorFlow's 'same' is symmetric, else 'same'. */
function paddingParam(g: ConvGeometry): string {
  if (g.padding === 'valid') return '0';
  return g.stride === 1 && g.kernel % 2 === 1 ? String((g.kernel - 1) / 2) : 'same';
}

/** A filter of a conv layer that reads the image itself → the explorer on the drawn digit, the whole layer's sum. */
export function convOnDrawnLink(
  kernel: ArrayLike<number>,
  bias: number,
  activation: ConvActivation,
  g: ConvGeometry,
): string {
  return formatHash('convolution', {
    image: 'drawn',
    kernel: Array.from(kernel, formatWeight).join(','),
    bias: formatWeight(bias),
    activation,
    padding: paddingParam(g),
    stride: String(g.stride),
  });
}

/**
 * A filter's slice for one input map → the explorer on that map (a custom w×h image). The explorer takes
 * one image, so with several input maps this is one of the sums the real map adds up: no bias and no
 * activation, which belong to the total. With a single input map it is the whole computation, so the
 * bias and activation come along (pass them).
 */
export function convOnMapLink(
  slice: ArrayLike<number>,
  map: ArrayLike<number>,
  w: number,
  h: number,
  g: ConvGeometry,
  whole?: { bias: number; activation: ConvActivation },
): string {
  return formatHash('convolution', {
    image: customImage(map, w, h),
    kernel: Array.from(slice, formatWeight).join(','),
    bias: whole ? formatWeight(whole.bias) : '0',
    activation: whole ? whole.activation : 'none',
    padding: paddingParam(g),
    stride: String(g.stride),
  });
}

/** conv1 of LeNet (5×5, same padding, stride 1) → the explorer on the drawn digit. */
export function conv1Link(kernel: ArrayLike<number>, bias: number, activation: ConvActivation): string {
  return convOnDrawnLink(kernel, bias, activation, { kernel: 5, stride: 1, padding: 'same' });
}

/** conv2 of LeNet (5×5 valid over a 14×14 pool1 map) → the explorer on that map, one channel's part. */
export function conv2Link(slice: ArrayLike<number>, pool1Map: ArrayLike<number>): string {
  return convOnMapLink(slice, pool1Map, 14, 14, { kernel: 5, stride: 1, padding: 'valid' });
}

/** pool map → the Pooling explorer applied to the map that was pooled (window `size`, its stride). */
export function poolLink(
  input: ArrayLike<number>,
  w: number,
  h: number,
  pool: 'max' | 'avg',
  size = 2,
  stride = size,
): string {
  return formatHash('pooling', {
    image: customImage(input, w, h),
    pool,
    size: String(size),
    poolStride: String(stride),
  });
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
