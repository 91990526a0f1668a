import type { Activation } from '../../engine';
import { t } from '../../i18n';

/** Numbers for people: up to 3 decimals, a true minus sign, no "-0". */
export function fmtNum(v: number, decimals = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Number(v.toFixed(decimals));
  return (Object.is(r, -0) ? 0 : r).toString().replace('-', '−');
}

/** An activation's name for people, in the current language: "ReLU". */
export function actLabel(a: Activation): string {
  return t(`conv.act.${a}`);
}

/** What padding does, in the current language. */
export const paddingWords = (): string => t('conv.paddingWords');

/**
 * What a cell of a padded map is, for the pointer read-out: a pixel of the picture (its row and column
 * counted from the picture's corner), or a padding cell of the ring of zeros around it, which has no
 * row or column of its own ("row −1, col −1" meant nothing to a student).
 */
export function paddedCell(
  row: number,
  col: number,
  pad: number,
  w: number,
  h: number,
): { kind: 'padding' } | { kind: 'pixel'; row: number; col: number } {
  const r = row - pad;
  const c = col - pad;
  return r < 0 || c < 0 || r >= h - 2 * pad || c >= w - 2 * pad
    ? { kind: 'padding' }
    : { kind: 'pixel', row: r, col: c };
}
