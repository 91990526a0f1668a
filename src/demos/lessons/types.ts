/**
 * How a lesson is defined: ordered steps, each a text (looked up in src/i18n by lesson and step id) and
 * a live panel in a preset state, then one or two predict-then-reveal questions. Definitions are plain
 * data, so they can be checked by unit tests and turned into URLs.
 */

/** Keys into the panel registry in src/components/learn/panelRegistry.tsx. */
export const PANEL_KINDS = [
  'tensorLadder',
  'mnistDigit',
  'rgbPhoto',
  'batch',
  'bellConv',
  'grid1d',
  'slideGrid',
  'digitFilters',
  'outputSize',
  'rgbConv',
  'activationPlots',
  'activationMap',
  'poolGrid',
  'digitPool',
  'softmax',
  'lenet',
  'areaLinks',
  'drawMini',
  'lenetLive',
  'trainMini',
  'explainMethod',
  'explainFilters',
  'learnedMap',
] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** A panel's preset state. Values become URL parameters, so they are strings or numbers only. */
export type PanelParams = Record<string, string | number>;

export type StepDef = {
  /** Stable id, also the text key: `lessons.<lesson>.steps.<id>`. */
  id: string;
  panel: PanelKind;
  params?: PanelParams;
};

export type ChoiceQuestion = {
  id: string;
  kind: 'choice';
  /** Option ids, shown in this order; text at `lessons.<lesson>.questions.<id>.options.<option>`. */
  options: readonly string[];
  answer: string;
  panel?: PanelKind;
  params?: PanelParams;
};

export type NumberQuestion = {
  id: string;
  kind: 'number';
  answer: number;
  /** Answers within this distance count as right (default 0: exact). */
  tolerance?: number;
  panel?: PanelKind;
  params?: PanelParams;
};

export type QuestionDef = ChoiceQuestion | NumberQuestion;

export type LessonDef = {
  /** Kebab-case id used in `#/learn?lesson=<id>`. */
  id: string;
  /** Position in the course, 1-based. */
  number: number;
  steps: readonly StepDef[];
  questions: readonly QuestionDef[];
};

/** One page of a lesson as the player walks it: content steps first, then the questions. */
export type LessonPage =
  { kind: 'step'; index: number; step: StepDef } | { kind: 'question'; index: number; question: QuestionDef };

export function lessonPages(lesson: LessonDef): LessonPage[] {
  return [
    ...lesson.steps.map((step, index) => ({ kind: 'step' as const, index, step })),
    ...lesson.questions.map((question, index) => ({ kind: 'question' as const, index, question })),
  ];
}

/** Is `value` a right answer to `q`? Number answers accept "1,5" and "1.5", and ignore spaces. */
export function checkAnswer(q: QuestionDef, value: string): boolean {
  if (q.kind === 'choice') return value === q.answer;
  const n = parseNumber(value);
  return n !== null && Math.abs(n - q.answer) <= (q.tolerance ?? 0) + 1e-9;
}

export function parseNumber(value: string): number | null {
  const cleaned = value.trim().replace(/\s+/g, '').replace(',', '.').replace('−', '-');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}
