import { t } from './i18n';
import { initBackend, label, parseBackendName, watchWebGLContextLoss } from './engine';
import { serveWasmFromThisOrigin } from './platform/wasmAssets';
import { appStore } from './state/appStore';
import { parseHash } from './state/hashRoute';

/** Boots the compute backend once per page. `?backend=` may sit in the hash query or the page query. */
export async function startApp(): Promise<void> {
  serveWasmFromThisOrigin();
  if (/[?&]bench\b/.test(location.search)) void import('./benchHooks').then((m) => m.installBenchHooks());
  if (/[?&]testhooks\b/.test(location.search)) void import('./testHooks').then((m) => m.installTestHooks());
  const fromHash = parseHash(window.location.hash).params.get('backend');
  const fromQuery = new URLSearchParams(window.location.search).get('backend');
  const override = parseBackendName(fromHash ?? fromQuery);
  try {
    const info = await initBackend(override);
    appStore.set({ backend: { state: 'ready', info } });
    watchWebGLContextLoss(() => void moveOffLostWebGL());
  } catch (err) {
    backendFailed(err);
  }
}

/**
 * The page's WebGL context died (a driver reset, the GPU process restarting). tfjs would leave every
 * later prediction waiting forever, so move to the next backend and mark it 'starting' meanwhile:
 * panels holding a model (Draw) see the backend go away and come back, and reload on the new one.
 */
async function moveOffLostWebGL(): Promise<void> {
  appStore.set({ backend: { state: 'starting' } });
  try {
    const info = await initBackend('wasm');
    // Not info.reason: that would say the user chose WebAssembly with ?backend=wasm, which they did not.
    const reason = t('engine.backend.contextLost', { label: label(info.name) });
    appStore.set({ backend: { state: 'ready', info: { ...info, reason } } });
  } catch (err) {
    backendFailed(err);
  }
}

function backendFailed(err: unknown): void {
  appStore.set({ backend: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
}
