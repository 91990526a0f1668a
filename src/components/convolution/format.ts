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
