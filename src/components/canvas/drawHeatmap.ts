import { LUT_STEPS, lutFor, textColorOn, type ColorScale } from './colorScales';
import { t } from '../../i18n';

/**
 * Fills an RGBA buffer with one pixel per value (row-major `h × w`). Pure, so tests can check bytes.
 * The canvas then scales it up with smoothing off, which keeps cells crisp at any zoom.
 */
export function heatmapPixels(
  values: ArrayLike<number>,
  w: number,
  h: number,
  scale: ColorScale,
  out: Uint8ClampedArray = new Uint8ClampedArray(w * h * 4),
): Uint8ClampedArray {
  return stridedPixels(values, 0, 1, w * h, scale, out);
}

/**
 * `heatmapPixels` of one channel of an interleaved stack (HWC, `channels` per cell) without copying
 * the channel out first: the same colours as `heatmapPixels(channelPlane(stack, channel), …)`. The
 * filter bank paints its 16 maps this way on every bias change.
 */
export function channelPixels(
  data: ArrayLike<number>,
  channel: number,
  channels: number,
  cells: number,
  scale: ColorScale,
  out: Uint8ClampedArray = new Uint8ClampedArray(cells * 4),
): Uint8ClampedArray {
  return stridedPixels(data, channel, channels, cells, scale, out);
}

// A module-local copy: read through an import binding on every cell it was measurably slower (tsx).
const STEPS = LUT_STEPS;

/**
 * Cell i's colour is `colorOf(data[first + i * stride], scale)`, with `rampPosition`'s arithmetic
 * written out here and the scale read once: calling `rampPosition` per cell (it takes the domain apart
 * each time) made the filter bank's 16 maps ~4× slower to colour, ~2 ms a bias change unthrottled.
 * Same bytes (unit-tested against colorOf, NaN, infinities and a flat domain included).
 */
function stridedPixels(
  data: ArrayLike<number>,
  first: number,
  stride: number,
  cells: number,
  scale: ColorScale,
  out: Uint8ClampedArray,
): Uint8ClampedArray {
  const lut = lutFor(scale.kind);
  const lo = scale.domain[0];
  const hi = scale.domain[1];
  const span = hi - lo;
  // Where a flat domain puts every finite value (rampPosition's rule), or −1 for "not flat".
  const flat = hi === lo ? (scale.kind === 'diverging' ? 0.5 : 0) : -1;
  for (let i = 0, j = first, o = 0; i < cells; i++, j += stride, o += 4) {
    const v = data[j] ?? 0;
    let t: number;
    if (!Number.isFinite(v)) t = 0.5;
    else if (flat >= 0) t = flat;
    else {
      t = (v - lo) / span;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
    }
    // lutIndex(t), written out: the call was not inlined here and cost as much as the rest. t is in
    // [0, 1], so k is a row of the LUT and the three reads are in range.
    const k = Math.round(t * STEPS) * 3;
    out[o] = lut[k] as number;
    out[o + 1] = lut[k + 1] as number;
    out[o + 2] = lut[k + 2] as number;
    out[o + 3] = 255;
  }
  return out;
}

type Scratch = { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D; image: ImageData };
const scratches = new Map<string, Scratch>();

/**
 * One reusable one-pixel-per-cell canvas per map size: making a fresh canvas and ImageData on every
 * draw cost about 1 ms each, which adds up when a filter bank repaints 16 maps in one frame.
 */
function scratchFor(w: number, h: number): Scratch {
  const key = `${w}x${h}`;
  let s = scratches.get(key);
  if (!s) {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(t('canvas.noCanvas'));
    s = { canvas, ctx, image: new ImageData(w, h) };
    scratches.set(key, s);
  }
  return s;
}

export type CellRect = { row: number; col: number; rows: number; cols: number };

export type HeatmapHighlight = CellRect & {
  color: string;
  /** Line width in CSS pixels. */
  width?: number;
  /** Dashed outlines mark "where this came from", solid ones "where we are". */
  dashed?: boolean;
  fill?: string;
};

