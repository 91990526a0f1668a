import { memo, useMemo } from 'react';
import { ColorLegend } from '../canvas/ColorLegend';
import { useContentWidth } from '../canvas/useContentWidth';
import { MapGrid } from './MapGrid';
import { Panel } from '../canvas/Panel';
import { chooseSharedScale, type ColorScale } from '../canvas/colorScales';
import type { LayerSnapshot } from '../../engine/train/trainer';
import { hasMessage, t, tx } from '../../i18n';
import { useTrainWords, type TrainWords } from './trainWords';
import { LayoutBoundaryIf } from './LayoutBoundary';

/** Splits channel-last [h, w, c] data into c maps of h×w. */
function channels(s: LayerSnapshot): Float32Array[] {
  const [h = 1, w = 1, c = 1] = s.shape;
  const maps: Float32Array[] = [];
  for (let k = 0; k < c; k++) {
    const m = new Float32Array(h * w);
    for (let i = 0; i < h * w; i++) m[i] = s.data[i * c + k] ?? 0;
    maps.push(m);
  }
  return maps;
}

/** The first conv's kernel [kh, kw, inC, f] → f maps of kh×kw (input channel 0: the digit). */
function kernelMaps(s: LayerSnapshot): Float32Array[] {
  if (s.shape.length !== 4) return [];
  const [kh = 5, kw = 5, inC = 1, f = 1] = s.shape;
  const maps: Float32Array[] = [];
  for (let k = 0; k < f; k++) {
    const m = new Float32Array(kh * kw);
    for (let i = 0; i < kh * kw; i++) m[i] = s.data[i * inC * f + k] ?? 0;
    maps.push(m);
  }
  return maps;
}

export const FiltersPanel = memo(function FiltersPanel({
  filters,
  words,
  maxWidth = 220,
  contained = false,
}: {
  filters: LayerSnapshot | null;
  /** Pixels the filters may take before wrapping to a new row. */
  maxWidth?: number;
  /** Replaces the note and the empty-state line where the page has no Train button (lesson 10). */
  words?: { note: string; empty: string };
  /** Lays its maps out on their own (LayoutBoundary): the Train area, where they change ~3× a second. */
  contained?: boolean;
}) {
  const maps = useMemo(() => (filters ? kernelMaps(filters) : []), [filters]);
  const [kh = 5, kw = 5] = filters?.shape ?? [];
  // A snapshot without a kernel: this network has no convolution, so there are no filters to show.
  const noConv = filters !== null && filters.shape.length === 0;
  const scale = useMemo<ColorScale>(() => chooseSharedScale(maps), [maps]);
  return (
    <Panel
      title={t('train.filters.title')}
      shape={t('train.filters.shape', { n: String(maps.length || 6), kh, kw })}
      className="train-filters"
      testId="filters"
    >
      <LayoutBoundaryIf on={contained}>
        <p className="train-note">{words?.note ?? t('train.filters.note')}</p>
        <div className="train-map-row">
          {maps.length > 0 ? (
            <MapGrid
              maps={maps}
              w={kw}
              h={kh}
              scale={scale}
              cellPx={Math.max(4, Math.floor(60 / Math.max(kh, kw)))}
              gap={6}
              maxWidth={maxWidth}
              label={t('train.filters.title')}
            />
          ) : (
            <span className="train-note">
              {noConv ? t('arch.editor.noConv') : (words?.empty ?? t('train.filters.empty'))}
            </span>
          )}
        </div>
        {maps.length > 0 && <ColorLegend scale={scale} width={140} paintLater />}
      </LayoutBoundaryIf>
    </Panel>
  );
});

function fmtShape(shape: number[]): string {
  const [h = 0, w = 0, c = 0] = shape.map(String);
  if (shape.length === 3) return t(shape[2] === 1 ? 'train.layers.oneMap' : 'train.layers.maps', { c, h, w });
  return t('train.layers.numbers', { n: h });
}

/** A few words on what a layer's maps show (none for a layer the catalogue does not know). */
function layerWords(name: string, nouns: TrainWords): string {
  const key = `train.layers.words.${name}`;
  return hasMessage(key) ? tx(key, nouns) : '';
}

