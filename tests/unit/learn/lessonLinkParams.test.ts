import { describe, expect, it } from 'vitest';
import { checkLessonOverrides } from '../../../src/components/learn/lessonLinkParams';
import { num } from '../../../src/components/learn/panels/common';

describe('lesson link numbers', () => {
  it('digit=2.5 and n=0x4 are refused by name; the previous good value stays; others pass', () => {
    const r = checkLessonOverrides({ digit: '2.5', n: '0x4', t: '-1.5', view: 'idea' }, { digit: '17' }, {});
    expect(r.overrides).toEqual({ digit: '17', t: '-1.5', view: 'idea' });
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatch(/digit="2.5" is not a whole number.*Kept the previous value, 17\./);
    expect(r.errors[1]).toMatch(/n="0x4".*Kept the previous value, the lesson's own value\./);
  });

  it('a corrected link clears the message', () => {
    expect(checkLessonOverrides({ digit: '42' }, { digit: '17' }, {})).toEqual({
      overrides: { digit: '42' },
      errors: [],
    });
  });

  it('num() never hands a fraction to a whole-number parameter, whatever reaches it', () => {
    expect(num({ digit: '3.7' }, 'digit', 0, 0, 9999)).toBe(0);
    expect(num({ pos: 2.5 }, 'pos', 1, 0, 10)).toBe(1);
    expect(num({ t: '-1.5' }, 't', 0, -6, 6)).toBe(-1.5);
    expect(num({ digit: '' }, 'digit', 4, 0, 9999)).toBe(4);
  });
});
