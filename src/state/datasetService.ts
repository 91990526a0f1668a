import {
  builtinDataPath,
  isBuiltinDataset,
  loadBuiltinSplit,
  loadStoredDataset,
  storedTrainTest,
  type BuiltinDatasetId,
  type MnistSet,
} from '../engine';
import { getMnist } from './mnistService';

/**
 * The test split of a built-in dataset for the page's galleries and pickers, loaded once (memoised).
 * MNIST comes from mnistService (the status bar's copy); the others are fetched here. Read-only arrays.
 */
const pending = new Map<BuiltinDatasetId, Promise<MnistSet>>();

export function getBuiltinTestSet(id: BuiltinDatasetId): Promise<MnistSet> {
  if (id === 'mnist') return getMnist('test');
  const existing = pending.get(id);
  if (existing) return existing;
  const baseUrl = new URL(`${import.meta.env.BASE_URL}${builtinDataPath(id)}`, window.location.href).href;
  const promise = loadBuiltinSplit('test', { baseUrl });
  pending.set(id, promise);
  // After a failure the next call tries again.
  promise.catch(() => pending.delete(id));
  return promise;
}

/** Seed of the held-out split of a stored dataset shown by Try it and Explain: Train's default seed. */
export const STORED_SPLIT_SEED = 1;

/**
 * The test split of any dataset: a built-in one's fixed split, a stored one's split by Train's default
 * seed (pictures a default run never saw). Rejects with the name when no such dataset is stored.
 */
export async function getTestSet(dataset: string): Promise<MnistSet> {
  if (isBuiltinDataset(dataset)) return getBuiltinTestSet(dataset);
  const stored = await loadStoredDataset(dataset);
  if (!stored) throw new Error(dataset);
  return storedTrainTest(stored.info, stored.pictures, STORED_SPLIT_SEED).test;
}
