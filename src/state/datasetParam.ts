/**
 * The `dataset=` link key of the Train area: `mnist` (the default), `fashion-mnist`, or later a stored
 * dataset's name. A value no dataset answers to gets a message naming it, and the previous one stays.
 */
import { BUILTIN_DATASET_IDS, isBuiltinDataset, type BuiltinDatasetId } from '../engine/data/datasets';
import { t } from '../i18n';

export type DatasetFromLink = { dataset: BuiltinDatasetId; error: string | null };

export const DEFAULT_DATASET: BuiltinDatasetId = 'mnist';

/** Reads `dataset`; `previous` is kept (and named in the message) when the value is unknown. */
export function parseDatasetParam(raw: string | null, previous: BuiltinDatasetId): DatasetFromLink {
  if (raw === null || raw.trim() === '') return { dataset: DEFAULT_DATASET, error: null };
  const value = raw.trim();
  if (isBuiltinDataset(value)) return { dataset: value, error: null };
  return {
    dataset: previous,
    error: t('data.trainParam.unknown', {
      value: value.length > 60 ? `${value.slice(0, 60)}…` : value,
      known: BUILTIN_DATASET_IDS.join(', '),
      kept: previous,
    }),
  };
}
