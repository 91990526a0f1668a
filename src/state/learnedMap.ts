/**
 * "A map of what it learned": the test digits placed in 2-D by UMAP twice, once from their raw pixels
 * and once from the model's last hidden layer. The hidden features come from the model on the page
 * (tfjs, in batches); the two layouts run at the same time in two Web Workers (umap-js), so the page
 * stays responsive and a 2-core machine uses both cores.
 *
 * Layouts are cached for the session: the raw-pixel one per dataset (it does not depend on the model),
 * the hidden one per dataset and model (`modelKey` names the model's dataset too, and every cache key
 * starts with `datasetId`), so MNIST's and Fashion-MNIST's maps never mix. Seeded, so the same model gives the same map.
 * Not React: the Explain panel and the `?bench` hooks both call `computeLearnedMap`.
 */
import { computeHiddenFeatures, setGeometry, type MnistSet, type ModelMeta, type Network } from '../engine';
import type { FromUmapWorker, UmapJob } from '../workers/umapProtocol';

/** UMAP settings chosen by measurement (docs/BENCHMARKS.md): 10 neighbours, 100 epochs, PCA to 50 first. */
export const MAP_SETTINGS = { seed: 13, nNeighbors: 10, nEpochs: 100, pcaDims: 50 } as const;

/**
 * The fewest pictures a map can be made of: UMAP links every point to its `nNeighbors` nearest others,
 * so it needs at least one more point than that (umap-js refuses fewer). A stored dataset's test split
 * can be smaller (a fifth of a 40-picture set is 8); the panel says so instead of starting.
 */
export const MIN_MAP_POINTS = MAP_SETTINGS.nNeighbors + 1;

export type LearnedMap = {
  count: number;
  labels: Uint8Array;
  predicted: Uint8Array;
  /** Numbers per picture as raw pixels (h·w·c: 784 for MNIST, 3,072 for a 32×32 colour set). */
  rawDim: number;
  /** The hidden layer's name and how many numbers it holds per picture. */
  layer: string;
  dim: number;
  /** `[count, 2]` in [0, 1]. */
  raw: Float32Array;
  hidden: Float32Array;
};

export type MapStage = 'features' | 'pca' | 'neighbours' | 'layout';
export type MapProgress = { stage: MapStage; fraction: number; secondsLeft: number | null };

const rawCache = new Map<string, Float32Array>();
const mapCache = new Map<string, LearnedMap>();

/** Which saved model this is (and of which dataset): the same file always gives the same key. */
export function modelKey(meta: ModelMeta): string {
  return JSON.stringify([
    meta.dataset?.id ?? 'mnist',
    meta.source,
    meta.savedAt ?? '',
    meta.name ?? '',
    meta.arch ?? '',
    meta.epochs ?? 0,
  ]);
}

const mapKey = (datasetId: string, key: string, count: number) => JSON.stringify([datasetId, key, count]);

/** The cached map of this model over `count` test pictures of `datasetId`, if it was made in this session. */
export function cachedLearnedMap(key: string, count: number, datasetId = 'mnist'): LearnedMap | null {
  return mapCache.get(mapKey(datasetId, key, count)) ?? null;
}

/** Forgets every cached map (tests, the bench). */
export function clearLearnedMaps(): void {
  rawCache.clear();
  mapCache.clear();
}

/** A 32-bit FNV-1a hash of the first `n` bytes (~10 ms for 10,000 MNIST digits). */
function bytesHash(bytes: Uint8Array, n: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return (h >>> 0).toString(16);
}

type LayoutProgress = (phase: FromUmapWorker & { type: 'progress' }) => void;

/** Runs one layout in a new worker; rejects on a worker error or when `signal` aborts (the worker is ended). */
function layoutInWorker(
  data: Float32Array | Uint8Array,
  n: number,
  d: number,
  onProgress: LayoutProgress,
  signal?: AbortSignal,
): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/umap.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<FromUmapWorker>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress(msg);
      else {
        signal?.removeEventListener('abort', stop);
        worker.terminate();
        if (msg.type === 'done') resolve(msg.positions);
        else reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(e.message || 'the map worker failed to start'));
    };
    const job: UmapJob = { type: 'layout', data, n, d, ...MAP_SETTINGS };
    worker.postMessage(job, [data.buffer]);
  });
}

