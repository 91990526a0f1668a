import { memo, useMemo, useRef, useState } from 'react';
import { t } from '../../i18n';
import { chooseScale, type ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { downloadCanvasPng } from '../canvas/download';
import { ExportMenu } from '../ui';
import type { CellRect, HeatmapHighlight } from '../canvas/drawHeatmap';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { useContentBox } from '../canvas/useContentWidth';
import { fmtNum, paddedCell } from './format';

export type MapPanelProps = {
  title: string;
  /** A second line under the title (what the map is). */
  subtitle?: string;
  values: Float32Array;
  w: number;
  h: number;
  /** Map size before the panel's width is known; then the map fills the panel's width (see below). */
  maxPx: number;
  scale?: ColorScale;
  highlights?: HeatmapHighlight[];
  inner?: CellRect;
  filled?: number;
  /** File name stem for downloads, e.g. "conv-output". */
  fileStem: string;
  testId: string;
  /** Cell whose value is shown when the pointer is elsewhere (the current position). */
  focusCell?: { row: number; col: number };
  /** Row/column offset subtracted in the pointer read-out (padding), so positions name real pixels. */
  offset?: number;
  onCellHover?: (cell: { row: number; col: number } | null) => void;
  onCellClick?: (cell: { row: number; col: number }) => void;
  children?: React.ReactNode;
  className?: string;
};

/** cell size that fits `w`×`h` cells in `maxPx`, clamped to a readable range. */
export function fitCell(w: number, h: number, maxPx: number, most = 52): number {
  return Math.max(3, Math.min(most, Math.floor(maxPx / Math.max(w, h))));
}

/**
 * A titled map with its legend, the value under the pointer (as text, not only colour) and
 * Download CSV / PNG buttons. Numbers are printed in the cells whenever the cells are big enough.
 */
export const MapPanel = memo(function MapPanel(p: MapPanelProps) {
  const scale = useMemo(() => p.scale ?? chooseScale(p.values), [p.scale, p.values]);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [fit, box] = useContentBox<HTMLDivElement>();
  // As large as the panel is wide, at a whole cell size, but no taller than ~60% of the screen, so
  // the map and its read-out stay in view together. In presentation mode the stylesheet may give the
  // map a room of its own (`.map-room`, the screen's main picture): then it fills that room's height.
  const room =
    box === null
      ? p.maxPx
      : box.height > 1
        ? Math.min(box.width, box.height)
        : Math.min(box.width, Math.round(window.innerHeight * 0.6));
  const cellPx = fitCell(p.w, p.h, room);
  const shown = hover ?? p.focusCell ?? null;
  const off = p.offset ?? 0;
  const { onCellHover } = p;
  const hoverCb = useMemo(
    () => (cell: { row: number; col: number } | null) => {
      setHover(cell);
      onCellHover?.(cell);
    },
    [onCellHover],
  );
  return (
    <Panel
      title={p.title}
      shape={`${p.h}×${p.w}`}
      testId={p.testId}
      className={p.className}
      actions={
        <ExportMenu
          what={p.title}
          testId={p.testId}
          csv={{
            maps: () => [{ name: p.fileStem, values: p.values }],
            w: p.w,
            h: p.h,
            filename: `${p.fileStem}.csv`,
          }}
          png={() => downloadCanvasPng(wrap.current, `${p.fileStem}.png`)}
        />
      }
    >
      {p.subtitle && <div className="conv-subtitle">{p.subtitle}</div>}
      <div className="map-room">
        <div ref={fit} className="map-fit" />
        <div ref={wrap} className="conv-map">
          <Heatmap
            values={p.values}
            w={p.w}
            h={p.h}
            scale={scale}
            cellPx={cellPx}
            label={p.title}
            showNumbers={cellPx >= 30}
            decimals={cellPx >= 44 ? 2 : 1}
            highlights={p.highlights}
            inner={p.inner}
            filled={p.filled}
            onCellHover={hoverCb}
            onCellClick={p.onCellClick}
          />
        </div>
      </div>
      <div className="conv-readout" data-testid={`${p.testId}-readout`} aria-live="polite">
        {shown
          ? (() => {
              const value =
                p.filled !== undefined && shown.row * p.w + shown.col >= p.filled
                  ? t('conv.map.notComputed')
                  : fmtNum(p.values[shown.row * p.w + shown.col] ?? 0);
              const cell = paddedCell(shown.row, shown.col, off, p.w, p.h);
              return cell.kind === 'padding'
                ? t('conv.map.paddingReadout', { value })
                : t('conv.map.readout', { row: String(cell.row), col: String(cell.col), value });
            })()
          : t('conv.map.pointAt')}
      </div>
      <ColorLegend scale={scale} width={Math.min(160, Math.max(110, p.w * cellPx))} />
      {p.children}
    </Panel>
  );
});
