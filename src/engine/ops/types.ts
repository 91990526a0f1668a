/**
 * Plain-array tensors for the explicit ops. Layouts match tfjs (channels last) so values can be
 * compared element for element with `tf.conv2d` / `tf.maxPool` without transposing.
 */

/** One image or a stack of maps: `data[(y·w + x)·c + ch]`, shape [h, w, c]. */
export type MapStack = { data: Float32Array; shape: [h: number, w: number, c: number] };

/** Convolution weights: `data[((ky·kw + kx)·inC + c)·outC + f]`, shape [kh, kw, inC, outC] (tfjs layout). */
export type ConvKernel = { data: Float32Array; shape: [kh: number, kw: number, inC: number, outC: number] };

/** One plane of a stack as its own h×w array (row-major). New array; the caller owns it. */
export function channelPlane(maps: MapStack, channel: number): Float32Array {
  const [h, w, c] = maps.shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = maps.data[i * c + channel] ?? 0;
  return out;
}

/** Builds a stack from row-major planes of equal size (the inverse of `channelPlane`). */
export function stackPlanes(planes: ArrayLike<number>[], h: number, w: number): MapStack {
  const c = planes.length;
  const data = new Float32Array(h * w * c);
  planes.forEach((p, ch) => {
    for (let i = 0; i < h * w; i++) data[i * c + ch] = p[i] ?? 0;
  });
  return { data, shape: [h, w, c] };
}

/**
 * Builds a [kh, kw, inC, outC] kernel from filters given as channel-major, row-major arrays:
 * filter f, channel c, row r, column k is `filters[f][(c·kh + r)·kw + k]`.
 */
export function kernelFromFilters(
  filters: ArrayLike<number>[],
  kh: number,
  kw: number,
  inC: number,
): ConvKernel {
  const outC = filters.length;
  const data = new Float32Array(kh * kw * inC * outC);
  filters.forEach((fl, f) => {
    for (let c = 0; c < inC; c++)
      for (let r = 0; r < kh; r++)
        for (let k = 0; k < kw; k++)
          data[((r * kw + k) * inC + c) * outC + f] = fl[(c * kh + r) * kw + k] ?? 0;
  });
  return { data, shape: [kh, kw, inC, outC] };
}

/** One filter's weights for one input channel as a row-major kh×kw array. */
export function kernelSlice(k: ConvKernel, filter: number, channel: number): Float32Array {
  const [kh, kw, inC, outC] = k.shape;
  const out = new Float32Array(kh * kw);
  for (let i = 0; i < kh * kw; i++) out[i] = k.data[(i * inC + channel) * outC + filter] ?? 0;
  return out;
}
