import { useMemo, useState } from 'react';
import { t, type MessageKey } from '../../i18n';
import {
  channelPlane,
  conv2d,
  convGeometry,
  formulaText,
  pool2d,
  poolGeometry,
  poolStep,
  type MapStack,
  type PoolKind,
  type PoolParams,
} from '../../engine';
import { DEFAULT_KERNEL, resolveKernel, SPEEDS, type ConvSettings } from '../../state/convParams';
import { chooseSharedScale } from '../canvas/colorScales';
import type { HeatmapHighlight } from '../canvas/drawHeatmap';
import { Panel } from '../canvas/Panel';
import { oneFilterKernel } from '../convolution/bank';
import { actLabel, fmtNum } from '../convolution/format';
import { InputChooser } from '../convolution/InputChooser';
import { MapPanel } from '../convolution/MapPanel';
import { Messages } from '../convolution/Messages';
import { PhoneFold, SegmentedButtons, Select } from '../ui';
import { NumberSelect } from '../convolution/NumberSelect';
import { useConvInput, type ConvInput } from '../convolution/useConvInput';
import { convParamsOf, useConvSettings } from '../convolution/useConvSettings';
import { PlayerControls } from '../player/PlayerControls';
import { useGridPlayer, WINDOW_COLOR } from '../player/usePlayer';
import { POOL_KINDS } from './kinds';
import { PoolChannels } from './PoolChannels';
import { PoolMaths } from './PoolMaths';

const WINNER = '#0b7a3e';

/** Titles of the two pooled maps shown side by side; the kind the link picks is marked "chosen". */
const POOLED_PANELS = {
  max: { title: 'pool.panels.maxPool', chosen: 'pool.panels.maxPoolChosen' },
  avg: { title: 'pool.panels.avgPool', chosen: 'pool.panels.avgPoolChosen' },
} satisfies Record<PoolKind, Record<'title' | 'chosen', MessageKey>>;

type Source = { map: MapStack; title: string; kernel: { values: number[]; size: number } | null };

/** What gets pooled: the activation map of the link's kernel, or (without `kernel`) the image itself. */
type SourceSettings = Pick<
  ConvSettings,
  'kernel' | 'stride' | 'padding' | 'dilation' | 'bias' | 'activation'
>;

function sourceOf(input: ConvInput, s: SourceSettings): Source | string {
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
  const k = oneFilterKernel(s.kernel, r.size, c);
  const params = convParamsOf(s);
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
  const { input, loading, error: inputError } = useConvInput(settings, update);
  // Only what the source depends on: a new step or pool setting must not recompute the convolution
  // and hand every panel below a new map.
  const { kernel, stride, padding, dilation, bias, activation } = settings;
  const source = useMemo(
    () => (input ? sourceOf(input, { kernel, stride, padding, dilation, bias, activation }) : null),
    [input, kernel, stride, padding, dilation, bias, activation],
  );
  const sourceError = typeof source === 'string' ? source : null;

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

  return (
    <div className="conv-area">
      <h1 className="visually-hidden">{t('pool.heading')}</h1>
      <PhoneFold
        className="conv-controls"
        summary={t('pool.fold', {
          kind: settings.pool === 'max' ? t('pool.controls.max') : t('pool.controls.avg'),
          size: settings.size,
          stride: settings.poolStride,
        })}
      >
        <InputChooser settings={settings} update={guarded} onError={setUiError} />
        <fieldset className="conv-group">
          <legend>{t('pool.controls.legend')}</legend>
          <Select
            label={t('pool.controls.pool')}
            ariaLabel={t('pool.controls.what')}
            value={settings.kernel ? 'map' : 'image'}
            options={[
              { value: 'image', label: t('pool.controls.image') },
              { value: 'map', label: t('pool.controls.map') },
            ]}
            onChange={(v) => guarded({ kernel: v === 'map' ? DEFAULT_KERNEL : null, step: 0 })}
          />
          <SegmentedButtons
            label={t('pool.controls.kindLabel')}
            value={settings.pool}
            options={[
              { value: 'max', label: t('pool.controls.max') },
              { value: 'avg', label: t('pool.controls.avg') },
            ]}
            onChange={(pool) => guarded({ pool })}
          />
          <NumberSelect
            label={t('pool.controls.window')}
            value={settings.size}
            lo={2}
            hi={4}
            onChange={(size) => guarded({ size })}
          />
          <NumberSelect
            label={t('pool.controls.stride')}
            value={settings.poolStride}
            lo={1}
            hi={4}
            onChange={(poolStride) => guarded({ poolStride })}
          />
          {source && typeof source !== 'string' && source.map.shape[2] > 1 && input && (
            <Select
              label={t('pool.controls.follow')}
              ariaLabel={t('pool.controls.followLabel')}
              value={Math.min(settings.channel, source.map.shape[2] - 1)}
              options={input.channelNames.map((name, i) => ({
                value: i,
                label: t('pool.controls.channelOption', { name }),
              }))}
              onChange={(channel) => guarded({ channel })}
            />
          )}
        </fieldset>
      </PhoneFold>
      <Messages linkProblems={urlErrors} others={[inputError, uiError, sourceError]} />
      {loading && !input && <p className="loading">{t('conv.loadingMnist')}</p>}
      {source && typeof source !== 'string' && input && (
        <PoolWorkspace source={source} input={input} settings={settings} update={update} />
      )}
    </div>
  );
}

