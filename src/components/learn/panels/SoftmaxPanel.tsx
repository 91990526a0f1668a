import { useEffect, useMemo, useState } from 'react';
import { ColorLegend } from '../../canvas/ColorLegend';
import { kernelScale } from '../../canvas/colorScales';
import {
  digitPixels,
  evaluateSoftmax,
  SOFTMAX_DEFAULTS,
  softmaxStart,
  softmaxTemplate,
  trainSoftmax,
  type SoftmaxEvaluation,
  type SoftmaxModel,
  type SoftmaxProgress,
} from '../../../engine';
import { createStore, useStore } from '../../../state/createStore';
import { appStore } from '../../../state/appStore';
import { getMnist } from '../../../state/mnistService';
import { t } from '../../../i18n';
import {
  DigitsPending,
  LearnPanel,
  str,
  useLearnPresentBig,
  useLearnPresenting,
  useLearnRoom,
  useLearnScale,
  useMnistTest,
  type PanelProps,
} from './common';
import { BatchMontage } from './BatchMontage';
import { SegmentedButtons } from '../../ui';
import { DigitMap, LearnMain, MapFigure } from './parts';

type Run =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'training'; progress: SoftmaxProgress | null; weights: SoftmaxModel | null }
  | { state: 'done'; model: SoftmaxModel; evaluation: SoftmaxEvaluation; seconds: number; examples: number }
  | { state: 'error'; message: string };

/** The trained one-layer net outlives the step that trained it, so later steps can show it. */
const runStore = createStore<{ run: Run }>({ run: { state: 'idle' } });
let controller: AbortController | null = null;

