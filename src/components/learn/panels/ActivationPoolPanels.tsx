import { useMemo } from 'react';
import { line, scaleLinear } from 'd3';
import { ColorLegend } from '../../canvas/ColorLegend';
import { chooseScale, type ColorScale } from '../../canvas/colorScales';
import { formatCell } from '../../canvas/drawHeatmap';
import { digitPixels, MNIST_COUNTS } from '../../../engine';
import {
  ACTIVATIONS,
  conv2d,
  grid,
  KERNELS,
  mapGrid,
  pool2d,
  poolingPattern,
  poolWinner,
  type ActivationName,
  type PoolKind,
} from '../../../demos/lessons/shared/gridMath';
import { t } from '../../../i18n';
import { DigitsPending, LearnPanel, num, str, useLearnScale, useMnistTest, type PanelProps } from './common';
import { LearnMain, MapFigure, PIXELS, RadioPicker } from './parts';
import { PlayerControls } from './Player';

const FNS: readonly ActivationName[] = ['relu', 'tanh', 'sigmoid'];

function FnPicker({ value, onChange }: { value: ActivationName; onChange: (v: ActivationName) => void }) {
  return (
    <RadioPicker
      legend={t('panels.activation')}
      name="learn-fn"
      options={FNS}
      value={value}
      onChange={onChange}
      labelOf={(fn) => t(`panels.fnNames.${fn}`)}
    />
  );
}

/** The three activation functions drawn on the same axes, the chosen one highlighted with its formula. */
export function ActivationPlotsPanel({ params, setParam }: PanelProps) {
  const s = useLearnScale();
  const fn = str(params, 'fn', FNS, 'relu');
  // A question about a function's value: the curves would show the answer, so they wait for it.
  const hide = params.hide !== undefined;
  const W = 300;
  const H = 220;
  const x = scaleLinear()
    .domain([-4, 4])
    .range([30, W - 10]);
  const y = scaleLinear()
    .domain([-1.2, 4])
    .range([H - 20, 10]);
  const xs = Array.from({ length: 161 }, (_, i) => -4 + i * 0.05);
  const colours: Record<ActivationName, string> = { relu: '#b2182b', tanh: '#2166ac', sigmoid: '#111418' };
  return (
    <LearnPanel title={t('panels.fnTitle', { name: t(`panels.fnNames.${fn}`) })} shape="x ∈ [−4, 4]">
      <div className="learn-row">
        <LearnMain aspect={W / H}>
          <svg
            className="learn-svg"
            width={W * s}
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={t(`panels.fnFormula.${fn}`)}
          >
            <line x1={x(-4)} x2={x(4)} y1={y(0)} y2={y(0)} stroke="#3b4450" />
            <line x1={x(0)} x2={x(0)} y1={y(-1.2)} y2={y(4)} stroke="#3b4450" />
            {[-4, -2, 2, 4].map((v) => (
              <text key={v} x={x(v)} y={y(0) + 15} fontSize="11" textAnchor="middle" fill="#3b4450">
                {String(v).replace('-', '−')}
              </text>
            ))}
            {[-1, 1, 2, 3].map((v) => (
              <text key={v} x={x(0) - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#3b4450">
                {String(v).replace('-', '−')}
              </text>
            ))}
            {hide && (
              <text x={x(2)} y={y(2)} fontSize="40" textAnchor="middle" fill="#3b4450">
                {t('panels.hidden')}
              </text>
            )}
            {(hide ? [] : FNS).map((f) => (
              <path
                key={f}
                d={
                  line<number>()
                    .x((v) => x(v))
                    .y((v) => y(ACTIVATIONS[f](v)))(xs) ?? ''
                }
                fill="none"
                stroke={colours[f]}
                strokeWidth={f === fn ? 4 : 1.5}
                opacity={f === fn ? 1 : 0.45}
              />
            ))}
          </svg>
        </LearnMain>
        <div>
          <p className="learn-formula-line learn-big">{t(`panels.fnFormula.${fn}`)}</p>
          <FnPicker value={fn} onChange={(v) => setParam('fn', v)} />
        </div>
      </div>
    </LearnPanel>
  );
}

/** A vertical-line map of digit 0 before and after the chosen activation function. */
export function ActivationMapPanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const s = useLearnScale();
  const fn = str(params, 'fn', FNS, 'relu');
  const before = useMemo(
    () =>
      mnist.state === 'ready' ? conv2d(grid(28, 28, digitPixels(mnist.set, 0)), KERNELS.vertical, 3) : null,
    [mnist],
  );
  const after = useMemo(() => (before ? mapGrid(before, ACTIVATIONS[fn]) : null), [before, fn]);
  if (!before || !after) return <DigitsPending state={mnist} />;
  const beforeScale = chooseScale(before.values);
  // ReLU keeps the signed map's own scale (diverging, same key as before): its positives stay the
  // same red and its negatives turn white, which is what the step says. Switching to the sequential
  // map here painted the same values black. tanh is signed too; sigmoid's 0…1 is sequential.
  const afterScale: ColorScale =
    fn === 'relu'
      ? beforeScale
      : fn === 'tanh'
        ? { kind: 'diverging', domain: [-1, 1] }
        : { kind: 'sequential', domain: [0, 1] };
  const name = t(`panels.fnNames.${fn}`);
  const cell = Math.round(8 * s);
  return (
    <LearnPanel title={`${t('panels.before')} → ${t('panels.after', { name })}`} shape="26×26">
      <div className="learn-row">
        <MapFigure {...before} scale={beforeScale} cellPx={cell} label={t('panels.before')}>
          <ColorLegend scale={beforeScale} />
        </MapFigure>
        <MapFigure main {...after} scale={afterScale} cellPx={cell} label={t('panels.after', { name })}>
          <ColorLegend scale={afterScale} />
        </MapFigure>
        <div>
          <p className="learn-formula-line">{t(`panels.fnFormula.${fn}`)}</p>
          <FnPicker value={fn} onChange={(v) => setParam('fn', v)} />
        </div>
      </div>
    </LearnPanel>
  );
}

