/**
 * From a decoded picture (RGBA bytes of any size) to the bytes a dataset stores: the centre square,
 * resized with area averaging (resampleArea, so thin strokes survive), as 28×28 greyscale ink
 * (255 = dark, the way MNIST stores digits and every area draws them) or 32×32 colour (R, G, B).
 * Transparent pixels count as white paper. Pure: typed arrays in, typed arrays out.
 */
import { resampleArea, type CropRect } from '../preprocess/resample';
import type { InputShape } from './datasets';

export const GREY_SHAPE: InputShape = [28, 28, 1];
export const COLOUR_SHAPE: InputShape = [32, 32, 3];

/** A decoded picture: width × height × 4 bytes (RGBA, row-major). */
export type Rgba = { data: ArrayLike<number>; width: number; height: number };

/** The largest centred square of a w × h picture (pictures of any shape become square, not squashed). */
export function centreSquare(width: number, height: number): CropRect {
  const side = Math.min(width, height);
  return {
    x: Math.floor((width - side) / 2),
    y: Math.floor((height - side) / 2),
    w: side,
    h: side,
  };
}

/** Each channel of `rgba` as values in [0, 255] composited on white: [r, g, b] planes. */
function planes(rgba: Rgba): [Float32Array, Float32Array, Float32Array] {
  const n = rgba.width * rgba.height;
  const out: [Float32Array, Float32Array, Float32Array] = [
    new Float32Array(n),
    new Float32Array(n),
    new Float32Array(n),
  ];
  for (let i = 0; i < n; i++) {
    const a = (rgba.data[i * 4 + 3] ?? 255) / 255;
    for (let ch = 0; ch < 3; ch++) {
      const plane = out[ch] as Float32Array;
      plane[i] = (rgba.data[i * 4 + ch] ?? 0) * a + 255 * (1 - a);
    }
  }
  return out;
}

/**
 * The picture as the stored bytes of `shape` (28×28×1 ink or 32×32×3 colour). Returns a new array of
 * h·w·c bytes.
 */
export function toDatasetPixels(rgba: Rgba, shape: InputShape): Uint8Array {
  const [h, w, c] = shape;
  const crop = centreSquare(rgba.width, rgba.height);
  const [r, g, b] = planes(rgba);
  const src = (data: Float32Array) => ({ data, w: rgba.width, h: rgba.height });
  const out = new Uint8Array(h * w * c);
  if (c === 1) {
    const grey = new Float32Array(rgba.width * rgba.height);
    for (let i = 0; i < grey.length; i++)
      grey[i] = 0.2126 * (r[i] ?? 0) + 0.7152 * (g[i] ?? 0) + 0.0722 * (b[i] ?? 0);
    const small = resampleArea(src(grey), crop, w, h);
    for (let i = 0; i < small.length; i++) out[i] = 255 - Math.round(clamp255(small[i] ?? 0));
    return out;
  }
  const chans = [r, g, b].map((p) => resampleArea(src(p), crop, w, h));
  for (let i = 0; i < h * w; i++) {
    for (let ch = 0; ch < 3; ch++) out[i * 3 + ch] = Math.round(clamp255(chans[ch]?.[i] ?? 0));
  }
  return out;
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * True when the picture has colour worth keeping: some pixel's channels differ by more than `tolerance`
 * (JPEG noise in a grey scan stays under it).
 */
export function hasColour(rgba: Rgba, tolerance = 24): boolean {
  const n = rgba.width * rgba.height;
  for (let i = 0; i < n; i++) {
    const r = rgba.data[i * 4] ?? 0;
    const g = rgba.data[i * 4 + 1] ?? 0;
    const b = rgba.data[i * 4 + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > tolerance && (rgba.data[i * 4 + 3] ?? 255) > 0) return true;
  }
  return false;
}

/** Stored bytes back to RGBA for a picture file: grey ink back to dark-on-white, colour as it is. */
export function datasetPixelsToRgba(pixels: Uint8Array, shape: InputShape): Uint8Array {
  const [h, w, c] = shape;
  const out = new Uint8Array(h * w * 4);
  for (let i = 0; i < h * w; i++) {
    if (c === 1) {
      const v = 255 - (pixels[i] ?? 0);
      out[i * 4] = v;
      out[i * 4 + 1] = v;
      out[i * 4 + 2] = v;
    } else {
      out[i * 4] = pixels[i * 3] ?? 0;
      out[i * 4 + 1] = pixels[i * 3 + 1] ?? 0;
      out[i * 4 + 2] = pixels[i * 3 + 2] ?? 0;
    }
    out[i * 4 + 3] = 255;
  }
  return out;
}
