/**
 * The contract between scripts/bench.ts (the runner) and each benchmark module
 * (scripts/bench/<name>.bench.ts). See the comment at the top of scripts/bench.ts.
 */
import type { Browser, Page } from 'playwright-core';
import type { BenchApi } from '../../src/benchHooks';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** A goal a measured value should meet, e.g. `{ op: '>=', value: 1200 }`. */
export type Target = { op: '>=' | '<='; value: number; why?: string };

/** One line of results. `value: null` means "not available" and `note` must say why. */
export type BenchRow = {
  metric: string;
  /** The tfjs backend measured, or omitted when the metric does not depend on one. */
  backend?: BackendName;
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
};

export type BenchPage = {
  page: Page;
  /**
   * Runs `fn` inside the page with the hooks of src/benchHooks.ts. `fn` is serialised, so it sees no
   * variables of the script: pass what it needs as `arg` (JSON-like values only).
   */
  bench: <R, A = undefined>(fn: (api: BenchApi, arg: A) => R | Promise<R>, arg?: A) => Promise<R>;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
};

export type BenchContext = {
  browser: Browser;
  /** Where `vite preview` serves dist/, with a trailing slash, e.g. http://127.0.0.1:4711/ */
  baseUrl: string;
  /**
   * Opens the built app in a fresh browser context (cold HTTP cache) with the bench hooks loaded
   * (`?bench`) and, when given, the backend forced (`?backend=`). Resolves once the app has started
   * its backend. Close it when done.
   */
  openPage: (opts?: {
    backend?: BackendName;
    hash?: string;
    viewport?: { width: number; height: number };
  }) => Promise<BenchPage>;
  log: (message: string) => void;
  /** True for a short run (`--quick`): fewer windows, for checking that a benchmark works. */
  quick: boolean;
};

export type Benchmark = {
  /** Short id used by `--only` and as the section name, e.g. 'training'. */
  name: string;
  /** One sentence: what is measured and how. */
  description: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]>;
};

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

export function meets(value: number | null, target: Target | undefined): boolean | null {
  if (!target || value === null) return null;
  return target.op === '>=' ? value >= target.value : value <= target.value;
}
