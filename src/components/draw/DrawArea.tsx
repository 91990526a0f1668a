import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../i18n';
import { mnistSpec, presetLayers, type FilterBank, type LayerReadout } from '../../engine';
import { useStore } from '../../state/createStore';
import {
  drawParamsToSearch,
  readDrawParams,
  DRAW_DEFAULTS,
  BRUSH_MAX,
  BRUSH_MIN,
  type DrawParams,
} from '../../state/drawParams';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import type { ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { useOnScreen } from '../canvas/useOnScreen';
import { cellToFit, useContentBox } from '../canvas/useContentWidth';
import { DrawCanvas } from './DrawCanvas';
import { drawingStore } from './drawingStore';
import { percentile, recordLatency } from './latency';
import { LayerPanels } from './LayerPanels';
import { PredictionPanel } from './PredictionPanel';
import { isBlank, type DrawAction, type StrokeAction } from './strokes';
import { readDigitPhoto } from './upload';
import { describeModel, useDrawModel } from './useDrawModel';
import { ModelChooser } from '../model/ModelChooser';
import { usePredictor } from './usePredictor';
import { WhatIfPanel, type Answer } from './WhatIfPanel';
import { explainLink } from '../../state/explainParams';
import { Select, Slider } from '../ui';

const PIXEL_SCALE: ColorScale = { kind: 'sequential', domain: [0, 1] };
const EMPTY_28 = new Float32Array(784);
/** Only while no session is in (a readout needs one, so it is never used to name real layers). */
const MNIST_LENET = mnistSpec(presetLayers('lenet'));

/** `#/draw`: draw a digit, see what LeNet sees and answers, and what every layer makes of it. */
/** `?bench` in the page query: the page also prints Draw's stroke-to-answer time under the layers. */
const BENCH = /[?&]bench\b/.test(globalThis.location?.search ?? '');
/**
 * `?bench&inkonly`: the page draws the ink and predicts nothing, ever. The ink benchmark's reference: its
 * time per pointer move is what producing a frame of ink costs on this machine (scripts/bench/ink.bench.ts).
 */
const INK_ONLY = BENCH && /[?&]inkonly\b/.test(globalThis.location?.search ?? '');
const NO_REQUEST = () => {};

/**
 * The same function for the component's whole life, always calling the latest `fn`: the parts of the
 * page an answer does not change (the pad, its tools, the header) are memoised elements, and a new
 * handler each render would make them re-render with every answer while a stroke is drawn.
 */
function useStableHandler<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export function DrawArea() {
  const model = useDrawModel();
  const session = model.state === 'ready' ? model.session : null;
  const { params } = useHashRoute();
  const setHash = useSetHashParams('draw');
  // Until the model is in, any filter number a model could have is accepted; a bad value in the link
  // keeps the last good one and says so, as the explorers do.
  const lastGood = useRef<DrawParams>(DRAW_DEFAULTS);
  const query = params.toString();
  const firstConv = session?.spec.layers.find((l) => l.kind === 'conv');
  // No conv layer: no filter to pick, so any value in the link is kept for the next model.
  const filterCount = session ? (firstConv?.kind === 'conv' ? firstConv.filters : 64) : 64;
  const { settings, errors: linkErrors } = useMemo(
    () => readDrawParams(new URLSearchParams(query), filterCount, lastGood.current),
    [query, filterCount],
  );
  useEffect(() => {
    lastGood.current = settings;
  }, [settings]);
  const setSettings = (patch: Partial<DrawParams>) => setHash(drawParamsToSearch({ ...settings, ...patch }));

  const actions = useStore(drawingStore, (s) => s.actions);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const predictor = usePredictor(session, canvasRef);
  const result = predictor.result;
  const request = INK_ONLY ? NO_REQUEST : predictor.request;
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  // Every conv layer's filters, by layer name (none for a network without convolution).
  const [banks, setBanks] = useState<Readonly<Record<string, FilterBank>>>({});
  // `version` re-reads the filters after each edit; `before` is the answer just before the first edit.
  const [edits, setEdits] = useState<{ version: number; edited: boolean; before: Answer }>({
    version: 0,
    edited: false,
    before: null,
  });
  const latencyRef = useRef<HTMLSpanElement>(null);
  const skipActionPredict = useRef(false);

  // The filters shown in "what if" and used by explorer links are the session's (edits included).
  useEffect(() => {
    if (!session) return;
    let live = true;
    const names = session.convLayers;
    Promise.all(names.map((n) => session.readFilters(n))).then(
      (read) => {
        if (live) setBanks(Object.fromEntries(names.map((n, i) => [n, read[i] as FilterBank])));
      },
      (err: unknown) => {
        // Leaving Draw frees the session while its filters are read ("Tensor is disposed."): expected.
        if (live) console.warn('Reading the filters failed:', err);
      },
    );
    return () => {
      live = false;
    };
  }, [session, edits.version]);

  // Undo, Clear and uploads redraw the canvas (in DrawCanvas' effect, which runs first), then predict.
  useEffect(() => {
    if (skipActionPredict.current) {
      skipActionPredict.current = false;
      return;
    }
    request({ now: true });
  }, [actions, request]);

  // Runs after every child effect, so every panel canvas has been drawn by now.
  useEffect(() => {
    if (result?.strokeEndAt == null || !result.readout) return;
    const ms = performance.now() - result.strokeEndAt;
    recordLatency(ms);
    const all = window.__cnnDraw?.latencies ?? [];
    if (latencyRef.current) {
      latencyRef.current.textContent = t('draw.latency', {
        ms: ms.toFixed(0),
        n: String(all.length),
        p95: percentile(all, 95).toFixed(0),
      });
    }
  }, [result]);

  const push = (a: DrawAction) => drawingStore.set({ actions: [...drawingStore.get().actions, a] });
  const onStrokeEnd = useStableHandler((stroke: StrokeAction) => {
    // The panels render again before the stroke's final answer reaches them (see onStrokeStart).
    if (layersEl) delete layersEl.dataset.drawing;
    skipActionPredict.current = true;
    push(stroke);
    setMessage(null);
    request({ strokeEnd: true });
  });
  const onInk = useStableHandler(() => request());
  const undo = useStableHandler(() => drawingStore.set({ actions: drawingStore.get().actions.slice(0, -1) }));
  // Ctrl+Z / ⌘Z undoes a stroke, except while typing a number into a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !e.shiftKey && !typing) {
        e.preventDefault();
        drawingStore.set({ actions: drawingStore.get().actions.slice(0, -1) });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const clear = useStableHandler(() => {
    if (!isBlank(actions)) push({ kind: 'clear' });
    setMessage(null);
  });
  const upload = useStableHandler(async (file: File | undefined) => {
    if (!file) return;
    setMessage({ kind: 'info', text: t('draw.upload.reading', { name: file.name }) });
    const r = await readDigitPhoto(file);
    if (!r.ok) {
      setMessage({ kind: 'error', text: t('draw.upload.unchanged', { message: r.message }) });
      return;
    }
    push({ kind: 'image', ink: r.ink, name: file.name });
    setMessage({
      kind: 'info',
      text: t(r.inverted ? 'draw.upload.loadedInverted' : 'draw.upload.loaded', { name: file.name }),
    });
  });
  const setBrush = useStableHandler((brush: number) => setSettings({ brush }));
  const setFilter = useStableHandler((filter: number) => setSettings({ filter }));
  const setChannel = useStableHandler((v: string) =>
    setSettings({ channel: v === 'auto' ? 'auto' : Number(v) }),
  );

  const editFilter = useStableHandler((weights: Float32Array, bias: number) => {
    if (!session) return;
    session.setFirstConvFilter(settings.filter, weights, bias);
    const current = result?.readout
      ? { top: result.readout.top, confidence: result.readout.confidence }
      : null;
    setEdits((e) => ({ version: e.version + 1, edited: true, before: e.edited ? e.before : current }));
    request({ now: true });
  });
  const resetModel = useStableHandler(() => {
    session?.reset();
    setEdits((e) => ({ version: e.version + 1, edited: false, before: null }));
    request({ now: true });
  });
  // A new model (trained, imported) starts unedited.
  useEffect(() => {
    setEdits((e) => ({ version: e.version + 1, edited: false, before: null }));
  }, [session]);

  const blank = isBlank(actions) || !result?.pre.box;
  const readout = blank ? null : (result?.readout ?? null);
  // "What if" shows the answer only once a filter is edited: unedited, it need not re-render per answer.
  const nowTop = edits.edited && readout ? readout.top : null;
  const nowConfidence = readout?.confidence ?? 0;
  const now: Answer = useMemo(
    () => (nowTop === null ? null : { top: nowTop, confidence: nowConfidence }),
    [nowTop, nowConfidence],
  );
  const links = useMemo(() => ({ banks, channel: settings.channel }), [banks, settings.channel]);
  // The layer panels are the costliest part of an answer (about 40 canvases): while a stroke is drawn
  // and they are scrolled out of sight (below the fold on a laptop), they keep the answer they show and
  // take the next one when they come into view or when the stroke ends (an urgent answer, which every
  // panel shows). The ink and the answer above them are then all a drawing move costs.
  const [layersEl, setLayersEl] = useState<HTMLElement | null>(null);
  const layersOnScreen = useOnScreen(layersEl);
  const [layersReadout, setLayersReadout] = useState<LayerReadout | null>(null);
  // And while a stroke is drawn with them out of sight, the browser skips their rendering altogether
  // (`data-drawing`: `content-visibility: hidden`, at their last size, styles.css). Those near the fold
  // were still laid out, painted and composited in every frame of ink: at 4× CPU throttling, hiding them
  // cut the frames' main-thread CPU while drawing by about a tenth (compositor commit and layerize).
  // Only during a stroke: hidden content is out of the accessibility tree and find-in-page.
  const onStrokeStart = useStableHandler(() => {
    if (layersEl && !layersOnScreen) layersEl.dataset.drawing = '';
  });
  useEffect(() => {
    if (layersEl && layersOnScreen) delete layersEl.dataset.drawing;
  }, [layersEl, layersOnScreen]);
  const wantLayers = !readout ? null : layersOnScreen || result?.urgent ? readout : layersReadout;
  // Adjusting state while rendering (React's documented pattern): no extra commit, no effect.
  if (wantLayers !== layersReadout) setLayersReadout(wantLayers);
  const spec = session?.spec ?? MNIST_LENET;
  // The same element for the same readout: React then skips the panels entirely.
  const layerPanels = useMemo(
    () =>
      layersReadout ? (
        <LayerPanels readout={layersReadout} spec={spec} links={links} />
      ) : (
        <p className="draw-placeholder">{t('draw.placeholder')}</p>
      ),
    [layersReadout, spec, links],
  );
  // What the network sees, at 7 px a pixel; in presentation mode on a projector the stylesheet gives it
  // a room of its own (present.css), the screen's main picture, and it fills that room.
  const [seesRoom, seesBox] = useContentBox<HTMLDivElement>();
  const seesCell =
    seesBox && seesBox.height > 1 ? cellToFit(28, Math.min(seesBox.width, seesBox.height), 7) : 7;
  const firstConvName = session?.convLayers[0] ?? null;
  // The most input maps any conv layer after the first reads: the choices of "which map a click opens".
  const maxChannels = Math.max(
    0,
    ...Object.entries(banks)
      .filter(([name]) => name !== firstConvName)
      .map(([, b]) => b.shape[2]),
  );

  // Memoised elements for what an answer does not change: React skips them while a stroke is drawn (the
  // 4× trace had DrawArea's header, pad tools and selects re-rendered, with their i18n, for every answer).
  const header = useMemo(
    () => (
      <header className="draw-intro">
        <h1>{t('draw.heading')}</h1>
        <p data-testid="draw-model" data-used={model.state === 'ready' ? model.source : model.state}>
          <strong>{t('draw.model')}</strong>
          {model.state === 'ready'
            ? describeModel(model)
            : model.state === 'error'
              ? model.message
              : t('draw.loadingModel')}
          {model.state === 'ready' && model.note && <span className="draw-note"> {model.note}</span>}
        </p>
        <ModelChooser inUseLine={false} showForget />
      </header>
    ),
    [model],
  );
  const pad = useMemo(
    () => (
      <Panel title={t('draw.pad.title')} shape={t('draw.pad.shape')} className="draw-pad">
        <DrawCanvas
          actions={actions}
          brush={settings.brush}
          canvasRef={canvasRef}
          onInk={onInk}
          onStrokeStart={onStrokeStart}
          onStrokeEnd={onStrokeEnd}
        />
        <div className="draw-tools">
          <Slider
            label={t('draw.pad.penLabel')}
            value={settings.brush}
            min={BRUSH_MIN}
            max={BRUSH_MAX}
            valueText={t('draw.pad.penSize', { n: String(settings.brush) })}
            onChange={setBrush}
          />
          <button type="button" className="secondary" onClick={undo} disabled={actions.length === 0}>
            {t('draw.pad.undo')}
          </button>
          <button type="button" onClick={clear}>
            {t('draw.pad.clear')}
          </button>
          <label className="draw-upload">
            {t('draw.pad.upload')}
            <input
              type="file"
              accept="image/*"
              onChange={(e) => {
                const input = e.currentTarget;
                void upload(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
        </div>
        {linkErrors.length > 0 && (
          <div className="message error" role="alert" data-testid="link-message">
            {linkErrors.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </div>
        )}
        {message && (
          <p
            className={`message ${message.kind === 'error' ? 'error' : ''}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="draw-message"
          >
            {message.text}
          </p>
        )}
      </Panel>
    ),
    [
      actions,
      settings.brush,
      onInk,
      onStrokeStart,
      onStrokeEnd,
      setBrush,
      undo,
      clear,
      upload,
      linkErrors,
      message,
    ],
  );
  const whatIf = useMemo(
    () => (
      <WhatIfPanel
        bank={firstConvName ? (banks[firstConvName] ?? null) : null}
        layer={firstConvName ?? ''}
        noConv={!!session && session.convLayers.length === 0}
        filter={settings.filter}
        onFilter={setFilter}
        onEdit={editFilter}
        onReset={resetModel}
        edited={edits.edited}
        before={edits.before}
        now={now}
      />
    ),
    [firstConvName, banks, session, settings.filter, setFilter, editFilter, resetModel, edits, now],
  );
  const layersHead = useMemo(
    () => (
      <div className="draw-layers-head">
        <h2 id="draw-layers-title">{t('draw.layersTitle')}</h2>
        {maxChannels > 1 && (
          <Select
            label={t('draw.conv2Channel')}
            value={settings.channel === 'auto' ? 'auto' : String(settings.channel)}
            options={[
              { value: 'auto', label: t('draw.strongest') },
              ...Array.from({ length: maxChannels }, (_, c) => ({
                value: String(c),
                label: String(c + 1),
              })),
            ]}
            onChange={setChannel}
          />
        )}
        {/* Timings are for developers (About this computer shows them too); students do not need them. */}
        {BENCH && <span className="draw-latency" ref={latencyRef} data-testid="draw-latency" />}
      </div>
    ),
    [maxChannels, settings.channel, setChannel],
  );

  return (
    <div className="draw-area">
      {header}

      <div className="draw-top">
        {pad}

        <Panel title={t('draw.sees.title')} shape={t('draw.sees.shape')} className="draw-sees">
          <div className="map-room">
            <div ref={seesRoom} className="map-fit" />
            <Heatmap
              values={result?.pre.box ? result.pre.pixels : EMPTY_28}
              w={28}
              h={28}
              scale={PIXEL_SCALE}
              cellPx={seesCell}
              label={t('draw.sees.label')}
              testId="network-input"
            />
          </div>
          <ColorLegend scale={PIXEL_SCALE} width={120} />
          <p className="draw-note">{t('draw.sees.note')}</p>
          {!blank && (
            <a
              className="button-link"
              href={explainLink({ kind: 'drawn' }, { model: 'current', method: 'gradcam' })}
              data-testid="draw-explain-link"
            >
              {t('explain.links.fromDraw')}
            </a>
          )}
        </Panel>

        <PredictionPanel readout={readout} blank={blank} />

        {whatIf}
      </div>

      <section className="draw-layers-section" aria-labelledby="draw-layers-title" ref={setLayersEl}>
        {layersHead}
        {layerPanels}
        {result?.error && <p className="message error">{t('draw.runFailed', { error: result.error })}</p>}
      </section>
    </div>
  );
}
