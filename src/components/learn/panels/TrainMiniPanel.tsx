import { useEffect, useRef, type FocusEvent } from 'react';
import {
  TRAIN_BACKENDS,
  TRAIN_DEFAULTS,
  type TrainBackendChoice,
  type TrainConfig,
} from '../../../engine/train/config';
import type { LayerSnapshot } from '../../../engine/train/trainer';
import { t } from '../../../i18n';
import { useStore } from '../../../state/createStore';
import { formatHash } from '../../../state/hashRoute';
import { formatTrainParams } from '../../../state/trainParams';
import { useHashRoute } from '../../../state/useHashRoute';
import { CurvesChart } from '../../train/CurvesChart';
import { ActivationsPanel, FiltersPanel } from '../../train/LayerPanels';
import { fmtTime, isBusy, RunButtons, TrainStatus } from '../../train/TrainStatus';
import { ensureSession, startTraining, trainStore } from '../../train/trainSession';
import { learnParams } from '../lessonRoute';
import { ModelChooser } from '../../model/ModelChooser';
import { LearnPanel, str, useLearnRoom, useLearnScale, type PanelProps } from './common';

const LESSON = 'train-and-draw';
/** The lesson's Draw step (0-based page), where the freshly trained network is tried out. */
const DRAW_PAGE = 2;
const VIEWS = ['train', 'watch'] as const;
const RECIPES = ['quick', 'full'] as const;
type Recipe = (typeof RECIPES)[number];
const NO_LAYERS: LayerSnapshot[] = [];

/**
 * The two runs the lesson offers, both the Train area's default recipe with seed 1 (the whole class
 * gets the same curves): one epoch over all 60,000 digits, or the full four.
 */
export function recipeConfig(recipe: Recipe, backend: TrainBackendChoice): TrainConfig {
  return { ...TRAIN_DEFAULTS, epochs: recipe === 'quick' ? 1 : TRAIN_DEFAULTS.epochs, backend };
}

/**
 * Lesson 10 trains LeNet-5 itself, in the Train area's one session (src/components/train/trainSession):
 * a run started here shows in #/train and the other way round. Each finished epoch saves the run's
 * model; Draw and the lessons use it only once the student chooses it (ModelChooser). `view=train` shows the curves and conv1 filters, `view=watch` every layer live.
 */