/** One layer: feature maps as small heatmaps, vectors as one strip, the output as labelled bars. */
const LayerRow = memo(function LayerRow({
  layer,
  maxWidth,
  classNames,
}: {
  layer: LayerSnapshot;
  maxWidth?: number;
  /** Names under the output bars; digits 0–9 when absent. */
  classNames?: readonly string[];
}) {
  const nouns = useTrainWords();
  const isMaps = layer.shape.length === 3;
  const maps = useMemo(() => (isMaps ? channels(layer) : [layer.data]), [layer, isMaps]);
  const scale = useMemo<ColorScale>(
    () => (layer.name === 'input' ? { kind: 'sequential', domain: [0, 1] } : chooseSharedScale(maps)),
    [maps, layer.name],
  );
  const [h = 1, w = 1] = layer.shape;
  const cellPx = isMaps ? Math.max(1, Math.min(4, Math.floor(56 / Math.max(h, w)))) : 0;
  // A vector's numbers in rows of up to 60 cells of 8 px, fewer where the panel is narrower (a phone).
  const perRow = Math.max(10, Math.min(60, Math.floor((maxWidth ?? 480) / 8)));
  if (layer.name === 'output') {
    let best = 0;
    layer.data.forEach((p, i) => {
      if (p > (layer.data[best] ?? 0)) best = i;
    });
    return (
      <div className="train-layer" data-layer="output">
        <div className="train-layer-name">
          {t('train.layers.output', { n: layer.data.length })} <span>{layerWords('output', nouns)}</span>
        </div>
        <div className={classNames?.some((n) => n.length > 2) ? 'train-bars named' : 'train-bars'}>
          {Array.from(layer.data, (p, i) => (
            <div
              key={i}
              className={`train-bar${i === best ? ' best' : ''}`}
              title={t('train.layers.bar', {
                digit: classNames?.[i] ?? String(i),
                pct: (p * 100).toFixed(1),
              })}
            >
              <div className="train-bar-fill" style={{ height: `${Math.max(1, p * 100)}%` }} />
              <span>{classNames?.[i] ?? i}</span>
            </div>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className="train-layer" data-layer={layer.name}>
      <div className="train-layer-name">
        {layer.name} · {fmtShape(layer.shape)} <span>{layerWords(layer.name, nouns)}</span>
      </div>
      <div className="train-map-row">
        {isMaps ? (
          <MapGrid
            maps={maps}
            w={w}
            h={h}
            scale={scale}
            cellPx={cellPx}
            label={layer.name}
            maxWidth={maxWidth}
          />
        ) : (
          <MapGrid
            maps={[layer.data]}
            w={Math.min(layer.data.length, perRow)}
            h={Math.ceil(layer.data.length / perRow)}
            scale={scale}
            cellPx={8}
            label={t('train.layers.values', { name: layer.name })}
          />
        )}
        <ColorLegend scale={scale} width={120} paintLater />
      </div>
    </div>
  );
});

export const ActivationsPanel = memo(function ActivationsPanel({
  layers,
  digit,
  label,
  words,
  mapsMaxWidth,
  classNames,
  contained = false,
}: {
  layers: LayerSnapshot[];
  digit: number | null;
  /** The picture's true class: a digit, or a class name. */
  label: number | string | null;
  classNames?: readonly string[];
  /** Replaces the note and the empty-state line where the page has no Train button or mistakes panel. */
  words?: { note: string; empty: string };
  /** Pixels a layer's maps may take before wrapping (the Train area's default is 640). */
  mapsMaxWidth?: number;
  /** Lays its layers out on their own (LayoutBoundary): the Train area, where they change ~3× a second. */
  contained?: boolean;
}) {
  const nouns = useTrainWords();
  // Maps wrap at the panel's own width when it is narrower than asked (a phone), never past its edge.
  const [layersRef, layersWidth] = useContentWidth<HTMLDivElement>();
  const wrapAt =
    layersWidth === null || layersWidth <= 0 ? mapsMaxWidth : Math.min(mapsMaxWidth ?? 640, layersWidth);
  return (
    <Panel
      title={
        digit === null
          ? t('train.layers.title')
          : t('train.layers.titleDigit', { ...nouns, digit: String(digit) })
      }
      shape={label === null ? undefined : t('train.layers.shape', { label: String(label) })}
      className="train-activations"
      testId="activations"
    >
      <LayoutBoundaryIf on={contained}>
        <p className="train-note">{words?.note ?? t('train.layers.note', nouns)}</p>
        {layers.length === 0 && <p className="train-note">{words?.empty ?? t('train.layers.empty')}</p>}
        <div className="train-layers" ref={layersRef}>
          {layers.map((l) => (
            <LayerRow key={l.name} layer={l} maxWidth={wrapAt} classNames={classNames} />
          ))}
        </div>
      </LayoutBoundaryIf>
    </Panel>
  );
});
