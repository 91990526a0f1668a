/**
 * Datasets kept in this browser (IndexedDB), so a class's own pictures survive reloads. One database,
 * two stores: `datasets` (the description, keyed by id) and `chunks` (pictures and labels in chunks of
 * CHUNK pictures, keyed by [id, chunk], so reading never needs one huge allocation). A dataset is
 * written in ONE transaction: if anything fails (storage full, tab closed), IndexedDB rolls the whole
 * write back and whatever was stored before is untouched. Framework-free; uses only `indexedDB`.
 */
import { t } from '../../i18n';
import { isBuiltinDataset, type DatasetInfo } from './datasets';

export const DATASET_DB = 'cnn-studio-datasets';
const DB_VERSION = 1;
export const CHUNK = 1000;

/** Pictures (count × h × w × c bytes, row-major) and their class indices. */
export type StoredPictures = { images: Uint8Array; labels: Uint8Array };

type ChunkRow = { id: string; chunk: number; images: Uint8Array; labels: Uint8Array };

/** Storing failed; `message` says why and names the dataset. What was stored before is unchanged. */
export class DatasetStorageError extends Error {
  override name = 'DatasetStorageError';
}

/** A request's result as a promise (shared with datasetStaging). */
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when `tx` commits, rejects with its error when it aborts (shared with datasetStaging). */
export function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Opens (creating if needed) the datasets database (shared with datasetStaging). */
export function openDatasetDb(): Promise<IDBDatabase> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return Promise.reject(new DatasetStorageError(t('data.store.noStorage')));
  const req = idb.open(DATASET_DB, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('chunks')) db.createObjectStore('chunks', { keyPath: ['id', 'chunk'] });
  };
  return idbRequest(req);
}

/** Every stored dataset's description, by name. Returns new objects the caller owns. */
export async function listStoredDatasets(): Promise<DatasetInfo[]> {
  const db = await openDatasetDb();
  try {
    const all = await idbRequest(db.transaction('datasets').objectStore('datasets').getAll());
    return (all as DatasetInfo[]).sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    db.close();
  }
}

/**
 * Stores a dataset: its description and all its pictures, all or nothing. Refuses a built-in id and,
 * unless `replace`, an id already stored. Throws DatasetStorageError with a message naming the dataset
 * (storage full included); the previous contents are then unchanged.
 */
export async function saveDataset(
  info: DatasetInfo,
  pictures: StoredPictures,
  opts: { replace?: boolean } = {},
): Promise<void> {
  const [h, w, c] = info.inputShape;
  const size = h * w * c;
  const count = pictures.labels.length;
  if (isBuiltinDataset(info.id))
    throw new DatasetStorageError(t('data.store.builtinName', { name: info.id }));
  if (pictures.images.length !== count * size) {
    throw new DatasetStorageError(
      t('data.store.badShape', { name: info.name, n: count, bytes: pictures.images.length }),
    );
  }
  const db = await openDatasetDb();
  let tx: IDBTransaction | null = null;
  try {
    tx = db.transaction(['datasets', 'chunks'], 'readwrite');
    const finished = txDone(tx);
    // Settled by the abort below when a put throws; this handler keeps that from going unhandled.
    finished.catch(() => {});
    const datasets = tx.objectStore('datasets');
    const chunks = tx.objectStore('chunks');
    const existing = (await idbRequest(datasets.get(info.id))) as DatasetInfo | undefined;
    if (existing && !opts.replace) {
      tx.abort();
      await finished.catch(() => {});
      throw new DatasetStorageError(t('data.store.exists', { name: info.name }));
    }
    if (existing) chunks.delete(IDBKeyRange.bound([info.id, 0], [info.id, Number.MAX_SAFE_INTEGER]));
    datasets.put(info);
    for (let k = 0; k * CHUNK < count; k++) {
      const from = k * CHUNK;
      const to = Math.min(count, from + CHUNK);
      const row: ChunkRow = {
        id: info.id,
        chunk: k,
        // Copies: the stored rows never alias the caller's arrays.
        images: pictures.images.slice(from * size, to * size),
        labels: pictures.labels.slice(from, to),
      };
      chunks.put(row);
    }
    await finished;
  } catch (err) {
    // A put that threw (e.g. storage full) must not let the puts before it commit: all or nothing.
    try {
      tx?.abort();
    } catch {
      // Already finished or aborted: nothing was committed by this call in that case either.
    }
    if (err instanceof DatasetStorageError) throw err;
    const full = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new DatasetStorageError(
      full
        ? t('data.store.full', { name: info.name })
        : t('data.store.failed', {
            name: info.name,
            reason: err instanceof Error ? err.message : String(err),
          }),
      { cause: err },
    );
  } finally {
    db.close();
  }
}

/** A stored dataset's description and pictures (new arrays the caller owns), or null if there is none. */
export async function loadStoredDataset(
  id: string,
): Promise<{ info: DatasetInfo; pictures: StoredPictures } | null> {
  const db = await openDatasetDb();
  try {
    const tx = db.transaction(['datasets', 'chunks']);
    const info = (await idbRequest(tx.objectStore('datasets').get(id))) as DatasetInfo | undefined;
    if (!info) return null;
    const rows = (await idbRequest(
      tx.objectStore('chunks').getAll(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])),
    )) as ChunkRow[];
    rows.sort((a, b) => a.chunk - b.chunk);
    const count = rows.reduce((n, r) => n + r.labels.length, 0);
    const size = info.inputShape[0] * info.inputShape[1] * info.inputShape[2];
    const images = new Uint8Array(count * size);
    const labels = new Uint8Array(count);
    let at = 0;
    for (const r of rows) {
      images.set(r.images, at * size);
      labels.set(r.labels, at);
      at += r.labels.length;
    }
    return { info, pictures: { images, labels } };
  } finally {
    db.close();
  }
}

/** Deletes a stored dataset (description and pictures) in one transaction. */
export async function deleteStoredDataset(id: string): Promise<void> {
  const db = await openDatasetDb();
  try {
    const tx = db.transaction(['datasets', 'chunks'], 'readwrite');
    const finished = txDone(tx);
    tx.objectStore('datasets').delete(id);
    tx.objectStore('chunks').delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
    await finished;
  } finally {
    db.close();
  }
}
