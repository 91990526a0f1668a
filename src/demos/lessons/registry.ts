import { convolutionOfFunctionsLesson } from './convolution-of-functions';
import { filterStackLesson } from './filter-stack';
import { lenetLesson } from './lenet';
import { nonlinearitiesLesson } from './nonlinearities';
import { poolingLesson } from './pooling';
import { slidingFilterLesson } from './sliding-filter';
import { softmaxTemplatesLesson } from './softmax-templates';
import { stridePaddingLesson } from './stride-padding';
import { tensorsLesson } from './tensors';
import { trainAndDrawLesson } from './train-and-draw';
import type { LessonDef } from './types';
import { whatItLooksAtLesson } from './what-it-looks-at';

/** Every lesson, in course order. */
export const LESSONS: readonly LessonDef[] = [
  tensorsLesson,
  convolutionOfFunctionsLesson,
  slidingFilterLesson,
  stridePaddingLesson,
  filterStackLesson,
  nonlinearitiesLesson,
  poolingLesson,
  softmaxTemplatesLesson,
  lenetLesson,
  trainAndDrawLesson,
  whatItLooksAtLesson,
];

export function findLesson(id: string | null | undefined): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}
