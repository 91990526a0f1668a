/** Messages between the page and the map worker (one layout per worker; the page terminates it to cancel). */
import type { UmapPhase } from '../engine/explain/umapLayout';

export type UmapJob = {
  type: 'layout';
  /** `[n, d]` row-major (transferred); bytes (raw pixels 0–255) are divided by 255 in the worker. */
  data: Float32Array | Uint8Array;
  n: number;
  d: number;
  seed: number;
  nNeighbors: number;
  nEpochs: number;
  pcaDims: number;
};

export type FromUmapWorker =
  | { type: 'progress'; phase: UmapPhase; done: number; total: number }
  /** `[n, 2]` in [0, 1] (transferred). */
  | { type: 'done'; positions: Float32Array }
  | { type: 'error'; message: string };
