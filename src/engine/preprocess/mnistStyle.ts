/**
 * Preprocessing "as MNIST was made" (LeCun, Cortes & Burges): crop to the ink, scale the longer side to
 * 20 px keeping the aspect ratio with anti-aliasing, then place the result in a 28×28 field so that its
 * centre of mass sits at the field's centre. Measured on the MNIST test set, the centre of mass of a digit,
 * Σ v·(row, col) / Σ v with pixel centres at integer indices, averages (14.0, 14.0): that is the target.
 *
 * Everything here is pure maths over plain typed arrays (no tensors, no DOM): values are ink in [0, 1],
 * 0 = paper, 1 = full ink, row-major `h × w`.
 */

import { resampleArea } from './resample';

export const MNIST_FIELD = 28;
export const MNIST_BOX = 20;
/** Where the centre of mass goes, in pixel-index coordinates (row, col). */
export const MNIST_COM_TARGET = 14;

/** Any value at or above this counts as ink for the bounding box (anti-aliased fringes below it do not). */
export const INK_THRESHOLD = 0.1;

export type InkImage = { data: Float32Array; w: number; h: number };

/** Inclusive pixel bounds of the ink. */
export type InkBox = { x0: number; y0: number; x1: number; y1: number };

export type PreprocessResult = {
  /** 28×28 values in [0, 1]: what the network sees. A new array the caller owns. */
  pixels: Float32Array;
  /** Ink bounds in the source image, or null when there is no ink (then `pixels` is all zeros). */
  box: InkBox | null;
  /** Size of the ink after scaling (the longer side is 20). */
  scaledW: number;
  scaledH: number;
  /** Centre of mass in the 28×28 output (row, col); NaN when empty. */
  comRow: number;
  comCol: number;
  /** Total ink in the source (sum of values), so "empty" and "a speck" can be told apart. */
  inkMass: number;
};

/** The smallest box holding every value ≥ `threshold`; null when there is none. */
export function inkBoundingBox(img: InkImage, threshold = INK_THRESHOLD): InkBox | null {
  const { data, w, h } = img;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if ((data[row + x] as number) >= threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** Centre of mass (row, col) in pixel-index coordinates: Σ v·(r, c) / Σ v. NaN for an empty image. */
export function centerOfMass(img: InkImage): { row: number; col: number; mass: number } {
  const { data, w, h } = img;
  let mass = 0;
  let sr = 0;
  let sc = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x] as number;
      mass += v;
      sr += v * y;
      sc += v * x;
    }
  }
  return mass > 0 ? { row: sr / mass, col: sc / mass, mass } : { row: NaN, col: NaN, mass: 0 };
}

/**
 * Places `src` into an `size × size` field, shifted by whole pixels so that its centre of mass lands
 * within half a pixel of (`target`, `target`). Whole-pixel shifts keep strokes crisp (a sub-pixel shift
 * would blur them); ink pushed past the border is cut, as in MNIST. Returns a new array.
 */
export function placeByCenterOfMass(
  src: InkImage,
  size = MNIST_FIELD,
  target = MNIST_COM_TARGET,
): Float32Array {
  const out = new Float32Array(size * size);
  const com = centerOfMass(src);
  if (com.mass === 0) return out;
  const dy = Math.round(target - com.row);
  const dx = Math.round(target - com.col);
  for (let y = 0; y < src.h; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= size) continue;
    for (let x = 0; x < src.w; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= size) continue;
      out[ty * size + tx] = src.data[y * src.w + x] as number;
    }
  }
  return out;
}

/**
 * The whole MNIST procedure on an ink image of any size (a 280×280 canvas, a photo's ink):
 * 1. crop to the ink's bounding box (values ≥ `INK_THRESHOLD`);
 * 2. scale so the longer side is 20 px, the other in proportion, with area averaging when shrinking
 *    (every source pixel contributes by the area it covers) and linear interpolation when enlarging;
 * 3. stretch so the darkest pixel is 1 (thin strokes shrunk a lot would otherwise turn grey, and
 *    MNIST's strokes are saturated);
 * 4. shift into 28×28 so the centre of mass is at (14, 14).
 * Returns new arrays the caller owns; `img` is not modified.
 */
export function preprocessMnistStyle(img: InkImage): PreprocessResult {
  let inkMass = 0;
  for (let i = 0; i < img.data.length; i++) inkMass += img.data[i] as number;
  const box = inkBoundingBox(img);
  if (!box) {
    return {
      pixels: new Float32Array(MNIST_FIELD * MNIST_FIELD),
      box: null,
      scaledW: 0,
      scaledH: 0,
      comRow: NaN,
      comCol: NaN,
      inkMass,
    };
  }
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const scaledW = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const scaledH = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));
  const scaled = resampleArea(img, { x: box.x0, y: box.y0, w: bw, h: bh }, scaledW, scaledH);
  let max = 0;
  for (let i = 0; i < scaled.length; i++) if ((scaled[i] as number) > max) max = scaled[i] as number;
  if (max > 0 && max < 1) for (let i = 0; i < scaled.length; i++) scaled[i] = (scaled[i] as number) / max;
  for (let i = 0; i < scaled.length; i++) if ((scaled[i] as number) > 1) scaled[i] = 1;
  const pixels = placeByCenterOfMass({ data: scaled, w: scaledW, h: scaledH });
  const com = centerOfMass({ data: pixels, w: MNIST_FIELD, h: MNIST_FIELD });
  return { pixels, box, scaledW, scaledH, comRow: com.row, comCol: com.col, inkMass };
}
