import { useMemo, useState } from 'react';
import { t } from '../../i18n';
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
import { actLabel, fmtNum } from '../convolution/format';
import { InputChooser } from '../convolution/InputChooser';
import { MapPanel } from '../convolution/MapPanel';
import { useConvInput, type ConvInput } from '../convolution/useConvInput';
import { useConvSettings } from '../convolution/useConvSettings';
import { PlayerControls } from '../player/PlayerControls';
import { useGridPlayer } from '../player/usePlayer';
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
      title:
        c === 1
          ? input.title
          : t('pool.sourceChannels', {
              title: input.title,
              c: String(c),
              names: input.channelNames.join(', '),
            }),
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
    title: t('pool.sourceMap', { title: input.title, k: String(r.size), act: actLabel(s.activation) }),
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
    ...urlErrors.map((e) => t('conv.linkProblem', { problem: e })),
    inputError,
    uiError,
    sourceError,
  ].filter((m): m is string => Boolean(m));

  const guarded = (patch: Partial<ConvSettings>) => {
    if (source && typeof source !== 'string') {
      const s = { ...settings, ...patch };
      const g = poolGeometry(source.map, { kind: s.pool, size: s.size, stride: s.poolStride });
      if (g.empty && ('size' in patch || 'poolStride' in patch)) {
        setUiError(t('conv.notChanged', { reason: g.empty }));
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
      <h1 className="visually-hidden">{t('pool.heading')}</h1>
      <div className="conv-controls">
        <InputChooser settings={settings} update={guarded} onError={setUiError} />
        <fieldset className="conv-group">
          <legend>{t('pool.controls.legend')}</legend>
          <label>
            {t('pool.controls.pool')}{' '}
            <select
              value={settings.kernel ? 'map' : 'image'}
              aria-label={t('pool.controls.what')}
              onChange={(e) => guarded({ kernel: e.target.value === 'map' ? DEFAULT_KERNEL : null, step: 0 })}
            >
              <option value="image">{t('pool.controls.image')}</option>
              <option value="map">{t('pool.controls.map')}</option>
            </select>
          </label>
          <label>
            {t('pool.controls.kind')}{' '}
            <select
              value={settings.pool}
              aria-label={t('pool.controls.kindLabel')}
              onChange={(e) => guarded({ pool: e.target.value as 'max' | 'avg' })}
            >
              <option value="max">{t('pool.controls.max')}</option>
              <option value="avg">{t('pool.controls.avg')}</option>
            </select>
          </label>
          {pick(t('pool.controls.window'), 'size', 2, 4)}
          {pick(t('pool.controls.stride'), 'poolStride', 1, 4)}
          {source && typeof source !== 'string' && source.map.shape[2] > 1 && input && (
            <label>
              {t('pool.controls.follow')}{' '}
              <select
                value={Math.min(settings.channel, source.map.shape[2] - 1)}
                aria-label={t('pool.controls.followLabel')}
                onChange={(e) => guarded({ channel: Number(e.target.value) })}
              >
                {input.channelNames.map((name, i) => (
                  <option key={name} value={i}>
                    {t('pool.controls.channelOption', { name })}
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
      {loading && !input && <p className="loading">{t('conv.loadingMnist')}</p>}
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
  const { player, oy, ox } = useGridPlayer(oh, ow, settings, update);
  const pos = player.position;
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
  const chName =
    channels > 1
      ? t('pool.panels.channelPrefix', {
          channel: input.channelNames[ch] ?? t('conv.input.channel', { n: String(ch) }),
        })
      : '';
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
  const describe = (p: number) =>
    t('conv.describe', { row: String(Math.floor(p / Math.max(1, ow))), col: String(p % Math.max(1, ow)) });
  const [h, w] = x.shape;
  const shown = settings.pool;
  const windowStride = t('pool.panels.windowStride', {
    prefix: chName,
    k: String(settings.size),
    s: String(settings.poolStride),
  });
  return (
    <>
      <PlayerControls player={player} speeds={SPEEDS} describe={describe} label={t('pool.playerLabel')} />
      <div className="pool-main">
        <MapPanel
          title={source.kernel ? t('pool.panels.mapToPool') : t('pool.panels.imageToPool')}
          subtitle={
            channels > 1
              ? t('pool.panels.following', { title: source.title, channel: input.channelNames[ch] ?? '' })
              : source.title
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
              title={shown === 'max' ? t('pool.panels.maxPoolChosen') : t('pool.panels.maxPool')}
              subtitle={windowStride}
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
              title={shown === 'avg' ? t('pool.panels.avgPoolChosen') : t('pool.panels.avgPool')}
              subtitle={windowStride}
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
                <div>{t('conv.panels.height', { text: formulaText(g.h) })}</div>
                <div>{t('conv.panels.width', { text: formulaText(g.w) })}</div>
              </div>
            </MapPanel>
          </>
        ) : (
          <Panel title={t('conv.panels.output')} shape={t('conv.panels.empty')} testId="pool-max-map">
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
    <Panel title={t('pool.compare.title')} shape={`${ih}×${iw} → ${oh}×${ow}`} testId="pool-compare">
      <div className="pool-compare">
        <MapPanel
          title={t('pool.compare.mapTitle')}
          subtitle={t('pool.compare.mapSubtitle', { n: String(n), padding: String(settings.padding) })}
          values={result.map.data}
          w={ow}
          h={oh}
          maxPx={170}
          fileStem="conv-stride2"
          testId="pool-conv-stride2"
        />
        <div>
          <p>
            <b>{t('pool.compare.pooling')}</b>{' '}
            {hasKernel
              ? t('pool.compare.afterConv', {
                  stride: String(settings.stride),
                  ih: String(ih),
                  iw: String(iw),
                  h: String(sourceShape[0]),
                  w: String(sourceShape[1]),
                })
              : t('pool.compare.fromImage', { ih: String(ih), iw: String(iw) })}
            {t('pool.compare.poolStep', {
              kind: t(`pool.channels.${settings.pool}`),
              k: String(settings.size),
              s: String(settings.poolStride),
            })}
            <b>
              {pooledShape[0]}×{pooledShape[1]}
            </b>
            {t('pool.compare.noWeights')}
          </p>
          <p>
            <b>{t('pool.compare.strided')}</b>
            {t('pool.compare.stridedFrom', { ih: String(ih), iw: String(iw) })}
            <b>
              {oh}×{ow}
            </b>
            {t('pool.compare.stridedWords', { formula: formulaText(result.g.h), weights: String(n * n * c) })}
            <i>{t('pool.compare.how')}</i>
            {t('pool.compare.stridedEnd')}
          </p>
          <p className="conv-words small">
            {t('pool.compare.quarter', { ratio: fmtNum((oh * ow) / (ih * iw), 2) })}
          </p>
        </div>
      </div>
    </Panel>
  );
}
