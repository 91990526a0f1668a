/**
 * Runs the engine's Trainer behind the message protocol. The same code serves the Web Worker and the
 * in-page fallback; only `post` and `yieldNow` differ. Loads MNIST itself (with loadMnistSplit), saves
 * the model to IndexedDB after every epoch, and moves to another backend if the current one dies
 * (a lost WebGL context), continuing from the last good step.
 */
import {
  activateBackend,
  initBackend,
  probeBackends,
  probeKey,
  usableCache,
  type BackendProbeResult,
  probeThreads,
  resizeWasmThreads,
  threadCandidates,
  threadProbeKey,
  type ThreadProbeResult,
  wasmThreads,
  loseWebGLContext,
  watchWebGLContextLoss,
  loadMnistSplit,
  modelSlotsFor,
  saveModel,
  builtinDataset,
  type ModelDataset,
  ModelStorageError,
  formatArch,
  mnistSpec,
  timeSpecSteps,
  type BackendName,
  type MnistSet,
  isBuiltinDataset,
  loadStoredDataset,
  storedTrainTest,
  type DatasetInfo,
  type StoredPictures,
  captureRunWeights,
} from '../engine';
import {
  configLayers,
  TRAIN_DEFAULTS,
  type TrainBackendChoice,
  type TrainConfig,
} from '../engine/train/config';
import { Trainer, type TrainEvent } from '../engine/train/trainer';
import type { FromHost, ToHost } from './trainProtocol';
import { setMessages, t } from '../i18n';

/**
 * Live layer refreshes: twice a second is lively to watch, and each one costs the trainer a probe pass
 * and the page a repaint (the page paints them in the same frame as the curves, see trainSession).
 */
const SNAPSHOT_MS = 500;

export type Post = (msg: FromHost, transfer?: Transferable[]) => void;

