import { memo, useMemo, type ReactNode } from 'react';
import { t, tn } from '../../i18n';
import {
  filterSlice,
  type FilterBank,
  type LayerReadout,
  type LayerSpec,
  type ModelSpec,
  type ReadoutLayer,
} from '../../engine';
import { chooseScale, chooseSharedScale, type ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { actLabel } from '../convolution/format';
import { buildMontage, fitMontage, mapAtCell, montageLayout, slotOrigin } from './montage';
import { useContentWidth } from '../canvas/useContentWidth';
import {
  channelOf,
  convOnDrawnLink,
  convOnMapLink,
  explorerActivation,
  poolLink,
  strongestChannel,
} from './explorerLinks';
import type { ConvChannel } from '../../state/drawParams';

/**
 * What the maps link to: the conv layers' filter banks by layer name (empty: no links, e.g. a lesson's
 * test digit, since the explorer links open on the drawn digit) and which input map a click on a later
 * conv layer's map sends to the explorer.
 */
export type LayerLinks = {
  banks: Readonly<Record<string, FilterBank>>;
  channel: ConvChannel;
};

type MapsProps = {
  name: string;
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
  name: string;
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
      paintLater
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
      <ColorLegend scale={p.scale} width={120} paintLater />
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
  name: string;
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
        paintLater
      />
      <p className="draw-hint">{t('draw.layers.rowsOf', { rows: String(rows), cols: String(cols) })}</p>
      <ColorLegend scale={scale} width={120} paintLater />
    </LayerPanel>
  );
});

/** Preferred cell size for a map of `size`×`size`: about 112 cells of 1 px wide, 2 to 7 px a cell. */
const cellFor = (size: number) => Math.max(2, Math.min(7, Math.floor(112 / size)));

/** Columns of a dense layer's grid: one row up to 12 numbers, then rows of 12, 16 for the widest layers. */
const denseCols = (n: number) => (n <= 12 ? n : n <= 144 ? 12 : 16);

/**
 * The sentence under a layer's title: what it does, with its own numbers. `picture`: the input is any
 * dataset's picture, not a digit drawn or picked here (Try it on clothes, shapes, a class's own set).
 */
function whatOf(
  l: LayerSpec,
  name: string,
  input: { name: string | null; shape: number[] },
  picture: boolean,
): string {
  const [h = 0, w = 0, c = 0] = input.shape;
  const prev = input.name;
  switch (l.kind) {
    case 'conv':
      return prev === null
        ? tn(picture ? 'draw.layers.what.convOnPicture' : 'draw.layers.what.convOnImage', l.filters, {
            k: l.kernel,
            s: l.stride,
          })
        : tn('draw.layers.what.convOnMaps', l.filters, { k: l.kernel, c, prev });
    case 'maxpool':
    case 'avgpool':
      return t(l.kind === 'maxpool' ? 'draw.layers.what.maxpool' : 'draw.layers.what.avgpool', {
        size: l.size,
        s: l.stride,
      });
    case 'batchnorm':
      return t('draw.layers.what.batchnorm');
    case 'dropout':
      return t(picture ? 'draw.layers.what.dropoutPicture' : 'draw.layers.what.dropout', {
        pct: Math.round(l.rate * 100),
      });
    case 'dense':
      if (input.shape.length === 1)
        return t('draw.layers.what.dense', { n: l.units, m: h, prev: prev ?? '' });
      return prev === null
        ? t(picture ? 'draw.layers.what.denseOnPicture' : 'draw.layers.what.denseOnImage', {
            n: l.units,
            m: h * w * c,
          })
        : t('draw.layers.what.denseFlat', { n: l.units, m: h * w * c, prev, h, w, c });
  }
  return name;
}

/**
 * Every layer of the network for one readout, in network order, each titled with its name (as the model
 * description names it) and its shape: maps as a montage, numbers as a grid, then the answer. Clicking a
 * map opens the explorer with the real numbers: a conv map with its filter (on the drawn digit when the
 * layer reads the image, else on one of its input maps), a pool map with the map it pooled.
 * A network without maps says why there are none. `part: 'features'` stops at the first layer that is
 * not a map (the convolution and pooling half), for a lesson step that must fit a projected screen.
 * Their canvases paint through the budgeted queue (`paintLater`), visible ones first: a stroke's end
 * redraws every panel, which at 4× CPU throttling was one task of 111 ms of CPU (the first after Clear).
 */
