import { t } from '../../i18n';
import { ColorLegend } from '../canvas/ColorLegend';
import type { ColorScale } from '../canvas/colorScales';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import type { GridCursor } from '../player/usePlayer';
import { ExportMenu } from '../ui';

/**
 * The computed map of any method (occlusion, gradient, SmoothGrad, Grad-CAM) as one titled panel: the
 * values as a heatmap with its legend, and a CSV of exactly those values (one row per map row). The
 * occlusion player passes its `cursor` (cells filled so far, the current one outlined, a tap moves it).
 */
export function ExplainMapPanel({
  title,
  shape,
  values,
  w,
  h,
  scale,
  cellPx,
  filename,
  legendTitle,
  decimals,
  cursor,
}: {
  title: string;
  /** The panel's shape line ("13×13", "7×7 → 28×28"). */
  shape: string;
  /** `w × h`, row-major: what the map shows and the CSV holds. */
  values: Float32Array;
  w: number;
  h: number;
  scale: ColorScale;
  cellPx: number;
  filename: string;
  legendTitle: string;
  decimals?: number;
  cursor?: GridCursor;
}) {
  return (
    <Panel
      title={title}
      shape={shape}
      testId="explain-map"
      actions={
        <ExportMenu
          what={title}
          csv={{ maps: () => [{ name: title, values }], w, h, filename }}
          testId="explain-map"
        />
      }
    >
      <Heatmap
        values={values}
        w={w}
        h={h}
        scale={scale}
        cellPx={cellPx}
        label={t('explain.panels.mapLabel')}
        showNumbers={cursor ? cellPx >= 36 : undefined}
        filled={cursor?.filled}
        highlights={cursor?.highlights}
        onCellHover={cursor?.onCellHover}
        onCellClick={cursor?.onCellClick}
      />
      <ColorLegend scale={scale} title={legendTitle} decimals={decimals} />
    </Panel>
  );
}
