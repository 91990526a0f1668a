/**
 * The `dataset=` link key of the Train area: `mnist` (the default), `fashion-mnist`, or the name of a
 * dataset kept in this browser. A value no dataset answers to gets a message naming it, and the previous
 * one stays.
 */
import { BUILTIN_DATASET_IDS, isBuiltinDataset } from '../engine/data/datasets';
import type { DatasetInfo } from '../engine/data/datasets';
import { t } from '../i18n';

/** `dataset` is null while the stored datasets are still being read (nothing to load yet). */
export type DatasetFromLink = { dataset: string | null; error: string | null };

export const DEFAULT_DATASET = 'mnist';

/**
 * Reads `dataset`; `previous` is kept (and named in the message) when the value is unknown. `stored`
 * lists the datasets kept in this browser (null while they are being read).
 */
export function parseDatasetParam(
  raw: string | null,
  previous: string,
  stored: readonly Pick<DatasetInfo, 'id'>[] | null = [],
): DatasetFromLink {
  if (raw === null || raw.trim() === '') return { dataset: DEFAULT_DATASET, error: null };
  const value = raw.trim();
  if (isBuiltinDataset(value)) return { dataset: value, error: null };
  if (stored === null) return { dataset: null, error: null };
  if (stored.some((d) => d.id === value)) return { dataset: value, error: null };
  return {
    dataset: previous,
    error: t('data.trainParam.unknown', {
      value: value.length > 60 ? `${value.slice(0, 60)}…` : value,
      known: [...BUILTIN_DATASET_IDS, ...stored.map((d) => d.id)].join(', '),
      kept: previous,
    }),
  };
}
