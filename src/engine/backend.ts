/**
 * Chooses the compute backend by what actually runs fast on this machine, not by habit:
 * hardware WebGL when there is a real GPU; otherwise wasm (SIMD, threads when the page is
 * cross-origin isolated), which on a GPU-less 2-core laptop trains ~8× faster than WebGL on a
 * software rasteriser; the plain JS cpu backend last.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { t } from '../i18n';
import { registerWasmTrainingKernels } from './kernels/registerWasmTrainingKernels';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export type WebGLProbe = {
  available: boolean;
  /** The unmasked renderer string, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))". */
  renderer: string;
  /** True when the renderer is a CPU rasteriser (SwiftShader, llvmpipe, softpipe, Microsoft Basic Render). */
  software: boolean;
};

export type BackendInfo = {
  name: BackendName;
  /** One plain sentence a student can read in the status bar: what runs and why. */
  reason: string;
  webgl: WebGLProbe;
  /** Threads the wasm backend may use (1 unless the page is cross-origin isolated). */
  wasmThreads: number;
  simd: boolean;
};

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** Asks WebGL2 for its renderer without touching the DOM (OffscreenCanvas works in workers too). */
export function probeWebGL(): WebGLProbe {
  const none: WebGLProbe = { available: false, renderer: 'none', software: true };
  if (typeof OffscreenCanvas === 'undefined') return none;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return none;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, software: isSoftwareRenderer(renderer) };
  } catch {
    return none;
  }
}

export type WasmAssetUrls = {
  'tfjs-backend-wasm.wasm': string;
  'tfjs-backend-wasm-simd.wasm': string;
  'tfjs-backend-wasm-threaded-simd.wasm': string;
};

let wasmPathsSet = false;

/** Tells the wasm backend where its binaries live on this origin. Call before `initBackend`. */
export function configureWasmAssets(urls: WasmAssetUrls): void {
  setWasmPaths(urls);
  wasmPathsSet = true;
}

let wasmStarted = false;
let wasmRequestedThreads = 1;

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') wasmStarted = true;
    const ok = await tf.setBackend(name);
    await tf.ready();
    // tfjs falls back silently, so trust only what it reports afterwards.
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Switches tfjs to `name` (after `initBackend` has run once) and says whether it really runs there.
 * Used by the training backend probe (backendProbe.ts). Nothing to dispose.
 */
export function activateBackend(name: BackendName): Promise<boolean> {
  return trySetBackend(name);
}

export function parseBackendName(value: string | null | undefined): BackendName | null {
  return value === 'webgl' || value === 'wasm' || value === 'cpu' ? value : null;
}

/**
 * Picks and activates a backend. `override` (from `?backend=`) is honoured when it can run;
 * otherwise the automatic order applies and the reason says the override failed.
 * Returns plain info; nothing to dispose.
 */
