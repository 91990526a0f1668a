import { useCallback, useMemo, useRef, useState } from 'react';
import { t } from '../../i18n';
import {
  channelPlane,
  conv2d,
  convGeometry,
  convStep,
  formulaText,
  kernelFromFilters,
  padInput,
  type ConvParams,
  type KernelPreset,
  type MapStack,
} from '../../engine';
import { DEFAULT_KERNEL, resolveKernel, SPEEDS, type ConvSettings } from '../../state/convParams';
import { chooseScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import type { HeatmapHighlight } from '../canvas/drawHeatmap';
import { Panel } from '../canvas/Panel';
import { PlayerControls } from '../player/PlayerControls';
import { useGridPlayer, WINDOW_COLOR } from '../player/usePlayer';
import { expandToChannels, matchPreset, resizeBank, resolveBank, selectFilter, shownPreset } from './bank';
import { ChannelSums } from './ChannelSums';
import { ConvMaths } from './ConvMaths';
import { FilterBank } from './FilterBank';
import { ConvControls } from './ConvControls';
import { withBiasAndActivation } from './biasedOutput';
import { actLabel } from './format';
import { KernelEditor } from './KernelEditor';
import { MapPanel } from './MapPanel';
import { Messages } from './Messages';
import { useConvInput, type ConvInput } from './useConvInput';
import { useConvSettings } from './useConvSettings';

/** The mean over channels, for drawing a multi-channel input as one map. */
function displayPlane(x: MapStack): Float32Array {
  const [h, w, c] = x.shape;
  if (c === 1) return x.data;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) {
    let s = 0;
    for (let ch = 0; ch < c; ch++) s += x.data[i * c + ch] ?? 0;
    out[i] = s / c;
  }
  return out;
}

export function ConvolutionArea() {
  const { settings, urlErrors, update } = useConvSettings('convolution');
  const [uiError, setUiError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ preset: KernelPreset; values: readonly number[] } | null>(null);
  const setPreset = useCallback(
    (preset: KernelPreset, values: readonly number[]) => setChosen({ preset, values }),
    [],
  );
  const { input, loading, error: inputError } = useConvInput(settings, update);
  const lastKernel = useRef<{ values: number[]; size: number }>({ values: DEFAULT_KERNEL, size: 3 });

  const channels = input?.stack.shape[2] ?? 1;
  const kernelValues = settings.kernel ?? DEFAULT_KERNEL;
  const resolved = resolveKernel(kernelValues, channels);
  let kernelError: string | null = null;
  let kv = kernelValues;
  let n: number;
  if (typeof resolved === 'string') {
    kernelError = t('conv.keepKernel', { problem: resolved });
    kv = lastKernel.current.values;
    n = lastKernel.current.size;
  } else {
    n = resolved.size;
    lastKernel.current = { values: kernelValues, size: n };
  }

  // Pure, and kv keeps its identity while the kernel's numbers do (useConvSettings), so a bias change
  // does not build and compare every preset's kernel again (~2% of a bias change's task at 4×, traced).
  const preset = useMemo(() => shownPreset(chosen, kv, n), [chosen, kv, n]);

  return (
    <div className="conv-area">
      <h1 className="visually-hidden">{t('conv.heading')}</h1>
      <ConvControls
        settings={settings}
        update={update}
        size={n}
        input={input}
        preset={preset}
        setPreset={setPreset}
        setError={setUiError}
      />
      <Messages linkProblems={urlErrors} others={[kernelError, inputError, uiError]} />
      {loading && !input && <p className="loading">{t('conv.loadingMnist')}</p>}
      {input && (
        <ConvWorkspace
          input={input}
          settings={settings}
          update={update}
          kernelValues={kv}
          n={n}
          setError={setUiError}
          setPreset={setPreset}
        />
      )}
    </div>
  );
}