async function startTraining(): Promise<void> {
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  runStore.set({ run: { state: 'loading' } });
  try {
    const [train, test] = await Promise.all([getMnist('train'), getMnist('test')]);
    runStore.set({ run: { state: 'training', progress: null, weights: null } });
    // The weights as they form (a copy every quarter second): step 2 draws its templates live.
    let weights: SoftmaxModel | null = null;
    const model = await trainSoftmax(train, {
      ...SOFTMAX_DEFAULTS,
      signal: mine.signal,
      onProgress: (progress) => runStore.set({ run: { state: 'training', progress, weights } }),
      onWeights: (now) => {
        weights = now;
        const run = runStore.get().run;
        if (run.state === 'training') runStore.set({ run: { ...run, weights } });
      },
    });
    const evaluation = await evaluateSoftmax(model, test);
    runStore.set({
      run: {
        state: 'done',
        model,
        evaluation,
        seconds: model.ms / 1000,
        examples: SOFTMAX_DEFAULTS.examples,
      },
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') {
      runStore.set({ run: { state: 'idle' } });
      return;
    }
    runStore.set({ run: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
  } finally {
    if (controller === mine) controller = null;
  }
}

// If the page's backend goes away mid-run (a lost WebGL context: see startApp), the run's reads would
// never settle; stop it, so the button offers Train again on the backend that replaces it.
appStore.subscribe(() => {
  if (appStore.get().backend.state !== 'ready') controller?.abort();
});

const selectRun = (s: { run: Run }) => s.run;

/**
 * `pictured`: the templates' own words say it is not trained yet (step 2 presented), so no second line.
 * `awaited`: the step's picture is the trained weights, so while it trains the controls are all there is
 * and they are marked as a wait for the presented stage's zoom (useFitZoom): zoomed for a button and a
 * bar, the templates came far too large.
 */
function TrainControls({
  run,
  pictured = false,
  awaited = false,
}: {
  run: Run;
  pictured?: boolean;
  awaited?: boolean;
}) {
  const busy = run.state === 'loading' || run.state === 'training';
  const p = run.state === 'training' ? run.progress : null;
  return (
    <div className="learn-train" data-testid="softmax-train" data-loading={awaited && busy ? '' : undefined}>
      <div className="learn-row">
        {busy ? (
          <button type="button" className="secondary" onClick={() => controller?.abort()}>
            {t('panels.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void startTraining()}>
            {run.state === 'done' ? t('panels.retrain') : t('panels.train')}
          </button>
        )}
        {run.state === 'loading' && <span>{t('learn.loadingDigits')}</span>}
        {p && (
          <>
            <progress
              max={p.steps}
              value={p.step}
              aria-label={t('panels.training', { done: p.step, total: p.steps })}
            />
            <span>
              {t('panels.training', { done: p.step, total: p.steps })}
              {p.secondsLeft !== null &&
                ` · ${t('panels.eta', { s: Math.max(1, Math.round(p.secondsLeft)) })}`}
            </span>
          </>
        )}
      </div>
      {run.state === 'idle' && !pictured && <p className="learn-muted">{t('panels.notTrained')}</p>}
      {run.state === 'done' && (
        <p className="learn-big" data-testid="softmax-accuracy">
          {t('panels.trainedOn', {
            n: run.examples,
            s: run.seconds.toFixed(1),
            acc: (run.evaluation.accuracy * 100).toFixed(1),
          })}
        </p>
      )}
      {run.state === 'error' && (
        <p className="message error" role="alert">
          {t('panels.trainFailed', { message: run.message })}
        </p>
      )}
    </div>
  );
}

function Templates({ model, digits, cellPx }: { model: SoftmaxModel; digits: number[]; cellPx: number }) {
  const templates = useMemo(() => digits.map((d) => softmaxTemplate(model, d)), [model, digits]);
  // Weights: the diverging map centred on 0 (also for the all-zero start, which is white).
  const scale = useMemo(() => kernelScale(templates.flatMap((m) => [...m])), [templates]);
  const big = useLearnPresentBig();
  const [pick, setPick] = useState(digits[0] ?? 0);
  // Five to a row (two rows of ten): on a phone the cells shrink so that the row fits the panel, or
  // the last templates of each row were cut off at the panel's edge.
  const room = useLearnRoom();
  const cols = Math.min(5, digits.length);
  const gapPx = 16;
  const rowCell =
    room === null
      ? cellPx
      : Math.max(2, Math.min(cellPx, Math.floor((room - (cols - 1) * gapPx) / (cols * 28))));
  if (big) {
    // On a projector ONE template big, chosen with segmented buttons (a clicker's Tab and ←/→), the
    // others small beside it: ten 28×28 pictures side by side would each be a tenth of the room, too
    // small to see which pixels are red; the small ones still let the class compare the shapes.
    const at = Math.max(0, digits.indexOf(pick));
    return (
      <>
        <MapFigure
          main
          values={templates[at] ?? new Float32Array(784)}
          w={28}
          h={28}
          scale={scale}
          cellPx={cellPx}
          label={t('panels.templateFor', { d: digits[at] ?? 0 })}
          caption={t('panels.templateFor', { d: digits[at] ?? 0 })}
        >
          <SegmentedButtons
            label={t('panels.templatePick')}
            value={digits[at] ?? 0}
            options={digits.map((d) => ({ value: d, label: String(d) }))}
            onChange={setPick}
            testId="template-pick"
          />
          <ColorLegend scale={scale} />
        </MapFigure>
        <div className="learn-templates-strip">
          {templates.map((tpl, i) =>
            i === at ? null : (
              <MapFigure
                key={digits[i]}
                values={tpl}
                w={28}
                h={28}
                scale={scale}
                cellPx={2}
                label={t('panels.templateFor', { d: digits[i] ?? 0 })}
                caption={digits[i]}
              />
            ),
          )}
        </div>
      </>
    );
  }
  return (
    <>
      <div className={digits.length > 5 ? 'learn-templates' : 'learn-row'}>
        {templates.map((tpl, i) => (
          <MapFigure
            key={digits[i]}
            values={tpl}
            w={28}
            h={28}
            scale={scale}
            cellPx={rowCell}
            label={t('panels.templateFor', { d: digits[i] ?? 0 })}
            caption={digits[i]}
            captionClassName="learn-big"
          />
        ))}
      </div>
      <ColorLegend scale={scale} />
    </>
  );
}

/** The weights training starts from (all 0): step 2's picture before Train is pressed. */
const SOFTMAX_START = softmaxStart();

/**
 * Step 2's picture: the ten templates as they are now, the same picture before, during and after the
 * run (blank at the start, filling in LIVE while it trains). On a projector all ten as ONE montage
 * rather than one big with a chooser (step 3 does that): the point here is the motion, all ten forming
 * at once from the same batches, and a class sees that better than any one template or a montage of
 * training digits (which would show what goes in, not what the network makes of it).
 */
function TrainingTemplates({ model, run, s }: { model: SoftmaxModel; run: Run; s: number }) {
  const big = useLearnPresentBig();
  const templates = useMemo(() => ALL_DIGITS.map((d) => softmaxTemplate(model, d)), [model]);
  const scale = useMemo(() => kernelScale(model.weights), [model]);
  const words =
    run.state === 'done'
      ? null
      : run.state === 'training'
        ? t('panels.templatesForming')
        : t('panels.templatesStart');
  if (!big) {
    return (
      <>
        {words && <p data-testid="softmax-templates-words">{words}</p>}
        <Templates model={model} digits={ALL_DIGITS} cellPx={Math.round(3 * s)} />
      </>
    );
  }
  return (
    <>
      <BatchMontage
        images={templates}
        w={28}
        h={28}
        scale={scale}
        label={t('panels.templatesLive')}
        tileLabel={(i) => String(ALL_DIGITS[i] ?? i)}
      />
      <p className="learn-main-caption">{t('panels.templatesLiveCaption')}</p>
      {words && <p data-testid="softmax-templates-words">{words}</p>}
      <ColorLegend scale={scale} />
    </>
  );
}

const VIEWS = ['idea', 'train', 'templates', 'oneSeven'] as const;
const ALL_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const ONE_SEVEN = [1, 7];

/** Views that show what the trained network learnt: opened by a link, they train it themselves. */
const NEEDS_MODEL: readonly string[] = ['templates', 'oneSeven'];

export function SoftmaxPanel({ params }: PanelProps) {
  const view = str(params, 'view', VIEWS, 'idea');
  const run = useStore(runStore, selectRun);
  const backendReady = useStore(appStore, (st) => st.backend.state === 'ready');
  // Steps 3–4 and the last question look at the trained weights. Opened straight from a link (or after
  // skipping step 2) there is nothing trained yet: train now, with the same progress bar, instead of
  // showing an empty "Not trained yet" panel.
  const autoTrain = NEEDS_MODEL.includes(view) && run.state === 'idle' && backendReady;
  useEffect(() => {
    if (autoTrain) void startTraining();
  }, [autoTrain]);
  const mnist = useMnistTest();
  const s = useLearnScale();
  const presenting = useLearnPresenting();
  const big = useLearnPresentBig();
  if (view === 'idea') {
    if (mnist.state !== 'ready') return <DigitsPending state={mnist} />;
    return (
      <LearnPanel title={t('panels.softmaxIdea')} shape="784 → 10">
        <div className="learn-row learn-softmax-idea">
          <DigitMap
            values={digitPixels(mnist.set, 0)}
            cellPx={Math.round(7 * s)}
            label={t('panels.softmaxDigit', { i: 0 })}
          />
          <LearnMain aspect={260 / 200}>
            <svg
              className="learn-svg"
              width={260}
              height={200}
              viewBox="0 0 260 200"
              role="img"
              aria-label={t('panels.softmaxWiring')}
            >
              {ALL_DIGITS.map((d) => (
                <g key={d}>
                  {[20, 60, 100, 140, 180].map((y) => (
                    <line
                      key={y}
                      x1={10}
                      y1={y}
                      x2={200}
                      y2={10 + d * 19}
                      stroke="#92c5de"
                      strokeWidth={0.8}
                    />
                  ))}
                  <circle cx={212} cy={10 + d * 19} r={8} fill="#fff" stroke="#111418" />
                  <text x={228} y={15 + d * 19} fontSize="13" fill="#111418">
                    {d}
                  </text>
                </g>
              ))}
            </svg>
          </LearnMain>
        </div>
        <p className="learn-formula-line">{t('panels.softmaxIdeaText')}</p>
      </LearnPanel>
    );
  }
  const model = run.state === 'done' ? run.model : null;
  // Step 2's templates as they are now: the start's (all 0) before Train is pressed (presenting only:
  // at a desk the step stays the button until then), the weights so far while it trains.
  const liveModel = model ?? (run.state === 'training' ? run.weights : null);
  const trainView = view === 'train' ? (liveModel ?? (presenting ? SOFTMAX_START : null)) : null;
  const title =
    view === 'oneSeven'
      ? t('panels.oneSevenTitle')
      : view === 'templates'
        ? t('panels.templatesTitle')
        : t('panels.train');
  const c = run.state === 'done' ? run.evaluation.confusion : null;
  const oneSeven = model && (
    <Templates model={model} digits={ONE_SEVEN} cellPx={Math.round((presenting ? 7 : 8) * s)} />
  );
  const counts = c && (
    <ul className="learn-big">
      <li>{t('panels.confusion', { a: 7, b: 1, n: c[7 * 10 + 1] ?? 0 })}</li>
      <li>{t('panels.confusion', { a: 1, b: 7, n: c[1 * 10 + 7] ?? 0 })}</li>
    </ul>
  );
  return (
    <LearnPanel title={title} shape={view === 'oneSeven' ? '2 × 28×28' : '10 × 28×28'}>
      <TrainControls run={run} pictured={trainView !== null} awaited={!model && NEEDS_MODEL.includes(view)} />
      {trainView && <TrainingTemplates model={trainView} run={run} s={s} />}
      {model && view === 'templates' && (
        <Templates model={model} digits={ALL_DIGITS} cellPx={Math.round(4 * s)} />
      )}
      {model && view === 'oneSeven' && (
        <>
          {/* Presented on a laptop the counts sit beside the two templates: below them the step was
              17 px taller than a 1366×768 screen at the least zoom once a slower run's "in 45.3 s"
              wrapped the result line (7 px cells: at 8 it was 10 px too tall even without). */}
          {presenting && !big ? (
            <div className="learn-row">
              <div>{oneSeven}</div>
              {counts}
            </div>
          ) : (
            <>
              {oneSeven}
              {counts}
            </>
          )}
        </>
      )}
    </LearnPanel>
  );
}
