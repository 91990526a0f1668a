import { useMemo } from 'react';
import { area, line, scaleLinear } from 'd3';
import { Heatmap, type HeatmapProps } from '../../canvas/Heatmap';
import { ColorLegend } from '../../canvas/ColorLegend';
import { chooseScale, kernelScale, type ColorScale } from '../../canvas/colorScales';
import { formatCell } from '../../canvas/drawHeatmap';
import {
  barPattern,
  bell,
  conv1d,
  conv2d,
  convolveBells,
  isKernelName,
  KERNELS,
  ROW_1D,
  ROW_1D_KERNEL,
  windowProducts,
  type KernelName,
} from '../../../demos/lessons/shared/gridMath';
import { t } from '../../../i18n';
import { convStep, kernelFromFilters, stackPlanes } from '../../../engine';
import { ConvMaths } from '../../convolution/ConvMaths';
import { LearnPanel, num, useFitCell, useLearnPresentBig, useLearnScale, type PanelProps } from './common';
import { LearnAside, MapFigure, SwatchKey } from './parts';
import { PlayerControls } from './Player';
import { RowConvPicture } from './RowConvPicture';

const T_MIN = -6;
const T_MAX = 6;
const T_STEP = 0.1;
const T_FRAMES = Math.round((T_MAX - T_MIN) / T_STEP) + 1;
const SIGMA = 1;

const fmt2 = (v: number) => formatCell(v, 2);

/** Two bells, the product shaded, and the convolution curve drawn up to the sliding bell's position. */
export function BellConvPanel({ params, setParam }: PanelProps) {
  const s = useLearnScale();
  const tPos = num(params, 't', -4, T_MIN, T_MAX);
  const frame = Math.round((tPos - T_MIN) / T_STEP);
  const W = 640;
  const H1 = 200;
  const H2 = 150;
  const x = scaleLinear()
    .domain([T_MIN - 2, T_MAX + 2])
    .range([40, W - 10]);
  const y1 = scaleLinear()
    .domain([0, 1.05])
    .range([H1 - 24, 10]);
  const peak = convolveBells(0, SIGMA, SIGMA);
  const y2 = scaleLinear()
    .domain([0, peak * 1.1])
    .range([H2 - 24, 10]);
  const xs = useMemo(
    () => Array.from({ length: 321 }, (_, i) => T_MIN - 2 + (i * (T_MAX - T_MIN + 4)) / 320),
    [],
  );
  const curve = useMemo(
    () =>
      Array.from(
        { length: T_FRAMES },
        (_, i) => [T_MIN + i * T_STEP, convolveBells(T_MIN + i * T_STEP, SIGMA, SIGMA)] as const,
      ),
    [],
  );
  const f = (v: number) => bell(v, 0, SIGMA);
  const g = (v: number) => bell(v, tPos, SIGMA);
  const path = (fn: (v: number) => number) =>
    line<number>()
      .x((v) => x(v))
      .y((v) => y1(fn(v)))(xs) ?? '';
  const shaded =
    area<number>()
      .x((v) => x(v))
      .y0(y1(0))
      .y1((v) => y1(f(v) * g(v)))(xs) ?? '';
  const drawn = curve.slice(0, frame + 1);
  const convPath =
    line<readonly [number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y2(d[1]))(drawn) ?? '';
  const value = convolveBells(tPos, SIGMA, SIGMA);
  const ticks = [-6, -4, -2, 0, 2, 4, 6];
  const axis = (y: number) => (
    <g>
      <line x1={x(T_MIN - 2)} x2={x(T_MAX + 2)} y1={y} y2={y} stroke="#3b4450" />
      {ticks.map((v) => (
        <text key={v} x={x(v)} y={y + 16} fontSize="12" textAnchor="middle" fill="#3b4450">
          {String(v).replace('-', '−')}
        </text>
      ))}
    </g>
  );
  const areaText = t('panels.areaAt', { t: fmt2(tPos), value: fmt2(value) });
  return (
    <LearnPanel title={t('panels.bellTitle')} shape={`t = ${fmt2(tPos)}`}>
      <svg
        className="learn-svg"
        width={W * Math.min(s, 1.3)}
        viewBox={`0 0 ${W} ${H1 + H2}`}
        role="img"
        aria-label={`${t('panels.bellTitle')}. ${areaText}`}
      >
        <path d={shaded} fill="#f4a582" stroke="none" />
        <path d={path(f)} fill="none" stroke="#111418" strokeWidth={2.5} />
        <path d={path(g)} fill="none" stroke="#2166ac" strokeWidth={2.5} strokeDasharray="7 4" />
        <line x1={x(tPos)} x2={x(tPos)} y1={y1(0)} y2={y1(1.05)} stroke="#2166ac" strokeWidth={1} />
        {axis(y1(0))}
        <g transform={`translate(0, ${H1})`}>
          <path d={convPath} fill="none" stroke="#b2182b" strokeWidth={3} />
          <circle cx={x(tPos)} cy={y2(value)} r={5} fill="#b2182b" />
          {axis(y2(0))}
        </g>
      </svg>
      {/* The key in words beside the drawing, not inside it: enlarged for a projector, labels drawn in
          the drawing's corner ran into each other and into the curves. */}
      <SwatchKey
        label={t('panels.curveKey')}
        className="learn-stride-key learn-curve-key"
        width={28}
        items={[
          [t('panels.fixed'), <line x1={0} x2={28} y1={7} y2={7} stroke="#111418" strokeWidth={3} />],
          [
            t('panels.sliding'),
            <line x1={0} x2={28} y1={7} y2={7} stroke="#2166ac" strokeWidth={3} strokeDasharray="7 4" />,
          ],
          [t('panels.product'), <rect width={28} height={14} fill="#f4a582" />],
          [t('panels.convCurve'), <line x1={0} x2={28} y1={7} y2={7} stroke="#b2182b" strokeWidth={3} />],
        ]}
      />
      <p className="learn-readout" aria-live="polite">
        {areaText}
      </p>
      <PlayerControls
        frame={frame}
        count={T_FRAMES}
        fps={20}
        setFrame={(fr) => setParam('t', Number((T_MIN + fr * T_STEP).toFixed(1)))}
        label={t('panels.bellPosition')}
        valueText={`t = ${fmt2(tPos)}`}
      />
    </LearnPanel>
  );
}

