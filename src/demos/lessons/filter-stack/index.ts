import type { LessonDef } from '../types';

/** Lesson 5: many filters give a stack of maps (a volume); colour inputs add per-channel sums. */
export const filterStackLesson: LessonDef = {
  id: 'filter-stack',
  number: 5,
  steps: [
    { id: 'bank', panel: 'digitFilters', params: { filters: 'vertical,horizontal,diagonal,blur', digit: 0 } },
    {
      id: 'volume',
      panel: 'digitFilters',
      params: { filters: 'vertical,horizontal,diagonal,blur', digit: 0, view: 'volume' },
    },
    { id: 'rgb', panel: 'rgbConv' },
  ],
  questions: [
    {
      id: 'shape',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'b',
      // What goes in (the digit, a 3×3 filter), not what comes out: the maps would show the answer.
      panel: 'digitFilters',
      params: { view: 'input', n: 8, digit: 0 },
    },
    { id: 'weights', kind: 'number', answer: 27, panel: 'rgbConv' },
  ],
};
