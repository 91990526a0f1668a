import type { LessonDef } from '../types';

/**
 * Lesson 11: why did the trained network answer? Occlusion, gradient saliency and Grad-CAM on one test
 * digit, what each filter wants (top patches and synthesised pictures), and the map of what it learned.
 * Uses the shipped LeNet-5, like the other lessons about "the real network".
 */
export const whatItLooksAtLesson: LessonDef = {
  id: 'what-it-looks-at',
  number: 11,
  steps: [
    { id: 'occlusion', panel: 'explainMethod', params: { method: 'occlusion', digit: 61 } },
    { id: 'gradient', panel: 'explainMethod', params: { method: 'gradient', digit: 61 } },
    { id: 'gradcam', panel: 'explainMethod', params: { method: 'gradcam', digit: 61 } },
    { id: 'filters', panel: 'explainFilters' },
    { id: 'map', panel: 'learnedMap' },
  ],
  questions: [
    {
      id: 'occlusionDrop',
      kind: 'choice',
      options: ['a', 'b', 'c'],
      answer: 'a',
      panel: 'explainMethod',
      params: { method: 'occlusion', digit: 61 },
    },
    { id: 'mapSeparates', kind: 'choice', options: ['a', 'b', 'c'], answer: 'a', panel: 'learnedMap' },
  ],
};