export async function initBackend(
  override?: BackendName | null,
  opts: { wasmThreads?: number } = {},
): Promise<BackendInfo> {
  const webgl = probeWebGL();
  // One thread means the single-threaded SIMD build (no pthread workers at all). More threads need the
  // threaded build, which the caller must have made loadable first (src/platform/threadedWasm.ts: its
  // pthread workers break after minification, and tfjs halves the core count); docs/BENCHMARKS.md, "Threads".
  // Decided once per context: the wasm backend starts only once.
  if (!wasmStarted) {
    wasmRequestedThreads = Math.max(1, Math.floor(opts.wasmThreads ?? 1));
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', wasmRequestedThreads > 1);
    if (wasmPathsSet || typeof process !== 'undefined') {
      // In node the binaries load from node_modules; in the browser only once their URLs are known.
      setThreadsCount(wasmRequestedThreads);
    }
  }
  registerWasmTrainingKernels();

  const renderer = shortRenderer(webgl.renderer);
  const gpuWord = webgl.available
    ? webgl.software
      ? t('engine.backend.gpuSoftware', { renderer })
      : t('engine.backend.gpuCard', { renderer })
    : t('engine.backend.gpuNone');

  const order: BackendName[] =
    webgl.available && !webgl.software ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
  if (override) {
    if (await trySetBackend(override)) {
      return await info(
        override,
        t('engine.backend.chosen', { label: label(override), name: override, gpu: gpuWord }),
      );
    }
  }
  for (const name of order) {
    if (!(await trySetBackend(name))) continue;
    const why =
      name === 'webgl'
        ? t('engine.backend.usingWebgl', { gpu: gpuWord })
        : name === 'wasm'
          ? t('engine.backend.usingWasm', { gpu: gpuWord })
          : t('engine.backend.usingCpu');
    // Reaching here with an override means it could not start: say so after the reason.
    return await info(
      name,
      override ? t('engine.backend.overrideFailed', { reason: why, name: override }) : why,
    );
  }
  throw new Error(t('engine.backend.noneStarted'));

  async function info(name: BackendName, reason: string): Promise<BackendInfo> {
    const simd = name === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
    return { name, reason, webgl, wasmThreads: name === 'wasm' ? wasmThreads() : 1, simd };
  }
}

/**
 * The threads the running wasm backend computes with (its XNNPACK pool, the calling thread included);
 * 1 when wasm is not running or was built single-threaded.
 */
export function wasmThreads(): number {
  if (tf.getBackend() !== 'wasm') return 1;
  const wasm = (tf.backend() as BackendWasm).wasm;
  return wasm.tfjs.getThreadsCount();
}

/**
 * Resizes the running threaded wasm backend's pool to `threads` (the thread probe times each count on
 * the same module). Returns the count it really got; does nothing (returns the current count) when wasm
 * is not running or was started single-threaded. Nothing to dispose.
 */
export function resizeWasmThreads(threads: number): number {
  if (tf.getBackend() !== 'wasm' || wasmRequestedThreads < 2) return wasmThreads();
  (tf.backend() as BackendWasm).wasm.tfjs.initWithThreadsCount(threads);
  return wasmThreads();
}

/** The backend's name for people, in the current language: "WebGL (graphics card)". */
export function label(name: BackendName): string {
  return t(`engine.backend.names.${name}`);
}

function shortRenderer(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  if (/llvmpipe/i.test(renderer)) return 'llvmpipe';
  return renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer;
}

/** The WebGL context tfjs computes on, or null when another backend is active. */
function activeWebGL(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}

/**
 * Calls `onLost` once if the WebGL context tfjs computes on is lost (a driver reset, the GPU process
 * restarting, the browser reclaiming memory). This matters because tfjs neither throws nor resolves
 * then: a pending read-back waits forever, so a trainer must race its reads against this.
 * Listens for `webglcontextlost` and also polls `isContextLost()`, since not every canvas (an
 * OffscreenCanvas in a worker) is guaranteed to fire the event. Returns a function that stops watching;
 * does nothing when WebGL is not the active backend.
 */
export function watchWebGLContextLoss(onLost: () => void, pollMs = 250): () => void {
  const gl = activeWebGL();
  if (!gl) return () => {};
  let done = false;
  const fire = () => {
    if (done) return;
    stop();
    onLost();
  };
  const canvas = gl.canvas as EventTarget;
  canvas.addEventListener('webglcontextlost', fire);
  const timer = setInterval(() => {
    if (gl.isContextLost()) fire();
  }, pollMs);
  function stop(): void {
    done = true;
    canvas.removeEventListener('webglcontextlost', fire);
    clearInterval(timer);
  }
  return stop;
}

/**
 * Test hook: loses the active WebGL context for real (WEBGL_lose_context), as a driver reset would.
 * Returns false, and does nothing, when WebGL is not the active backend.
 */
export function loseWebGLContext(): boolean {
  const ext = activeWebGL()?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}
