import type { LessonDef } from '../types';

/** Lesson 10: train LeNet yourself, then draw digits and watch it classify them. */
export const trainAndDrawLesson: LessonDef = {
  id: 'train-and-draw',
  number: 10,
  steps: [
    { id: 'train', panel: 'areaLinks', params: { which: 'train' } },
    { id: 'watch', panel: 'areaLinks', params: { which: 'watch' } },
    { id: 'draw', panel: 'drawMini' },
    { id: 'explore', panel: 'areaLinks', params: { which: 'explore' } },
  ],
  questions: [
    {
      id: 'why99',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'a',
      panel: 'areaLinks',
      params: { which: 'draw' },
    },
  ],
};