export function TrainMiniPanel({ params }: PanelProps) {
  const view = str(params, 'view', VIEWS, 'train');
  const { params: route } = useHashRoute();
  const wanted = route.get('backend');
  const backend = TRAIN_BACKENDS.find((b) => b === wanted) ?? 'auto';
  const rt = useStore(trainStore, (s) => s);
  // Presentation mode's larger type needs the width for the numbers: the filters wrap to 3 a row.
  const scale = useLearnScale();
  const room = useLearnRoom();
  const busy = isBusy(rt);
  const canTrain = !busy && rt.phase !== 'loading' && rt.phase !== 'idle';

  useEffect(() => {
    void ensureSession(backend);
    // One session per page: a later backend change goes with the start message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const p = rt.progress;
  const lastEpoch = rt.epochs[rt.epochs.length - 1];
  const finished = rt.phase === 'done' ? lastEpoch : undefined;

  // Starting swaps the run buttons for Pause and Stop, finishing swaps them back: the focused button
  // disappears. Keep a keyboard user in the controls (on the "Try it" link once the run is done).
  const controls = useRef<HTMLDivElement>(null);
  const keepFocus = useRef(false);
  const onControlsBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) keepFocus.current = false;
  };
  useEffect(() => {
    const box = controls.current;
    if (!box || !keepFocus.current || (document.activeElement && document.activeElement !== document.body))
      return;
    (
      box.querySelector<HTMLElement>('.learn-train-done a') ??
      box.querySelector<HTMLElement>('button:not([disabled])')
    )?.focus();
  }, [busy, finished]);
  const ranRecipe: Recipe = p && p.epochs !== 1 ? 'full' : 'quick';
  const cfg = recipeConfig(ranRecipe, backend);
  const snapshot = rt.snapshot;
  const snapshotLabel = snapshot && rt.testSet ? (rt.testSet.labels[snapshot.digit] ?? null) : null;
  const trainHref = formatHash('train', formatTrainParams(cfg));
  const drawHref = formatHash('learn', learnParams(LESSON, DRAW_PAGE));

  const chart = (kind: 'accuracy' | 'loss') => (
    <CurvesChart
      kind={kind}
      curve={rt.curve}
      epochs={rt.epochs}
      totalEpochs={p?.epochs ?? cfg.epochs}
      showTitle
    />
  );
  const status = <TrainStatus rt={rt} lr={cfg.lr} className="learn-train-status" />;
  const filters = (
    <FiltersPanel
      filters={snapshot?.filters ?? null}
      maxWidth={view === 'train' && scale === 1 ? 400 : 220}
      words={{
        note: t('lessons.train-and-draw.panel.filtersNote'),
        empty: t('lessons.train-and-draw.panel.filtersEmpty'),
      }}
    />
  );

  return (
    <LearnPanel
      title={
        view === 'train'
          ? t('lessons.train-and-draw.panel.title')
          : t('lessons.train-and-draw.panel.watchTitle')
      }
      shape={t('lessons.train-and-draw.panel.shape')}
      testId="train-mini"
    >
      <div className={`learn-train learn-train-${view}`}>
        <div ref={controls} onFocus={() => (keepFocus.current = true)} onBlur={onControlsBlur}>
          {busy ? (
            <div className="learn-train-running">
              <RunButtons rt={rt} />
              <span className="learn-muted">{t('lessons.train-and-draw.panel.running')}</span>
            </div>
          ) : (
            <div className="learn-train-recipes">
              {RECIPES.map((r) => (
                <button
                  key={r}
                  type="button"
                  disabled={!canTrain}
                  onClick={() => startTraining(recipeConfig(r, backend), 0, true)}
                  aria-describedby={finished ? undefined : `learn-train-${r}-words`}
                >
                  {r === 'quick'
                    ? t('lessons.train-and-draw.panel.quick.button')
                    : t('lessons.train-and-draw.panel.full.button')}
                </button>
              ))}
              {finished ? (
                <p className="learn-train-done" data-testid="train-mini-done">
                  {t('lessons.train-and-draw.panel.done', {
                    pct: (finished.testAccuracy * 100).toFixed(2),
                    time: fmtTime(p?.elapsedMs ?? Number.NaN),
                  })}{' '}
                  <a className="learn-go" href={drawHref}>
                    {t('lessons.train-and-draw.panel.tryIt')} →
                  </a>
                </p>
              ) : null}
              {!busy && <ModelChooser showRun />}
              {!finished &&
                RECIPES.map((r) => (
                  <p key={r} id={`learn-train-${r}-words`}>
                    {r === 'quick'
                      ? t('lessons.train-and-draw.panel.quick.words')
                      : t('lessons.train-and-draw.panel.full.words')}
                  </p>
                ))}
            </div>
          )}
        </div>
        {view === 'train' ? (
          <>
            <div className="learn-train-top">
              {status}
              {filters}
            </div>
            <div className="learn-train-charts">
              {chart('accuracy')}
              {chart('loss')}
            </div>
          </>
        ) : (
          <div className="learn-train-watch-grid">
            <div className="learn-stack">
              {status}
              {filters}
              {chart('accuracy')}
            </div>
            <ActivationsPanel
              layers={snapshot?.layers ?? NO_LAYERS}
              digit={snapshot?.digit ?? null}
              label={snapshotLabel}
              mapsMaxWidth={Math.min(400, (room ?? 430) - 30)}
              words={{
                note: t('lessons.train-and-draw.panel.layersNote'),
                empty: t('lessons.train-and-draw.panel.layersEmpty'),
              }}
            />
          </div>
        )}
        <p className="learn-muted">
          {t('lessons.train-and-draw.panel.timeNote')}{' '}
          <a href={trainHref} data-testid="area-link">
            {t('lessons.train-and-draw.panel.openTrain')} →
          </a>
        </p>
      </div>
    </LearnPanel>
  );
}