function transfersOf(e: TrainEvent): Transferable[] {
  if (e.type === 'progress') return [e.stepLoss.buffer, e.stepAccuracy.buffer];
  if (e.type === 'snapshot') return [e.filters.data.buffer, ...e.layers.map((l) => l.data.buffer)];
  if (e.type === 'epoch')
    return [e.confusion.buffer, e.predictions.buffer, ...e.mistakes.map((m) => m.probs.buffer)];
  return [];
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * What the host may do with wasm threads. Only the Web Worker offers them (the in-page fallback must not
 * start pthread workers or change the page's navigator): `cores` is the machine's logical cores,
 * `prepare(n)` makes the threaded build loadable for n threads (src/platform/threadedWasm.ts) and says
 * whether it can run here.
 */
export type WasmThreading = { cores: number; prepare: (threads: number) => boolean };

/** Creates a host; feed it every message from the page with `handle`. */
export function createTrainHost(
  post: Post,
  opts: { inWorker: boolean; yieldNow: () => Promise<void>; threading?: WasmThreading },
) {
  let data: { train: MnistSet; test: MnistSet } | null = null;
  let backend: BackendName = 'cpu';
  let trainer: Trainer | null = null;
  let cfg: TrainConfig | null = null;
  let choice: TrainBackendChoice = 'auto';
  let panels = true;
  let probeDigit = 0;
  let failNext = false;
  let stopWatchingLoss: () => void = () => {};
  const warned = new Set<string>();

  let baseUrl = '';
  /** Which dataset `data` holds; a run is saved in that dataset's own slot. */
  let datasetId = 'mnist';
  /** Bumped by each switch of dataset, so a slower earlier load never overwrites a newer one. */
  let loadToken = 0;
  let loadingData: Promise<void> | null = null;
  /** A stored dataset's pictures (all of them) and the seed its current test split was chosen by. */
  let pool: { info: DatasetInfo; pictures: StoredPictures } | null = null;
  let splitSeed = 1;

  async function init(
    mnistBaseUrl: string,
    wanted: TrainBackendChoice,
    cachedProbe: BackendProbeResult | null | undefined,
    dataset: string,
    seed: number,
    cachedThreads: ThreadProbeResult | null | undefined,
  ): Promise<void> {
    choice = wanted;
    baseUrl = mnistBaseUrl;
    // Threads: the page's measurement for this device when it has one, else start the threaded build at
    // the largest candidate and measure below (the pool can shrink, the build cannot change later).
    const threading = opts.threading;
    const threadKey = threadProbeKey({
      cores: threading?.cores ?? 1,
      arch: TRAIN_DEFAULTS.arch,
      batch: TRAIN_DEFAULTS.batchSize,
    });
    const candidates = threading && wanted !== 'cpu' ? threadCandidates(threading.cores) : [1];
    const knownThreads = cachedThreads && cachedThreads.key === threadKey ? cachedThreads : null;
    const startThreads = knownThreads ? knownThreads.chosen : Math.max(...candidates);
    const threaded = startThreads > 1 && (threading?.prepare(startThreads) ?? false);
    const info = await initBackend(wanted === 'auto' ? null : wanted, {
      wasmThreads: threaded ? startThreads : 1,
    });
    backend = info.name;
    let reason = info.reason;
    // Automatic choice with WebGL present: measure which trains the default network faster (or reuse
    // the page's measurement for this device), rather than trusting "a GPU is faster".
    if (wanted === 'auto' && info.webgl.available && (backend === 'wasm' || backend === 'webgl')) {
      const key = probeKey({
        renderer: info.webgl.renderer,
        // The real core count: the threaded build's start lifts this worker's navigator figure.
        cores: threading?.cores ?? globalThis.navigator?.hardwareConcurrency ?? 1,
        arch: TRAIN_DEFAULTS.arch,
        batch: TRAIN_DEFAULTS.batchSize,
      });
      const cached = usableCache(cachedProbe, key);
      const result =
        cached ??
        (await probeBackends(
          ['wasm', 'webgl'],
          TRAIN_DEFAULTS.arch,
          TRAIN_DEFAULTS.batchSize,
          key,
          activateBackend,
        ));
      if (cached && !(await activateBackend(result.winner))) await activateBackend(backend);
      else backend = result.winner;
      reason = t(backend === 'webgl' ? 'engine.backend.measuredWebgl' : 'engine.backend.measuredWasm');
      post({ type: 'backendProbe', result, cached: cached !== null });
    }
    if (backend === 'wasm' && threaded) {
      const result =
        knownThreads ??
        (await probeThreads(
          candidates,
          TRAIN_DEFAULTS.arch,
          TRAIN_DEFAULTS.batchSize,
          threadKey,
          resizeWasmThreads,
        ));
      post({ type: 'threadProbe', result, cached: knownThreads !== null, threads: wasmThreads() });
    } else if (backend === 'wasm' && knownThreads) {
      // The page's measurement chose 1 thread: the single-threaded build runs, as measured.
      post({ type: 'threadProbe', result: knownThreads, cached: true, threads: wasmThreads() });
    }
    post({ type: 'ready', backend, reason, inWorker: opts.inWorker });
    await switchData(mnistBaseUrl, dataset, seed);
  }

  /**
   * Switches to a dataset and loads it; an older load is ignored. A built-in one is downloaded from
   * `url`; a stored one is read from IndexedDB and split by `seed` (its held-out test split).
   */
  function switchData(url: string, dataset: string, seed: number): Promise<void> {
    loadToken++;
    trainer?.stop();
    data = null;
    pool = null;
    loadingData = null;
    baseUrl = url;
    datasetId = dataset;
    splitSeed = seed;
    return loadData();
  }

  /** Splits the stored pool by `seed` and gives the page the new test split. */
  function splitPool(seed: number): void {
    if (!pool) return;
    splitSeed = seed;
    data = storedTrainTest(pool.info, pool.pictures, seed);
    post({
      type: 'testSet',
      images: data.test.images.slice(),
      labels: data.test.labels.slice(),
      dataset: datasetId,
    });
  }

  /**
   * Downloads both splits of the current dataset (test first, so the page can show it sooner), again
   * after a failure: a fresh request each time. One load at a time; a second caller waits for the same one.
   */
  function loadData(): Promise<void> {
    if (data) return Promise.resolve();
    if (loadingData) return loadingData;
    const token = loadToken;
    const url = baseUrl;
    const dataset = datasetId;
    // After one file fails, late progress from the other must not cover the error.
    let failed = false;
    const progress = (what: 'test' | 'train') => (loaded: number, total: number) => {
      if (!failed && token === loadToken)
        post({ type: 'loading', what, fraction: total ? Math.min(0.99, loaded / total) : 0 });
    };
    const loading: Promise<void> = (async () => {
      if (!isBuiltinDataset(dataset)) {
        post({ type: 'loading', what: 'test', fraction: 0 });
        const stored = await loadStoredDataset(dataset);
        if (token !== loadToken) return;
        if (!stored) throw new Error(t('data.trainParam.gone', { name: dataset }));
        pool = stored;
        splitPool(splitSeed);
        post({ type: 'dataReady' });
        return;
      }
      post({ type: 'loading', what: 'test', fraction: 0 });
      const test = await loadMnistSplit('test', { baseUrl: url, onProgress: progress('test') });
      if (token !== loadToken) return;
      // A copy for the page (confusion-matrix digits, mistakes); the host keeps its own.
      post({ type: 'testSet', images: test.images.slice(), labels: test.labels.slice(), dataset });
      const train = await loadMnistSplit('train', { baseUrl: url, onProgress: progress('train') });
      if (token !== loadToken) return;
      data = { train, test };
      post({ type: 'dataReady' });
    })()
      .catch((err: unknown) => {
        failed = true;
        // A load the page has since replaced by another dataset fails quietly.
        if (token === loadToken) throw err;
      })
      .finally(() => {
        if (loadingData === loading) loadingData = null;
      });
    loadingData = loading;
    return loading;
  }

  /** How the last run ended (its `done` event), for keeping the run. */
  let lastDone: Extract<TrainEvent, { type: 'done' }> | null = null;
  /** What a saved model records about the data it learnt from (class names in the page's language). */
  function modelDataset(): ModelDataset {
    const info = pool?.info ?? (isBuiltinDataset(datasetId) ? builtinDataset(datasetId) : null);
    if (!info) throw new Error(t('data.trainParam.gone', { name: datasetId }));
    return { id: datasetId, classNames: info.classNames.slice(), inputShape: [...info.inputShape] };
  }

  function emit(e: TrainEvent): void {
    if (e.type === 'done') lastDone = e;
    post({ type: 'event', event: e }, transfersOf(e));
  }

  /**
   * Gives the page the ended run's layers and weights to keep for comparing (finished, or stopped after
   * at least one step; a diverged run's weights are not worth keeping, nor a run the page switched away
   * from by loading another dataset).
   */
  async function postRunModel(tr: Trainer, dataset: string): Promise<void> {
    const d = lastDone;
    lastDone = null;
    if (!d || d.reason === 'diverged' || d.step === 0 || dataset !== datasetId) return;
    try {
      const weights = await captureRunWeights(tr.model);
      post(
        {
          type: 'runModel',
          ended: d.reason,
          elapsedMs: d.elapsedMs,
          params: tr.model.countParams(),
          backend,
          dataset,
          weights,
        },
        [weights.weightData],
      );
    } catch (err) {
      console.warn('Copying the run for comparing failed:', err);
    }
  }

  function makeTrainer(c: TrainConfig, resume?: { weights: Float32Array[]; step: number }): Trainer {
    // The host speaks the page's language (init installs its messages), so it can word this itself.
    if (!data) throw new Error(t('train.session.notLoaded'));
    // A lost WebGL context never answers a read-back: the trainer races its reads against this signal.
    stopWatchingLoss();
    const lost = new AbortController();
    stopWatchingLoss = watchWebGLContextLoss(() => lost.abort());
    const made = new Trainer(c, data, {
      onEvent: emit,
      yieldNow: async () => {
        if (failNext) {
          failNext = false;
          throw new Error('CONTEXT_LOST_WEBGL (simulated)');
        }
        await opts.yieldNow();
      },
      lostSignal: lost.signal,
      reportEveryMs: opts.inWorker ? 100 : 25,
      snapshotEveryMs: panels ? SNAPSHOT_MS : 0,
      probeDigit,
      ...(resume ? { initialWeights: resume.weights, startStep: resume.step } : {}),
      afterEpoch: async (epoch, testAccuracy) => {
        const meta = {
          source: 'trained' as const,
          testAccuracy,
          epochs: epoch + 1,
          // A stored dataset may hold fewer pictures than the train= setting asks for.
          trainDigits: Math.floor(
            Math.min(c.trainSize, data?.train.count ?? c.trainSize) * (1 - c.valFraction),
          ),
          savedAt: new Date().toISOString(),
          config: c.arch,
          arch: formatArch(configLayers(c)),
          dataset: modelDataset(),
        };
        try {
          // The run slot of its own dataset: Draw, Try it and the lessons switch to it only when the
          // user chooses to, and a model of clothes never lands in MNIST's slots.
          await saveModel(made.model, meta, modelSlotsFor(datasetId).run);
          post({ type: 'saved', meta });
        } catch (err) {
          // Said once per page, not every epoch: the reason does not change between epochs.
          const message = err instanceof ModelStorageError ? err.message : t('engine.model.notSaved');
          if (!(err instanceof ModelStorageError)) console.warn('Saving the model failed:', err);
          if (!warned.has(message)) post({ type: 'warning', message });
          warned.add(message);
        }
      },
    });
    return made;
  }

  async function run(c: TrainConfig): Promise<void> {
    cfg = c;
    trainer?.dispose();
    trainer = makeTrainer(c);
    const dataset = datasetId;
    lastDone = null;
    for (;;) {
      const current = trainer;
      try {
        await current.run();
        await postRunModel(current, dataset);
        // Done (or stopped): nothing reads from the backend until the next run, so stop polling it.
        stopWatchingLoss();
        return;
      } catch (err) {
        const good = current.lastGoodState;
        const fallback: BackendName | null = backend === 'webgl' ? 'wasm' : backend === 'wasm' ? 'cpu' : null;
        if (!good || !fallback || !cfg) throw err;
        const from = backend;
        try {
          current.dispose();
        } catch {
          // A lost WebGL context may refuse to free its textures; they went with the context anyway.
        }
        const info = await initBackend(fallback);
        backend = info.name;
        post({
          type: 'backendSwitched',
          from,
          to: backend,
          step: good.step,
          why: errText(err),
        });
        post({ type: 'ready', backend, reason: info.reason, inWorker: opts.inWorker });
        trainer = makeTrainer(cfg, good);
      }
    }
  }

  async function handle(msg: ToHost): Promise<void> {
    try {
      switch (msg.type) {
        case 'init':
          setMessages(msg.messages);
          await init(
            msg.mnistBaseUrl,
            msg.backend,
            msg.probe,
            msg.dataset ?? 'mnist',
            msg.seed ?? 1,
            msg.threads,
          );
          break;
        case 'dataset':
          await switchData(msg.baseUrl, msg.dataset, msg.seed ?? 1);
          break;
        case 'retryData':
          await loadData();
          break;
        case 'start':
          // A failed download is tried again (a new request) instead of refusing to train.
          if (!data) await loadData();
          // A stored dataset's test split is chosen by the run's seed: a new seed, a new split.
          if (pool && msg.cfg.seed !== splitSeed) splitPool(msg.cfg.seed);
          if (pool) {
            // Every class needs one picture to learn from and one to test on.
            const { classNames } = pool.info;
            const labels = pool.pictures.labels;
            const thin = classNames.findIndex((_, k) => labels.filter((l) => l === k).length < 2);
            if (thin >= 0) {
              const n = labels.filter((l) => l === thin).length;
              throw new Error(t('data.make.needMore', { name: classNames[thin] ?? '', n }));
            }
          }
          panels = msg.panels;
          probeDigit = msg.probeDigit;
          if (msg.cfg.backend !== choice && msg.cfg.backend !== 'auto') {
            choice = msg.cfg.backend;
            const info = await initBackend(choice);
            backend = info.name;
            post({ type: 'ready', backend, reason: info.reason, inWorker: opts.inWorker });
          }
          await run(msg.cfg);
          break;
        case 'pause':
          trainer?.pause();
          break;
        case 'resume':
          trainer?.resume();
          break;
        case 'stop':
          trainer?.stop();
          break;
        case 'setLr':
          trainer?.setLearningRate(msg.lr);
          break;
        case 'probe':
          probeDigit = msg.digit;
          if (trainer) {
            trainer.probeDigit = msg.digit;
            if (!trainer.isRunning || trainer.isPaused) await trainer.emitSnapshot();
          }
          break;
        case 'panels':
          panels = msg.on;
          if (trainer) trainer.snapshotEveryMs = msg.on ? SNAPSHOT_MS : 0;
          break;
        case 'measureSpeed': {
          // Never while a run trains: it would slow the run and time the two together.
          if (trainer?.isRunning) {
            post({ type: 'speed', key: msg.key, stepMs: null });
            break;
          }
          const r = await timeSpecSteps({ ...mnistSpec(msg.layers), ...msg.input }, msg.batch, {
            warmup: 1,
            steps: 3,
            giveUpMsPerStep: 5000,
          });
          post({ type: 'speed', key: msg.key, stepMs: r.failed ? null : r.stepMs });
          break;
        }
        case 'simulateBackendLoss':
          // On WebGL, lose the context for real so the test covers what a driver reset does; elsewhere
          // there is no context to lose, so the next step fails instead.
          if (!loseWebGLContext()) failNext = true;
          break;
      }
    } catch (err) {
      post({ type: 'error', message: errText(err) });
    }
  }

  return { handle };
}
