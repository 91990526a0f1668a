import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { t } from '../../i18n';
import { queueCanvasPaint } from './budgetedPaints';
import { useOnScreen } from './useOnScreen';
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
  /**
   * Paint through the budgeted queue (budgetedPaints) instead of in this commit's effects: for a page
   * that redraws many maps in one answer (Draw's layer panels at a stroke's end). Each waits for a task
   * of its own when the commit's budget is spent, those out of sight (200 px margin) behind the rest,
   * so no task holds them all and the visible ones change first. A new canvas is blank for that moment.
   */
  paintLater?: boolean;
  onCellHover?: (cell: { row: number; col: number } | null) => void;
  onCellClick?: (cell: { row: number; col: number }) => void;
  className?: string;
  testId?: string;
};

/** Canvases painted at least once: a budgeted heatmap's first paint always waits (budgetedPaints). */
const painted = new WeakSet<HTMLCanvasElement>();

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
  const later = p.paintLater ?? false;
  // Only a budgeted heatmap watches whether it is on screen (an observer per canvas otherwise).
  const [watched, setWatched] = useState<HTMLCanvasElement | null>(null);
  const setRef = useCallback(
    (el: HTMLCanvasElement | null) => {
      ref.current = el;
      if (later) setWatched(el);
    },
    [later],
  );
  const onScreen = useOnScreen(later ? watched : null, 200);
  // Read when a paint is queued: scrolling alone must not repaint.
  const onScreenRef = useRef(onScreen);
  onScreenRef.current = onScreen;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const paint = () => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      painted.add(canvas);
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
    };
    if (!later) {
      paint();
      return;
    }
    return queueCanvasPaint(canvas, paint, { first: !painted.has(canvas), later: !onScreenRef.current });
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
    later,
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
      ref={setRef}
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
