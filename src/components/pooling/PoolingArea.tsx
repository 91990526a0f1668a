import { useMemo, useState } from 'react';
import {
  channelPlane,
  conv2d,
  convGeometry,
  formulaText,
  kernelFromFilters,
  pool2d,
  poolGeometry,
  poolStep,
  type MapStack,
  type PoolParams,
} from '../../engine';
import { DEFAULT_KERNEL, resolveKernel, SPEEDS, type ConvSettings } from '../../state/convParams';
import { chooseSharedScale } from '../canvas/colorScales';
import type { HeatmapHighlight } from '../canvas/drawHeatmap';
import { Panel } from '../canvas/Panel';
import { expandToChannels } from '../convolution/bank';
import { fmtNum } from '../convolution/format';
import { InputChooser } from '../convolution/InputChooser';
import { MapPanel } from '../convolution/MapPanel';
import { useConvInput, type ConvInput } from '../convolution/useConvInput';
import { useConvSettings } from '../convolution/useConvSettings';
import { PlayerControls } from '../player/PlayerControls';
import { usePlayer, usePlayerKeys } from '../player/usePlayer';
import { PoolChannels } from './PoolChannels';
import { PoolMaths } from './PoolMaths';

const WINDOW = '#f08c00';
const WINNER = '#0b7a3e';

type Source = { map: MapStack; title: string; kernel: { values: number[]; size: number } | null };

/** What gets pooled: the activation map of the link's kernel, or (without `kernel`) the image itself. */
function sourceOf(input: ConvInput, s: ConvSettings): Source | string {
  const x = input.stack;
  const [h, w, c] = x.shape;
  if (!s.kernel) {
    // Every channel is pooled, each on its own; the step view follows one of them.
    return {
      map: { data: x.data, shape: [h, w, c] },
      title: c === 1 ? input.title : `${input.title}, ${c} channels (${input.channelNames.join(', ')})`,
      kernel: null,
    };
  }
  const r = resolveKernel(s.kernel, c);
  if (typeof r === 'string') return r;
  const k = kernelFromFilters([expandToChannels(s.kernel, r.size, c)], r.size, r.size, c);
  const params = {
    stride: s.stride,
    padding: s.padding,
    dilation: s.dilation,
    bias: s.bias,
    activation: s.activation,
  };
  const g = convGeometry(x, k, params);
  if (g.empty) return g.empty;
  return {
    map: conv2d(x, k, params),
    title: `activation map of ${input.title} (${r.size}×${r.size} kernel, ${s.activation})`,
    kernel: { values: s.kernel, size: r.size },
  };
}

