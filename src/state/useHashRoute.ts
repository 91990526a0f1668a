import { useCallback, useSyncExternalStore } from 'react';
import { formatHash, isPresenting, parseHash, type Area, type HashRoute } from './hashRoute';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/** The current route, re-rendering on every hash change (back/forward buttons included). */
export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseHash(hash);
}

// The last hash parsed for selectors: every subscriber reads the same hash after a change, so it is
// parsed once per change, not once per selector.
let parsed: { hash: string; route: HashRoute } | null = null;
function currentRoute(): HashRoute {
  const hash = getHash();
  if (parsed?.hash !== hash) parsed = { hash, route: parseHash(hash) };
  return parsed.route;
}

/**
 * One value read from the route, re-rendering only when that value changes (`Object.is`), so `select`
 * must return a primitive or a value it keeps. The shell reads its area and presentation flag this
 * way: a slider writing an area's own settings into the link re-renders that area (which reads
 * `useHashRoute`), not the app bar, the status bar and the dialogs around it.
 */
export function useHashSelector<T>(select: (route: HashRoute) => T): T {
  const read = () => select(currentRoute());
  return useSyncExternalStore(subscribe, read, read);
}

/** The route's area; for `useHashSelector`. */
export const selectArea = (route: HashRoute): Area => route.area;
/** Whether the link asks for presentation mode (`present=1`); for `useHashSelector`. */
export const selectPresenting = (route: HashRoute): boolean => isPresenting(route.params);

/**
 * Returns a setter that writes an area's params into the hash. `replace` (the default) keeps the
 * history clean while a slider moves; pass `{push: true}` for steps a user would want "Back" to undo.
 */
export function useSetHashParams(
  area: Area,
): (params: URLSearchParams, opts?: { push?: boolean; ownsPresent?: boolean }) => void {
  return useCallback(
    (params, opts) => {
      // `present` belongs to the app, not to the area: an area writing its own settings keeps it.
      // Learn sets `present` itself in every link it writes (it leaves presentation with Escape), so
      // it says `ownsPresent` and its params are taken as they are.
      if (
        !opts?.ownsPresent &&
        isPresenting(parseHash(window.location.hash).params) &&
        !params.has('present')
      ) {
        params = new URLSearchParams(params);
        params.set('present', '1');
      }
      const next = formatHash(area, params);
      if (next === window.location.hash) return;
      if (opts?.push) {
        window.location.hash = next;
      } else {
        window.history.replaceState(null, '', next);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    },
    [area],
  );
}
