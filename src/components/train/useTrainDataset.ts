import { useMemo, useRef } from 'react';
import { builtinDataset, isBuiltinDataset, type DatasetInfo } from '../../engine/data/datasets';
import { DEFAULT_DATASET, parseDatasetParam } from '../../state/datasetParam';
import { useStoredDatasets } from '../../state/storedDatasets';

const NONE: readonly DatasetInfo[] = [];

/**
 * The Train area's dataset from its `dataset=` link value: a built-in one or one kept in this browser.
 * An unknown value keeps the dataset the page had (a ref, so it survives re-renders) and returns the
 * message saying so. `dataset` is null while the stored datasets are still being read.
 */
export function useTrainDataset(raw: string | null): {
  dataset: string | null;
  info: DatasetInfo;
  error: string | null;
} {
  const previous = useRef<string>(DEFAULT_DATASET);
  const value = raw?.trim() ?? '';
  // Only a name that is not built in needs the list from IndexedDB.
  const { list } = useStoredDatasets();
  const stored = value === '' || isBuiltinDataset(value) ? NONE : list;
  const parsed = useMemo(() => parseDatasetParam(raw, previous.current, stored), [raw, stored]);
  if (parsed.dataset !== null) previous.current = parsed.dataset;
  const shown = parsed.dataset ?? previous.current;
  const info = useMemo(() => {
    if (isBuiltinDataset(shown)) return builtinDataset(shown);
    return list?.find((d) => d.id === shown) ?? builtinDataset(DEFAULT_DATASET);
  }, [shown, list]);
  return { dataset: parsed.dataset, info, error: parsed.error };
}
