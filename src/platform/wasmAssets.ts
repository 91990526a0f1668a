// Vite copies the wasm binaries into the build and gives their same-origin URLs, so the backend never
// reaches for a CDN (its default) and the app keeps working offline.
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { configureWasmAssets } from '../engine';

export function serveWasmFromThisOrigin(): void {
  configureWasmAssets({
    'tfjs-backend-wasm.wasm': new URL(wasmUrl, import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL(simdUrl, import.meta.url).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(threadedUrl, import.meta.url).href,
  });
}
