import type { LessonDef } from '../types';

/** Lesson 3: a filter slides across an image; each stop is a dot product; the results fill a map. */
export const slidingFilterLesson: LessonDef = {
  id: 'sliding-filter',
  number: 3,
  steps: [
    { id: 'window', panel: 'slideGrid', params: { pos: 0, kernel: 'vertical' } },
    { id: 'dot', panel: 'slideGrid', params: { pos: 7, kernel: 'vertical', maths: 1 } },
    { id: 'fill', panel: 'slideGrid', params: { pos: 24, kernel: 'vertical' } },
    { id: 'digit', panel: 'digitFilters', params: { filters: 'vertical', digit: 0 } },
  ],
  questions: [
    {
      id: 'dotValue',
      kind: 'number',
      answer: 6,
      panel: 'slideGrid',
      params: { pos: 12, kernel: 'vertical' },
    },
    {
      id: 'whichFilter',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'a',
      panel: 'digitFilters',
      params: { filters: 'horizontal', digit: 3 },
    },
  ],
};
