/**
 * The Draw area's settings in the URL hash (`#/draw?brush=20&filter=3&channel=auto`), so a teacher's
 * link opens with the same brush, the same "what if" filter and the same conv2 explorer channel.
 * Bad or missing values fall back to the defaults (a link never breaks the page).
 */

export type ConvChannel = 'auto' | number;

export type DrawParams = {
  /** Pen width in canvas pixels (the canvas is 280×280). */
  brush: number;
  /** Which conv1 filter the "what if" panel edits, 0-based. */
  filter: number;
  /** Which pool1 map a click on a conv2 map sends to the explorer ('auto' = the one the filter weighs most). */
  channel: ConvChannel;
};

export const BRUSH_MIN = 6;
export const BRUSH_MAX = 40;
export const DRAW_DEFAULTS: DrawParams = { brush: 26, filter: 0, channel: 'auto' };

function intIn(value: string | null, lo: number, hi: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= lo && n <= hi ? n : null;
}

export function parseDrawParams(params: URLSearchParams, filters = 6): DrawParams {
  const channel = intIn(params.get('channel'), 1, 64);
  return {
    brush: intIn(params.get('brush'), BRUSH_MIN, BRUSH_MAX) ?? DRAW_DEFAULTS.brush,
    filter: (intIn(params.get('filter'), 1, filters) ?? DRAW_DEFAULTS.filter + 1) - 1,
    channel: channel === null ? 'auto' : channel - 1,
  };
}

/** Only non-default values go in the URL; the filter and channel are 1-based there, as on screen. */
export function drawParamsToSearch(p: DrawParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.brush !== DRAW_DEFAULTS.brush) out.set('brush', String(p.brush));
  if (p.filter !== DRAW_DEFAULTS.filter) out.set('filter', String(p.filter + 1));
  if (p.channel !== 'auto') out.set('channel', String(p.channel + 1));
  return out;
}
