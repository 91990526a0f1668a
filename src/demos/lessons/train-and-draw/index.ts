import type { LessonDef } from '../types';

/**
 * Lesson 10: train LeNet yourself (in the lesson, in the Train area's session), watch every layer while
 * it learns, then draw digits and watch the network you trained classify them.
 */
export const trainAndDrawLesson: LessonDef = {
  id: 'train-and-draw',
  number: 10,
  steps: [
    { id: 'train', panel: 'trainMini', params: { view: 'train' } },
    { id: 'watch', panel: 'trainMini', params: { view: 'watch' } },
    { id: 'draw', panel: 'drawMini' },
    { id: 'explore', panel: 'areaLinks', params: { which: 'explore' } },
  ],
  questions: [
    {
      id: 'why99',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'a',
      // The pad itself, not a link to it: a class can check its guess by drawing (a digit small in a
      // corner is still read right: the filters find strokes anywhere).
      panel: 'drawMini',
    },
  ],
};
