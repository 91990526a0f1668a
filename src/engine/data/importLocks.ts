/**
 * One import per dataset name across all tabs of this browser, and no tab sweeping up another tab's
 * import in progress. Staged rows without a description are normally left by a closed tab and deleted
 * by the next import; with two tabs importing at once, that sweep would delete the other tab's rows
 * half way. Each running import therefore holds a Web Lock named after its dataset: the browser frees
 * it when the import ends or its tab closes, so "held" means "still running somewhere".
 * Framework-free: uses only `navigator.locks` (in every browser CNN Studio supports; absent in Node,
 * where there is only one "tab" and the old behaviour is right).
 */

const PREFIX = 'cnn-studio-dataset-import:';

/** Web Locks, or null where the platform has none. */
function lockManager(): LockManager | null {
  const nav = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Takes the import lock for dataset `id` if no tab holds it. Resolves with a function that frees it
 * (call it exactly when the import ends; calling it again does nothing), or with null when another
 * tab is importing the same name right now. Without Web Locks it always succeeds.
 */
export function takeImportLock(id: string): Promise<(() => void) | null> {
  const locks = lockManager();
  if (!locks) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    locks
      .request(PREFIX + id, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        // The lock lasts as long as this promise is pending.
        return new Promise<void>((release) => resolve(() => release()));
      })
      // A browser that refuses locks here (e.g. an opaque origin) imports as if it had none.
      .catch(() => resolve(() => {}));
  });
}

/** Names of the datasets some tab of this browser is importing now (empty without Web Locks). */
export async function importsRunningNow(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
  } catch {
    return new Set();
  }
}
