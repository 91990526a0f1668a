import { useMemo, useState, type ReactNode } from 'react';
import type { LayerReadout, ReadoutLayer } from '../../../engine';
import { chooseScale, chooseSharedScale } from '../../canvas/colorScales';
import { ColorLegend } from '../../canvas/ColorLegend';
import { steadyScale } from '../../draw/LayerPanels';
import { buildMontage, montageLayout, slotOrigin } from '../../draw/montage';
import { channelOf } from '../../draw/explorerLinks';
import { SegmentedButtons } from '../../ui';
import { t, tn } from '../../../i18n';
import { useFitCell } from './common';
import { MapFigure } from './parts';

/** Height at zoom 1 the chosen layer's picture aims at below a projector's size (1366×768). */
const DESK_PICTURE_PX = 340;

/** Columns of a dense layer's grid, as the Draw area lays it out: rows of 12, 16 for the widest. */
const denseCols = (n: number) => (n <= 12 ? n : n <= 144 ? 12 : 16);

/** The layers a presented step can show big: every layer of maps, and (`all`) the dense layers. */
export function presentableLayers(readout: LayerReadout, part: 'all' | 'features'): ReadoutLayer[] {
  const firstFlat = readout.layers.findIndex((l) => l.shape.length !== 3);
  return readout.layers.filter(
    (l, i) => l.kind !== 'output' && (part === 'all' || firstFlat < 0 || i < firstFlat),
  );
}

/** One layer as one picture: its maps side by side in a near-square block, or its numbers as a grid. */
function layerPicture(layer: ReadoutLayer) {
  const [h = 0, w = 0, c = 0] = layer.shape;
  if (layer.shape.length === 3) {
    const maps = Array.from({ length: c }, (_, i) => channelOf(layer.data, h, w, c, i));
    const gap = h >= 10 ? 2 : 1;
    // As many columns as rows (6 maps: 3 × 2, 16: 4 × 4): the block fills a square room best.
    const L = montageLayout(h, c, Math.ceil(Math.sqrt(c)), gap, gap);
    // The band under the last row is left off: blank cells there would only shrink the picture.
    const rows = L.h - gap;
    return {
      values: buildMontage(maps, L).subarray(0, rows * L.w),
      w: L.w,
      h: rows,
      scale: steadyScale(chooseSharedScale(maps)),
      // Maps are 0 (white) at their edges after ReLU: a grey outline shows where each one is.
      highlights: maps.map((_, m) => ({
        ...slotOrigin(m, L),
        rows: h,
        cols: h,
        color: '#8a94a3',
        width: 1,
      })),
      shape: tn('draw.layers.mapsShape', c, { size: String(h) }),
      label: tn('draw.layers.mapsLabel', c, { name: layer.name, size: String(h) }),
    };
  }
  const n = layer.data.length;
  const cols = denseCols(n);
  return {
    values: layer.data,
    w: cols,
    h: Math.ceil(n / cols),
    scale: steadyScale(chooseScale(layer.data)),
    highlights: [],
    shape: t('draw.layers.numbers', { n: String(n) }),
    label: t('draw.layers.activations', { name: layer.name }),
  };
}

/**
 * Lesson 9's live network presented (steps 2 and 4): ONE layer big, chosen with segmented buttons a
 * clicker's Tab and ←/→ reach, beside the digit it reads and (step 4) the network's answer. Why one
 * layer: every layer's panel at once is three screens tall, and zoomed to fit it would be too small to
 * read from the back of a room; the words walk through the layers one by one, and so can the teacher.
 */
export function LenetLivePresent({
  readout,
  part,
  digit,
}: {
  readout: LayerReadout;
  part: 'all' | 'features';
  /** The digit the network reads, with its picker. */
  digit: ReactNode;
}) {
  const layers = presentableLayers(readout, part);
  const [chosen, setChosen] = useState(layers[0]?.name ?? '');
  const layer = layers.find((l) => l.name === chosen) ?? layers[0];
  const picture = useMemo(() => (layer ? layerPicture(layer) : null), [layer]);
  const deskCell = useFitCell(picture?.w ?? 1, Math.max(2, Math.floor(DESK_PICTURE_PX / (picture?.h ?? 1))));
  if (!layer || !picture) return null;
  const conf = readout.confidence;
  return (
    <>
      <SegmentedButtons
        label={t('panels.lenetPickLayer')}
        value={layer.name}
        options={layers.map((l) => ({ value: l.name, label: l.name }))}
        onChange={setChosen}
        testId="lenet-layer-pick"
      />
      <div className="learn-row learn-lenet-present">
        <MapFigure
          main
          values={picture.values}
          w={picture.w}
          h={picture.h}
          scale={picture.scale}
          cellPx={deskCell}
          highlights={picture.highlights}
          label={picture.label}
          caption={`${layer.name} · ${picture.shape}`}
        >
          <ColorLegend scale={picture.scale} width={160} />
        </MapFigure>
        <div className="learn-stack">
          {digit}
          {part === 'all' && (
            <p className="learn-lenet-answer" data-testid="lenet-answer">
              {t('panels.lenetAnswer')}{' '}
              <strong className="learn-lenet-answer-digit" data-testid="prediction">
                {readout.top}
              </strong>{' '}
              {t('panels.lenetSure', { pct: (conf * 100).toFixed(conf >= 0.995 || conf < 0.1 ? 1 : 0) })}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
