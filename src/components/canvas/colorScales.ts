/**
 * The app's two colour maps, and the only ones it uses:
 * - diverging (signed values): blue for negative, white for zero, red for positive (ColorBrewer RdBu,
 *   which stays distinguishable with the common colour-vision deficiencies);
 * - sequential (non-negative values, pixels included): white for zero to black for the maximum, like
 *   ink on paper, which is also how the digits are drawn.
 * Zero is white in both, so a map's blank areas look the same whichever scale it uses.
 */
import { interpolateGreys, interpolateLab, piecewise, rgb } from 'd3';

export type ScaleKind = 'diverging' | 'sequential';

/** How values map to colours: `domain` is [min, max] of the colour ramp. */
export type ColorScale = { kind: ScaleKind; domain: [lo: number, hi: number] };

// Odd size so that the middle entry sits at exactly t = 0.5 (zero on the diverging map).
const LUT_SIZE = 257;
/** The LUT's last row index: row `Math.round(t * LUT_STEPS)` for a ramp position t (see lutIndex). */
export const LUT_STEPS = LUT_SIZE - 1;

function buildLut(interpolate: (t: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(interpolate(i / (LUT_SIZE - 1)));
    lut[i * 3] = c.r;
    lut[i * 3 + 1] = c.g;
    lut[i * 3 + 2] = c.b;
  }
  return lut;
}

// ColorBrewer's 11-class RdBu, blue end first, with its near-white middle made pure white so that an
// exact zero looks the same on both maps. Piecewise Lab interpolation passes through every stop.
export const RDBU_STOPS = [
  '#053061',
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#ffffff',
  '#fddbc7',
  '#f4a582',
  '#d6604d',
  '#b2182b',
  '#67001f',
];
const divergingRamp: (t: number) => string = piecewise(interpolateLab, RDBU_STOPS);
const DIVERGING_LUT = buildLut((t) => divergingRamp(t));
const SEQUENTIAL_LUT = buildLut((t) => interpolateGreys(t));

export function lutFor(kind: ScaleKind): Uint8ClampedArray {
  return kind === 'diverging' ? DIVERGING_LUT : SEQUENTIAL_LUT;
}

/** Position of `value` on the ramp, 0..1, clamped. */
export function rampPosition(value: number, scale: ColorScale): number {
  const [lo, hi] = scale.domain;
  if (!Number.isFinite(value)) return 0.5;
  if (hi === lo) return scale.kind === 'diverging' ? 0.5 : 0;
  const t = (value - lo) / (hi - lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** LUT row for a ramp position; the diverging middle row (zero) is kept exactly white. */
export function lutIndex(t: number): number {
  return Math.round(t * LUT_STEPS) * 3;
}

/** [r, g, b] in 0..255 for one value. */
export function colorOf(value: number, scale: ColorScale): [number, number, number] {
  const lut = lutFor(scale.kind);
  const i = lutIndex(rampPosition(value, scale));
  return [lut[i] ?? 0, lut[i + 1] ?? 0, lut[i + 2] ?? 0];
}

export function cssColorOf(value: number, scale: ColorScale): string {
  const [r, g, b] = colorOf(value, scale);
  return `rgb(${r},${g},${b})`;
}

/** Black or white text, whichever reads better on the cell colour (WCAG relative luminance). */
export function textColorOn(value: number, scale: ColorScale): '#000' | '#fff' {
  const [r, g, b] = colorOf(value, scale).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000' : '#fff';
}

export function valueRange(values: ArrayLike<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? [0, 0] : [min, max];
}

/**
 * Picks the scale for a set of values: sequential when nothing is negative, else diverging with a
 * domain symmetric about zero (so white always means zero). Pass `fixed` for pixel data ([0, 1]).
 */
export function chooseScale(values: ArrayLike<number>, fixed?: [number, number]): ColorScale {
  const [min, max] = fixed ?? valueRange(values);
  if (min >= 0) return { kind: 'sequential', domain: [0, max > 0 ? max : 1] };
  const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
  return { kind: 'diverging', domain: [-m, m] };
}

/** One scale shared by several maps (a layer's maps are compared against each other). */
export function chooseSharedScale(maps: ArrayLike<number>[]): ColorScale {
  let min = Infinity;
  let max = -Infinity;
  for (const m of maps) {
    const [lo, hi] = valueRange(m);
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  }
  if (!Number.isFinite(min)) return { kind: 'sequential', domain: [0, 1] };
  return chooseScale([], [min, max]);
}

/**
 * The scale for filter weights: always the diverging map, centred on 0, so a kernel with only positive
 * weights (a box blur) reads as light red like every other kernel's positive weights, not as a solid
 * black block on the sequential map.
 */
export function kernelScale(weights: ArrayLike<number>): ColorScale {
  const [min, max] = valueRange(weights);
  const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
  return { kind: 'diverging', domain: [-m, m] };
}
