/**
 * The numbers a lesson link may set (`#/learn?lesson=…&digit=12&pos=3`), with their ranges, and the
 * check LessonPlayer runs on a link's values before any panel sees them. Why in one table: a panel that
 * gets `digit=0.5` or `n=1e9` used to index arrays with it and crash (RangeError); here each key is read
 * strictly once, and a bad value is named to the person with the value that stays in use.
 */
import type { PanelParams } from '../../demos/lessons/types';
import { MNIST_COUNTS } from '../../engine';
import { linkProblem, readNumber } from '../../state/linkValues';
import { t } from '../../i18n';

type NumberSpec = { lo: number; hi: number; whole: boolean };

/** Every numeric lesson parameter any panel reads with `num()`. Panels clamp further to their data. */
export const LESSON_NUMBER_PARAMS: Readonly<Record<string, NumberSpec>> = {
  digit: { lo: 0, hi: MNIST_COUNTS.test - 1, whole: true },
  pos: { lo: 0, hi: 100_000, whole: true },
  rank: { lo: 0, hi: 4, whole: true },
  n: { lo: 1, hi: 16, whole: true },
  t: { lo: -6, hi: 6, whole: false },
  in: { lo: 1, hi: 64, whole: true },
  k: { lo: 1, hi: 9, whole: true },
  s: { lo: 1, hi: 5, whole: true },
  p: { lo: 0, hi: 4, whole: true },
  d: { lo: 1, hi: 3, whole: true },
  c: { lo: 1, hi: 3, whole: true },
};

/**
 * The link's overrides with every refused number replaced by the value kept: the previous good
 * override for that key if there was one, else none (the page's own value applies). Pure.
 */
export function checkLessonOverrides(
  overrides: PanelParams,
  prev: PanelParams,
  preset: PanelParams,
): { overrides: PanelParams; errors: string[] } {
  const out: PanelParams = {};
  const errors: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const spec = LESSON_NUMBER_PARAMS[key];
    if (!spec || typeof value === 'number') {
      out[key] = value;
      continue;
    }
    const r = readNumber(key, value, spec.lo, spec.hi, spec.whole);
    if (r.ok) {
      out[key] = value;
      continue;
    }
    const kept = prev[key] ?? preset[key];
    if (prev[key] !== undefined) out[key] = prev[key];
    errors.push(linkProblem(r.why, kept ?? t('learn.linkLessonValue')));
  }
  return { overrides: out, errors };
}
