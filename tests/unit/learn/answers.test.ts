/**
 * One rule for when a question's answer may show (issue 10, item 6): hidden on the question's panel
 * until it is answered, then shown; never printed by the steps before it.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/demos/lessons/registry';
import { lessonPages } from '../../../src/demos/lessons/types';
import { pageParams } from '../../../src/components/learn/lessonRoute';
import { tx } from '../../../src/i18n';

const questions = LESSONS.flatMap((l) =>
  lessonPages(l)
    .filter((p) => p.kind === 'question')
    .map((p) => ({ lesson: l, page: p })),
);

describe('when an answer may show', () => {
  it.each(
    questions.map((q) => [`${q.lesson.id} ${q.page.kind === 'question' ? q.page.question.id : ''}`, q]),
  )('%s: hidden until answered (even if a link says hide=0), shown after', (_name, { page }) => {
    expect(pageParams(page, {}, false).hide).toBe(1);
    expect(pageParams(page, { hide: 0 }, false).hide).toBe(1);
    expect(pageParams(page, {}, true)).not.toHaveProperty('hide');
    expect(pageParams(page, { hide: 1 }, true)).not.toHaveProperty('hide');
  });

  it('steps never hide anything', () => {
    for (const l of LESSONS)
      for (const p of lessonPages(l).filter((x) => x.kind === 'step'))
        expect(pageParams(p, { hide: 1 }), `${l.id}`).not.toHaveProperty('hide');
  });

  it('no step of a lesson states the result of its number questions (“= 14”, “→ 10×10”, “becomes 0.5”)', () => {
    const leaks: string[] = [];
    for (const l of LESSONS) {
      const bodies = l.steps.map((s) => tx(`lessons.${l.id}.steps.${s.id}.body`)).join('\n');
      for (const q of l.questions) {
        const answers =
          q.kind === 'number'
            ? [q.answer.toLocaleString('en-US'), String(q.answer)]
            : [tx(`lessons.${l.id}.questions.${q.id}.options.${q.answer}`)];
        for (const a of answers) {
          const esc = a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const re = new RegExp(`(=|→|becomes|is)\\s*${esc}(?![\\d.,])`);
          if (re.test(bodies)) leaks.push(`${l.id} ${q.id}: “${a}”`);
        }
      }
    }
    expect(leaks.join('; ')).toBe('');
  });

  it('the pooling question asks about a window that no step opens on', () => {
    const pooling = LESSONS.find((l) => l.id === 'pooling');
    const maxOf = pooling?.questions.find((q) => q.id === 'maxOf');
    const stepPositions = pooling?.steps.map((s) => s.params?.pos).filter((p) => p !== undefined);
    expect(stepPositions).not.toContain(maxOf?.params?.pos);
  });
});
