import { useMemo, useRef } from 'react';
import { builtinDataset, type BuiltinDatasetId, type DatasetInfo } from '../../engine/data/datasets';
import { DEFAULT_DATASET, parseDatasetParam } from '../../state/datasetParam';

/**
 * The Train area's dataset from its `dataset=` link value. An unknown value keeps the dataset the page
 * had (a ref, so it survives re-renders) and returns the message saying so.
 */
export function useTrainDataset(raw: string | null): {
  dataset: BuiltinDatasetId;
  info: DatasetInfo;
  error: string | null;
} {
  const previous = useRef<BuiltinDatasetId>(DEFAULT_DATASET);
  const parsed = useMemo(() => parseDatasetParam(raw, previous.current), [raw]);
  previous.current = parsed.dataset;
  const info = useMemo(() => builtinDataset(parsed.dataset), [parsed.dataset]);
  return { dataset: parsed.dataset, info, error: parsed.error };
}
