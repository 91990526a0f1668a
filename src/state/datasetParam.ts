/**
 * The `dataset=` link key of the Train area: `mnist` (the default), `fashion-mnist`, or later a stored
 * dataset's name. Read with the strict link readers (src/state/linkValues.ts): the value must be written
 * exactly (` mnist`, `MNIST` or an empty value are refused), and a refused one gets the message naming
 * it while the previous dataset stays.
 */
import { BUILTIN_DATASET_IDS, type BuiltinDatasetId } from '../engine/data/datasets';
import { linkProblem, readOption } from './linkValues';

export type DatasetFromLink = { dataset: BuiltinDatasetId; error: string | null };

export const DEFAULT_DATASET: BuiltinDatasetId = 'mnist';

/** Reads `dataset`; `previous` is kept (and named in the message) when the value is refused. */
export function parseDatasetParam(raw: string | null, previous: BuiltinDatasetId): DatasetFromLink {
  if (raw === null) return { dataset: DEFAULT_DATASET, error: null };
  const read = readOption('dataset', raw, BUILTIN_DATASET_IDS);
  return read.ok
    ? { dataset: read.value, error: null }
    : { dataset: previous, error: linkProblem(read.why, previous) };
}
