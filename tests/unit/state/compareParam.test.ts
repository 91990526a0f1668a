import { describe, expect, it } from 'vitest';
import { formatCompare, MAX_COMPARED, parseCompareParam, readCompare } from '../../../src/state/compareParam';

describe('compare link codec (#/train?compare=…)', () => {
  it('round trip: ids in order, written back to the same text', () => {
    const ids = ['rmik3x2a9q', 'rmik3x9zz1', 'r0000001'];
    const text = formatCompare(ids);
    expect(text).toBe('rmik3x2a9q,rmik3x9zz1,r0000001');
    expect(readCompare(text)).toEqual({ ok: true, value: ids });
    expect(new URLSearchParams(`compare=${text}`).get('compare')).toBe(text);
  });

  const refused: [string, string, RegExp][] = [
    ['empty', '', /lists no runs/],
    ['an id with capitals', 'rMIK3x2a9q,rmik3x9zz1', /“rMIK3x2a9q” is not a run id/],
    ['an id too short', 'rab,rmik3x9zz1', /“rab” is not a run id/],
    ['a script', 'rmik3x2a9q,<script>', /“<script>” is not a run id/],
    ['a path', '../runs', /is not a run id/],
    ['a trailing comma', 'rmik3x2a9q,', /“” is not a run id/],
    ['spaces', 'rmik3x2a9q, rmik3x9zz1', /is not a run id/],
    ['the same run twice', 'rmik3x2a9q,rmik3x2a9q', /run rmik3x2a9q is listed twice/],
    [
      `more than ${MAX_COMPARED}`,
      Array.from({ length: MAX_COMPARED + 1 }, (_, i) => `rrun00000${i}`).join(','),
      new RegExp(`lists ${MAX_COMPARED + 1} runs; a comparison shows at most ${MAX_COMPARED}`),
    ],
    ['100,000 characters', 'r'.repeat(100_000), /is not a run id/],
  ];
  for (const [what, raw, why] of refused) {
    it(`refused: ${what}`, () => {
      const r = readCompare(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.why).toMatch(why);
        expect(r.why.length).toBeLessThan(300);
      }
    });
  }

  it('a refused value keeps the comparison shown before and says so; no key, no comparison', () => {
    expect(parseCompareParam(null, ['rmik3x2a9q'])).toEqual({ ids: [], error: null });
    const kept = parseCompareParam('nonsense', ['rmik3x2a9q', 'rmik3x9zz1']);
    expect(kept.ids).toEqual(['rmik3x2a9q', 'rmik3x9zz1']);
    expect(kept.error).toMatch(/“nonsense” is not a run id.*Kept the previous value, rmik3x2a9q,rmik3x9zz1/);
    expect(parseCompareParam('rmik3x2a9q', [])).toEqual({ ids: ['rmik3x2a9q'], error: null });
  });
});
