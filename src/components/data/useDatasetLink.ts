import { useMemo, useState } from 'react';
import type { DatasetInfo } from '../../engine';
import { DEFAULT_DATASET, parseDatasetParam } from '../../state/datasetParam';
import { useHashRoute } from '../../state/useHashRoute';

/**
 * The Data area's `dataset=` link, at a desk and presented alike: `chosen` is the set it names (a
 * built-in id or a stored set's), or the last good one while the value is refused (`error` then names
 * the value and the set kept) or while the stored sets are still being read. `linked` is false when
 * the link names no set at all (plain `#/data`).
 */
export function useDatasetLink(stored: readonly DatasetInfo[] | null): {
  chosen: string;
  error: string | null;
  linked: boolean;
} {
  const raw = useHashRoute().params.get('dataset');
  // The last good choice: kept (and named) when the link's value is refused.
  const [kept, setKept] = useState<string>(DEFAULT_DATASET);
  const parsed = useMemo(() => parseDatasetParam(raw, kept, stored), [raw, kept, stored]);
  // Null while the stored sets are read (a stored set's id): the set shown before stays meanwhile.
  const chosen = parsed.dataset ?? kept;
  if (chosen !== kept && !parsed.error) setKept(chosen);
  return { chosen, error: parsed.error, linked: raw !== null && parsed.dataset !== null };
}
