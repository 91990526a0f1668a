import { useCallback, useEffect, useMemo, useRef } from 'react';
import { CONV_DEFAULTS, encodeConvParams, parseConvParams, type ConvSettings } from '../../state/convParams';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';

/**
 * The area's settings, read from the URL hash. A bad value keeps the last good one (so a mistyped
 * link loses nothing) and is reported in `urlErrors` until the next change rewrites the URL.
 */
export function useConvSettings(area: 'convolution' | 'pooling') {
  const { params } = useHashRoute();
  const setParams = useSetHashParams(area);
  const lastGood = useRef<ConvSettings>(CONV_DEFAULTS);
  const query = params.toString();
  const parsed = useMemo(() => parseConvParams(new URLSearchParams(query), lastGood.current), [query]);
  useEffect(() => {
    lastGood.current = parsed.settings;
  }, [parsed]);
  const current = useRef(parsed.settings);
  current.current = parsed.settings;
  const update = useCallback(
    (patch: Partial<ConvSettings>, opts?: { push?: boolean }) =>
      setParams(encodeConvParams({ ...current.current, ...patch }, area), opts),
    [setParams, area],
  );
  return { settings: parsed.settings, urlErrors: parsed.errors, update };
}
