import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useOnScreen } from '../canvas/useOnScreen';
import { heatmapPixels } from '../canvas/drawHeatmap';
import { queueCanvasPaint } from '../canvas/budgetedPaints';
import type { ColorScale } from '../canvas/colorScales';
import { t } from '../../i18n';

export type MapGridLayout = { cols: number; rows: number; width: number; height: number };

/** Where `count` maps of w×h cells at `cellPx` go, wrapping at `maxWidth` pixels. Pure. */
export function mapGridLayout(
  count: number,
  w: number,
  h: number,
  cellPx: number,
  gap: number,
  maxWidth: number,
) {
  const tileW = w * cellPx + gap;
  const cols = Math.max(1, Math.min(count, Math.floor((maxWidth + gap) / tileW)));
  const rows = Math.ceil(count / cols);
  return { cols, rows, width: cols * tileW - gap, height: rows * (h * cellPx + gap) - gap };
}

/**
 * Paints every map of a layer into ONE RGBA buffer (cells upscaled by hand, white gaps between maps):
 * one putImageData per layer instead of a canvas per map, which keeps the live panels under a few
 * milliseconds a refresh on a laptop without a GPU. Pure, so tests can check the bytes.
 */
export function mapGridPixels(
  maps: readonly ArrayLike<number>[],
  w: number,
  h: number,
  scale: ColorScale,
  cellPx: number,
  gap: number,
  layout: MapGridLayout,
  /** A buffer of the layout's size to fill again instead of a new one (no garbage per refresh). */
  reuse?: ImageData,
): ImageData {
  const img =
    reuse && reuse.width === layout.width && reuse.height === layout.height
      ? reuse
      : new ImageData(layout.width, layout.height);
  // Whole pixels at a time (RGBA as one 32-bit word): this runs for every layer a few times a second,
  // so one word per pixel and one copy per repeated row instead of a byte loop with divisions.
  const out = new Uint32Array(img.data.buffer);
  out.fill(0xffffffff);
  const tile = new Uint8ClampedArray(w * h * 4);
  const tileWords = new Uint32Array(tile.buffer);
  // Byte order of the platform, so that "opaque" sets the alpha byte whichever end it is.
  const opaque = new Uint32Array(new Uint8ClampedArray([0, 0, 0, 255]).buffer)[0] ?? 0;
  const rowPx = w * cellPx;
  maps.forEach((values, m) => {
    heatmapPixels(values, w, h, scale, tile);
    const x0 = (m % layout.cols) * (rowPx + gap);
    const y0 = Math.floor(m / layout.cols) * (h * cellPx + gap);
    for (let y = 0; y < h; y++) {
      const first = (y0 + y * cellPx) * layout.width + x0;
      let d = first;
      for (let x = 0; x < w; x++) {
        const px = (tileWords[y * w + x] ?? 0) | opaque;
        for (let k = 0; k < cellPx; k++) out[d++] = px;
      }
      for (let r = 1; r < cellPx; r++) out.copyWithin(first + r * layout.width, first, first + rowPx);
    }
  });
  return img;
}

/** Each canvas's last pixels, refilled by its next paint. */
const buffers = new WeakMap<HTMLCanvasElement, ImageData>();

export const MapGrid = memo(function MapGrid({
  maps,
  w,
  h,
  scale,
  cellPx,
  gap = 4,
  maxWidth = 640,
  label,
}: {
  maps: readonly ArrayLike<number>[];
  w: number;
  h: number;
  scale: ColorScale;
  cellPx: number;
  gap?: number;
  maxWidth?: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [canvasEl, setCanvasEl] = useState<HTMLCanvasElement | null>(null);
  // Maps scrolled out of sight are not painted (a refresh several times a second would otherwise paint
  // every layer of the Train area below the fold); they paint their latest values when they come near.
  const onScreen = useOnScreen(canvasEl, 200);
  const setRef = useCallback((el: HTMLCanvasElement | null) => {
    ref.current = el;
    setCanvasEl(el);
  }, []);
  const layout = mapGridLayout(maps.length, w, h, cellPx, gap, maxWidth);
  // A layout effect: the canvas changes in the same frame as the rest of the refresh.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas || maps.length === 0 || !onScreen) return;
    // A canvas's first paint waits for a task of its own (budgetedPaints): the first live refresh
    // mounts every layer's map at once.
    return queueCanvasPaint(
      canvas,
      () => {
        const ctx = canvas.getContext('2d');
        if (!ctx) return;
        const l = mapGridLayout(maps.length, w, h, cellPx, gap, maxWidth);
        if (canvas.width !== l.width) canvas.width = l.width;
        if (canvas.height !== l.height) canvas.height = l.height;
        const img = mapGridPixels(maps, w, h, scale, cellPx, gap, l, buffers.get(canvas));
        buffers.set(canvas, img);
        ctx.putImageData(img, 0, 0);
      },
      { first: !buffers.has(canvas) },
    );
  }, [maps, w, h, scale, cellPx, gap, maxWidth, onScreen]);
  return (
    <canvas
      ref={setRef}
      className="train-mapgrid"
      width={layout.width}
      height={layout.height}
      style={{ width: layout.width, height: layout.height }}
      role="img"
      aria-label={t(maps.length === 1 ? 'train.mapGrid.one' : 'train.mapGrid.many', {
        label,
        n: String(maps.length),
        h: String(h),
        w: String(w),
      })}
    />
  );
});
