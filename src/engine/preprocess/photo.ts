/**
 * From a photo or scan of a handwritten digit to an ink image the MNIST procedure can use:
 * grey levels, inverted when the paper is light (MNIST is light ink on black), background removed with
 * Otsu's threshold, the rest stretched to fill [0, 1], and specks much smaller than the digit dropped.
 * Pure functions over typed arrays; decoding the file is the caller's job (see `imageHeader.ts` first).
 */

import type { InkImage } from './mnistStyle';

/** Luminance in [0, 1] of RGBA bytes (Rec. 709 weights); transparent pixels count as white paper. */
export function rgbaToGray(rgba: ArrayLike<number>, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const a = (rgba[i * 4 + 3] as number) / 255;
    const l =
      (0.2126 * (rgba[i * 4] as number) +
        0.7152 * (rgba[i * 4 + 1] as number) +
        0.0722 * (rgba[i * 4 + 2] as number)) /
      255;
    out[i] = l * a + (1 - a);
  }
  return out;
}

/** Median of the outermost ring of pixels: what the paper (or board) looks like. */
export function borderMedian(gray: Float32Array, w: number, h: number): number {
  const ring: number[] = [];
  for (let x = 0; x < w; x++) ring.push(gray[x] as number, gray[(h - 1) * w + x] as number);
  for (let y = 1; y < h - 1; y++) ring.push(gray[y * w] as number, gray[y * w + w - 1] as number);
  ring.sort((a, b) => a - b);
  return ring[Math.floor(ring.length / 2)] ?? 1;
}

/**
 * Otsu's threshold on values in [0, 1] (256 bins): the level that best splits them into two groups,
 * maximising the between-group variance. Returns a value in [0, 1].
 */
export function otsuThreshold(values: Float32Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(255, Math.max(0, Math.round((values[i] as number) * 255)));
    hist[b] = (hist[b] as number) + 1;
  }
  const total = values.length;
  let sumAll = 0;
  for (let b = 0; b < 256; b++) sumAll += b * (hist[b] as number);
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let bestT = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      bestT = t;
    }
  }
  return bestT / 255;
}

/** Zeroes every 8-connected blob of ink smaller than `minFraction` of the largest blob. In place. */
export function dropSpecks(img: InkImage, minFraction = 0.05): void {
  const { data, w, h } = img;
  const label = new Int32Array(w * h).fill(-1);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if ((data[start] as number) <= 0 || (label[start] as number) >= 0) continue;
    const id = sizes.length;
    let size = 0;
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop() as number;
      size++;
      const px = p % w;
      const py = (p - px) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if ((data[q] as number) > 0 && (label[q] as number) < 0) {
            label[q] = id;
            stack.push(q);
          }
        }
      }
    }
    sizes.push(size);
  }
  const largest = Math.max(0, ...sizes);
  for (let i = 0; i < w * h; i++) {
    const id = label[i] as number;
    if (id >= 0 && (sizes[id] as number) < largest * minFraction) data[i] = 0;
  }
}

export type PhotoInk = InkImage & {
  /** True when the paper was lighter than the ink, so the image was inverted. */
  inverted: boolean;
  /** Otsu's threshold, on the ink scale, below which everything became background. */
  threshold: number;
};

/**
 * Turns decoded RGBA bytes into ink in [0, 1]. Light paper is inverted (dark ink → high values);
 * everything at or below Otsu's threshold becomes 0; the rest is stretched so the 99th-percentile ink
 * is 1; small specks are removed. Returns a new image the caller owns.
 */
export function photoToInk(rgba: ArrayLike<number>, w: number, h: number): PhotoInk {
  const gray = rgbaToGray(rgba, w, h);
  const inverted = borderMedian(gray, w, h) > 0.5;
  const ink = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) ink[i] = inverted ? 1 - (gray[i] as number) : (gray[i] as number);
  const threshold = otsuThreshold(ink);
  const above: number[] = [];
  for (let i = 0; i < ink.length; i++) if ((ink[i] as number) > threshold) above.push(ink[i] as number);
  above.sort((a, b) => a - b);
  const hi = above.length ? (above[Math.floor((above.length - 1) * 0.99)] as number) : 1;
  const span = Math.max(1e-6, hi - threshold);
  for (let i = 0; i < ink.length; i++) {
    const v = ((ink[i] as number) - threshold) / span;
    ink[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
  const img: PhotoInk = { data: ink, w, h, inverted, threshold };
  dropSpecks(img);
  return img;
}
