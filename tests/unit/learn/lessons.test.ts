import { describe, expect, it } from 'vitest';
import { LESSONS, findLesson } from '../../../src/demos/lessons/registry';
import { checkAnswer, lessonPages, parseNumber, PANEL_KINDS } from '../../../src/demos/lessons/types';
import { learnParams, pageParams, parseLearnRoute } from '../../../src/components/learn/lessonRoute';
import { hasMessage, t, tn, tx } from '../../../src/i18n';

describe('lesson definitions', () => {
  it('eleven lessons numbered 1–11 in order, with unique kebab-case ids', () => {
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(11);
    for (const l of LESSONS) expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const lesson of LESSONS) {
    describe(`lesson ${lesson.number} (${lesson.id})`, () => {
      const base = `lessons.${lesson.id}`;
      it('has a title and a summary', () => {
        expect(hasMessage(`${base}.title`)).toBe(true);
        expect(hasMessage(`${base}.summary`)).toBe(true);
      });

      it('every step has a title, a body text and a known panel; ids are unique', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
        expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
        for (const step of lesson.steps) {
          expect(hasMessage(`${base}.steps.${step.id}.title`), step.id).toBe(true);
          expect(tx(`${base}.steps.${step.id}.body`).length, step.id).toBeGreaterThan(80);
          expect(PANEL_KINDS).toContain(step.panel);
        }
      });

      it('ends with 1–2 questions, each with a prompt, an explanation and a right answer', () => {
        expect(lesson.questions.length).toBeGreaterThanOrEqual(1);
        expect(lesson.questions.length).toBeLessThanOrEqual(2);
        for (const q of lesson.questions) {
          const qb = `${base}.questions.${q.id}`;
          expect(hasMessage(`${qb}.prompt`), q.id).toBe(true);
          expect(hasMessage(`${qb}.explain`), q.id).toBe(true);
          if (q.panel) expect(PANEL_KINDS).toContain(q.panel);
          if (q.kind === 'choice') {
            expect(q.options).toContain(q.answer);
            for (const o of q.options) expect(hasMessage(`${qb}.options.${o}`), `${q.id}.${o}`).toBe(true);
            expect(checkAnswer(q, q.answer)).toBe(true);
            for (const o of q.options.filter((o) => o !== q.answer)) expect(checkAnswer(q, o)).toBe(false);
          } else {
            expect(Number.isFinite(q.answer)).toBe(true);
            expect(checkAnswer(q, String(q.answer))).toBe(true);
            expect(checkAnswer(q, String(q.answer + 1))).toBe(false);
          }
        }
      });
    });
  }
});

describe('answers', () => {
  it('number entry accepts "0,9", " 784 ", "−2" and refuses words', () => {
    expect(parseNumber('0,9')).toBe(0.9);
    expect(parseNumber(' 784 ')).toBe(784);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('seven')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
  });
});

describe('#/learn URL', () => {
  it('round-trips every page of every lesson, with presentation mode and panel settings', () => {
    for (const lesson of LESSONS) {
      const pages = lessonPages(lesson);
      pages.forEach((_, page) => {
        for (const present of [false, true]) {
          const overrides = { t: '1.5', pos: '3' };
          const params = learnParams(lesson.id, page, { present, overrides });
          const back = parseLearnRoute(new URLSearchParams(params.toString()));
          expect(back.lesson?.id).toBe(lesson.id);
          expect(back.page).toBe(page);
          expect(back.present).toBe(present);
          expect(back.overrides).toEqual(overrides);
        }
      });
    }
  });

  it('step=1 is the first page; out-of-range and junk steps are clamped, not crashed', () => {
    const l = LESSONS[0];
    if (!l) throw new Error('no lessons');
    const n = lessonPages(l).length;
    const at = (step: string) => parseLearnRoute(new URLSearchParams({ lesson: l.id, step })).page;
    expect(at('1')).toBe(0);
    expect(at('0')).toBe(0);
    expect(at('999')).toBe(n - 1);
    expect(at('abc')).toBe(0);
  });

  it('an unknown lesson id is reported, and the list shows', () => {
    const r = parseLearnRoute(new URLSearchParams({ lesson: 'nope' }));
    expect(r.lesson).toBeNull();
    expect(r.unknownId).toBe('nope');
  });

  it('URL settings override a step preset; the preset fills the rest', () => {
    const lesson = findLesson('convolution-of-functions');
    const page = lesson && lessonPages(lesson)[0];
    if (!page) throw new Error('missing lesson');
    expect(pageParams(page, {})).toEqual({ t: -4 });
    expect(pageParams(page, { t: '2' })).toEqual({ t: '2' });
  });
});

describe('i18n', () => {
  it('fills {placeholders} and formats numbers', () => {
    expect(t('learn.stepOf', { n: 3, total: 7 })).toBe('Step 3 of 7');
    expect(tn('panels.batchTitle', 1200)).toBe('A batch of 1,200 digits');
    // "1 filters" was a slip: every count in a title takes its noun's number.
    expect(tn('panels.batchTitle', 1)).toBe('A batch of 1 digit');
    expect(tn('panels.filtersTitle', 1)).toBe('1 filter on one digit');
    expect(tn('panels.filtersTitle', 4)).toBe('4 filters on one digit');
    expect(tn('panels.positionsTitle', 1)).toBe('Where the window lands (1 position per row)');
    expect(tn('draw.layers.mapsShape', 1, { size: '24' })).toBe('1 map · 24×24');
    expect(tn('draw.layers.mapsShape', 6, { size: '28' })).toBe('6 maps · 28×28');
  });

  it('a missing runtime key shows itself instead of going blank', () => {
    expect(tx('lessons.nope.title')).toBe('lessons.nope.title');
    expect(hasMessage('lessons.nope.title')).toBe(false);
  });
});
