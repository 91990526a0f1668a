import { labelCounts, loadMnistSplit, type MnistSet, type MnistSplit } from '../engine';
import { t } from '../i18n';
import { appStore, type DataStatus } from './appStore';

/**
 * The one place the UI gets MNIST from. The test set (1.6 MB) loads at app start so the status bar shows
 * the state and the demos have digits at once; the training set (9.6 MB) loads only when first asked for,
 * and never before the test set is done, so the two never compete for a school's bandwidth.
 */

type SplitStatus =
  | { state: 'idle' }
  | { state: 'loading'; fraction: number; totalBytes: number; secondsLeft: number | null }
  | { state: 'ready'; count: number; ms: number }
  | { state: 'error'; message: string };

const status: Record<MnistSplit, SplitStatus> = { test: { state: 'idle' }, train: { state: 'idle' } };
const pending: Partial<Record<MnistSplit, Promise<MnistSet>>> = {};

const fmt = (n: number) => n.toLocaleString('en-US');

/** Where the packed files live, relative to the page, so the app also works from a sub-path. */
export function mnistBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}data/mnist/`, window.location.href).href;
}

/**
 * One split, downloaded once and shared (memoised). `'train'` waits for the test set first.
 * A failure is memoised too: every later call gets the same rejection, without a new request, until
 * the user presses Try again (`retryMnist`). Restarting on the next call made the status bar flip
 * error → Loading → error whenever another panel asked, and hid the Try again button meanwhile.
 * The arrays are shared: treat them as read-only.
 */
export function getMnist(split: MnistSplit): Promise<MnistSet> {
  const existing = pending[split];
  if (existing) return existing;
  const promise =
    split === 'train'
      ? getMnist('test')
          .catch(() => undefined)
          .then(() => load('train'))
      : load('test');
  pending[split] = promise;
  // Marks the rejection as handled here; callers attach their own handlers.
  promise.catch(() => undefined);
  return promise;
}

/** Starts the training-set download in the background (e.g. when the Train area opens). */
export function preloadTrain(): void {
  getMnist('train').catch(() => {});
}

/** Starts the test-set download; called once when the app starts. Safe to call again. */
export function startMnist(): void {
  installTestHook();
  getMnist('test').catch(() => {});
}

/**
 * Tries again every split that failed (the status bar's Try again button): the only way out of a
 * failure. The test set goes first, so a training set that waits for it starts after.
 */
export function retryMnist(): void {
  const failed = (['test', 'train'] as const).filter((split) => status[split].state === 'error');
  for (const split of failed) delete pending[split];
  for (const split of failed) getMnist(split).catch(() => {});
  if (failed.length === 0) return;
  retries++;
  for (const listener of retryListeners) listener();
}

let retries = 0;
const retryListeners = new Set<() => void>();

/**
 * How many times Try again has started a new download. A panel that asked for the digits when it opened
 * and got the failure asks again when this grows (`useMnistRetries`), so it fills in once the digits
 * arrive instead of keeping its error until the next visit.
 */
export function mnistRetries(): number {
  return retries;
}

/** Calls `listener` after each Try again that started a download; returns the unsubscribe. */
export function onMnistRetry(listener: () => void): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}

/** Bumped by every load: progress from an older (failed or replaced) load is ignored. */
const generation: Record<MnistSplit, number> = { test: 0, train: 0 };

async function load(split: MnistSplit): Promise<MnistSet> {
  const t0 = performance.now();
  let lastPublish = 0;
  const mine = ++generation[split];
  // Once this load has failed, a late progress event from the file still downloading beside the one
  // that failed must not turn the error back into "Loading… 0%".
  let failed = false;
  update(split, { state: 'loading', fraction: 0, totalBytes: 0, secondsLeft: null });
  try {
    const set = await loadMnistSplit(split, {
      baseUrl: mnistBaseUrl(),
      onProgress: (loaded, total) => {
        if (failed || generation[split] !== mine) return;
        const now = performance.now();
        // A progress event per network chunk would re-render the status bar ~150 times: 10 per second is plenty.
        if (now - lastPublish < 100 && loaded < total) return;
        lastPublish = now;
        const fraction = total > 0 ? loaded / total : 0;
        const elapsed = (now - t0) / 1000;
        const secondsLeft = fraction > 0.02 && elapsed > 0.5 ? (elapsed / fraction) * (1 - fraction) : null;
        update(split, { state: 'loading', fraction, totalBytes: total, secondsLeft });
      },
    });
    if (generation[split] === mine)
      update(split, { state: 'ready', count: set.count, ms: performance.now() - t0 });
    return set;
  } catch (err) {
    failed = true;
    const message = err instanceof Error ? err.message : String(err);
    if (generation[split] === mine) update(split, { state: 'error', message });
    throw err;
  }
}

function update(split: MnistSplit, next: SplitStatus): void {
  status[split] = next;
  appStore.set({ data: summarise() });
}

function summarise(): DataStatus {
  const ready = (['test', 'train'] as const).flatMap((s) => {
    const st = status[s];
    return st.state === 'ready' ? [t(`engine.mnistStatus.ready.${s}`, { n: fmt(st.count) })] : [];
  });
  const readyNote = ready.length > 0 ? t('engine.mnistStatus.readyNote', { list: ready.join(' · ') }) : '';
  for (const s of ['test', 'train'] as const) {
    const st = status[s];
    if (st.state === 'error') {
      const message = t(`engine.mnistStatus.failed.${s}`, { message: st.message, ready: readyNote });
      return { state: 'error', message };
    }
  }
  for (const s of ['test', 'train'] as const) {
    const st = status[s];
    if (st.state === 'loading') {
      const size =
        st.totalBytes > 0 ? t('engine.mnistStatus.size', { mb: (st.totalBytes / 1e6).toFixed(1) }) : '';
      const eta =
        st.secondsLeft === null
          ? ''
          : t('engine.mnistStatus.eta', { s: String(Math.max(1, Math.round(st.secondsLeft))) });
      // Ready parts first, so the progress bar sits right after the text it measures.
      const what = [...ready, t(`engine.mnistStatus.loading.${s}`, { size, eta })].join(' · ');
      return { state: 'loading', what, fraction: st.fraction };
    }
  }
  return ready.length > 0 ? { state: 'ready', summary: ready.join(' · ') } : { state: 'idle' };
}

/**
 * A small hook for browser tests and the console (`__cnnviz.mnist`), like excalidraw's `h`: lets a test
 * load the training set and check what arrived without clicking through a UI that may not exist yet.
 */
function installTestHook(): void {
  const g = globalThis as { __cnnviz?: Record<string, unknown> };
  g.__cnnviz = {
    ...g.__cnnviz,
    mnist: {
      preloadTrain,
      status: () => structuredClone(status),
      summary: async (split: MnistSplit) => {
        const set = await getMnist(split);
        return {
          count: set.count,
          labelCounts: labelCounts(set),
          firstLabels: Array.from(set.labels.subarray(0, 10)),
        };
      },
    },
  };
}
