/**
 * The page side of training: starts the worker (or the in-page fallback), turns its messages into one
 * runtime store the panels read, and batches frequent updates to one store write per animation frame.
 */
import { label as backendLabel, type BackendName } from '../../engine/backend';
import type { TrainConfig } from '../../engine/train/config';
import type { LayerSpec, ModelSpec } from '../../engine/model/modelSpec';
import type { Mistake } from '../../engine/train/evaluate';
import type { LayerSnapshot, TrainEvent } from '../../engine/train/trainer';
import type { FromHost, LoadingWhat, ToHost } from '../../workers/trainProtocol';
import { currentMessages, t } from '../../i18n';
import { createStore } from '../../state/createStore';
import { builtinDataPath, isBuiltinDataset } from '../../engine/data/datasets';
import { noteRunSaved } from '../../state/modelStore';
import { loadProbe, loadThreadProbe, saveProbe, saveThreadProbe } from '../../state/backendProbeCache';
import { keepEndedRun } from '../../state/runsService';
import { formatArch } from '../../engine/model/archCodec';
import { configLayers } from '../../engine/train/config';

export type Phase =
  'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';

export type CurvePoint = { step: number; epochFloat: number; loss: number; accuracy: number };
export type EpochPoint = {
  epoch: number;
  epochFloat: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  testAccuracy: number;
  testLoss: number;
};
export type Progress = Extract<TrainEvent, { type: 'progress' }>;

export type TrainRuntime = {
  phase: Phase;
  loading: { what: LoadingWhat; fraction: number } | null;
  backend: BackendName | null;
  backendReason: string;
  inWorker: boolean;
  progress: Progress | null;
  curve: CurvePoint[];
  epochs: EpochPoint[];
  snapshot: { step: number; digit: number; filters: LayerSnapshot; layers: LayerSnapshot[] } | null;
  lastEval: { epoch: number; confusion: Int32Array; predictions: Uint8Array; mistakes: Mistake[] } | null;
  testSet: { images: Uint8Array; labels: Uint8Array } | null;
  /** The dataset the host has loaded or is loading (`mnist`, `fashion-mnist`). */
  dataset: string;
  message: string | null;
  warnings: string[];
  savedAt: string | null;
  /** The last error was MNIST failing to download: Try again asks for it anew. */
  loadFailed: boolean;
  /** Training steps timed on this computer for the time estimate: which request (`key`) and each step's ms. */
  speed: { key: string; stepMs: number[] | null } | null;
};

const initial: TrainRuntime = {
  phase: 'idle',
  loading: null,
  backend: null,
  backendReason: '',
  inWorker: true,
  progress: null,
  curve: [],
  epochs: [],
  snapshot: null,
  lastEval: null,
  testSet: null,
  dataset: 'mnist',
  message: null,
  warnings: [],
  savedAt: null,
  loadFailed: false,
  speed: null,
};

export const trainStore = createStore<TrainRuntime>(initial);

/** Keeps the curve light enough to redraw every frame: thin to every other point past this length. */
const MAX_CURVE_POINTS = 1500;

type Connection = { send: (msg: ToHost) => void; close: () => void };

let connection: Promise<Connection> | null = null;
let pending: Partial<TrainRuntime> = {};
let pendingCurve: CurvePoint[] = [];
let frame = 0;
let bucket = { loss: 0, accuracy: 0, n: 0 };

function flush(): void {
  frame = 0;
  const curveAdd = pendingCurve;
  const patch = pending;
  pending = {};
  pendingCurve = [];
  trainStore.set((s) => {
    let curve = curveAdd.length ? s.curve.concat(curveAdd) : s.curve;
    if (curve.length > MAX_CURVE_POINTS)
      curve = curve.filter((_, i) => i % 2 === 0 || i === curve.length - 1);
    return { ...s, ...patch, curve };
  });
}

/**
 * Live numbers, curves and layer maps repaint together at most this often (about 3 times a second).
 * Every painted frame costs the compositor tens of milliseconds of CPU without a GPU (SwiftShader), CPU
 * the training worker would otherwise use on a 2-core laptop, so frames are few and carry everything.
 */
const FLUSH_MS = 300;
let lastFlush = 0;

function schedule(patch: Partial<TrainRuntime>, point?: CurvePoint): void {
  Object.assign(pending, patch);
  if (point) pendingCurve.push(point);
  if (frame) return;
  const wait = Math.max(0, lastFlush + FLUSH_MS - performance.now());
  frame = requestAnimationFrame(() => {
    if (wait > 0) {
      frame = window.setTimeout(() => requestAnimationFrame(flushNow), wait);
    } else flushNow();
  });
}

function flushNow(): void {
  lastFlush = performance.now();
  flush();
}