export function PoolingArea() {
  const { settings, urlErrors, update } = useConvSettings('pooling');
  const [uiError, setUiError] = useState<string | null>(null);
  const {
    input,
    loading,
    error: inputError,
  } = useConvInput(settings, (index) => update({ image: { kind: 'mnist', index } }));
  const source = useMemo(() => (input ? sourceOf(input, settings) : null), [input, settings]);
  const sourceError = typeof source === 'string' ? source : null;
  const messages = [
    ...urlErrors.map((e) => `Link problem: ${e} Kept the previous value.`),
    inputError,
    uiError,
    sourceError,
  ].filter((m): m is string => Boolean(m));

  const guarded = (patch: Partial<ConvSettings>) => {
    if (source && typeof source !== 'string') {
      const s = { ...settings, ...patch };
      const g = poolGeometry(source.map, { kind: s.pool, size: s.size, stride: s.poolStride });
      if (g.empty && ('size' in patch || 'poolStride' in patch)) {
        setUiError(`Not changed: ${g.empty}`);
        return;
      }
    }
    setUiError(null);
    update(patch);
  };
  const pick = (label: string, key: 'size' | 'poolStride', lo: number, hi: number) => (
    <label>
      {label}{' '}
      <select
        value={settings[key]}
        aria-label={label}
        onChange={(e) => guarded({ [key]: Number(e.target.value) })}
      >
        {Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="conv-area">
      <h1 className="visually-hidden">Pooling explorer: shrink a map by keeping one number per window</h1>
      <div className="conv-controls">
        <InputChooser settings={settings} update={guarded} onError={setUiError} />
        <fieldset className="conv-group">
          <legend>Pooling</legend>
          <label>
            pool{' '}
            <select
              value={settings.kernel ? 'map' : 'image'}
              aria-label="What to pool"
              onChange={(e) => guarded({ kernel: e.target.value === 'map' ? DEFAULT_KERNEL : null, step: 0 })}
            >
              <option value="image">the image itself</option>
              <option value="map">a convolution’s activation map</option>
            </select>
          </label>
          <label>
            kind{' '}
            <select
              value={settings.pool}
              aria-label="Pooling kind"
              onChange={(e) => guarded({ pool: e.target.value as 'max' | 'avg' })}
            >
              <option value="max">max</option>
              <option value="avg">average</option>
            </select>
          </label>
          {pick('window', 'size', 2, 4)}
          {pick('stride', 'poolStride', 1, 4)}
          {source && typeof source !== 'string' && source.map.shape[2] > 1 && input && (
            <label>
              follow{' '}
              <select
                value={Math.min(settings.channel, source.map.shape[2] - 1)}
                aria-label="Channel to follow"
                onChange={(e) => guarded({ channel: Number(e.target.value) })}
              >
                {input.channelNames.map((name, i) => (
                  <option key={name} value={i}>
                    {name} channel
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
      </div>
      {messages.length > 0 && (
        <div className="message error conv-messages" role="alert" data-testid="conv-message">
          {messages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      {loading && !input && <p className="loading">Loading the MNIST test digits…</p>}
      {source && typeof source !== 'string' && input && (
        <PoolWorkspace source={source} input={input} settings={settings} update={update} />
      )}
    </div>
  );
}

function PoolWorkspace({
  source,
  input,
  settings,
  update,
}: {
  source: Source;
  input: ConvInput;
  settings: ConvSettings;
  update: (p: Partial<ConvSettings>) => void;
}) {
  const x = source.map;
  const channels = x.shape[2];
  const ch = Math.min(settings.channel, channels - 1);
  const plane = useMemo(() => (channels === 1 ? x.data : channelPlane(x, ch)), [x, ch, channels]);
  const params = useMemo<PoolParams>(
    () => ({ kind: settings.pool, size: settings.size, stride: settings.poolStride }),
    [settings.pool, settings.size, settings.poolStride],
  );
  const g = poolGeometry(x, params);
  const maxMap = useMemo(
    () => (g.empty ? null : pool2d(x, { ...params, kind: 'max' })),
    [g.empty, x, params],
  );
  const avgMap = useMemo(
    () => (g.empty ? null : pool2d(x, { ...params, kind: 'avg' })),
    [g.empty, x, params],
  );
  const oh = g.h.outSize;
  const ow = g.w.outSize;
  const count = Math.max(1, oh * ow);
  const player = usePlayer({
    count,
    position: settings.step,
    onPosition: (step) => update({ step }),
    speed: settings.speed,
    onSpeed: (speed) => update({ speed }),
  });
  usePlayerKeys(player);
  const pos = player.position;
  const oy = Math.floor(pos / Math.max(1, ow));
  const ox = pos % Math.max(1, ow);
  const maxStep = useMemo(
    () => (g.empty ? null : poolStep(x, { ...params, kind: 'max' }, ch, oy, ox)),
    [g.empty, x, params, ch, oy, ox],
  );
  const avgStep = useMemo(
    () => (g.empty ? null : poolStep(x, { ...params, kind: 'avg' }, ch, oy, ox)),
    [g.empty, x, params, ch, oy, ox],
  );
  const maxPlane = useMemo(
    () => (maxMap ? (channels === 1 ? maxMap.data : channelPlane(maxMap, ch)) : null),
    [maxMap, ch, channels],
  );
  const avgPlane = useMemo(
    () => (avgMap ? (channels === 1 ? avgMap.data : channelPlane(avgMap, ch)) : null),
    [avgMap, ch, channels],
  );
  const chName = channels > 1 ? `${input.channelNames[ch] ?? `channel ${ch}`} channel · ` : '';
  const scale = useMemo(() => chooseSharedScale([x.data]), [x]);
  const srcHighlights = useMemo<HeatmapHighlight[]>(() => {
    if (!maxStep) return [];
    const win = maxStep.cells[maxStep.winner];
    const hl: HeatmapHighlight[] = [{ ...maxStep.window, color: WINDOW, width: 3 }];
    if (win && settings.pool === 'max')
      hl.push({ row: win.iy, col: win.ix, rows: 1, cols: 1, color: WINNER, width: 3 });
    return hl;
  }, [maxStep, settings.pool]);
  const outHl = useMemo<HeatmapHighlight[]>(
    () => [{ row: oy, col: ox, rows: 1, cols: 1, color: WINDOW, width: 3 }],
    [oy, ox],
  );
  const onOut = (cell: { row: number; col: number } | null) =>
    cell && update({ step: cell.row * ow + cell.col });
  const describe = (p: number) => `output row ${Math.floor(p / Math.max(1, ow))}, col ${p % Math.max(1, ow)}`;
  const [h, w] = x.shape;
  const shown = settings.pool;
  return (
    <>
      <PlayerControls player={player} speeds={SPEEDS} describe={describe} label="Pooling" />
      <div className="pool-main">
        <MapPanel
          title={source.kernel ? 'Map to pool' : 'Image to pool'}
          subtitle={
            channels > 1 ? `${source.title} · following the ${input.channelNames[ch]} channel` : source.title
          }
          values={plane}
          w={w}
          h={h}
          maxPx={290}
          scale={scale}
          highlights={srcHighlights}
          fileStem="pool-input"
          testId="pool-input"
          focusCell={
            maxStep?.cells[maxStep.winner]
              ? { row: maxStep.cells[maxStep.winner]!.iy, col: maxStep.cells[maxStep.winner]!.ix }
              : undefined
          }
        />
        {maxMap && avgMap && maxPlane && avgPlane ? (
          <>
            <MapPanel
              title={`Max pool${shown === 'max' ? ' (chosen)' : ''}`}
              subtitle={`${chName}${settings.size}×${settings.size} window, stride ${settings.poolStride}`}
              values={maxPlane}
              w={ow}
              h={oh}
              maxPx={210}
              scale={scale}
              highlights={outHl}
              filled={pos + 1}
              fileStem="max-pool"
              testId="pool-max-map"
              focusCell={{ row: oy, col: ox }}
              onCellHover={onOut}
              onCellClick={onOut}
              className={shown === 'max' ? 'is-chosen' : ''}
            />
            <MapPanel
              title={`Average pool${shown === 'avg' ? ' (chosen)' : ''}`}
              subtitle={`${chName}${settings.size}×${settings.size} window, stride ${settings.poolStride}`}
              values={avgPlane}
              w={ow}
              h={oh}
              maxPx={210}
              scale={scale}
              highlights={outHl}
              filled={pos + 1}
              fileStem="avg-pool"
              testId="pool-avg-map"
              focusCell={{ row: oy, col: ox }}
              onCellHover={onOut}
              onCellClick={onOut}
              className={shown === 'avg' ? 'is-chosen' : ''}
            >
              <div className="conv-formula" data-testid="pool-formula">
                <div>height: {formulaText(g.h)}</div>
                <div>width: {formulaText(g.w)}</div>
              </div>
            </MapPanel>
          </>
        ) : (
          <Panel title="Output" shape="empty" testId="pool-max-map">
            <p className="message error">{g.empty}</p>
          </Panel>
        )}
        {maxStep && avgStep && <PoolMaths max={maxStep} avg={avgStep} size={settings.size} />}
      </div>
      {maxMap && avgMap && channels > 1 && (
        <PoolChannels
          source={x}
          max={maxMap}
          avg={avgMap}
          names={input.channelNames}
          following={ch}
          scale={scale}
        />
      )}
      {maxMap && (
        <StrideComparison
          input={input}
          settings={settings}
          pooledShape={[oh, ow]}
          sourceShape={[h, w]}
          hasKernel={Boolean(source.kernel)}
        />
      )}
    </>
  );
}

/** Pooling versus the alternative: let the convolution itself take bigger steps (stride 2). */
function StrideComparison({
  input,
  settings,
  pooledShape,
  sourceShape,
  hasKernel,
}: {
  input: ConvInput;
  settings: ConvSettings;
  pooledShape: [number, number];
  sourceShape: [number, number];
  hasKernel: boolean;
}) {
  const x = input.stack;
  const c = x.shape[2];
  const values = settings.kernel ?? DEFAULT_KERNEL;
  const r = resolveKernel(values, c);
  const n = typeof r === 'string' ? 3 : r.size;
  const result = useMemo(() => {
    const k = kernelFromFilters(
      [expandToChannels(typeof r === 'string' ? DEFAULT_KERNEL : values, n, c)],
      n,
      n,
      c,
    );
    const params = {
      stride: 2,
      padding: settings.padding,
      dilation: settings.dilation,
      bias: settings.bias,
      activation: settings.activation,
    };
    const g = convGeometry(x, k, params);
    return g.empty ? null : { map: conv2d(x, k, params), g };
  }, [x, values, r, n, c, settings.padding, settings.dilation, settings.bias, settings.activation]);
  if (!result) return null;
  const [ih, iw] = [x.shape[0], x.shape[1]];
  const [oh, ow] = [result.g.h.outSize, result.g.w.outSize];
  return (
    <Panel
      title="The alternative: a convolution that takes steps of 2"
      shape={`${ih}×${iw} → ${oh}×${ow}`}
      testId="pool-compare"
    >
      <div className="pool-compare">
        <MapPanel
          title="Conv, stride 2"
          subtitle={`${n}×${n} kernel, padding ${settings.padding}`}
          values={result.map.data}
          w={ow}
          h={oh}
          maxPx={170}
          fileStem="conv-stride2"
          testId="pool-conv-stride2"
        />
        <div>
          <p>
            <b>Pooling:</b>{' '}
            {hasKernel
              ? `convolution (stride ${settings.stride}) ${ih}×${iw} → ${sourceShape[0]}×${sourceShape[1]}, then `
              : `${ih}×${iw} image → `}
            {settings.pool} pool {settings.size}×{settings.size}, stride {settings.poolStride} →{' '}
            <b>
              {pooledShape[0]}×{pooledShape[1]}
            </b>
            . Pooling has no weights to learn.
          </p>
          <p>
            <b>Stride-2 convolution:</b> {ih}×{iw} →{' '}
            <b>
              {oh}×{ow}
            </b>{' '}
            in one step (height {formulaText(result.g.h)}). It shrinks the map too, but with {n * n * c}{' '}
            weights + 1 bias that training can tune, so the network learns
            <i> how</i> to shrink. Many modern networks use this instead of pooling.
          </p>
          <p className="conv-words small">
            Each step of 2 halves the width and height, so the map keeps about ¼ of its cells (
            {fmtNum((oh * ow) / (ih * iw), 2)} here).
          </p>
        </div>
      </div>
    </Panel>
  );
}
