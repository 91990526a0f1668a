/**
 * The Draw area's settings in the URL hash (`#/draw?brush=20&filter=3&channel=auto`), so a teacher's
 * link opens with the same brush, the same "what if" filter and the same conv2 explorer channel.
 * Missing values take the defaults; bad ones keep the previous value and are reported (a link never
 * breaks the page).
 */
import { linkProblem, readNumber } from './linkValues';

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

/**
 * Reads the settings; a malformed or out-of-range value keeps `prev`'s value and is reported in
 * `errors` (naming the key and the value kept), as the explorers do. `filters` is how many conv1
 * filters (and so pool1 maps) the current model has.
 */
export function readDrawParams(
  params: URLSearchParams,
  filters = 6,
  prev: DrawParams = DRAW_DEFAULTS,
): { settings: DrawParams; errors: string[] } {
  const errors: string[] = [];
  const int = (key: string, lo: number, hi: number, kept: number, fallback: number): number => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const r = readNumber(key, raw, lo, hi, true);
    if (r.ok) return r.value;
    errors.push(linkProblem(r.why, kept));
    return kept;
  };
  const brush = int('brush', BRUSH_MIN, BRUSH_MAX, prev.brush, DRAW_DEFAULTS.brush);
  // 1-based in the link, as on screen.
  const filter =
    int('filter', 1, filters, Math.min(prev.filter, filters - 1) + 1, DRAW_DEFAULTS.filter + 1) - 1;
  const rawChannel = params.get('channel');
  let channel: ConvChannel = 'auto';
  if (rawChannel !== null && rawChannel !== 'auto') {
    const keptText = prev.channel === 'auto' ? 'auto' : String(prev.channel + 1);
    const r = readNumber('channel', rawChannel, 1, filters, true);
    if (r.ok) channel = r.value - 1;
    else {
      errors.push(linkProblem(r.why, keptText));
      channel = prev.channel === 'auto' || prev.channel < filters ? prev.channel : 'auto';
    }
  }
  return { settings: { brush, filter, channel }, errors };
}

/** The settings alone (bad values keep the defaults); see `readDrawParams` for the messages. */
export function parseDrawParams(params: URLSearchParams, filters = 6): DrawParams {
  return readDrawParams(params, filters).settings;
}

/** Only non-default values go in the URL; the filter and channel are 1-based there, as on screen. */
export function drawParamsToSearch(p: DrawParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.brush !== DRAW_DEFAULTS.brush) out.set('brush', String(p.brush));
  if (p.filter !== DRAW_DEFAULTS.filter) out.set('filter', String(p.filter + 1));
  if (p.channel !== 'auto') out.set('channel', String(p.channel + 1));
  return out;
}
