/**
 * Strict readers for numbers and options in a link (`#/train?batch=64`, `#/draw?brush=20`, lesson
 * links), and the one sentence that reports a refused value. Strict on purpose: `Number()` reads
 * `0x10` as 16, `1e3` as 1000, `' 8 '` as 8 and `''` as 0, so a mistyped or tampered link would
 * silently change a setting. Here only plain decimal text is a number; anything else is named back to
 * the person with the value that was kept instead.
 */
import { t } from '../i18n';

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;
const WHOLE = /^-?\d+$/;

/** A link's text, cut short: a value can be 100,000 characters long and must not widen the page. */
export const clipRaw = (raw: string): string => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

export type LinkRead<T> = { ok: true; value: T } | { ok: false; why: string };

/** A plain decimal number in [lo, hi] (`whole`: no fraction). */
export function readNumber(
  key: string,
  raw: string,
  lo: number,
  hi: number,
  whole: boolean,
): LinkRead<number> {
  const shown = clipRaw(raw);
  const text = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));
  const vars = { key, raw: shown, lo: text(lo), hi: text(hi) };
  if (!DECIMAL.test(raw)) return { ok: false, why: t('engine.link.notNumber', vars) };
  if (whole && !WHOLE.test(raw)) return { ok: false, why: t('engine.link.notWhole', vars) };
  const v = Number(raw);
  if (!Number.isFinite(v) || v < lo || v > hi) return { ok: false, why: t('engine.link.outOfRange', vars) };
  return { ok: true, value: v };
}

/** One of `options`, exactly as written. */
export function readOption<T extends string>(key: string, raw: string, options: readonly T[]): LinkRead<T> {
  return (options as readonly string[]).includes(raw)
    ? { ok: true, value: raw as T }
    : { ok: false, why: t('engine.link.notOption', { key, raw: clipRaw(raw), options: options.join(', ') }) };
}

/** The message for a refused link value: what is wrong, and which value was kept. */
export function linkProblem(why: string, kept: string | number | boolean): string {
  return t('engine.link.kept', { problem: why, kept: String(kept) });
}
