import type { LessonDef } from '../types';

/** Lesson 9: LeNet-5 end to end: convolution and pooling twice, then fully connected layers. */
export const lenetLesson: LessonDef = {
  id: 'lenet',
  number: 9,
  steps: [
    { id: 'overview', panel: 'lenet', params: { focus: 'all' } },
    { id: 'features', panel: 'lenetLive', params: { digit: 0, part: 'features' } },
    { id: 'dense', panel: 'lenet', params: { focus: 'dense' } },
    { id: 'live', panel: 'lenetLive', params: { digit: 8 } },
    { id: 'params', panel: 'lenet', params: { focus: 'params' } },
  ],
  questions: [
    { id: 'conv2', kind: 'number', answer: 12, panel: 'lenet', params: { focus: 'all' } },
    {
      id: 'outputs',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'c',
      panel: 'lenet',
      params: { focus: 'all' },
    },
  ],
};
