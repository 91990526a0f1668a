/**
 * The datasets kept in this browser (IndexedDB), as one small store the Data and Train areas read:
 * their descriptions only (no pictures). `refreshStoredDatasets` asks IndexedDB again after an import
 * or a delete; `datasetsChanged` also tells the other tabs of this browser, so a set imported in one
 * tab appears in the others without a reload.
 */
import { listStoredDatasets, type DatasetInfo } from '../engine';
import { createStore, useStore } from './createStore';

export type StoredList = { list: DatasetInfo[] | null; error: string | null };

const store = createStore<StoredList>({ list: null, error: null });
let asked: Promise<void> | null = null;

/** Reads the list from IndexedDB (again). Resolves once the store holds it. */
export function refreshStoredDatasets(): Promise<void> {
  asked = listStoredDatasets()
    .then((list) => store.set({ list, error: null }))
    .catch((err: unknown) =>
      store.set({ list: [], error: err instanceof Error ? err.message : String(err) }),
    );
  return asked;
}

const CHANNEL = 'cnn-studio-datasets';
let channel: BroadcastChannel | null = null;

/** Listens once per tab for the other tabs' changes (where BroadcastChannel exists). */
function listenToOtherTabs(): void {
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => void refreshStoredDatasets();
}

/** After this tab added, changed or deleted a dataset: read the list again here and in the other tabs. */
export function datasetsChanged(): Promise<void> {
  listenToOtherTabs();
  channel?.postMessage('changed');
  return refreshStoredDatasets();
}

/** The stored datasets (null until read once), read on first use. */
export function useStoredDatasets(): StoredList {
  listenToOtherTabs();
  if (!asked) void refreshStoredDatasets();
  return useStore(store, (s) => s);
}

/** The list as last read (null before the first read). */
export function storedDatasetsNow(): DatasetInfo[] | null {
  return store.get().list;
}
