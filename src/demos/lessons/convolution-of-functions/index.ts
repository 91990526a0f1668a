import type { LessonDef } from '../types';

/** Lesson 2: convolution as "how much two functions overlap as one slides over the other". */
export const convolutionOfFunctionsLesson: LessonDef = {
  id: 'convolution-of-functions',
  number: 2,
  steps: [
    { id: 'bells', panel: 'bellConv', params: { t: -4 } },
    { id: 'overlap', panel: 'bellConv', params: { t: -1.2 } },
    { id: 'curve', panel: 'bellConv', params: { t: 4 } },
    { id: 'grid', panel: 'grid1d', params: { pos: 0 } },
    { id: 'grid2d', panel: 'slideGrid', params: { pos: 0, kernel: 'blur' } },
  ],
  questions: [
    {
      id: 'peak',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'b',
      panel: 'bellConv',
      params: { t: -5 },
    },
    { id: 'sum', kind: 'number', answer: 5, panel: 'grid1d', params: { pos: 2 } },
  ],
};
