/**
 * The URL hash is the single source of truth for where the user is and how every control is set:
 * `#/<area>?<key>=<value>&...`. Any state is therefore a link a teacher can share.
 */
export const AREAS = ['home', 'learn', 'convolution', 'pooling', 'train', 'draw', 'explain', 'data'] as const;
export type Area = (typeof AREAS)[number];

export type HashRoute = { area: Area; params: URLSearchParams };

/** The areas in the navigation bar, in the order of the learning path: lessons first. */
export const NAV_AREAS = [
  'learn',
  'convolution',
  'pooling',
  'train',
  'draw',
  'explain',
  'data',
] as const satisfies readonly Area[];

/** `#/` (and a hash naming no area) is the home page. */
export const DEFAULT_AREA: Area = 'home';

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}

/** Parses `#/train?epochs=3` into its area and query. Unknown areas fall back to the default area. */
export function parseHash(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = (q === -1 ? body : body.slice(0, q)).replace(/\/+$/, '');
  const query = q === -1 ? '' : body.slice(q + 1);
  return { area: isArea(path) ? path : DEFAULT_AREA, params: new URLSearchParams(query) };
}

/** Presentation mode (`present=1` in any link): one reading of the key for the shell and every area. */
export function isPresenting(params: URLSearchParams): boolean {
  return params.get('present') === '1';
}

export function formatHash(area: Area, params?: URLSearchParams | Record<string, string>): string {
  const search = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  const query = search.toString();
  return `#/${area}${query ? `?${query}` : ''}`;
}