const KINDS: readonly PoolKind[] = ['max', 'avg'];

function KindPicker({ value, onChange }: { value: PoolKind; onChange: (v: PoolKind) => void }) {
  return (
    <RadioPicker
      legend={t('panels.poolKind')}
      name="learn-pool"
      options={KINDS}
      value={value}
      onChange={onChange}
      labelOf={(k) => t(`panels.poolKinds.${k}`)}
    />
  );
}

/** 2×2 pooling with stride 2 over an 8×8 map, one window at a time, the kept value spelled out. */
export function PoolGridPanel({ params, setParam }: PanelProps) {
  const s = useLearnScale();
  const kind = str(params, 'kind', KINDS, 'max');
  const input = useMemo(() => poolingPattern(), []);
  const out = useMemo(() => pool2d(input, 2, 2, kind), [input, kind]);
  const pos = num(params, 'pos', 0, 0, 15);
  const hide = params.hide !== undefined;
  const row = Math.floor(pos / 4);
  const col = pos % 4;
  const win = poolWinner(input, 2, 2, row, col);
  const values = [0, 1].flatMap((i) => [0, 1].map((j) => input.values[(row * 2 + i) * 8 + col * 2 + j] ?? 0));
  const scale = chooseScale(input.values);
  const cell = Math.round(40 * s);
  const result = hide ? t('panels.hidden') : formatCell(out.values[pos] ?? 0, 3);
  const maths = t(`panels.poolMaths.${kind}`, {
    values: values.map((v) => formatCell(v, 2)).join(kind === 'max' ? ', ' : ' + '),
    result,
  });
  const highlights = [{ row: row * 2, col: col * 2, rows: 2, cols: 2, color: '#d95f02', width: 4 }];
  if (kind === 'max' && !hide)
    highlights.push({ row: win.row, col: win.col, rows: 1, cols: 1, color: '#176b2c', width: 4 });
  return (
    <LearnPanel title={t('panels.poolTitle', { kind: t(`panels.poolKinds.${kind}`) })} shape="8×8 → 4×4">
      <div className="learn-row">
        <MapFigure
          main
          {...input}
          scale={scale}
          cellPx={cell}
          showNumbers
          decimals={1}
          label={t('panels.input')}
          highlights={highlights}
        />
        <MapFigure
          {...out}
          scale={scale}
          cellPx={cell}
          showNumbers
          decimals={2}
          filled={hide ? pos : pos + 1}
          label={t('panels.output')}
          highlights={[{ row, col, rows: 1, cols: 1, color: '#d95f02', width: 4 }]}
        >
          <ColorLegend scale={scale} width={150} />
          <KindPicker value={kind} onChange={(v) => setParam('kind', v)} />
        </MapFigure>
      </div>
      <p className="learn-formula-line" aria-live="polite">
        {maths}
      </p>
      {/* Stepping on would fill in the hidden answer: frozen until answered. */}
      {!hide && (
        <PlayerControls
          frame={pos}
          count={16}
          fps={2}
          setFrame={(f) => setParam('pos', f)}
          label={t('panels.position')}
          valueText={t('panels.windowAt', { r: row, c: col })}
        />
      )}
    </LearnPanel>
  );
}

/** A digit pooled once (14×14) and twice (7×7), drawn at the same size so the lost detail shows. */
export function DigitPoolPanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const s = useLearnScale();
  const kind = str(params, 'kind', KINDS, 'max');
  const digit = num(params, 'digit', 0, 0, MNIST_COUNTS.test - 1);
  const hide = params.hide !== undefined;
  const twice = params.twice !== undefined;
  const maps = useMemo(() => {
    if (mnist.state !== 'ready') return null;
    const input = grid(28, 28, digitPixels(mnist.set, digit));
    const once = pool2d(input, 2, 2, kind);
    return { input, once, twice: pool2d(once, 2, 2, kind) };
  }, [mnist, digit, kind]);
  if (!maps) return <DigitsPending state={mnist} />;
  const size = Math.round(224 * s);
  const shown = hide ? [maps.input] : twice ? [maps.input, maps.once, maps.twice] : [maps.input, maps.once];
  const captions = [t('panels.original'), t('panels.pooledOnce'), t('panels.pooledTwice')];
  return (
    <LearnPanel
      title={t('panels.poolTitle', { kind: t(`panels.poolKinds.${kind}`) })}
      shape={hide ? '28×28 → ?' : twice ? '28 → 14 → 7' : '28×28 → 14×14'}
    >
      <div className="learn-row">
        {shown.map((m, i) => (
          <MapFigure
            key={i}
            main={i === shown.length - 1}
            {...m}
            scale={PIXELS}
            cellPx={size / m.w}
            label={captions[i] ?? ''}
          />
        ))}
        <div>
          <KindPicker value={kind} onChange={(v) => setParam('kind', v)} />
          <ColorLegend scale={PIXELS} />
        </div>
      </div>
    </LearnPanel>
  );
}
