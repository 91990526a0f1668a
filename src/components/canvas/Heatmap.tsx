import { memo, useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { t } from '../../i18n';
import { valueRange, type ColorScale } from './colorScales';
import { drawHeatmap, formatCell, heatmapPixels, type CellRect, type HeatmapHighlight } from './drawHeatmap';

export type HeatmapProps = {
  values: ArrayLike<number>;
  w: number;
  h: number;
  scale: ColorScale;
  cellPx: number;
  /** Text alternative: what the map is. Size and value range are added automatically. */
  label: string;
  showNumbers?: boolean;
  decimals?: number;
  /** Size of the printed numbers in CSS pixels (default: from the cell size, 9 to 16 px). */
  fontPx?: number;
  filled?: number;
  highlights?: HeatmapHighlight[];
  inner?: CellRect;
  /**
   * One canvas pixel per cell, scaled up by CSS (`image-rendering: pixelated`, as `.heatmap` has): one
   * putImageData instead of a scaled draw, for many small plain maps mounted at once (the Train area's
   * 16 mistakes at an epoch's end). Ignored with numbers, highlights, padding or unfilled cells.
   */
  pixelPerCell?: boolean;
  onCellHover?: (cell: { row: number; col: number } | null) => void;
  onCellClick?: (cell: { row: number; col: number }) => void;
  className?: string;
  testId?: string;
};

function describe(values: ArrayLike<number>, w: number, h: number, label: string): string {
  const size = { label, h: String(h), w: String(w) };
  if (!values.length) return t('canvas.heatmap.describe', size);
  const [min, max] = valueRange(values);
  return t('canvas.heatmap.describeRange', { ...size, min: formatCell(min, 2), max: formatCell(max, 2) });
}

/**
 * A grid of values drawn as coloured cells (excalidraw StaticCanvas shape: ref'd canvas, effect calling a
 * pure draw function, device-pixel-ratio scaling). Clicking or pressing Enter on a cell reports it.
 */
export const Heatmap = memo(function Heatmap(p: HeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cssW = p.w * p.cellPx;
  const cssH = p.h * p.cellPx;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const plain =
      p.pixelPerCell &&
      !p.showNumbers &&
      !p.highlights?.length &&
      !p.inner &&
      (p.filled ?? p.w * p.h) >= p.w * p.h;
    if (plain) {
      if (canvas.width !== p.w) canvas.width = p.w;
      if (canvas.height !== p.h) canvas.height = p.h;
      const img = new ImageData(p.w, p.h);
      heatmapPixels(p.values, p.w, p.h, p.scale, img.data);
      ctx.putImageData(img, 0, 0);
      return;
    }
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const width = Math.round(cssW * dpr);
    const height = Math.round(cssH * dpr);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    drawHeatmap(ctx, {
      values: p.values,
      w: p.w,
      h: p.h,
      scale: p.scale,
      cellPx: p.cellPx,
      dpr,
      showNumbers: p.showNumbers ?? false,
      decimals: p.decimals ?? (p.cellPx >= 44 ? 2 : 1),
      fontPx: p.fontPx,
      filled: p.filled ?? p.w * p.h,
      highlights: p.highlights ?? [],
      ...(p.inner ? { inner: p.inner } : {}),
    });
  }, [
    p.values,
    p.w,
    p.h,
    p.scale,
    p.cellPx,
    p.showNumbers,
    p.decimals,
    p.fontPx,
    p.filled,
    p.highlights,
    p.inner,
    p.pixelPerCell,
    cssW,
    cssH,
  ]);

  const cellAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * p.w);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * p.h);
    return row >= 0 && row < p.h && col >= 0 && col < p.w ? { row, col } : null;
  };
  const interactive = Boolean(p.onCellClick);

  return (
    <canvas
      ref={ref}
      className={p.className ?? 'heatmap'}
      style={{ width: cssW, height: cssH }}
      role="img"
      aria-label={describe(p.values, p.w, p.h, p.label)}
      data-testid={p.testId}
      tabIndex={interactive ? 0 : undefined}
      onPointerMove={p.onCellHover ? (e) => p.onCellHover?.(cellAt(e)) : undefined}
      onPointerLeave={p.onCellHover ? () => p.onCellHover?.(null) : undefined}
      onPointerDown={
        interactive
          ? (e) => {
              const cell = cellAt(e);
              if (cell) p.onCellClick?.(cell);
            }
          : undefined
      }
      onKeyDown={
        interactive
          ? (e: KeyboardEvent<HTMLCanvasElement>) => {
              if (e.key === 'Enter') p.onCellClick?.({ row: 0, col: 0 });
            }
          : undefined
      }
    />
  );
});
