import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * Whether the CSS media query matches now, kept up to date (false where there is no matchMedia: jsdom).
 * One MediaQueryList and one subscription per query for the component's life: the convolution explorer's
 * settings bar (PhoneFold) re-renders on every bias change, and an inline subscribe function made React
 * unsubscribe and subscribe again, with a new `matchMedia` list, each time.
 */
export function useMediaQuery(query: string): boolean {
  const list = useMemo(
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null),
    [query],
  );
  const subscribe = useCallback(
    (onChange: () => void) => {
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(
    subscribe,
    () => list?.matches ?? false,
    () => false,
  );
}