function now(patch: Partial<TrainRuntime> | ((s: TrainRuntime) => Partial<TrainRuntime>)): void {
  if (frame) {
    // frame holds either a rAF id or a timeout id; cancelling both is harmless.
    cancelAnimationFrame(frame);
    clearTimeout(frame);
    flush();
  }
  trainStore.set((s) => ({ ...s, ...(typeof patch === 'function' ? patch(s) : patch) }));
}

function onEvent(e: TrainEvent): void {
  switch (e.type) {
    case 'progress': {
      // One curve point per K steps, K fixed by the run's length: the same seed draws the same curve
      // however the steps were grouped into messages.
      const k = Math.max(1, Math.ceil(e.totalSteps / 400));
      const first = e.step - e.stepLoss.length;
      for (let i = 0; i < e.stepLoss.length; i++) {
        bucket.loss += e.stepLoss[i] ?? 0;
        bucket.accuracy += e.stepAccuracy[i] ?? 0;
        bucket.n++;
        const step = first + i + 1;
        if (step % k === 0 || step === e.totalSteps) {
          const point = {
            step,
            epochFloat: step / e.batchesPerEpoch,
            loss: bucket.loss / bucket.n,
            accuracy: bucket.accuracy / bucket.n,
          };
          bucket = { loss: 0, accuracy: 0, n: 0 };
          pendingCurve.push(point);
        }
      }
      schedule({ progress: e });
      break;
    }
    case 'snapshot':
      schedule({ snapshot: { step: e.step, digit: e.digit, filters: e.filters, layers: e.layers } });
      break;
    case 'epoch':
      now((s) => ({
        epochs: [
          ...s.epochs,
          {
            epoch: e.epoch,
            epochFloat: e.epoch + 1,
            trainLoss: e.trainLoss,
            trainAccuracy: e.trainAccuracy,
            valLoss: e.valLoss,
            valAccuracy: e.valAccuracy,
            testAccuracy: e.testAccuracy,
            testLoss: e.testLoss,
          },
        ],
        lastEval: {
          epoch: e.epoch,
          confusion: e.confusion,
          predictions: e.predictions,
          mistakes: e.mistakes,
        },
      }));
      break;
    case 'diverged':
      now({ phase: 'diverged', message: e.message });
      break;
    case 'done':
      now((s) => ({
        // A run stopped because another dataset is loading: keep showing the load.
        phase:
          s.phase === 'loading'
            ? 'loading'
            : e.reason === 'diverged'
              ? 'diverged'
              : e.reason === 'stopped'
                ? 'stopped'
                : 'done',
        message:
          s.phase === 'diverged' ? s.message : e.reason === 'stopped' ? t('train.session.stopped') : null,
      }));
      break;
  }
}

function onMessage(msg: FromHost): void {
  switch (msg.type) {
    case 'loading':
      schedule({ loading: { what: msg.what, fraction: msg.fraction } });
      break;
    case 'dataReady':
      now((s) => ({
        loading: null,
        loadFailed: false,
        phase: s.phase === 'loading' || (s.phase === 'error' && s.loadFailed) ? 'ready' : s.phase,
        message: s.loadFailed ? null : s.message,
      }));
      break;
    case 'ready':
      now({ backend: msg.backend, backendReason: msg.reason, inWorker: msg.inWorker });
      break;
    case 'backendProbe':
      saveProbe(msg.result, msg.cached);
      break;
    case 'threadProbe':
      saveThreadProbe(msg.result, msg.cached, msg.threads);
      break;
    case 'testSet':
      now({ testSet: { images: msg.images, labels: msg.labels }, dataset: msg.dataset });
      break;
    case 'event':
      onEvent(msg.event);
      break;
    case 'runModel': {
      // Every ended run is kept for comparing, with the curves this page drew and the settings it sent.
      if (!started) break;
      const s = trainStore.get();
      void keepEndedRun({
        cfg: started,
        arch: formatArch(configLayers(started)),
        curve: s.curve,
        epochs: s.epochs,
        ended: msg.ended,
        elapsedMs: msg.elapsedMs,
        params: msg.params,
        backend: msg.backend,
        dataset: msg.dataset,
        weights: msg.weights,
      });
      started = null;
      break;
    }
    case 'saved':
      now({ savedAt: msg.meta.savedAt ?? null });
      noteRunSaved(msg.meta);
      break;
    case 'warning':
      now((s) => (s.warnings.includes(msg.message) ? {} : { warnings: [...s.warnings, msg.message] }));
      break;
    case 'speed':
      now({ speed: { key: msg.key, stepMs: msg.stepMs } });
      break;
    case 'backendSwitched': {
      const text = t('train.session.backendSwitched', {
        from: backendLabel(msg.from),
        why: msg.why,
        to: backendLabel(msg.to),
        step: String(msg.step),
      });
      now((s) => ({ warnings: [...s.warnings, text], backend: msg.to }));
      break;
    }
    case 'error':
      // `loadFailed`: the data never arrived, so the Train area offers Try again (a new download).
      now((s) => ({
        phase: 'error',
        message: msg.message,
        loading: null,
        loadFailed: s.phase === 'loading' || s.loading !== null || s.loadFailed,
      }));
      break;
  }
}