const ROW = ROW_1D;
const ROW_KERNEL = ROW_1D_KERNEL;
const ROW_SCALE: ColorScale = { kind: 'sequential', domain: [0, 8] };

/** One row of whole numbers on the 0…8 scale (the row, the kernel, the output): everything but the data is shared. */
function RowMap(p: Pick<HeatmapProps, 'values' | 'cellPx' | 'label' | 'filled' | 'highlights'>) {
  return <Heatmap {...p} w={p.values.length} h={1} scale={ROW_SCALE} showNumbers decimals={0} />;
}

/** A 3-number kernel sliding along a row of 9 numbers; the output row fills as it goes. */
export function Grid1dPanel({ params, setParam }: PanelProps) {
  const s = useLearnScale();
  const big = useLearnPresentBig();
  const out = useMemo(() => conv1d(ROW, ROW_KERNEL), []);
  const pos = num(params, 'pos', 0, 0, out.length - 1);
  const hide = params.hide !== undefined;
  const cell = useFitCell(ROW.length, Math.round(52 * s), 24);
  const under = ROW.slice(pos, pos + 3);
  const maths = under.map((v, i) => `${v}·${ROW_KERNEL[i]}`).join(' + ');
  const filled = hide ? pos : pos + 1;
  const readout = (
    <p className="learn-formula-line" aria-live="polite">
      {maths} = {hide ? t('panels.hidden') : String(out[pos])}
    </p>
  );
  // Stepping on would fill in the hidden answer: frozen until answered.
  const player = !hide && (
    <PlayerControls
      frame={pos}
      count={out.length}
      fps={2}
      setFrame={(f) => setParam('pos', f)}
      label={t('panels.position')}
      valueText={`${pos + 1} / ${out.length}`}
    />
  );
  if (big) {
    // On a projector: the three rows as one drawing across the panel, the sum, player and key under it.
    return (
      <LearnPanel title={t('panels.grid1dTitle')} shape={`9 → ${out.length}`}>
        <RowConvPicture row={ROW} kernel={ROW_KERNEL} out={out} pos={pos} filled={filled} scale={ROW_SCALE} />
        <div className="learn-row learn-main-foot">
          {readout}
          {player}
          <ColorLegend scale={ROW_SCALE} />
        </div>
      </LearnPanel>
    );
  }
  return (
    <LearnPanel title={t('panels.grid1dTitle')} shape={`9 → ${out.length}`}>
      <div className="learn-stack">
        <span className="learn-caption">{t('panels.input')} · 9</span>
        <RowMap
          values={ROW}
          cellPx={cell}
          label={t('panels.input')}
          highlights={[{ row: 0, col: pos, rows: 1, cols: 3, color: '#d95f02', width: 4 }]}
        />
        <span className="learn-caption">{t('panels.kernel')} · 3</span>
        <div style={{ marginLeft: pos * cell }}>
          <RowMap values={ROW_KERNEL} cellPx={cell} label={t('panels.kernel')} />
        </div>
        <span className="learn-caption">
          {t('panels.output')} · {out.length}
        </span>
        <RowMap
          values={out}
          cellPx={cell}
          filled={filled}
          label={t('panels.output')}
          highlights={[{ row: 0, col: pos, rows: 1, cols: 1, color: '#d95f02', width: 4 }]}
        />
      </div>
      {readout}
      {player}
      <ColorLegend scale={ROW_SCALE} />
    </LearnPanel>
  );
}

