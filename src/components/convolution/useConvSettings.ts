import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ConvParams } from '../../engine';
import {
  CONV_DEFAULTS,
  encodeConvParams,
  parseConvParams,
  type ConvSettings,
  type ImageSource,
} from '../../state/convParams';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';

/** The convolution's own numbers among the settings: stride, padding, dilation, bias, activation. */
export function convParamsOf(
  s: Pick<ConvSettings, 'stride' | 'padding' | 'dilation' | 'bias' | 'activation'>,
): ConvParams {
  return {
    stride: s.stride,
    padding: s.padding,
    dilation: s.dilation,
    bias: s.bias,
    activation: s.activation,
  };
}

/**
 * The area's settings, read from the URL hash. A bad value keeps the last good one (so a mistyped
 * link loses nothing) and is reported in `urlErrors` until the next change rewrites the URL.
 */
export function useConvSettings(area: 'convolution' | 'pooling') {
  const { params } = useHashRoute();
  const setParams = useSetHashParams(area);
  const lastGood = useRef<ConvSettings>(CONV_DEFAULTS);
  const query = params.toString();
  const parsed = useMemo(() => {
    const next = parseConvParams(new URLSearchParams(query), lastGood.current);
    return { ...next, settings: keepUnchanged(lastGood.current, next.settings) };
  }, [query]);
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

const sameNumbers = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);

function sameImage(a: ImageSource, b: ImageSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'custom' && b.kind === 'custom')
    return a.w === b.w && a.h === b.h && a.c === b.c && sameNumbers(a.values, b.values);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every URL change parses the whole query again, which makes new image, kernel and filter objects
 * even when their text did not change. Reusing the previous objects then lets memoised panels (and
 * `useMemo`s keyed on them) skip work when only, say, the bias moved.
 */
function keepUnchanged(prev: ConvSettings, next: ConvSettings): ConvSettings {
  const out = { ...next };
  if (sameImage(prev.image, next.image)) out.image = prev.image;
  if (prev.kernel && next.kernel && sameNumbers(prev.kernel, next.kernel)) out.kernel = prev.kernel;
  if (JSON.stringify(prev.filters) === JSON.stringify(next.filters)) out.filters = prev.filters;
  return out;
}
