/**
 * Runs a one-click comparison: gets the trainer ready on MNIST, times a few steps of each network for
 * the time estimate, trains the runs one after the other (each kept like any other run), then opens
 * the comparison (`#/train?compare=<ids>`). One comparison at a time; Stop stops the run in progress
 * and the ones after it.
 */
import { estimateTrainingTime, MAX_RUNS, MNIST_INPUT } from '../../../engine';
import type { TrainConfig } from '../../../engine/train/config';
import { t } from '../../../i18n';
import { createStore, type Store } from '../../../state/createStore';
import { formatHash } from '../../../state/hashRoute';
import { formatTrainParams } from '../../../state/trainParams';
import { nameNextRun, nextKept, refreshRuns, roomLeft } from '../../../state/runsService';
import { formatCompare } from '../../../state/compareParam';
import {
  ensureSession,
  measureSpeed,
  startTraining,
  stopTraining,
  trainStore,
  type TrainRuntime,
} from '../trainSession';
import { experimentRuns, type ExperimentId } from './experiments';

export type ExperimentState = {
  id: ExperimentId | null;
  phase: 'idle' | 'preparing' | 'measuring' | 'running' | 'done' | 'stopped' | 'failed';
  /** The run in progress (0-based) and how many there are. */
  index: number;
  total: number;
  names: string[];
  /** Each run's estimated time (ms) from timed steps; null where it could not be timed. */
  estimates: (number | null)[];
  /** The kept runs' ids so far. */
  ids: string[];
  message: string | null;
};

export const experimentStore = createStore<ExperimentState>({
  id: null,
  phase: 'idle',
  index: 0,
  total: 0,
  names: [],
  estimates: [],
  ids: [],
  message: null,
});

const IDLE_PHASES = new Set<TrainRuntime['phase']>(['ready', 'done', 'stopped', 'diverged']);

/** Resolves with the store's value once `ok` holds for it (checked now and on every change). */
function when<T extends object>(store: Store<T>, ok: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    if (ok(store.get())) return resolve(store.get());
    const stop = store.subscribe(() => {
      if (!ok(store.get())) return;
      stop();
      resolve(store.get());
    });
  });
}

let cancelled = false;

export function isExperimentRunning(): boolean {
  const p = experimentStore.get().phase;
  return p === 'preparing' || p === 'measuring' || p === 'running';
}

/** Stops the comparison: the run in progress stops (and is kept, stopped), the rest never start. */
export function stopExperiment(): void {
  if (!isExperimentRunning()) return;
  cancelled = true;
  if (experimentStore.get().phase === 'running') stopTraining();
  else experimentStore.set({ phase: 'stopped', message: t('compare.experiments.stopped') });
}

/** Clears a finished, stopped or failed comparison's panel. */
export function dismissExperiment(): void {
  if (!isExperimentRunning()) experimentStore.set({ id: null, phase: 'idle', message: null });
}

/** Times a few steps of `cfg`'s network on the trainer's backend; its whole run's estimate in ms. */
async function estimate(cfg: TrainConfig, n: number): Promise<number | null> {
  const key = `experiment|${n}|${Date.now()}`;
  const input = { inputShape: [...MNIST_INPUT] as [number, number, number], classes: 10 };
  measureSpeed(cfg.layers ?? [], cfg.batchSize, key, input);
  const rt = await when(trainStore, (s) => s.speed?.key === key || s.phase === 'error');
  const stepMs = rt.speed?.key === key ? rt.speed.stepMs : null;
  if (!stepMs) return null;
  const est = estimateTrainingTime(stepMs, {
    epochs: cfg.epochs,
    examples: Math.floor(cfg.trainSize * (1 - cfg.valFraction)),
    batch: cfg.batchSize,
    testExamples: 10_000,
  });
  return est?.ms ?? null;
}

/** Opens the Train page on `params` (a new history entry, so Back returns to where the student was). */
function openTrain(params: URLSearchParams): void {
  window.location.hash = formatHash('train', params);
}

/**
 * Starts comparison `id`. Returns at once when one is already running or a run is training (then
 * says why in the store); otherwise resolves when the comparison has ended one way or another.
 */
export async function runExperiment(
  id: ExperimentId,
  backend: TrainConfig['backend'] = 'auto',
): Promise<void> {
  if (isExperimentRunning()) return;
  const runs = experimentRuns(id, backend);
  const names = runs.map((r) => r.name);
  const fail = (message: string) => {
    nameNextRun(undefined);
    experimentStore.set({
      phase: cancelled ? 'stopped' : 'failed',
      message: cancelled ? t('compare.experiments.stopped') : message,
    });
  };
  cancelled = false;
  experimentStore.set({
    id,
    phase: 'preparing',
    index: 0,
    total: runs.length,
    names,
    estimates: [],
    ids: [],
    message: null,
  });
  const first = runs[0];
  if (first) openTrain(formatTrainParams(first.cfg));
  const rt0 = trainStore.get();
  if (rt0.phase === 'training' || rt0.phase === 'paused') return fail(t('compare.experiments.busy'));
  await ensureSession(backend, 'mnist', 1);
  const ready = await when(
    trainStore,
    (s) => s.phase === 'error' || (IDLE_PHASES.has(s.phase) && s.backend !== null && s.dataset === 'mnist'),
  );
  if (ready.phase === 'error') return fail(t('compare.experiments.failed', { why: ready.message ?? '' }));
  await refreshRuns();
  if (roomLeft() < runs.length)
    return fail(t('compare.experiments.needRoom', { n: MAX_RUNS - roomLeft(), max: MAX_RUNS }));
  if (cancelled) return fail('');

  experimentStore.set({ phase: 'measuring' });
  const estimates: (number | null)[] = [];
  for (const [i, r] of runs.entries()) estimates.push(await estimate(r.cfg, i));
  if (cancelled) return fail('');
  experimentStore.set({ estimates });

  const ids: string[] = [];
  for (const [i, r] of runs.entries()) {
    experimentStore.set({ phase: 'running', index: i });
    nameNextRun(r.name);
    const kept = nextKept();
    startTraining(r.cfg, 0, true);
    const outcome = await Promise.race([
      kept,
      when(trainStore, (s) => s.phase === 'diverged' || s.phase === 'error').then((s) => ({
        id: null,
        error: s.message ?? '',
      })),
    ]);
    if (!outcome.id) return fail(t('compare.experiments.failed', { why: outcome.error ?? '' }));
    ids.push(outcome.id);
    experimentStore.set({ ids: [...ids] });
    if (cancelled || trainStore.get().phase === 'stopped') {
      cancelled = true;
      return fail('');
    }
  }
  const last = runs[runs.length - 1];
  const params = last ? formatTrainParams(last.cfg) : new URLSearchParams();
  params.set('compare', formatCompare(ids));
  experimentStore.set({ phase: 'done', message: t('compare.experiments.done') });
  openTrain(params);
}
