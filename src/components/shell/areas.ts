import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Area } from '../../state/hashRoute';

export type AreaEntry = {
  title: string;
  /** One line under the tab, in plain words. */
  blurb: string;
  Component: LazyExoticComponent<ComponentType>;
};

// Each area loads on first visit, so the Draw page never waits for the trainer's code.
export const AREA_ENTRIES: Record<Area, AreaEntry> = {
  convolution: {
    title: 'Convolution',
    blurb: 'Slide a filter across an image',
    Component: lazy(() =>
      import('../convolution/ConvolutionArea').then((m) => ({ default: m.ConvolutionArea })),
    ),
  },
  pooling: {
    title: 'Pooling',
    blurb: 'Shrink a map, keep what matters',
    Component: lazy(() => import('../pooling/PoolingArea').then((m) => ({ default: m.PoolingArea }))),
  },
  train: {
    title: 'Train',
    blurb: 'Teach LeNet to read digits',
    Component: lazy(() => import('../train/TrainArea').then((m) => ({ default: m.TrainArea }))),
  },
  draw: {
    title: 'Draw',
    blurb: 'Draw a digit, watch every layer',
    Component: lazy(() => import('../draw/DrawArea').then((m) => ({ default: m.DrawArea }))),
  },
  learn: {
    title: 'Learn',
    blurb: 'Guided lessons',
    Component: lazy(() => import('../learn/LearnArea').then((m) => ({ default: m.LearnArea }))),
  },
};
