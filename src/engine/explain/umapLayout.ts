/**
 * A 2-D map of many points with UMAP (McInnes, Healy & Melville 2018, via the `umap-js` library):
 * points that are near neighbours in the original space (784 pixels, or a layer's activations) end up
 * near each other on the map. UMAP first finds each point's `nNeighbors` nearest neighbours (a random
 * projection forest, then NN-descent), turns them into a weighted graph, then moves the points in 2-D
 * for `nEpochs` rounds so that graph neighbours attract and random other points repel.
 *
 * Seeded: umap-js draws every random number from the generator it is given, so the same data and seed
 * give the same map. Pure JavaScript (no tensors, no DOM): meant to run in a Web Worker.
 */
import { UMAP } from 'umap-js';
import { mulberry32 } from '../data/random';
import { pcaProject } from './pca';

export type UmapPhase = 'pca' | 'neighbours' | 'layout';

export type UmapOptions = {
  seed?: number;
  /** Neighbours per point (umap-js default 15): fewer is faster and more local. */
  nNeighbors?: number;
  /** Rounds of layout optimisation (umap-js picks 200–500 by size). */
  nEpochs?: number;
  minDist?: number;
  /** Reduce to this many principal components first when the data has more (0 = never). */
  pcaDims?: number;
  /** Called at each phase start and every few epochs; `done`/`total` count epochs in 'layout'. */
  onProgress?: (phase: UmapPhase, done: number, total: number) => void;
  /** Lets the caller's event loop run (a worker reads its messages, e.g. a cancel) between chunks. */
  yieldNow?: () => Promise<void>;
  signal?: AbortSignal;
};

export const UMAP_DEFAULTS = { seed: 1, nNeighbors: 15, nEpochs: 200, minDist: 0.1, pcaDims: 50 } as const;

/**
 * Lays out `n` points of `d` numbers (`data`, `[n, d]` row-major) in 2-D. Returns a new Float32Array
 * `[n, 2]` (x, y per point) that the caller owns, scaled to fit [0, 1] × [0, 1].
 */
export async function layoutUmap(
  data: Float32Array,
  n: number,
  d: number,
  opts: UmapOptions = {},
): Promise<Float32Array> {
  const o = { ...UMAP_DEFAULTS, ...opts };
  const yieldNow = opts.yieldNow ?? (() => Promise.resolve());
  let x = data;
  let dims = d;
  if (o.pcaDims > 0 && d > o.pcaDims) {
    opts.onProgress?.('pca', 0, 1);
    await yieldNow();
    x = pcaProject(data, n, d, o.pcaDims, { seed: o.seed });
    dims = o.pcaDims;
  }
  opts.signal?.throwIfAborted();
  // umap-js takes arrays of rows.
  const rows: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(x.subarray(i * dims, (i + 1) * dims));
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: o.nNeighbors,
    nEpochs: o.nEpochs,
    minDist: o.minDist,
    random: mulberry32(o.seed),
  });
  opts.onProgress?.('neighbours', 0, 1);
  await yieldNow();
  const epochs = umap.initializeFit(rows);
  opts.signal?.throwIfAborted();
  opts.onProgress?.('layout', 0, epochs);
  for (let e = 0; e < epochs;) {
    const until = Math.min(epochs, e + 5);
    for (; e < until; e++) umap.step();
    opts.onProgress?.('layout', e, epochs);
    await yieldNow();
    opts.signal?.throwIfAborted();
  }
  return normalise(umap.getEmbedding(), n);
}

/** Scales the embedding into [0, 1] on both axes, keeping its aspect ratio (centred). */
function normalise(embedding: number[][], n: number): Float32Array {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [px = 0, py = 0] of embedding) {
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const padX = (span - (maxX - minX)) / 2;
  const padY = (span - (maxY - minY)) / 2;
  const out = new Float32Array(n * 2);
  embedding.forEach(([px = 0, py = 0], i) => {
    out[i * 2] = (px - minX + padX) / span;
    out[i * 2 + 1] = (py - minY + padY) / span;
  });
  return out;
}