function ConvWorkspace({
  input,
  settings,
  update,
  kernelValues,
  n,
  setError,
  setPreset,
}: {
  input: ConvInput;
  settings: ConvSettings;
  update: (p: Partial<ConvSettings>) => void;
  kernelValues: number[];
  n: number;
  setError: (m: string | null) => void;
  setPreset: (p: KernelPreset, values: readonly number[]) => void;
}) {
  const x = input.stack;
  const channels = x.shape[2];
  const { stride, padding, dilation, bias, activation } = settings;
  const params: ConvParams = useMemo(
    () => ({ stride, padding, dilation, bias, activation }),
    [stride, padding, dilation, bias, activation],
  );
  const kernelKey = kernelValues.join(',');
  const filtersKey = JSON.stringify(settings.filters);
  const bank = useMemo(
    () =>
      resolveBank(
        settings.filters,
        kernelValues.slice(0, kernelValues.length === n * n * channels ? n * n * channels : n * n),
        n,
        channels,
      ),
    // kernelKey and filtersKey stand for the contents of kernelValues and settings.filters, which are
    // new arrays after every URL change even when nothing in them changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kernelKey, n, channels, filtersKey],
  );
  const sel = bank.selected;
  const kernel = useMemo(
    () =>
      kernelFromFilters(
        bank.filters.map((f) => expandToChannels(f, n, channels)),
        n,
        n,
        channels,
      ),
    [bank, n, channels],
  );
  // The geometry (and so the padded input) depends on sizes, stride, padding and dilation only: a bias
  // or activation change must not redraw the input.
  const geometry = useMemo(
    () => convGeometry(x, { ...kernel, shape: [n, n, channels, 1] }, { stride, padding, dilation }),
    // kernel is read for its size only, which n and channels stand for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [x, n, channels, stride, padding, dilation],
  );
  // The weighted sums depend on the input, the kernels and the geometry only: a bias or activation
  // change redoes the last step (withBiasAndActivation), not the 16 convolutions.
  const sums = useMemo(
    () =>
      geometry.empty ? null : conv2d(x, kernel, { stride, padding, dilation, bias: 0, activation: 'none' }),
    [geometry, x, kernel, stride, padding, dilation],
  );
  const output = useMemo(
    () => (sums ? withBiasAndActivation(sums, bias, activation) : null),
    [sums, bias, activation],
  );
  const main = useMemo(() => (output ? channelPlane(output, sel) : null), [output, sel]);
  const padded = useMemo(() => displayPlane(padInput(x, geometry)), [x, geometry]);
  const oh = geometry.h.outSize;
  const ow = geometry.w.outSize;
  const { player, oy, ox, describe, cursor } = useGridPlayer(oh, ow, settings, update);
  const count = player.count;
  const step = useMemo(
    () => (output ? convStep(x, kernel, params, sel, oy, ox) : null),
    [output, x, kernel, params, sel, oy, ox],
  );

  // Keyed by where the window is, not by the step's numbers, so a bias change keeps the input as drawn.
  const win = step?.window;
  const inputHighlights = useMemo<HeatmapHighlight[]>(() => {
    if (!win) return [];
    const hl: HeatmapHighlight[] = [{ ...win, color: WINDOW_COLOR, width: 3 }];
    if (dilation > 1) {
      for (let ky = 0; ky < n; ky++)
        for (let kx = 0; kx < n; kx++)
          hl.push({
            row: win.row + ky * dilation,
            col: win.col + kx * dilation,
            rows: 1,
            cols: 1,
            color: WINDOW_COLOR,
            width: 2,
            fill: 'rgba(240,140,0,0.25)',
          });
    }
    return hl;
    // win is read through its four numbers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [win?.row, win?.col, win?.rows, win?.cols, dilation, n]);
  const inputFocus = useMemo(
    () => (win ? { row: win.row, col: win.col } : undefined),
    // win is read through its two numbers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [win?.row, win?.col],
  );
  const inner = useMemo(
    () => ({ row: geometry.h.padBefore, col: geometry.w.padBefore, rows: x.shape[0], cols: x.shape[1] }),
    [geometry, x],
  );
  const inputScale = useMemo(
    () => (channels > 1 ? chooseScale(padded) : chooseScale(x.data, undefined)),
    [x, padded, channels],
  );
  // kernelKey stands for kernelValues' contents (see above).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const kernelScale = useMemo(() => chooseScale(kernelValues.concat([-1e-9])), [kernelKey]);
  const outScale = useMemo(() => (main ? chooseScale(main) : chooseScale([])), [main]);
  const filtersRef = useRef({ slots: settings.filters, bank, n });
  filtersRef.current = { slots: settings.filters, bank, n };
  // Stable callbacks, so the bank's memo holds when only the maps change.
  const onSelectFilter = useCallback(
    (j: number) => {
      const { slots, bank: b, n: size } = filtersRef.current;
      const next = selectFilter(slots, b, size, j);
      if (!next) return;
      setError(null);
      const p = matchPreset(next.kernel, size, j);
      if (p) setPreset(p, next.kernel);
      update(next);
    },
    [update, setError, setPreset],
  );
  const onCount = useCallback(
    (count: number) => update({ filters: resizeBank(filtersRef.current.slots, count) }),
    [update],
  );
  const setKernelCell = (slice: number, i: number, v: number) => {
    const next = kernelValues.slice();
    next[slice * n * n + i] = v;
    update({ kernel: next });
  };
  const perChannel = kernelValues.length === n * n * channels && channels > 1;
  const slices = perChannel ? channels : 1;
  const kcell = Math.max(34, Math.min(58, Math.floor((slices > 1 ? 150 : 230) / n)));
  const stepOutOfRange = settings.step >= count && output;
  return (
    <>
      {stepOutOfRange && (
        <p className="message" data-testid="step-note">
          {t('conv.stepNote', { step: String(settings.step), count: String(count), last: String(count - 1) })}
        </p>
      )}
      {bank.problems.length > 0 && (
        <div className="message conv-messages" data-testid="bank-note">
          {bank.problems.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <PlayerControls player={player} speeds={SPEEDS} describe={describe} label={t('conv.playerLabel')} />
      <div className="conv-main">
        <MapPanel
          title={
            geometry.h.padBefore + geometry.w.padBefore + geometry.h.padAfter > 0
              ? t('conv.panels.inputPadded')
              : t('conv.panels.input')
          }
          subtitle={
            channels > 1
              ? t('conv.panels.meanShown', { title: input.title, channels: String(channels) })
              : input.title
          }
          values={padded}
          w={geometry.paddedW}
          h={geometry.paddedH}
          maxPx={290}
          scale={inputScale}
          highlights={inputHighlights}
          inner={inner}
          fileStem="conv-input"
          testId="conv-input"
          offset={geometry.h.padBefore}
          focusCell={inputFocus}
        />
        <Panel
          title={
            bank.filters.length > 1
              ? t('conv.kernel.titleOf', { n: String(sel + 1) })
              : t('conv.kernel.title')
          }
          shape={`${n}×${n}${perChannel ? `×${channels}` : ''}`}
          testId="conv-kernel"
          className="conv-kernel"
        >
          {Array.from({ length: slices }, (_, s) => (
            <div key={s} className="conv-kslice">
              {slices > 1 && <div className="conv-kslice-name">{input.channelNames[s]}</div>}
              <KernelEditor
                values={kernelValues.slice(s * n * n, (s + 1) * n * n)}
                size={n}
                cellPx={kcell}
                label={
                  slices > 1
                    ? t('conv.kernel.sliceLabel', { channel: input.channelNames[s] ?? '' })
                    : t('conv.kernel.title')
                }
                onChange={(i, v) => setKernelCell(s, i, v)}
                onError={setError}
              />
            </div>
          ))}
          <ColorLegend scale={kernelScale} width={140} />
          <p className="conv-words small">
            {t('conv.kernel.clickToChange')}{' '}
            {channels > 1 && !perChannel
              ? t('conv.kernel.sameOnEach', { n: String(n), channels: String(channels) })
              : ''}
            {t('conv.kernel.signs')}
          </p>
        </Panel>
        {output && main ? (
          <MapPanel
            title={t('conv.panels.output')}
            subtitle={
              bank.filters.length > 1
                ? t('conv.panels.outputSubtitleOf', {
                    n: String(sel + 1),
                    act: actLabel(settings.activation),
                  })
                : t('conv.panels.outputSubtitle', { act: actLabel(settings.activation) })
            }
            values={main}
            w={ow}
            h={oh}
            maxPx={270}
            scale={outScale}
            {...cursor}
            fileStem="conv-output"
            testId="conv-output"
          >
            <OutputFormula geometry={geometry} />
          </MapPanel>
        ) : (
          <Panel title={t('conv.panels.output')} shape={t('conv.panels.empty')} testId="conv-output">
            <p className="message error" role="alert">
              {geometry.empty}
            </p>
            <OutputFormula geometry={geometry} />
          </Panel>
        )}
        {step && (
          <ConvMaths
            step={step}
            size={n}
            channelNames={input.channelNames}
            activation={settings.activation}
          />
        )}
      </div>
      {output && channels > 1 && (
        <ChannelSums
          input={x}
          kernel={kernel}
          filter={sel}
          params={params}
          channelNames={input.channelNames}
        />
      )}
      {output && (
        <FilterBank
          output={output}
          names={bank.names}
          selected={sel}
          onSelect={onSelectFilter}
          onCount={onCount}
        />
      )}
    </>
  );
}

function OutputFormula({ geometry }: { geometry: ReturnType<typeof convGeometry> }) {
  return (
    <div className="conv-formula" data-testid="output-formula">
      <div>
        <b>{t('conv.panels.outputSize')}</b>
        {t('conv.panels.outputFormula')}
      </div>
      <div>{t('conv.panels.height', { text: formulaText(geometry.h) })}</div>
      <div>{t('conv.panels.width', { text: formulaText(geometry.w) })}</div>
    </div>
  );
}
