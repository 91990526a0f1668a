import { useCallback, useMemo, useRef, useEffect } from 'react';
import {
  EXPLAIN_DEFAULTS,
  encodeExplainParams,
  parseExplainParams,
  type ExplainSettings,
} from '../../state/explainParams';
import { useStoredDatasets } from '../../state/storedDatasets';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';

/**
 * Explain's settings, read from the URL hash. A bad value keeps the last good one and is reported in
 * `urlErrors` until the next change rewrites the URL (the explorers' behaviour).
 */
export function useExplainSettings() {
  const { params } = useHashRoute();
  const setParams = useSetHashParams('explain');
  const lastGood = useRef<ExplainSettings>(EXPLAIN_DEFAULTS);
  const { list: stored } = useStoredDatasets();
  const query = params.toString();
  // Read again when the stored list arrives: a `test:<i>&dataset=<name>` link waits for it.
  const parsed = useMemo(() => {
    const next = parseExplainParams(new URLSearchParams(query), lastGood.current, stored);
    const prev = lastGood.current;
    // Same picture → same object, so effects keyed on it do not run again.
    const image =
      JSON.stringify(prev.image) === JSON.stringify(next.settings.image) ? prev.image : next.settings.image;
    return { ...next, settings: { ...next.settings, image } };
  }, [query, stored]);
  useEffect(() => {
    lastGood.current = parsed.settings;
  }, [parsed]);
  const current = useRef(parsed.settings);
  current.current = parsed.settings;
  const update = useCallback(
    (patch: Partial<ExplainSettings>, opts?: { push?: boolean }) =>
      setParams(encodeExplainParams({ ...current.current, ...patch }), opts),
    [setParams],
  );
  return { settings: parsed.settings, urlErrors: parsed.errors, update, stored };
}
