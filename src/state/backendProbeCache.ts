/**
 * The training backend measurement (src/engine/backendProbe.ts) kept in localStorage, so it runs once per
 * device and model size: the page hands it to the training worker at start (workers have no
 * localStorage) and stores what the worker measured. Not for students' eyes: the bench, the tests and
 * docs/BENCHMARKS.md read it.
 */
import type { BackendProbeResult, ProbeTiming } from '../engine/backendProbe';
import type { ThreadProbeResult } from '../engine/threadProbe';

const STORAGE_KEY = 'cnn-studio.trainBackendProbe';
const NAMES = new Set(['wasm', 'webgl', 'cpu']);

let last: { result: BackendProbeResult; cached: boolean } | null = null;

function isTiming(x: unknown): x is ProbeTiming {
  const o = x as ProbeTiming;
  return (
    typeof o === 'object' &&
    o !== null &&
    NAMES.has(o.backend) &&
    (o.examplesPerSec === null || (typeof o.examplesPerSec === 'number' && Number.isFinite(o.examplesPerSec)))
  );
}

/** Parses a stored result; anything malformed (an old version, a hand edit) is ignored. */
export function parseProbe(text: string | null): BackendProbeResult | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as BackendProbeResult;
    const ok =
      typeof o.key === 'string' &&
      NAMES.has(o.winner) &&
      (o.margin === null || typeof o.margin === 'number') &&
      Array.isArray(o.timings) &&
      o.timings.every(isTiming) &&
      typeof o.measuredAt === 'string';
    return ok ? o : null;
  } catch {
    return null;
  }
}

export function loadProbe(): BackendProbeResult | null {
  try {
    return parseProbe(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return null; // storage blocked (private mode, policy): measure again
  }
}

export function saveProbe(result: BackendProbeResult, cached: boolean): void {
  last = { result, cached };
  if (cached) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(result));
  } catch {
    // storage full or blocked: the probe simply runs again next time
  }
}

/** What the worker reported this page load, or null when no probe ran (a forced backend, no WebGL). */
export function lastProbe(): { result: BackendProbeResult; cached: boolean } | null {
  return last;
}

const THREADS_KEY = 'cnn-studio.trainThreadProbe';

let lastThreads: { result: ThreadProbeResult; cached: boolean; threads: number } | null = null;

/** Parses a stored thread measurement; anything malformed is ignored (measured again). */
export function parseThreadProbe(text: string | null): ThreadProbeResult | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as ThreadProbeResult;
    const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 64;
    const ok =
      typeof o.key === 'string' &&
      count(o.chosen) &&
      (o.margin === null || typeof o.margin === 'number') &&
      Array.isArray(o.timings) &&
      o.timings.every(
        (x) =>
          count(x.threads) &&
          (x.examplesPerSec === null ||
            (typeof x.examplesPerSec === 'number' && Number.isFinite(x.examplesPerSec))),
      ) &&
      typeof o.measuredAt === 'string';
    return ok ? o : null;
  } catch {
    return null;
  }
}

export function loadThreadProbe(): ThreadProbeResult | null {
  try {
    return parseThreadProbe(globalThis.localStorage?.getItem(THREADS_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Keeps what the worker measured (`threads`: the count its pool really runs with). */
export function saveThreadProbe(result: ThreadProbeResult, cached: boolean, threads: number): void {
  lastThreads = { result, cached, threads };
  if (cached) return;
  try {
    globalThis.localStorage?.setItem(THREADS_KEY, JSON.stringify(result));
  } catch {
    // storage full or blocked: the probe simply runs again next time
  }
}

/** The training worker's thread choice this page load, or null (no wasm training, no threads possible). */
export function lastThreadProbe(): { result: ThreadProbeResult; cached: boolean; threads: number } | null {
  return lastThreads;
}
