import type { LessonDef } from '../types';

/** Lesson 8: a one-layer network learns one template per digit, and why that is not enough. */
export const softmaxTemplatesLesson: LessonDef = {
  id: 'softmax-templates',
  number: 8,
  steps: [
    { id: 'idea', panel: 'softmax', params: { view: 'idea' } },
    { id: 'train', panel: 'softmax', params: { view: 'train' } },
    { id: 'templates', panel: 'softmax', params: { view: 'templates' } },
    { id: 'oneSeven', panel: 'softmax', params: { view: 'oneSeven' } },
    {
      id: 'conv',
      panel: 'digitFilters',
      params: { filters: 'vertical,horizontal,diagonal,sobelX', digit: 0 },
    },
  ],
  questions: [
    { id: 'weights', kind: 'number', answer: 7850, panel: 'softmax', params: { view: 'idea' } },
    {
      id: 'serif',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'b',
      panel: 'softmax',
      params: { view: 'oneSeven' },
    },
  ],
};
