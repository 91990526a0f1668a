import { initBackend, parseBackendName } from './engine';
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
  } catch (err) {
    appStore.set({ backend: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
  }
}