async function connect(): Promise<Connection> {
  try {
    const worker = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromHost>) => onMessage(e.data);
    worker.onerror = (e) =>
      now({ phase: 'error', message: t('train.session.workerFailed', { message: e.message }) });
    return { send: (m) => worker.postMessage(m), close: () => worker.terminate() };
  } catch {
    // No module workers here: train on the page in short slices so it still responds between them.
    const { createTrainHost } = await import('../../workers/trainHost');
    const host = createTrainHost((m) => queueMicrotask(() => onMessage(m)), {
      inWorker: false,
      yieldNow: () => new Promise((r) => requestAnimationFrame(() => r())),
    });
    return { send: (m) => void host.handle(m), close: () => {} };
  }
}

/** The folder of a built-in dataset's packed files, resolved against the page ('' for a stored one). */
function dataUrl(dataset: string): string {
  return isBuiltinDataset(dataset) ? new URL(builtinDataPath(dataset), document.baseURI).href : '';
}

/** Starts the host and loads the dataset once per page; a later call with another dataset loads that one. */
export async function ensureSession(
  backend: TrainConfig['backend'],
  dataset = 'mnist',
  seed = 1,
): Promise<void> {
  if (connection) {
    if (trainStore.get().dataset !== dataset) selectDataset(dataset, seed);
    return;
  }
  now({ phase: 'loading', loading: { what: 'trainer', fraction: 0 }, dataset });
  // Kept as a promise so a second mount (React StrictMode) cannot start a second worker.
  connection = connect();
  (await connection).send({
    type: 'init',
    mnistBaseUrl: dataUrl(dataset),
    dataset,
    seed,
    backend,
    messages: currentMessages(),
    probe: loadProbe(),
    threads: loadThreadProbe(),
  });
}

/**
 * Switches the host to another dataset: stops a run, forgets its panels and loads both splits (a
 * stored dataset's split chosen by `seed`).
 */
export function selectDataset(dataset: string, seed = 1): void {
  now({
    phase: 'loading',
    loading: { what: 'test', fraction: 0 },
    dataset,
    testSet: null,
    curve: [],
    epochs: [],
    progress: null,
    lastEval: null,
    snapshot: null,
    message: null,
    warnings: [],
  });
  send({ type: 'dataset', dataset, baseUrl: dataUrl(dataset), seed });
}

export function send(msg: ToHost): void {
  void connection?.then((c) => c.send(msg));
}

/** The settings of the run in progress, kept with it when it ends. */
let started: TrainConfig | null = null;

export function startTraining(cfg: TrainConfig, probeDigit: number, panels: boolean): void {
  // The Train area renders this store as a transition, so its Train button can outlive the click by a
  // frame: a second click must not start a second run.
  const phase = trainStore.get().phase;
  if (phase === 'training' || phase === 'paused') return;
  bucket = { loss: 0, accuracy: 0, n: 0 };
  started = cfg;
  now({
    phase: 'training',
    curve: [],
    epochs: [],
    progress: null,
    lastEval: null,
    message: null,
    warnings: [],
  });
  send({ type: 'start', cfg, probeDigit, panels });
}

/** Downloads MNIST again after a failed download, without reloading the page. */
/**
 * Times a few training steps of `layers` at batch `batch` on the trainer's backend, for the time
 * estimate; the answer arrives as `speed` with the same `key`. The host refuses while a run trains.
 */
export function measureSpeed(
  layers: LayerSpec[],
  batch: number,
  key: string,
  input: Pick<ModelSpec, 'inputShape' | 'classes'>,
): void {
  send({ type: 'measureSpeed', layers, batch, key, input });
}

export function retryData(): void {
  now({ phase: 'loading', message: null, loading: { what: 'test', fraction: 0 } });
  send({ type: 'retryData' });
}

export function pauseTraining(): void {
  send({ type: 'pause' });
  now({ phase: 'paused' });
}

export function resumeTraining(): void {
  send({ type: 'resume' });
  now({ phase: 'training' });
}

export function stopTraining(): void {
  send({ type: 'stop' });
}

/** Forgets this run's curves and panels (the saved model is handled by the caller). */
export function resetRuntime(): void {
  now({
    phase: 'ready',
    curve: [],
    epochs: [],
    progress: null,
    lastEval: null,
    snapshot: null,
    message: null,
  });
}
