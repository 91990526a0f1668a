import { useMemo } from 'react';
import { t } from '../../i18n';
import type { ExplainSettings } from '../../state/explainParams';
import { EXPLAIN_SPEEDS } from '../../state/explainParams';
import type { ColorScale } from '../canvas/colorScales';
import { Panel } from '../canvas/Panel';
import { PlayerControls } from '../player/PlayerControls';
import { useGridPlayer } from '../player/usePlayer';
import { ExplainMapPanel } from './ExplainMapPanel';
import { OverlayCanvas } from './OverlayCanvas';
import type { ExplainPicture } from './useExplainImage';
import type { ExplainResult } from './useExplainMap';

/** Occlusion, step by step: the map filling in, the hidden patch on the picture, and the numbers. */
export function OcclusionPanels({
  picture,
  result,
  settings,
  update,
  cellPx,
  mapCell,
  scale,
  title,
  filename,
  classLabel,
}: {
  picture: ExplainPicture;
  result: ExplainResult;
  settings: ExplainSettings;
  update: (patch: Partial<ExplainSettings>) => void;
  cellPx: number;
  mapCell: number;
  scale: ColorScale;
  title: string;
  filename: string;
  /** The explained class as people read it (a digit, or a class name). */
  classLabel: string | number;
}) {
  const count = result.w * result.h;
  const { player, oy, ox, describe, cursor } = useGridPlayer(
    result.h,
    result.w,
    { step: settings.step ?? count - 1, speed: settings.speed },
    update,
  );
  const top = oy * settings.stride;
  const left = ox * settings.stride;
  const box = useMemo(
    () => ({ row: top, col: left, size: settings.patch, hidden: true }),
    [top, left, settings.patch],
  );
  const hiddenP = result.occluded?.[oy * result.w + ox] ?? 0;
  const base = result.base ?? 0;
  const diff = base - hiddenP;
  return (
    <>
      <ExplainMapPanel
        title={title}
        shape={t('explain.panels.mapShape', { h: result.h, w: result.w })}
        values={result.values}
        w={result.w}
        h={result.h}
        scale={scale}
        cellPx={mapCell}
        filename={filename}
        legendTitle={t('explain.panels.legendOcclusion', { digit: classLabel })}
        cursor={cursor}
      />
      <Panel
        title={t('explain.panels.occluded')}
        shape={t('explain.panels.occludedShape', {
          h: picture.shape[0],
          w: picture.shape[1],
          patch: settings.patch,
          row: top,
          col: left,
        })}
        testId="explain-occluded"
      >
        <OverlayCanvas
          picture={picture.pixels}
          channels={picture.shape[2]}
          onPicture={null}
          w={picture.shape[1]}
          h={picture.shape[0]}
          scale={scale}
          opacity={0}
          cellPx={cellPx}
          label={t('explain.panels.occludedLabel')}
          box={box}
        />
        <p className="explain-readout" data-testid="explain-readout">
          {t('explain.panels.stepReadout', {
            row: oy,
            col: ox,
            digit: classLabel,
            base: base.toFixed(4),
            hidden: hiddenP.toFixed(4),
            diff: (diff >= 0 ? '−' : '+') + Math.abs(diff).toFixed(4),
          })}
        </p>
      </Panel>
      <div className="explain-player">
        <PlayerControls
          player={player}
          speeds={EXPLAIN_SPEEDS}
          describe={describe}
          label={t('explain.panels.playerLabel')}
        />
      </div>
    </>
  );
}
