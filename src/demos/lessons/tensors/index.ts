import type { LessonDef } from '../types';

/** Lesson 1: an image is a grid of numbers; colour adds channels; a batch adds one more axis. */
export const tensorsLesson: LessonDef = {
  id: 'tensors',
  number: 1,
  steps: [
    { id: 'ladder', panel: 'tensorLadder', params: { rank: 0 } },
    { id: 'ladder4', panel: 'tensorLadder', params: { rank: 4 } },
    { id: 'gray', panel: 'mnistDigit', params: { digit: 0 } },
    { id: 'rgb', panel: 'rgbPhoto' },
    { id: 'batch', panel: 'batch', params: { n: 8 } },
  ],
  questions: [
    { id: 'pixels', kind: 'number', answer: 784, panel: 'mnistDigit', params: { digit: 1 } },
    {
      id: 'batchShape',
      kind: 'choice',
      options: ['a', 'b', 'c', 'd'],
      answer: 'c',
      panel: 'batch',
      params: { n: 4 },
    },
  ],
};
