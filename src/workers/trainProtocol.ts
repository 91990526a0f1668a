/** Messages between the Train page and the training host (a Web Worker, or the page itself as a fallback). */
import type { BackendName } from '../engine/backend';
import type { BackendProbeResult } from '../engine/backendProbe';
import type { ThreadProbeResult } from '../engine/threadProbe';
import type { ModelMeta } from '../engine/model/modelIO';
import type { LayerSpec, ModelSpec } from '../engine/model/modelSpec';
import type { TrainBackendChoice, TrainConfig } from '../engine/train/config';
import type { TrainEvent } from '../engine/train/trainer';
import type { Messages } from '../i18n';
import type { RunWeights } from '../engine/runs/runRecord';

export type ToHost =
  /** `messages`: the page's language, so the engine's messages from the worker read like the page's. */
  /** `probe`: the page's cached backend measurement (localStorage), used when it fits this device. */
  /** `mnistBaseUrl`: the folder of the dataset to load first (`dataset`, MNIST when absent). */
  | {
      type: 'init';
      mnistBaseUrl: string;
      dataset?: string;
      /** The seed that picks a stored dataset's test split (1 when absent). */
      seed?: number;
      backend: TrainBackendChoice;
      messages: Messages;
      probe?: BackendProbeResult | null;
      /** The page's cached wasm thread measurement (localStorage), used when it fits this device. */
      threads?: ThreadProbeResult | null;
    }
  /**
   * Load another dataset (stops a run): its id and, for a built-in one, the folder of its packed files;
   * a stored one (IndexedDB) is split into train and test by `seed`.
   */
  | { type: 'dataset'; dataset: string; baseUrl: string; seed?: number }
  | { type: 'start'; cfg: TrainConfig; probeDigit: number; panels: boolean }
  /** Download MNIST again after a failure (the Train area's Try again). */
  | { type: 'retryData' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'setLr'; lr: number }
  | { type: 'probe'; digit: number }
  | { type: 'panels'; on: boolean }
  /** Test hook: lose the WebGL context for real (or, on another backend, fail the next step). */
  | { type: 'simulateBackendLoss' }
  /** Time a few training steps of `layers` at batch `batch` (for the time estimate); `key` names the request. */
  | {
      type: 'measureSpeed';
      layers: LayerSpec[];
      batch: number;
      key: string;
      /** The dataset's picture size and class count. */
      input: Pick<ModelSpec, 'inputShape' | 'classes'>;
    };

/** What is loading: the trainer itself (page side), then the MNIST test and training splits. */
export type LoadingWhat = 'trainer' | 'test' | 'train';

export type FromHost =
  | { type: 'loading'; what: LoadingWhat; fraction: number }
  | { type: 'ready'; backend: BackendName; reason: string; inWorker: boolean }
  /** The training backend chosen by measurement (`cached`: taken from the page's cache, not re-run). */
  | { type: 'backendProbe'; result: BackendProbeResult; cached: boolean }
  /** wasm's thread count chosen by measurement (`threads`: what the pool really runs with). */
  | { type: 'threadProbe'; result: ThreadProbeResult; cached: boolean; threads: number }
  /** The loaded dataset's test split (a copy the page owns), and which dataset it is. */
  | { type: 'testSet'; images: Uint8Array; labels: Uint8Array; dataset: string }
  /** Both MNIST splits are in: training can start. */
  | { type: 'dataReady' }
  | { type: 'event'; event: TrainEvent }
  | { type: 'saved'; meta: ModelMeta }
  /**
   * A run ended (finished, or stopped after some steps): its layers and weights (transferred), how long
   * it trained (pauses left out), its parameter count, backend and dataset, for the page to keep.
   */
  | {
      type: 'runModel';
      ended: 'finished' | 'stopped';
      elapsedMs: number;
      params: number;
      backend: BackendName;
      dataset: string;
      weights: RunWeights;
    }
  | { type: 'warning'; message: string }
  /** `why` is the failing backend's own error text. */
  | { type: 'backendSwitched'; from: BackendName; to: BackendName; step: number; why: string }
  /** `message` is already in the page's language (the host was given its messages at init). */
  | { type: 'error'; message: string }
  /** The timed steps of a `measureSpeed` request (ms each); null when it could not be measured now. */
  | { type: 'speed'; key: string; stepMs: number[] | null };
