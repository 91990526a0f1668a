/**
 * Writing a big dataset into the browser a chunk at a time, all or nothing. An import cannot hold
 * 5,000 pictures and write them in one transaction without holding them all in memory, so it writes
 * each chunk of CHUNK pictures as soon as it is full, as a *staged* row that no one reads (the dataset
 * has no description yet, and listing and loading go by descriptions). Each staged row keeps both
 * sizes of its pictures, 28×28 grey and 32×32 colour, because whether the set has colour is only known
 * at the end. `commit` then, in ONE transaction, keeps the chosen size in every row and adds the
 * description: the dataset appears complete or not at all. `rollback` (cancel, error, storage full)
 * deletes the staged rows. Rows left by a closed tab are deleted by the next writer opened, but never
 * those of an import another tab is still running (importLocks.ts).
 * Framework-free; uses only `indexedDB`.
 */
import { t } from '../../i18n';
import { isBuiltinDataset, type DatasetInfo } from './datasets';
import { COLOUR_SHAPE, GREY_SHAPE } from './datasetPixels';
import { CHUNK, DatasetStorageError, idbRequest, openDatasetDb, txDone } from './datasetStore';
import { importsRunningNow, takeImportLock } from './importLocks';

type StagedRow = {
  id: string;
  chunk: number;
  images: Uint8Array;
  labels: Uint8Array;
  /** The same pictures at 32×32×3; dropped at commit. Present only while staged. */
  colour?: Uint8Array;
};

const GREY_SIZE = GREY_SHAPE[0] * GREY_SHAPE[1] * GREY_SHAPE[2];
const COLOUR_SIZE = COLOUR_SHAPE[0] * COLOUR_SHAPE[1] * COLOUR_SHAPE[2];

/**
 * Browser storage an import of `pictures` pictures takes at its largest (both sizes staged), with a
 * margin for IndexedDB's own bookkeeping: what must be free before starting.
 */
export function stagingBytes(pictures: number): number {
  return Math.ceil(pictures * (GREY_SIZE + COLOUR_SIZE + 1) * 1.25) + 100_000;
}

/** How many pictures an import can take with `freeBytes` of browser storage free (stagingBytes inverted). */
export function picturesThatFit(freeBytes: number): number {
  return Math.max(0, Math.floor((freeBytes - 100_000) / ((GREY_SIZE + COLOUR_SIZE + 1) * 1.25)));
}

export type DatasetWriter = {
  /** Pictures added so far. */
  readonly count: number;
  /** Adds one picture at both sizes; writes a chunk when CHUNK are waiting. Copies nothing it keeps. */
  add: (grey: Uint8Array, colour: Uint8Array, label: number) => Promise<void>;
  /** Writes what is waiting, keeps one size, adds `info`; all in one transaction. Throws DatasetStorageError. */
  commit: (info: DatasetInfo) => Promise<void>;
  /** Deletes everything this writer staged. Never throws. */
  rollback: () => Promise<void>;
};

function storageError(name: string, err: unknown): DatasetStorageError {
  if (err instanceof DatasetStorageError) return err;
  const full = err instanceof DOMException && err.name === 'QuotaExceededError';
  return new DatasetStorageError(
    full
      ? t('data.store.full', { name })
      : t('data.store.failed', { name, reason: err instanceof Error ? err.message : String(err) }),
    { cause: err },
  );
}

const rowsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

/**
 * Deletes chunk rows that belong to no stored dataset (an import whose tab was closed part way).
 * Reads keys only. `keep`: ids whose rows must stay (imports other tabs are running).
 */
async function sweepOrphanRows(db: IDBDatabase, keep: ReadonlySet<string>): Promise<void> {
  const tx = db.transaction(['datasets', 'chunks'], 'readwrite');
  const finished = txDone(tx);
  const ids = new Set((await idbRequest(tx.objectStore('datasets').getAllKeys())).map(String));
  const keys = (await idbRequest(tx.objectStore('chunks').getAllKeys())) as [string, number][];
  const orphans = new Set(keys.map((k) => k[0]).filter((id) => !ids.has(id) && !keep.has(id)));
  for (const id of orphans) tx.objectStore('chunks').delete(rowsOf(id));
  await finished;
}

/**
 * Opens a writer for a new dataset `id` (refused: a built-in name, or one already stored). Throws
 * DatasetStorageError naming it. The caller must end with `commit` or `rollback`.
 */
