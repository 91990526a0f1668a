/**
 * Makes tfjs-backend-wasm 4.22's threaded SIMD build usable from our minified bundle, in the training
 * worker (docs/BENCHMARKS.md, "Threads").
 *
 * Two things stand in the way, both fixed here before the backend starts:
 * 1. Each pthread worker rebuilds the Emscripten module from a Blob of
 *    `"var WasmBackendModuleThreadedSimd = " + factory.toString()`. After Vite minifies the package that
 *    function refers to renamed variables of its enclosing scope, so every pthread worker dies with
 *    "e is not defined". The original glue (imported as text, so no minifier touches it) is what
 *    `toString` returns instead. It is part of this worker's chunk, so the service worker caches it with
 *    the chunk and it works offline.
 * 2. The backend sizes its XNNPACK pool as min(requested, navigator.hardwareConcurrency / 2), assuming
 *    two hyper-threads per core: a 2-core laptop gets 1 thread whatever it asks. The thread count is
 *    chosen by measurement instead (src/engine/threadProbe.ts), so while the backend starts this worker
 *    reports twice the count it wants; the real core count is read (and kept) before that.
 */
import threadedGlue from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';
import threadedFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';

const GLUE_HEAD = 'var WasmBackendModuleThreadedSimd = ';
const GLUE_TAIL = '\nif (typeof exports';

/** The `(() => { … })()` expression of the original glue text; throws if the package's layout changed. */
export function factoryExpression(glue: string): string {
  const start = glue.indexOf(GLUE_HEAD);
  const end = glue.indexOf(GLUE_TAIL);
  if (start < 0 || end < start) throw new Error('tfjs-backend-wasm threaded glue has an unexpected layout');
  return glue
    .slice(start + GLUE_HEAD.length, end)
    .trim()
    .replace(/;$/, '');
}

let prepared = false;
const realCores = globalThis.navigator?.hardwareConcurrency ?? 1;

/** The machine's logical cores, as the browser reports them (never the lifted figure below). */
export function logicalCores(): number {
  return realCores;
}

/**
 * True when this context may run wasm threads: cross-origin isolated, with SharedArrayBuffer and more
 * than one core. Reads nothing else and changes nothing.
 */
export function threadsPossible(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined' && realCores > 1;
}

/**
 * Prepares the threaded build for `threads` threads (> 1): the factory's `toString` gives the
 * unminified glue, and `navigator.hardwareConcurrency` reads `2 × threads` in this worker so the
 * backend's halving keeps `threads`. Call before the wasm backend first starts. Returns false (and
 * changes nothing) when threads are not possible here.
 */
export function prepareThreadedWasm(threads: number): boolean {
  if (!threadsPossible() || threads < 2) return false;
  if (!prepared) {
    const text = factoryExpression(threadedGlue);
    Object.defineProperty(threadedFactory, 'toString', { value: () => text, configurable: true });
    prepared = true;
  }
  // Own property on this worker's navigator object only; the page's navigator is untouched.
  Object.defineProperty(globalThis.navigator, 'hardwareConcurrency', {
    value: 2 * threads,
    configurable: true,
  });
  return true;
}