/** How far one layout is, 0..1: PCA ~5 %, the neighbour search ~35 %, the epochs the rest. */
function layoutFraction(p: { phase: string; done: number; total: number }): number {
  if (p.phase === 'pca') return 0;
  if (p.phase === 'neighbours') return 0.05;
  return 0.4 + 0.6 * (p.total > 0 ? p.done / p.total : 0);
}

/**
 * Makes (or returns from the cache) the map of `count` test pictures of `set` for `net`, whatever their
 * size (28×28 grey, 32×32×3 colour: `set.inputShape`). Progress: a stage and an overall fraction with a
 * time estimate. Resolves with plain arrays; rejects (a RangeError) when fewer than `MIN_MAP_POINTS`
 * pictures are asked for.
 */
export async function computeLearnedMap(
  net: Network,
  key: string,
  set: MnistSet,
  opts: {
    count?: number;
    datasetId?: string;
    onProgress?: (p: MapProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<LearnedMap> {
  const count = Math.min(set.count, opts.count ?? set.count);
  if (count < MIN_MAP_POINTS)
    throw new RangeError(`a map needs at least ${MIN_MAP_POINTS} pictures, not ${count}`);
  const { size } = setGeometry(set);
  const datasetId = opts.datasetId ?? 'mnist';
  const fullKey = mapKey(datasetId, key, count);
  const cached = mapCache.get(fullKey);
  if (cached) return cached;
  const t0 = performance.now();
  const report = (stage: MapStage, fraction: number) => {
    const elapsed = (performance.now() - t0) / 1000;
    const secondsLeft = fraction > 0.05 && elapsed > 1 ? (elapsed / fraction) * (1 - fraction) : null;
    opts.onProgress?.({ stage, fraction, secondsLeft });
  };
  report('features', 0);
  // The features take a few percent of the time: the model runs once over the digits, on the page.
  const FEATURES = 0.04;
  const hidden = await computeHiddenFeatures(
    net,
    count,
    (i, out) => {
      for (let j = 0; j < size; j++) out[j] = (set.images[i * size + j] as number) / 255;
    },
    {
      // Small batches: each is one main-thread task, short enough to keep the page responsive on wasm.
      batchSize: 128,
      signal: opts.signal,
      onProgress: (done, total) => report('features', (FEATURES * done) / total),
    },
  );
  // The pictures' own bytes name the raw layout: a stored set deleted and imported again under the same
  // name (with the same count) must not get the old pictures' layout.
  const rawKey = `${datasetId}|${count}|${bytesHash(set.images, count * size)}`;
  const rawCached = rawCache.get(rawKey);
  const parts: Record<'raw' | 'hidden', { fraction: number; phase: MapStage }> = {
    raw: { fraction: rawCached ? 1 : 0, phase: 'layout' },
    hidden: { fraction: 0, phase: 'pca' },
  };
  const onPart = (which: 'raw' | 'hidden') => (p: { phase: MapStage; done: number; total: number }) => {
    parts[which] = { fraction: layoutFraction(p), phase: p.phase };
    // The stage shown is the slower layout's.
    const slower = parts.raw.fraction <= parts.hidden.fraction ? parts.raw : parts.hidden;
    const inLayouts = rawCached ? parts.hidden.fraction : (parts.raw.fraction + parts.hidden.fraction) / 2;
    report(slower.phase, FEATURES + (1 - FEATURES) * inLayouts);
  };
  // The bytes as they are (a copy, transferred): the worker scales them to 0–1.
  const pixels = rawCached ? null : set.images.slice(0, count * size);
  const [raw, hiddenLayout] = await Promise.all([
    rawCached ??
      layoutInWorker(pixels as Uint8Array, count, size, onPart('raw'), opts.signal).then((r) => {
        rawCache.set(rawKey, r);
        return r;
      }),
    layoutInWorker(hidden.features, count, hidden.dim, onPart('hidden'), opts.signal),
  ]);
  const map: LearnedMap = {
    count,
    labels: set.labels.slice(0, count),
    predicted: hidden.predicted,
    rawDim: size,
    layer: hidden.layer,
    dim: hidden.dim,
    raw,
    hidden: hiddenLayout,
  };
  mapCache.set(fullKey, map);
  return map;
}
