/**
 * The `compare` key of a Train link: `#/train?compare=<run id>,<run id>,…` shows those kept runs side
 * by side. Strict like every link value (see linkValues.ts): run ids only (`r` + 6–16 small letters and
 * digits), 1 to `MAX_COMPARED` of them, none twice; anything else is named back and the comparison
 * shown before stays.
 */
import { RUN_ID } from '../engine/runs/runRecord';
import { t } from '../i18n';
import { clipRaw, linkProblem, type LinkRead } from './linkValues';

/** More lines than this on one chart stop being readable, even with line styles and markers. */
export const MAX_COMPARED = 6;

/** Reads the run ids of a `compare` value, in the link's order. */
export function readCompare(raw: string): LinkRead<string[]> {
  if (raw.trim() === '') return { ok: false, why: t('compare.link.empty') };
  const parts = raw.split(',');
  if (parts.length > MAX_COMPARED)
    return { ok: false, why: t('compare.link.tooMany', { n: parts.length, max: MAX_COMPARED }) };
  const seen = new Set<string>();
  for (const part of parts) {
    if (!RUN_ID.test(part)) return { ok: false, why: t('compare.link.badId', { part: clipRaw(part) }) };
    if (seen.has(part)) return { ok: false, why: t('compare.link.twice', { id: part }) };
    seen.add(part);
  }
  return { ok: true, value: parts };
}

/** The `compare` value for these ids (the reader reads it back to the same list). */
export function formatCompare(ids: readonly string[]): string {
  return ids.join(',');
}

/**
 * The comparison a link asks for: its ids (none when the key is absent), or `previous` and the
 * message when the value is refused.
 */
export function parseCompareParam(
  raw: string | null,
  previous: readonly string[],
): { ids: string[]; error: string | null } {
  if (raw === null) return { ids: [], error: null };
  const r = readCompare(raw);
  if (r.ok) return { ids: r.value, error: null };
  return {
    ids: [...previous],
    error: previous.length ? linkProblem(r.why, formatCompare(previous)) : r.why,
  };
}
