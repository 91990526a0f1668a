/**
 * The runs kept in this browser (IndexedDB), for comparing them and restoring one. One database, two
 * stores: `runs` (each run's summary, keyed by id: what the list and the comparison read) and
 * `weights` (its weights, keyed by the same id: read only to restore). A run is written or deleted in
 * ONE transaction over both, so a summary never outlives its weights. At most `MAX_RUNS` are kept: a
 * new run beyond that is refused with a message saying so (old runs are never deleted behind the
 * student's back). Framework-free; uses only `indexedDB`.
 */
import { t } from '../../i18n';
import {
  checkRunRecord,
  checkRunSummary,
  checkRunWeights,
  RunRecordError,
  type RunRecord,
  type RunSummary,
  type RunWeights,
} from './runRecord';

export const RUNS_DB = 'cnn-studio-runs';
const DB_VERSION = 1;
/** Enough for a lesson's experiments and a week of a student's own; each run is ~0.1–1 MB. */
export const MAX_RUNS = 20;

/** Storing or reading failed; `message` says why in plain words. What was stored before is unchanged. */
export class RunStorageError extends Error {
  override name = 'RunStorageError';
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(): Promise<IDBDatabase> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return Promise.reject(new RunStorageError(t('compare.store.noStorage')));
  const req = idb.open(RUNS_DB, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('weights')) db.createObjectStore('weights');
  };
  return request(req).catch((err: unknown) => {
    throw new RunStorageError(t('compare.store.noStorage'), { cause: err });
  });
}

/**
 * Stores a run (summary and weights, all or nothing). Throws RunRecordError when the record is not a
 * run (naming the field), RunStorageError when `MAX_RUNS` are already kept, the id is taken, or the
 * browser refuses (storage full included). The caller keeps ownership of `record`; copies are stored.
 */
export async function saveRun(record: RunRecord): Promise<void> {
  const checked = checkRunRecord(record);
  const { weights, ...summary } = checked;
  const db = await open();
  let tx: IDBTransaction | null = null;
  try {
    tx = db.transaction(['runs', 'weights'], 'readwrite');
    const finished = done(tx);
    finished.catch(() => {});
    const runs = tx.objectStore('runs');
    const [count, existing] = await Promise.all([request(runs.count()), request(runs.getKey(summary.id))]);
    if (existing !== undefined) throw new RunStorageError(t('compare.store.exists', { id: summary.id }));
    if (count >= MAX_RUNS) throw new RunStorageError(t('compare.store.full', { max: MAX_RUNS }));
    runs.put(summary);
    tx.objectStore('weights').put(weights, summary.id);
    await finished;
  } catch (err) {
    try {
      tx?.abort();
    } catch {
      // Already finished or aborted: nothing of this call was committed then either.
    }
    if (err instanceof RunStorageError) throw err;
    const full = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new RunStorageError(
      full
        ? t('compare.store.quota')
        : t('compare.store.failed', { reason: err instanceof Error ? err.message : String(err) }),
      { cause: err },
    );
  } finally {
    db.close();
  }
}

/**
 * Every stored run's summary, oldest first, and how many stored records were refused as damaged
 * (they are left alone: `deleteRun` removes one by its id). New objects the caller owns.
 */
export async function listRuns(): Promise<{ runs: RunSummary[]; unreadable: number }> {
  const db = await open();
  try {
    const all = (await request(db.transaction('runs').objectStore('runs').getAll())) as unknown[];
    const runs: RunSummary[] = [];
    let unreadable = 0;
    for (const raw of all) {
      try {
        runs.push(checkRunSummary(raw));
      } catch (err) {
        if (!(err instanceof RunRecordError)) throw err;
        unreadable++;
      }
    }
    runs.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
    return { runs, unreadable };
  } finally {
    db.close();
  }
}

/**
 * One run with its weights, or null when no run has this id. Throws RunRecordError when what is
 * stored is damaged (naming the field). New objects the caller owns.
 */
export async function loadRun(id: string): Promise<RunRecord | null> {
  const db = await open();
  try {
    const tx = db.transaction(['runs', 'weights']);
    const [summary, weights] = await Promise.all([
      request<unknown>(tx.objectStore('runs').get(id)),
      request<unknown>(tx.objectStore('weights').get(id)),
    ]);
    if (summary === undefined) return null;
    const s = checkRunSummary(summary);
    const w: RunWeights = checkRunWeights(weights, s.params);
    return { ...s, weights: w };
  } finally {
    db.close();
  }
}

/** Deletes one run (summary and weights, in one transaction); a missing id is not an error. */
export async function deleteRun(id: string): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(['runs', 'weights'], 'readwrite');
    const finished = done(tx);
    tx.objectStore('runs').delete(id);
    tx.objectStore('weights').delete(id);
    await finished;
  } finally {
    db.close();
  }
}
