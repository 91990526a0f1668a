import type { LessonDef, LessonPage, PanelParams } from '../../demos/lessons/types';
import { lessonPages } from '../../demos/lessons/types';
import { findLesson } from '../../demos/lessons/registry';
import { isPresenting } from '../../state/hashRoute';

/**
 * `#/learn?lesson=<id>&step=<n>&present=1&<panel params>`: every step, with its panel's state, is a link.
 * `step` is 1-based over the lesson's pages (content steps, then questions). Any other key is a panel
 * parameter that overrides the step's preset.
 */
export type LearnRoute = {
  lesson: LessonDef | null;
  /** The requested id when it names no lesson, to say so. */
  unknownId: string | null;
  /** 0-based page index, clamped into the lesson. */
  page: number;
  present: boolean;
  overrides: PanelParams;
};

const RESERVED = new Set(['lesson', 'step', 'present', 'backend']);

export function parseLearnRoute(params: URLSearchParams): LearnRoute {
  const id = params.get('lesson');
  const lesson = findLesson(id) ?? null;
  const pages = lesson ? lessonPages(lesson).length : 1;
  const raw = Number.parseInt(params.get('step') ?? '1', 10);
  const page = Number.isFinite(raw) ? Math.min(Math.max(raw, 1), pages) - 1 : 0;
  const overrides: PanelParams = {};
  for (const [k, v] of params) if (!RESERVED.has(k)) overrides[k] = v;
  return {
    lesson,
    unknownId: id && !lesson ? id : null,
    page,
    present: isPresenting(params),
    overrides,
  };
}

/** The URL query for a page of a lesson; panel overrides are dropped unless given. */
export function learnParams(
  lessonId: string | null,
  page: number,
  opts: { present?: boolean; overrides?: PanelParams; keep?: URLSearchParams } = {},
): URLSearchParams {
  const p = new URLSearchParams();
  const backend = opts.keep?.get('backend');
  if (lessonId) {
    p.set('lesson', lessonId);
    p.set('step', String(page + 1));
  }
  if (opts.present) p.set('present', '1');
  if (backend) p.set('backend', backend);
  for (const [k, v] of Object.entries(opts.overrides ?? {})) p.set(k, String(v));
  return p;
}

/**
 * The panel state of a page: its preset, overridden by the URL, and one rule for every question: its
 * panel hides the answer (`hide: 1`) until the student has answered it right or asked to see it, then
 * shows it (no "?" left). Steps never hide anything. A link cannot unhide an unanswered question.
 */
export function pageParams(page: LessonPage, overrides: PanelParams, answered = false): PanelParams {
  const preset = page.kind === 'step' ? page.step.params : page.question.params;
  const { hide: _ignored, ...rest } = { ...(preset ?? {}), ...overrides };
  return page.kind === 'question' && !answered ? { ...rest, hide: 1 } : rest;
}