export async function openDatasetWriter(id: string): Promise<DatasetWriter> {
  if (isBuiltinDataset(id)) throw new DatasetStorageError(t('data.store.builtinName', { name: id }));
  const unlock = await takeImportLock(id);
  if (!unlock) throw new DatasetStorageError(t('data.store.importing', { name: id }));
  let db: IDBDatabase | null = null;
  try {
    db = await openDatasetDb();
    const existing = await idbRequest(db.transaction('datasets').objectStore('datasets').getKey(id));
    if (existing !== undefined) throw new DatasetStorageError(t('data.store.exists', { name: id }));
    // Rows of an earlier attempt at this very name are orphans too (this tab holds its lock now).
    const running = await importsRunningNow();
    running.delete(id);
    await sweepOrphanRows(db, running);
  } catch (err) {
    db?.close();
    unlock();
    throw storageError(id, err);
  }
  return stagedWriter(db, id, unlock);
}

/** The writer itself, on an open database, holding this import's lock until commit or rollback. */
function stagedWriter(db: IDBDatabase, id: string, unlock: () => void): DatasetWriter {
  let grey = new Uint8Array(CHUNK * GREY_SIZE);
  let colour = new Uint8Array(CHUNK * COLOUR_SIZE);
  let labels = new Uint8Array(CHUNK);
  let waiting = 0;
  let chunks = 0;
  let count = 0;
  let closed = false;

  async function flush(): Promise<void> {
    if (waiting === 0) return;
    const row: StagedRow = {
      id,
      chunk: chunks,
      images: grey.subarray(0, waiting * GREY_SIZE),
      labels: labels.subarray(0, waiting),
      colour: colour.subarray(0, waiting * COLOUR_SIZE),
    };
    const tx = db.transaction('chunks', 'readwrite');
    const finished = txDone(tx);
    finished.catch(() => {});
    try {
      tx.objectStore('chunks').put(row);
    } catch (err) {
      // A put can throw at once (storage full in some browsers): the transaction writes nothing.
      try {
        tx.abort();
      } catch {
        // Already aborted.
      }
      throw err;
    }
    await finished;
    chunks++;
    waiting = 0;
    // Fresh buffers: the stored row was cloned, but never reuse memory a pending write might read.
    grey = new Uint8Array(CHUNK * GREY_SIZE);
    colour = new Uint8Array(CHUNK * COLOUR_SIZE);
    labels = new Uint8Array(CHUNK);
  }

  const close = () => {
    if (!closed) db.close();
    closed = true;
    unlock();
  };

  return {
    get count() {
      return count;
    },
    async add(g, c, label) {
      if (g.length !== GREY_SIZE || c.length !== COLOUR_SIZE) {
        throw new DatasetStorageError(
          t('data.store.badShape', { name: id, n: 1, bytes: g.length + c.length }),
        );
      }
      grey.set(g, waiting * GREY_SIZE);
      colour.set(c, waiting * COLOUR_SIZE);
      labels[waiting] = label;
      waiting++;
      count++;
      if (waiting === CHUNK) {
        try {
          await flush();
        } catch (err) {
          throw storageError(id, err);
        }
      }
    },
    async commit(info) {
      try {
        await flush();
        const useColour = info.inputShape[2] === 3;
        const tx = db.transaction(['datasets', 'chunks'], 'readwrite');
        const finished = txDone(tx);
        finished.catch(() => {});
        const datasets = tx.objectStore('datasets');
        if ((await idbRequest(datasets.getKey(info.id))) !== undefined) {
          tx.abort();
          throw new DatasetStorageError(t('data.store.exists', { name: info.name }));
        }
        // One row at a time through a cursor: memory holds one chunk, not the dataset.
        let rows = 0;
        let pictures = 0;
        await new Promise<void>((resolve, reject) => {
          const req = tx.objectStore('chunks').openCursor(rowsOf(id));
          req.onerror = () => reject(req.error ?? new Error('IndexedDB cursor failed'));
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) return resolve();
            const row = cursor.value as StagedRow;
            rows++;
            pictures += row.labels.length;
            const images = useColour ? row.colour : row.images;
            cursor.update({ id, chunk: row.chunk, images: images ?? row.images, labels: row.labels });
            cursor.continue();
          };
        });
        // Another tab may have swept this import's rows as orphans: then refuse, never store half.
        if (rows !== chunks || pictures !== count) {
          tx.abort();
          throw new DatasetStorageError(
            t('data.store.failed', { name: info.name, reason: `${pictures} of ${count} pictures written` }),
          );
        }
        datasets.put(info);
        await finished;
        close();
      } catch (err) {
        throw storageError(info.name, err);
      }
    },
    async rollback() {
      if (closed) return;
      try {
        const tx = db.transaction('chunks', 'readwrite');
        const finished = txDone(tx);
        tx.objectStore('chunks').delete(rowsOf(id));
        await finished;
      } catch {
        // The next writer's sweep deletes what is left (rows without a description).
      } finally {
        close();
      }
    },
  };
}