export type DrawHeatmapOptions = {
  values: ArrayLike<number>;
  w: number;
  h: number;
  scale: ColorScale;
  /** Size of one cell in CSS pixels. */
  cellPx: number;
  dpr: number;
  /** Print each value in its cell (only sensible when cells are large). */
  showNumbers?: boolean;
  /** Digits after the decimal point for printed numbers. */
  decimals?: number;
  /** Size of the printed numbers in CSS pixels; by default it follows the cell size (9 to 16 px). */
  fontPx?: number;
  /** Cells not yet computed are drawn hatched grey rather than coloured. */
  filled?: number;
  gridLines?: boolean;
  highlights?: HeatmapHighlight[];
  /** Cells outside the real data (padding) are drawn with a pattern; rect in cell coordinates. */
  inner?: CellRect;
};

/** Draws a value grid onto a canvas already sized to `w·cellPx × h·cellPx` CSS pixels times `dpr`. */
export function drawHeatmap(ctx: CanvasRenderingContext2D, o: DrawHeatmapOptions): void {
  const { w, h, cellPx, dpr } = o;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const scratch = scratchFor(w, h);
  const img = scratch.image;
  heatmapPixels(o.values, w, h, o.scale, img.data);
  const filled = o.filled ?? w * h;
  for (let i = filled; i < w * h; i++) {
    img.data[i * 4] = 236;
    img.data[i * 4 + 1] = 238;
    img.data[i * 4 + 2] = 241;
  }
  scratch.ctx.putImageData(img, 0, 0);
  const bitmap = scratch.canvas;
  ctx.imageSmoothingEnabled = false;
  ctx.scale(dpr, dpr);
  ctx.drawImage(bitmap, 0, 0, w * cellPx, h * cellPx);

  if (o.inner) {
    // Padding cells get diagonal hatching so they never pass for real pixels.
    ctx.save();
    ctx.strokeStyle = 'rgba(80, 90, 100, 0.45)';
    ctx.lineWidth = 1;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const inside =
          r >= o.inner.row &&
          r < o.inner.row + o.inner.rows &&
          c >= o.inner.col &&
          c < o.inner.col + o.inner.cols;
        if (inside) continue;
        const x = c * cellPx;
        const y = r * cellPx;
        ctx.beginPath();
        ctx.moveTo(x, y + cellPx);
        ctx.lineTo(x + cellPx, y);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  if ((o.gridLines ?? cellPx >= 8) && cellPx >= 4) {
    ctx.strokeStyle = 'rgba(120, 130, 140, 0.55)';
    ctx.lineWidth = 1 / dpr;
    ctx.beginPath();
    for (let c = 0; c <= w; c++) {
      ctx.moveTo(c * cellPx, 0);
      ctx.lineTo(c * cellPx, h * cellPx);
    }
    for (let r = 0; r <= h; r++) {
      ctx.moveTo(0, r * cellPx);
      ctx.lineTo(w * cellPx, r * cellPx);
    }
    ctx.stroke();
  }

  if (o.showNumbers) {
    const decimals = o.decimals ?? (cellPx >= 44 ? 2 : 1);
    ctx.font = `600 ${o.fontPx ?? Math.max(9, Math.min(16, cellPx * 0.3))}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < Math.min(filled, w * h); i++) {
      const v = o.values[i] ?? 0;
      const r = Math.floor(i / w);
      const c = i % w;
      ctx.fillStyle = textColorOn(v, o.scale);
      ctx.fillText(formatCell(v, decimals), c * cellPx + cellPx / 2, r * cellPx + cellPx / 2);
    }
  }

  for (const hl of o.highlights ?? []) {
    ctx.save();
    const x = hl.col * cellPx;
    const y = hl.row * cellPx;
    if (hl.fill) {
      ctx.fillStyle = hl.fill;
      ctx.fillRect(x, y, hl.cols * cellPx, hl.rows * cellPx);
    }
    ctx.strokeStyle = hl.color;
    ctx.lineWidth = hl.width ?? 3;
    if (hl.dashed) ctx.setLineDash([6, 4]);
    const inset = (hl.width ?? 3) / 2;
    ctx.strokeRect(x + inset, y + inset, hl.cols * cellPx - 2 * inset, hl.rows * cellPx - 2 * inset);
    ctx.restore();
  }
}

/** Short, stable number text for a cell: "0.25", "−1.5", "12". Uses a true minus sign. */
export function formatCell(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return String(v);
  const rounded = Number(v.toFixed(decimals));
  const s = Object.is(rounded, -0) ? '0' : String(rounded);
  return s.replace('-', '−');
}
