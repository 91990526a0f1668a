/**
 * The page's side of kept runs: one store (`runsStore`) with the list the Train page shows, and the
 * actions on it: keep the run that just ended (`keepEndedRun`, called by the training session), delete
 * one, and restore one as "your model" through the model store (`noteImported`: a restored run, like
 * an import, is a model the student chose). `nextKept()` lets a queue of runs wait for each to be kept.
 */
import {
  deleteRun,
  keepRunAsMyModel,
  listRuns,
  loadRun,
  MAX_RUNS,
  newRunId,
  RunStorageError,
  saveRun,
  thinCurve,
  type RunCurvePoint,
  type RunEpoch,
  type RunRecord,
  type RunSummary,
  type RunWeights,
} from '../engine';
import type { TrainConfig } from '../engine/train/config';
import { t, tn } from '../i18n';
import { createStore } from './createStore';
import { noteImported } from './modelStore';
import { runLabel } from './runWords';

export type RunsNote = { text: string; bad: boolean };

export type RunsState = {
  runs: RunSummary[];
  /** Stored records refused as damaged (not listed). */
  unreadable: number;
  /** The list has been read since the page loaded. */
  checked: boolean;
  /** What the last action (keep, delete, restore) did or why it could not. */
  note: RunsNote | null;
};

export const runsStore = createStore<RunsState>({ runs: [], unreadable: 0, checked: false, note: null });

/** Reads the list again (after a change, or once when a page first shows it). */
export async function refreshRuns(): Promise<void> {
  try {
    const { runs, unreadable } = await listRuns();
    runsStore.set({ runs, unreadable, checked: true });
  } catch (err) {
    runsStore.set({ checked: true, note: { text: errorText(err), bad: true } });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The run that just ended, as the training session knows it. */
export type EndedRun = {
  cfg: TrainConfig;
  arch: string;
  curve: readonly { epochFloat: number; loss: number; accuracy: number }[];
  epochs: readonly RunEpoch[];
  ended: 'finished' | 'stopped';
  elapsedMs: number;
  params: number;
  backend: string;
  dataset: string;
  weights: RunWeights;
  name?: string;
};

type Kept = { id: string | null; error: string | null };
let waiting: ((k: Kept) => void)[] = [];

/** Resolves when the next ended run has been kept (`id`) or could not be (`error`). */
export function nextKept(): Promise<Kept> {
  return new Promise((resolve) => waiting.push(resolve));
}

function settle(k: Kept): void {
  const w = waiting;
  waiting = [];
  for (const resolve of w) resolve(k);
}

/** A name for the next run to end (a one-click comparison names its runs "MLP", "LeNet-5 (CNN)"…). */
let nextName: string | undefined;
export function nameNextRun(name: string | undefined): void {
  nextName = name;
}

/** Keeps the run that just ended; says so (or why not) in the store's note. */
export async function keepEndedRun(run: EndedRun): Promise<void> {
  const name = nextName;
  nextName = undefined;
  const c = run.cfg;
  const last = run.epochs[run.epochs.length - 1];
  const record: RunRecord = {
    id: newRunId(),
    savedAt: new Date().toISOString(),
    arch: run.arch,
    settings: {
      epochs: c.epochs,
      batchSize: c.batchSize,
      lr: c.lr,
      optimizer: c.optimizer,
      schedule: c.schedule,
      seed: c.seed,
      trainSize: c.trainSize,
      valFraction: c.valFraction,
      augment: c.augment,
    },
    dataset: run.dataset,
    backend: run.backend,
    ended: run.ended,
    curve: thinCurve(
      run.curve.map((p): RunCurvePoint => ({ epochFloat: p.epochFloat, loss: p.loss, accuracy: p.accuracy })),
    ),
    epochs: run.epochs.map((e) => ({ ...e })),
    testAccuracy: last ? last.testAccuracy : null,
    params: run.params,
    wallMs: run.elapsedMs,
    ...(name ? { name } : {}),
    weights: run.weights,
  };
  try {
    await saveRun(record);
    await refreshRuns();
    runsStore.set({ note: { text: t('compare.runs.kept', { label: runLabel(record) }), bad: false } });
    settle({ id: record.id, error: null });
  } catch (err) {
    const text = errorText(err);
    if (!(err instanceof RunStorageError)) console.warn('Keeping the run failed:', err);
    runsStore.set({ note: { text, bad: true } });
    settle({ id: null, error: text });
  }
}

/** Deletes a kept run and says so. */
export async function removeRun(run: RunSummary): Promise<void> {
  try {
    await deleteRun(run.id);
    await refreshRuns();
    runsStore.set({ note: { text: t('compare.runs.deleted', { label: runLabel(run) }), bad: false } });
  } catch (err) {
    runsStore.set({ note: { text: errorText(err), bad: true } });
  }
}

/**
 * Makes a kept run "your model" (Draw and the lessons use it). Only a run on digits: Draw reads digits.
 * Says what happened in the store's note.
 */
export async function restoreRun(run: RunSummary, datasetName: string): Promise<void> {
  if (run.dataset !== 'mnist') {
    runsStore.set({ note: { text: t('compare.runs.notDigits', { dataset: datasetName }), bad: true } });
    return;
  }
  try {
    const full = await loadRun(run.id);
    if (!full) throw new Error(t('compare.link.missing.one', { ids: run.id }));
    const meta = await keepRunAsMyModel(full);
    noteImported(meta);
    runsStore.set({ note: { text: t('compare.runs.restored', { label: runLabel(run) }), bad: false } });
  } catch (err) {
    if (!(err instanceof Error)) console.warn('Restoring the run failed:', err);
    runsStore.set({
      note: { text: t('compare.runs.restoreFailed', { why: errorText(err) }), bad: true },
    });
  }
}

/** "3 stored runs are damaged…", or null when none is. */
export function unreadableText(n: number): string | null {
  return n > 0 ? tn('compare.runs.unreadable', n) : null;
}

/** How many more runs fit before the cap. */
export function roomLeft(): number {
  return MAX_RUNS - runsStore.get().runs.length - runsStore.get().unreadable;
}