/** The channel the step view follows, as one plane (the map itself when it has one channel). */
function followedPlane(map: MapStack, ch: number): Float32Array {
  return map.shape[2] === 1 ? map.data : channelPlane(map, ch);
}

/**
 * One kind of pooling over the whole source: the pooled stack (every channel), its followed channel,
 * and the window at output cell (`oy`, `ox`). All null when the window does not fit (`empty`).
 */
function usePooled(
  x: MapStack,
  params: PoolParams,
  kind: PoolKind,
  ch: number,
  oy: number,
  ox: number,
  empty: string | null,
) {
  const map = useMemo(() => (empty ? null : pool2d(x, { ...params, kind })), [empty, x, params, kind]);
  const plane = useMemo(() => (map ? followedPlane(map, ch) : null), [map, ch]);
  const step = useMemo(
    () => (empty ? null : poolStep(x, { ...params, kind }, ch, oy, ox)),
    [empty, x, params, kind, ch, oy, ox],
  );
  return { map, plane, step };
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
  const plane = useMemo(() => followedPlane(x, ch), [x, ch]);
  const params = useMemo<PoolParams>(
    () => ({ kind: settings.pool, size: settings.size, stride: settings.poolStride }),
    [settings.pool, settings.size, settings.poolStride],
  );
  const g = poolGeometry(x, params);
  const oh = g.h.outSize;
  const ow = g.w.outSize;
  const { player, oy, ox, describe, cursor } = useGridPlayer(oh, ow, settings, update);
  const pooled = {
    max: usePooled(x, params, 'max', ch, oy, ox, g.empty),
    avg: usePooled(x, params, 'avg', ch, oy, ox, g.empty),
  };
  const maxStep = pooled.max.step;
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
    const hl: HeatmapHighlight[] = [{ ...maxStep.window, color: WINDOW_COLOR, width: 3 }];
    if (win && settings.pool === 'max')
      hl.push({ row: win.iy, col: win.ix, rows: 1, cols: 1, color: WINNER, width: 3 });
    return hl;
  }, [maxStep, settings.pool]);
  const planes =
    pooled.max.plane && pooled.avg.plane ? { max: pooled.max.plane, avg: pooled.avg.plane } : null;
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
        {planes ? (
          POOL_KINDS.map((kind) => (
            <MapPanel
              key={kind}
              title={t(POOLED_PANELS[kind][shown === kind ? 'chosen' : 'title'])}
              subtitle={windowStride}
              values={planes[kind]}
              w={ow}
              h={oh}
              maxPx={210}
              scale={scale}
              {...cursor}
              fileStem={`${kind}-pool`}
              testId={`pool-${kind}-map`}
              className={shown === kind ? 'is-chosen' : ''}
            >
              {kind === 'avg' && (
                <div className="conv-formula" data-testid="pool-formula">
                  <div>{t('conv.panels.height', { text: formulaText(g.h) })}</div>
                  <div>{t('conv.panels.width', { text: formulaText(g.w) })}</div>
                </div>
              )}
            </MapPanel>
          ))
        ) : (
          <Panel title={t('conv.panels.output')} shape={t('conv.panels.empty')} testId="pool-max-map">
            <p className="message error">{g.empty}</p>
          </Panel>
        )}
        {pooled.max.step && pooled.avg.step && (
          <PoolMaths max={pooled.max.step} avg={pooled.avg.step} size={settings.size} />
        )}
      </div>
      {pooled.max.map && pooled.avg.map && channels > 1 && (
        <PoolChannels
          source={x}
          max={pooled.max.map}
          avg={pooled.avg.map}
          names={input.channelNames}
          following={ch}
          scale={scale}
        />
      )}
      {pooled.max.map && (
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
  const { padding, dilation, bias, activation } = settings;
  const result = useMemo(() => {
    const k = oneFilterKernel(typeof r === 'string' ? DEFAULT_KERNEL : values, n, c);
    const params = { stride: 2, padding, dilation, bias, activation };
    const g = convGeometry(x, k, params);
    return g.empty ? null : { map: conv2d(x, k, params), g };
  }, [x, values, r, n, c, padding, dilation, bias, activation]);
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
