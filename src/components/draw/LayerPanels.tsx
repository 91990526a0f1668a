import { memo, useMemo, type ReactNode } from 'react';
import { t, tn } from '../../i18n';
import { filterSlice, type FilterBank, type LayerReadout, type ProbeLayer } from '../../engine';
import { chooseScale, chooseSharedScale, type ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { actLabel } from '../convolution/format';
import { buildMontage, fitMontage, mapAtCell, montageLayout, slotOrigin } from './montage';
import { useContentWidth } from '../canvas/useContentWidth';
import {
  channelOf,
  conv1Link,
  conv2Link,
  poolLink,
  strongestChannel,
  type ConvActivation,
} from './explorerLinks';
import type { ConvChannel } from '../../state/drawParams';

export type LayerLinks = {
  conv1: FilterBank | null;
  conv2: FilterBank | null;
  activation: ConvActivation;
  pooling: 'max' | 'avg';
  channel: ConvChannel;
};

type MapsProps = {
  name: ProbeLayer;
  what: string;
  maps: Float32Array[];
  size: number;
  cellPx: number;
  cols: number;
  scale: ColorScale;
  hrefOf?: (i: number) => string | null;
  hint?: string;
  /** Width the panel's picture may take, px (null: not measured yet). */
  room: number | null;
};

const scaleCache = new Map<string, ColorScale>();

/**
 * The same scale with its ends rounded outwards to two significant digits, and the same object for
 * the same ends: while a stroke grows, the legends (and their canvases) then stay put instead of
 * being redrawn every frame, and the tick numbers are easier to read.
 */
export function steadyScale(scale: ColorScale): ColorScale {
  const round = (v: number) => {
    if (v === 0 || !Number.isFinite(v)) return v;
    const step = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
    return Math.sign(v) * Math.ceil(Math.abs(v) / step - 1e-9) * step;
  };
  const lo = Number(round(scale.domain[0]).toPrecision(2));
  const hi = Number(round(scale.domain[1]).toPrecision(2));
  const key = `${scale.kind}:${lo}:${hi}`;
  let out = scaleCache.get(key);
  if (!out) {
    if (scaleCache.size > 500) scaleCache.clear();
    out = { kind: scale.kind, domain: [lo, hi] };
    scaleCache.set(key, out);
  }
  return out;
}

function go(href: string | null) {
  if (href) window.location.hash = href;
}

/** One layer's panel: titled with the layer's name and its shape, then one line on what it does. */
function LayerPanel({
  name,
  title = name,
  shape,
  what,
  className = 'draw-layer',
  children,
}: {
  name: ProbeLayer;
  title?: string;
  shape: string;
  what: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Panel title={title} shape={shape} className={className} testId={`layer-${name}`}>
      <p className="draw-what">{what}</p>
      {children}
    </Panel>
  );
}

const MapGrid = memo(function MapGrid(props: MapsProps) {
  const gap = props.size >= 10 ? 2 : 1;
  // Fewer columns, then smaller cells, when the screen is narrow (a phone).
  const p = { ...props, ...fitMontage(props.size, props.maps.length, props, gap, props.room) };
  // The band under each row is just tall enough for the map numbers (about 16 px of text).
  const L = montageLayout(p.size, p.maps.length, p.cols, gap, Math.ceil(17 / p.cellPx));
  const values = buildMontage(p.maps, L);
  const outlines = useMemo(
    () =>
      Array.from({ length: L.count }, (_, m) => ({
        ...slotOrigin(m, L),
        rows: L.size,
        cols: L.size,
        color: '#8a94a3',
        width: 1,
      })),
    // L is rebuilt each render from these numbers; depending on them keeps the outlines stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [L.count, L.size, L.cols, L.gap, L.band],
  );
  const open = p.hrefOf;
  const heatmap = (
    <Heatmap
      values={values}
      w={L.w}
      h={L.h}
      scale={p.scale}
      cellPx={p.cellPx}
      label={tn('draw.layers.mapsLabel', p.maps.length, { name: p.name, size: String(p.size) })}
      highlights={outlines}
      className="heatmap draw-montage"
      {...(open
        ? {
            onCellClick: ({ row, col }: { row: number; col: number }) => {
              const m = mapAtCell(row, col, L);
              if (m !== null) go(open(m));
            },
          }
        : {})}
      testId={`${p.name}-maps`}
    />
  );
  return (
    <LayerPanel
      name={p.name}
      shape={tn('draw.layers.mapsShape', p.maps.length, { size: String(p.size) })}
      what={p.what}
      className={`draw-layer draw-layer-${p.name}`}
    >
      <div className="draw-montage-wrap" style={{ width: L.w * p.cellPx }}>
        {heatmap}
        {p.maps.map((_, m) => {
          const o = slotOrigin(m, L);
          return (
            <span
              key={m}
              className="draw-map-number"
              aria-hidden="true"
              style={{
                left: o.col * p.cellPx,
                top: (o.row + L.size) * p.cellPx,
                width: L.size * p.cellPx,
              }}
            >
              {m + 1}
            </span>
          );
        })}
      </div>
      <ColorLegend scale={p.scale} width={120} />
      {p.hint && <p className="draw-hint">{p.hint}</p>}
    </LayerPanel>
  );
});

const DenseGrid = memo(function DenseGrid({
  name,
  values,
  cols,
  what,
}: {
  name: ProbeLayer;
  values: Float32Array;
  cols: number;
  what: string;
}) {
  const rows = Math.ceil(values.length / cols);
  const scale = steadyScale(chooseScale(values));
  return (
    <LayerPanel name={name} shape={t('draw.layers.numbers', { n: String(values.length) })} what={what}>
      <Heatmap
        values={values}
        w={cols}
        h={rows}
        scale={scale}
        cellPx={12}
        label={t('draw.layers.activations', { name })}
      />
      <p className="draw-hint">{t('draw.layers.rowsOf', { rows: String(rows), cols: String(cols) })}</p>
      <ColorLegend scale={scale} width={120} />
    </LayerPanel>
  );
});

type MapLayer = 'conv1' | 'pool1' | 'conv2' | 'pool2';

/** Every layer for the drawn digit, in network order, each titled with its shape. */
/**
 * Every layer of the network for one readout. `part: 'features'` stops after pool2 (the convolution and
 * pooling half), for a lesson step about that half that must fit a projected screen.
 */
export function LayerPanels({
  readout,
  links,
  part = 'all',
}: {
  readout: LayerReadout;
  links: LayerLinks;
  part?: 'all' | 'features';
}) {
  const { layers } = readout;
  const [measure, width] = useContentWidth<HTMLDivElement>();
  const split = (name: MapLayer) => {
    const [h = 0, w = 0, c = 0] = layers[name].shape;
    return { maps: Array.from({ length: c }, (_, i) => channelOf(layers[name].data, h, w, c, i)), size: h };
  };
  const maps = { conv1: split('conv1'), pool1: split('pool1'), conv2: split('conv2'), pool2: split('pool2') };
  const { conv1: bank1, conv2: bank2, activation, pooling, channel } = links;
  const channelFor = useMemo(() => {
    return (filter: number): number => {
      if (!bank2) return 0;
      if (channel !== 'auto') return Math.min(channel, bank2.shape[2] - 1);
      return strongestChannel(
        Array.from({ length: bank2.shape[2] }, (_, c) => filterSlice(bank2, filter, c)),
      );
    };
  }, [bank2, channel]);
  // Larger cells for the smaller maps, so every layer's grid is about as wide as the next.
  const grids: (Pick<MapsProps, 'what' | 'cellPx' | 'cols' | 'hrefOf' | 'hint'> & { name: MapLayer })[] = [
    {
      name: 'conv1',
      what: t('draw.layers.conv1'),
      cellPx: 4,
      cols: 6,
      hrefOf: (i) => (bank1 ? conv1Link(filterSlice(bank1, i), bank1.bias[i] ?? 0, activation) : null),
      // Only where the maps are links: without the filter bank (a lesson's test digit) nothing opens.
      ...(bank1 ? { hint: t('draw.layers.conv1Hint') } : {}),
    },
    {
      name: 'pool1',
      what: pooling === 'max' ? t('draw.layers.pool1Max') : t('draw.layers.pool1Avg'),
      cellPx: 5,
      cols: 6,
      hrefOf: (i) => poolLink(maps.conv1.maps[i] ?? new Float32Array(784), 28, 28, pooling),
      hint: t('draw.layers.pool1Hint'),
    },
    {
      name: 'conv2',
      what: t('draw.layers.conv2'),
      cellPx: 6,
      cols: 8,
      hrefOf: (i) => {
        if (!bank2) return null;
        const c = channelFor(i);
        return conv2Link(filterSlice(bank2, i, c), maps.pool1.maps[c] ?? new Float32Array(196));
      },
      ...(bank2
        ? {
            hint: t('draw.layers.conv2Hint', {
              act: actLabel(activation),
            }),
          }
        : {}),
    },
    {
      name: 'pool2',
      what: t('draw.layers.pool2'),
      cellPx: 7,
      cols: 8,
      hrefOf: (i) => poolLink(maps.conv2.maps[i] ?? new Float32Array(100), 10, 10, pooling),
    },
  ];

  return (
    <div className="draw-layers" ref={measure}>
      {grids.map((g) => (
        <MapGrid
          key={g.name}
          {...g}
          // A panel's padding and border take ~28 px of the row.
          room={width === null ? null : width - 28}
          {...maps[g.name]}
          scale={steadyScale(chooseSharedScale(maps[g.name].maps))}
        />
      ))}
      {part === 'all' && (
        <>
          <DenseGrid name="dense1" values={layers.dense1.data} cols={12} what={t('draw.layers.dense1')} />
          <DenseGrid name="dense2" values={layers.dense2.data} cols={12} what={t('draw.layers.dense2')} />
          <OutputPanel probabilities={layers.output.data} top={readout.top} />
        </>
      )}
    </div>
  );
}

const OUTPUT_SCALE: ColorScale = { kind: 'sequential', domain: [0, 1] };

function OutputPanel({ probabilities, top }: { probabilities: Float32Array; top: number }) {
  const highlights = useMemo(
    () => [{ row: 0, col: top, rows: 1, cols: 1, color: '#d4351c', width: 3 }],
    [top],
  );
  return (
    <LayerPanel
      name="output"
      title={t('draw.layers.outputTitle')}
      shape={t('draw.layers.outputShape')}
      what={t('draw.layers.outputWhat')}
    >
      <Heatmap
        values={probabilities}
        w={10}
        h={1}
        scale={OUTPUT_SCALE}
        cellPx={26}
        label={t('draw.layers.outputLabel')}
        highlights={highlights}
      />
      <div className="draw-output-labels" aria-hidden="true">
        {Array.from({ length: 10 }, (_, d) => (
          <span key={d}>{d}</span>
        ))}
      </div>
      <ColorLegend scale={OUTPUT_SCALE} width={120} />
    </LayerPanel>
  );
}
