import type { LessonDef } from '../types';

/** Lesson 7: max and average pooling, downsampling, and what is lost. */
export const poolingLesson: LessonDef = {
  id: 'pooling',
  number: 7,
  steps: [
    { id: 'max', panel: 'poolGrid', params: { kind: 'max', pos: 0 } },
    { id: 'avg', panel: 'poolGrid', params: { kind: 'avg', pos: 0 } },
    { id: 'digit', panel: 'digitPool', params: { kind: 'max', digit: 0 } },
    { id: 'lost', panel: 'digitPool', params: { kind: 'max', digit: 0, twice: 1 } },
  ],
  questions: [
    {
      id: 'size',
      kind: 'number',
      answer: 5,
      panel: 'digitPool',
      params: { kind: 'max', digit: 2 },
    },
    {
      id: 'maxOf',
      kind: 'number',
      answer: 0.6,
      tolerance: 0.001,
      panel: 'poolGrid',
      params: { kind: 'max', pos: 5 },
    },
  ],
};