/** A 3×3 kernel sliding over a 7×7 picture, the products at the current stop, and the map it fills. */
export function SlideGridPanel({ params, setParam }: PanelProps) {
  const s = useLearnScale();
  const kernelName: KernelName = isKernelName(String(params.kernel))
    ? (String(params.kernel) as KernelName)
    : 'vertical';
  const kernel = KERNELS[kernelName];
  const input = useMemo(() => barPattern(), []);
  const out = useMemo(() => conv2d(input, kernel, 3), [input, kernel]);
  const count = out.h * out.w;
  const pos = num(params, 'pos', 0, 0, count - 1);
  const hide = params.hide !== undefined;
  const row = Math.floor(pos / out.w);
  const col = pos % out.w;
  const prod = windowProducts(input, kernel, 3, row, col);
  const inScale: ColorScale = { kind: 'sequential', domain: [0, 1] };
  const kScale = kernelScale(kernel);
  const outScale = chooseScale(out.values);
  const prodScale = chooseScale([...prod.products, ...kernel]);
  const cell = Math.round(38 * s);
  const kernelTitle = t(`panels.filterNames.${kernelName}`);
  return (
    <LearnPanel title={t('panels.slideTitle')} shape={`7×7 → ${out.h}×${out.w}`}>
      <div className="learn-row">
        <MapFigure
          main
          {...input}
          scale={inScale}
          cellPx={cell}
          showNumbers
          decimals={0}
          label={t('panels.input')}
          highlights={[{ row, col, rows: 3, cols: 3, color: '#d95f02', width: 4 }]}
        />
        <MapFigure
          values={kernel}
          w={3}
          h={3}
          scale={kScale}
          cellPx={cell}
          showNumbers
          decimals={2}
          label={kernelTitle}
          caption={`${t('panels.kernel')}: ${kernelTitle} · 3×3`}
        >
          <p className="learn-caption">{t('panels.maths')}</p>
          <Heatmap
            values={prod.products}
            w={3}
            h={3}
            scale={prodScale}
            cellPx={cell}
            showNumbers
            decimals={2}
            label={t('panels.products', { maths: t('panels.maths') })}
          />
          <p className="learn-formula-line" aria-live="polite">
            {t('panels.sumLine', { sum: hide ? t('panels.hidden') : formatCell(prod.sum, 2) })}
          </p>
        </MapFigure>
        <MapFigure
          {...out}
          scale={outScale}
          cellPx={cell}
          showNumbers
          decimals={1}
          filled={hide ? pos : pos + 1}
          label={t('panels.output')}
          highlights={[{ row, col, rows: 1, cols: 1, color: '#d95f02', width: 4 }]}
        >
          <ColorLegend scale={outScale} width={150} />
        </MapFigure>
      </div>
      {params.maths !== undefined && !hide && (
        // The Convolution explorer's own maths panel, fed by the engine's step-able conv: the same
        // code and wording as #/convolution, so the lesson and the explorer never disagree.
        <LearnAside what={t('learn.asideMaths')}>
          <ConvMaths
            step={convStep(
              stackPlanes([input.values], 7, 7),
              kernelFromFilters([kernel], 3, 3, 1),
              { stride: 1, padding: 0, dilation: 1, bias: 0, activation: 'none' },
              0,
              row,
              col,
            )}
            size={3}
            channelNames={['grey']}
            activation="none"
          />
        </LearnAside>
      )}
      {/* Stepping on would fill in the hidden answer: frozen until answered. */}
      {!hide && (
        <PlayerControls
          frame={pos}
          count={count}
          fps={3}
          setFrame={(f) => setParam('pos', f)}
          label={t('panels.position')}
          valueText={t('panels.windowAt', { r: row, c: col })}
        />
      )}
    </LearnPanel>
  );
}
