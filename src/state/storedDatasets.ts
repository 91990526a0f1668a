/**
 * The datasets kept in this browser (IndexedDB), as one small store the Data and Train areas read:
 * their descriptions only (no pictures). `refreshStoredDatasets` asks IndexedDB again after an import
 * or a delete.
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

/** The stored datasets (null until read once), read on first use. */
export function useStoredDatasets(): StoredList {
  if (!asked) void refreshStoredDatasets();
  return useStore(store, (s) => s);
}

/** The list as last read (null before the first read). */
export function storedDatasetsNow(): DatasetInfo[] | null {
  return store.get().list;
}
