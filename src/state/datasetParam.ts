/**
 * The `dataset=` link key of the Train area: `mnist` (the default), `fashion-mnist`, or the name of a
 * dataset kept in this browser. Read with the strict link readers (src/state/linkValues.ts): the value
 * must be written exactly (` mnist`, `MNIST` or an empty value are refused), and a refused one gets the
 * message naming it while the previous dataset stays.
 */
import { BUILTIN_DATASET_IDS, isBuiltinDataset } from '../engine/data/datasets';
import type { DatasetInfo } from '../engine/data/datasets';
import { linkProblem, readOption } from './linkValues';

/** `dataset` is null while the stored datasets are still being read (nothing to load yet). */
export type DatasetFromLink = { dataset: string | null; error: string | null };

export const DEFAULT_DATASET = 'mnist';

/**
 * Reads `dataset`; `previous` is kept (and named in the message) when the value is refused. `stored`
 * lists the datasets kept in this browser (null while they are being read).
 */
export function parseDatasetParam(
  raw: string | null,
  previous: string,
  stored: readonly Pick<DatasetInfo, 'id'>[] | null = [],
): DatasetFromLink {
  if (raw === null) return { dataset: DEFAULT_DATASET, error: null };
  if (isBuiltinDataset(raw)) return { dataset: raw, error: null };
  if (stored === null) return { dataset: null, error: null };
  const read = readOption('dataset', raw, [...BUILTIN_DATASET_IDS, ...stored.map((d) => d.id)]);
  return read.ok
    ? { dataset: read.value, error: null }
    : { dataset: previous, error: linkProblem(read.why, previous) };
}
