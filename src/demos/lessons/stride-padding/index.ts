import type { LessonDef } from '../types';

/** Lesson 4: stride, padding and dilation, and the arithmetic that gives the output size. */
export const stridePaddingLesson: LessonDef = {
  id: 'stride-padding',
  number: 4,
  steps: [
    { id: 'basic', panel: 'outputSize', params: { in: 7, k: 3, s: 1, p: 0, d: 1, c: 1 } },
    { id: 'mnist', panel: 'outputSize', params: { in: 28, k: 5, s: 1, p: 0, d: 1, c: 1 } },
    { id: 'stride', panel: 'outputSize', params: { in: 30, k: 3, s: 3, p: 0, d: 1, c: 3 } },
    { id: 'padding', panel: 'outputSize', params: { in: 7, k: 3, s: 1, p: 1, d: 1, c: 1 } },
    { id: 'dilation', panel: 'outputSize', params: { in: 7, k: 3, s: 1, p: 0, d: 2, c: 1 } },
  ],
  questions: [
    {
      id: 'size32',
      kind: 'number',
      answer: 28,
      panel: 'outputSize',
      params: { in: 32, k: 5, s: 1, p: 0, d: 1, c: 1 },
    },
    {
      id: 'size9',
      kind: 'number',
      answer: 6,
      panel: 'outputSize',
      params: { in: 11, k: 3, s: 2, p: 1, d: 1, c: 1 },
    },
  ],
};
