import { memo, useEffect, useRef } from 'react';
import { heatmapPixels } from '../canvas/drawHeatmap';
import type { ColorScale } from '../canvas/colorScales';

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
): ImageData {
  const img = new ImageData(layout.width, layout.height);
  img.data.fill(255);
  const tile = new Uint8ClampedArray(w * h * 4);
  maps.forEach((values, m) => {
    heatmapPixels(values, w, h, scale, tile);
    const x0 = (m % layout.cols) * (w * cellPx + gap);
    const y0 = Math.floor(m / layout.cols) * (h * cellPx + gap);
    for (let r = 0; r < h * cellPx; r++) {
      const src = Math.floor(r / cellPx) * w;
      let dst = ((y0 + r) * layout.width + x0) * 4;
      for (let c = 0; c < w * cellPx; c++, dst += 4) {
        const s = (src + Math.floor(c / cellPx)) * 4;
        img.data[dst] = tile[s] ?? 0;
        img.data[dst + 1] = tile[s + 1] ?? 0;
        img.data[dst + 2] = tile[s + 2] ?? 0;
      }
    }
  });
  return img;
}

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
  const layout = mapGridLayout(maps.length, w, h, cellPx, gap, maxWidth);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || maps.length === 0) return;
    const l = mapGridLayout(maps.length, w, h, cellPx, gap, maxWidth);
    if (canvas.width !== l.width) canvas.width = l.width;
    if (canvas.height !== l.height) canvas.height = l.height;
    ctx.putImageData(mapGridPixels(maps, w, h, scale, cellPx, gap, l), 0, 0);
  }, [maps, w, h, scale, cellPx, gap, maxWidth]);
  return (
    <canvas
      ref={ref}
      className="train-mapgrid"
      width={layout.width}
      height={layout.height}
      style={{ width: layout.width, height: layout.height }}
      role="img"
      aria-label={`${label}: ${maps.length} map${maps.length === 1 ? '' : 's'} of ${h}×${w}`}
    />
  );
});
