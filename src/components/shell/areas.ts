import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Area } from '../../state/hashRoute';
import { t } from '../../i18n';

export type AreaEntry = {
  title: string;
  /** One line under the tab, in plain words. */
  blurb: string;
  Component: LazyExoticComponent<ComponentType>;
};

// Each area loads on first visit, so the Draw page never waits for the trainer's code.
export const AREA_ENTRIES: Record<Area, AreaEntry> = {
  home: {
    title: t('shell.areas.home.title'),
    blurb: t('shell.areas.home.blurb'),
    Component: lazy(() => import('../home/HomeArea').then((m) => ({ default: m.HomeArea }))),
  },
  convolution: {
    title: t('shell.areas.convolution.title'),
    blurb: t('shell.areas.convolution.blurb'),
    Component: lazy(() =>
      import('../convolution/ConvolutionArea').then((m) => ({ default: m.ConvolutionArea })),
    ),
  },
  pooling: {
    title: t('shell.areas.pooling.title'),
    blurb: t('shell.areas.pooling.blurb'),
    Component: lazy(() => import('../pooling/PoolingArea').then((m) => ({ default: m.PoolingArea }))),
  },
  train: {
    title: t('shell.areas.train.title'),
    blurb: t('shell.areas.train.blurb'),
    Component: lazy(() => import('../train/TrainArea').then((m) => ({ default: m.TrainArea }))),
  },
  draw: {
    title: t('shell.areas.draw.title'),
    blurb: t('shell.areas.draw.blurb'),
    Component: lazy(() => import('../tryit/DrawRoute').then((m) => ({ default: m.DrawRoute }))),
  },
  explain: {
    title: t('shell.areas.explain.title'),
    blurb: t('shell.areas.explain.blurb'),
    Component: lazy(() => import('../explain/ExplainArea').then((m) => ({ default: m.ExplainArea }))),
  },
  data: {
    title: t('shell.areas.data.title'),
    blurb: t('shell.areas.data.blurb'),
    Component: lazy(() => import('../data/DataArea').then((m) => ({ default: m.DataArea }))),
  },
  learn: {
    title: t('shell.areas.learn.title'),
    blurb: t('shell.areas.learn.blurb'),
    Component: lazy(() => import('../learn/LearnArea').then((m) => ({ default: m.LearnArea }))),
  },
};
