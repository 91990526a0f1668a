import { builtinDataPath, loadBuiltinSplit, type BuiltinDatasetId, type MnistSet } from '../engine';
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
