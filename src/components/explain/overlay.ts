/**
 * Pure pixel maths for laying a map over the picture (tested on plain buffers, no canvas needed).
 */
import { colorOf, type ColorScale } from '../canvas/colorScales';

/** Where an occlusion map's cell sits on the picture: the patch it hid. */
export type Placement = { patch: number; stride: number };

/**
 * The map's value at every picture pixel. A map of the picture's own size is used as it is. An
 * occlusion map is spread back over the picture: a pixel gets the mean value of every patch position
 * that covered it (0 where no patch reached, e.g. a right edge the stride skipped).
 */
export function mapOnPicture(
  values: ArrayLike<number>,
  mw: number,
  mh: number,
  w: number,
  h: number,
  placement?: Placement,
): Float32Array {
  if (!placement) return Float32Array.from({ length: w * h }, (_, i) => values[i] ?? 0);
  const sum = new Float32Array(w * h);
  const count = new Uint16Array(w * h);
  const { patch, stride } = placement;
  for (let r = 0; r < mh; r++) {
    for (let c = 0; c < mw; c++) {
      const v = values[r * mw + c] ?? 0;
      for (let y = r * stride; y < Math.min(h, r * stride + patch); y++) {
        for (let x = c * stride; x < Math.min(w, c * stride + patch); x++) {
          sum[y * w + x] = (sum[y * w + x] as number) + v;
          count[y * w + x] = (count[y * w + x] as number) + 1;
        }
      }
    }
  }
  for (let i = 0; i < w * h; i++) if (count[i]) sum[i] = (sum[i] as number) / (count[i] as number);
  return sum;
}

/**
 * RGBA pixels of the picture blended with the map's colours: `out = (1 − opacity)·picture +
 * opacity·colour(map)`. A one-channel picture is drawn as ink dark on white, like the digits everywhere
 * in the app; a colour one (`channels` 3, values h·w·3 interleaved) in its own colours.
 */
export function overlayPixels(
  picture: ArrayLike<number>,
  onPicture: ArrayLike<number>,
  w: number,
  h: number,
  scale: ColorScale,
  opacity: number,
  out: Uint8ClampedArray = new Uint8ClampedArray(w * h * 4),
  channels = 1,
): Uint8ClampedArray {
  const o = Math.max(0, Math.min(1, opacity));
  const unit = (v: number | undefined) => Math.max(0, Math.min(1, v ?? 0));
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = colorOf(onPicture[i] ?? 0, scale);
    const base =
      channels === 3
        ? [255 * unit(picture[i * 3]), 255 * unit(picture[i * 3 + 1]), 255 * unit(picture[i * 3 + 2])]
        : [0, 0, 0].map(() => 255 * (1 - unit(picture[i * channels])));
    out[i * 4] = (1 - o) * (base[0] ?? 0) + o * r;
    out[i * 4 + 1] = (1 - o) * (base[1] ?? 0) + o * g;
    out[i * 4 + 2] = (1 - o) * (base[2] ?? 0) + o * b;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * The digit's outline: unit edges between an inked pixel (≥ 0.5) and a blank one or the border, as
 * `[x1, y1, x2, y2]` in pixel units, so it stays visible whatever colour the map gives underneath.
 */
export function inkOutline(
  picture: ArrayLike<number>,
  w: number,
  h: number,
): [number, number, number, number][] {
  const ink = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < w && y < h && (picture[y * w + x] ?? 0) >= 0.5;
  const edges: [number, number, number, number][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink(x, y)) continue;
      if (!ink(x, y - 1)) edges.push([x, y, x + 1, y]);
      if (!ink(x, y + 1)) edges.push([x, y + 1, x + 1, y + 1]);
      if (!ink(x - 1, y)) edges.push([x, y, x, y + 1]);
      if (!ink(x + 1, y)) edges.push([x + 1, y, x + 1, y + 1]);
    }
  }
  return edges;
}
