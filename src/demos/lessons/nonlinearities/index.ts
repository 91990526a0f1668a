import type { LessonDef } from '../types';

/** Lesson 6: ReLU, tanh and sigmoid, and what each does to an activation map. */
export const nonlinearitiesLesson: LessonDef = {
  id: 'nonlinearities',
  number: 6,
  steps: [
    { id: 'why', panel: 'activationPlots', params: { fn: 'relu' } },
    { id: 'relu', panel: 'activationMap', params: { fn: 'relu' } },
    { id: 'tanh', panel: 'activationMap', params: { fn: 'tanh' } },
    { id: 'sigmoid', panel: 'activationMap', params: { fn: 'sigmoid' } },
  ],
  questions: [
    { id: 'reluNeg', kind: 'number', answer: 0, panel: 'activationPlots', params: { fn: 'relu' } },
    {
      id: 'sigmoidZero',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'b',
      panel: 'activationPlots',
      params: { fn: 'sigmoid' },
    },
  ],
};