export function LayerPanels({
  readout,
  spec,
  links,
  part = 'all',
  maxRoom = null,
  classNames,
}: {
  readout: LayerReadout;
  spec: ModelSpec;
  links: LayerLinks;
  part?: 'all' | 'features';
  /**
   * The most width the panels can have, px, when the caller knows it (a lesson's stage), used until
   * the panels' own box is measured and as a cap after: unmeasured, the montages were drawn at their
   * preferred size (lesson 9 at 768 px: 712 px of maps in 710 px, for seconds on a busy machine).
   */
  maxRoom?: number | null;
  /** The output units' names when they are not the digits 0–9 (another dataset's classes). */
  classNames?: readonly string[];
}) {
  const [measure, measured] = useContentWidth<HTMLDivElement>();
  const width = maxRoom === null ? measured : Math.min(measured ?? maxRoom, maxRoom);
  const { banks, channel } = links;
  const layers = readout.layers;
  const split = (snap: ReadoutLayer) => {
    const [h = 0, w = 0, c = 0] = snap.shape;
    return Array.from({ length: c }, (_, i) => channelOf(snap.data, h, w, c, i));
  };
  const maps = layers.map((snap) => (snap.shape.length === 3 ? split(snap) : null));
  const hasMaps = maps.some((m) => m !== null);
  const firstFlat = layers.findIndex((snap) => snap.shape.length !== 3);
  const shown = part === 'features' ? layers.slice(0, firstFlat < 0 ? layers.length : firstFlat) : layers;

  return (
    <div className="draw-layers" ref={measure} data-testid="draw-layer-panels">
      {!hasMaps && (
        <p className="draw-no-maps message" data-testid="no-maps">
          {classNames
            ? t('draw.layers.noMapsPicture', { m: spec.inputShape.reduce((a, b) => a * b, 1) })
            : t('draw.layers.noMaps')}
        </p>
      )}
      {shown.map((snap, i) => {
        if (snap.kind === 'output') {
          return (
            <OutputPanel
              key={snap.name}
              probabilities={snap.data}
              top={readout.top}
              {...(classNames ? { classNames } : {})}
            />
          );
        }
        const l = spec.layers[i];
        if (!l) return null;
        const prevSnap = i > 0 ? layers[i - 1] : undefined;
        const input = prevSnap
          ? { name: prevSnap.name, shape: prevSnap.shape }
          : { name: null, shape: [...spec.inputShape] };
        const what = whatOf(l, snap.name, input, classNames !== undefined);
        const own = maps[i];
        if (!own) {
          return (
            <DenseGrid
              key={snap.name}
              name={snap.name}
              values={snap.data}
              cols={denseCols(snap.data.length)}
              what={what}
            />
          );
        }
        const size = snap.shape[0] ?? 0;
        const inMaps = i > 0 ? maps[i - 1] : null;
        const [inH = 0, inW = 0, inC = 0] = input.shape;
        let hrefOf: ((m: number) => string | null) | undefined;
        let hint: string | undefined;
        const bank = banks[snap.name];
        if (l.kind === 'conv' && bank) {
          const act = explorerActivation(l.activation);
          const g = { kernel: l.kernel, stride: l.stride, padding: l.padding };
          if (i === 0) {
            hrefOf = (m) => convOnDrawnLink(filterSlice(bank, m), bank.bias[m] ?? 0, act, g);
            hint = t('draw.layers.conv1Hint');
          } else if (inMaps) {
            const pick = (m: number): number => {
              if (inC <= 1) return 0;
              if (channel !== 'auto') return Math.min(channel, inC - 1);
              return strongestChannel(Array.from({ length: inC }, (_, c) => filterSlice(bank, m, c)));
            };
            hrefOf = (m) => {
              const c = pick(m);
              const whole = inC === 1 ? { bias: bank.bias[m] ?? 0, activation: act } : undefined;
              return convOnMapLink(
                filterSlice(bank, m, c),
                inMaps[c] ?? new Float32Array(inH * inW),
                inW,
                inH,
                g,
                whole,
              );
            };
            hint =
              inC === 1
                ? t('draw.layers.convOneMapHint', { prev: input.name ?? '' })
                : t('draw.layers.convMapsHint', {
                    prev: input.name ?? '',
                    c: inC,
                    k: l.kernel,
                    act: actLabel(act),
                  });
          }
        } else if ((l.kind === 'maxpool' || l.kind === 'avgpool') && (i === 0 || inMaps)) {
          const pool = l.kind === 'maxpool' ? 'max' : 'avg';
          // The first layer pools the digit itself: the explorer gets the 28×28 picture the network saw.
          hrefOf = (m) =>
            inMaps
              ? poolLink(inMaps[m] ?? new Float32Array(inH * inW), inW, inH, pool, l.size, l.stride)
              : null;
          if (inMaps) hint = t('draw.layers.poolHint', { prev: input.name ?? '' });
        }
        return (
          <MapGrid
            key={snap.name}
            name={snap.name}
            what={what}
            maps={own}
            size={size}
            cellPx={cellFor(size)}
            cols={Math.min(8, own.length)}
            scale={steadyScale(chooseSharedScale(own))}
            // A panel's padding and border take ~28 px of the row.
            room={width === null ? null : width - 28}
            {...(hrefOf ? { hrefOf } : {})}
            {...(hint ? { hint } : {})}
          />
        );
      })}
    </div>
  );
}

const OUTPUT_SCALE: ColorScale = { kind: 'sequential', domain: [0, 1] };

function OutputPanel({
  probabilities,
  top,
  classNames,
}: {
  probabilities: Float32Array;
  top: number;
  classNames?: readonly string[];
}) {
  const n = probabilities.length;
  const highlights = useMemo(
    () => [{ row: 0, col: top, rows: 1, cols: 1, color: '#d4351c', width: 3 }],
    [top],
  );
  return (
    <LayerPanel
      name="output"
      title={t('draw.layers.outputTitle')}
      shape={classNames ? t('draw.layers.outputShapeN', { n }) : t('draw.layers.outputShape')}
      what={classNames ? t('draw.layers.outputWhatClasses') : t('draw.layers.outputWhat')}
    >
      <Heatmap
        values={probabilities}
        w={n}
        h={1}
        scale={OUTPUT_SCALE}
        cellPx={26}
        paintLater
        label={
          classNames
            ? t('draw.layers.outputLabelClasses', { names: classNames.join(', ') })
            : t('draw.layers.outputLabel')
        }
        highlights={highlights}
      />
      <div className="draw-output-labels" aria-hidden="true">
        {Array.from({ length: n }, (_, d) => (
          <span key={d}>{classNames ? d + 1 : d}</span>
        ))}
      </div>
      {classNames && (
        <ol className="draw-output-key" data-testid="output-classes">
          {classNames.map((name, d) => (
            <li key={d} className={d === top ? 'draw-output-top' : undefined}>
              {name}
            </li>
          ))}
        </ol>
      )}
      <ColorLegend scale={OUTPUT_SCALE} width={120} paintLater />
    </LayerPanel>
  );
}
