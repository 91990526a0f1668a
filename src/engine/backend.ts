/**
 * Chooses the compute backend by what actually runs fast on this machine, not by habit:
 * hardware WebGL when there is a real GPU; otherwise wasm (SIMD, threads when the page is
 * cross-origin isolated), which on a GPU-less 2-core laptop trains ~8× faster than WebGL on a
 * software rasteriser; the plain JS cpu backend last.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
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

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    // tfjs falls back silently, so trust only what it reports afterwards.
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export function parseBackendName(value: string | null | undefined): BackendName | null {
  return value === 'webgl' || value === 'wasm' || value === 'cpu' ? value : null;
}

/**
 * Picks and activates a backend. `override` (from `?backend=`) is honoured when it can run;
 * otherwise the automatic order applies and the reason says the override failed.
 * Returns plain info; nothing to dispose.
 */
export async function initBackend(override?: BackendName | null): Promise<BackendInfo> {
  const webgl = probeWebGL();
  // Single-threaded SIMD on purpose (docs/BENCHMARKS.md, "Threads"). tfjs-backend-wasm 4.22 caps its
  // thread pool at navigator.hardwareConcurrency / 2, so a 2-core laptop gets 1 thread even from the
  // threaded build, and forcing 2 threads measured no faster. (The threaded build also needs its glue
  // unminified for its pthread workers, or they die with "e is not defined"; the fix is documented there.)
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const threads = 1;
  if (wasmPathsSet || typeof process !== 'undefined') {
    // In node the binaries load from node_modules; in the browser only once their URLs are known.
    setThreadsCount(threads);
  }
  registerWasmTrainingKernels();

  const gpuWord = webgl.available
    ? webgl.software
      ? `WebGL here is drawn by the processor (${shortRenderer(webgl.renderer)}), not a graphics card`
      : `a graphics card is available (${shortRenderer(webgl.renderer)})`
    : 'WebGL is not available';

  const order: BackendName[] =
    webgl.available && !webgl.software ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
  let overrideNote = '';
  if (override) {
    if (await trySetBackend(override)) {
      return await info(override, `You chose ${label(override)} with ?backend=${override}; ${gpuWord}.`);
    }
    overrideNote = ` (?backend=${override} could not start here)`;
  }
  for (const name of order) {
    if (!(await trySetBackend(name))) continue;
    const why =
      name === 'webgl'
        ? `Using WebGL because ${gpuWord}.`
        : name === 'wasm'
          ? `Using WebAssembly because ${gpuWord}; on a processor WebAssembly is the fastest choice.`
          : `Using plain JavaScript because neither WebGL nor WebAssembly could start.`;
    return await info(name, why + overrideNote);
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');

  async function info(name: BackendName, reason: string): Promise<BackendInfo> {
    const simd = name === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
    return { name, reason, webgl, wasmThreads: name === 'wasm' ? threads : 1, simd };
  }
}

export function label(name: BackendName): string {
  return name === 'webgl' ? 'WebGL (graphics card)' : name === 'wasm' ? 'WebAssembly' : 'JavaScript (cpu)';
}

function shortRenderer(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  if (/llvmpipe/i.test(renderer)) return 'llvmpipe';
  return renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer;
}
