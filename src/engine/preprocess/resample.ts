/**
 * Anti-aliased resizing of a single-channel image, separable (rows, then columns).
 * - Shrinking: area averaging (a box filter). Output pixel i covers the source interval
 *   [i·s, (i+1)·s) with s = srcSize / dstSize, and takes the mean of the source over it, each source
 *   pixel weighted by the length it overlaps. Nothing is skipped, so thin strokes never vanish the
 *   way they do with nearest-neighbour sampling.
 * - Enlarging: linear interpolation between the two nearest source pixel centres.
 */

export type CropRect = { x: number; y: number; w: number; h: number };

/** One output sample: weighted sum of source indices `start … start + weights.length − 1`. */
type Tap = { start: number; weights: Float64Array };

/** Weights mapping `srcLen` samples (starting at `offset`) onto `dstLen` samples. Pure. */
export function resampleTaps(offset: number, srcLen: number, dstLen: number): Tap[] {
  const s = srcLen / dstLen;
  const taps: Tap[] = [];
  for (let i = 0; i < dstLen; i++) {
    if (s >= 1) {
      const a = i * s;
      const b = (i + 1) * s;
      const j0 = Math.floor(a);
      const j1 = Math.min(srcLen - 1, Math.ceil(b) - 1);
      const weights = new Float64Array(j1 - j0 + 1);
      for (let j = j0; j <= j1; j++) {
        const overlap = Math.min(b, j + 1) - Math.max(a, j);
        weights[j - j0] = Math.max(0, overlap) / s;
      }
      taps.push({ start: offset + j0, weights });
    } else {
      const p = Math.min(srcLen - 1, Math.max(0, (i + 0.5) * s - 0.5));
      const j0 = Math.floor(p);
      const t = p - j0;
      if (j0 + 1 < srcLen && t > 0) {
        taps.push({ start: offset + j0, weights: Float64Array.of(1 - t, t) });
      } else {
        taps.push({ start: offset + j0, weights: Float64Array.of(1) });
      }
    }
  }
  return taps;
}

/**
 * Resizes the `crop` region of `img` to `dstW × dstH`. Returns a new Float32Array (row-major).
 * Values outside [0, 1] pass through unchanged in kind: a weighted mean never exceeds its inputs.
 */
export function resampleArea(
  img: { data: ArrayLike<number>; w: number; h: number },
  crop: CropRect,
  dstW: number,
  dstH: number,
): Float32Array {
  const xTaps = resampleTaps(crop.x, crop.w, dstW);
  const yTaps = resampleTaps(crop.y, crop.h, dstH);
  // Horizontal pass over only the cropped rows: crop.h × dstW.
  const mid = new Float64Array(crop.h * dstW);
  for (let y = 0; y < crop.h; y++) {
    const row = (crop.y + y) * img.w;
    for (let i = 0; i < dstW; i++) {
      const tap = xTaps[i] as Tap;
      let sum = 0;
      for (let k = 0; k < tap.weights.length; k++) {
        sum += (tap.weights[k] as number) * (img.data[row + tap.start + k] as number);
      }
      mid[y * dstW + i] = sum;
    }
  }
  const out = new Float32Array(dstW * dstH);
  for (let j = 0; j < dstH; j++) {
    const tap = yTaps[j] as Tap;
    const y0 = tap.start - crop.y;
    for (let i = 0; i < dstW; i++) {
      let sum = 0;
      for (let k = 0; k < tap.weights.length; k++) {
        sum += (tap.weights[k] as number) * (mid[(y0 + k) * dstW + i] as number);
      }
      out[j * dstW + i] = sum;
    }
  }
  return out;
}
