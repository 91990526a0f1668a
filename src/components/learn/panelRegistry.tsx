import type { ComponentType } from 'react';
import type { PanelKind } from '../../demos/lessons/types';
import type { PanelProps } from './panels/common';
import { BatchPanel, MnistDigitPanel, RgbPhotoPanel, TensorLadderPanel } from './panels/TensorPanels';
import { BellConvPanel, Grid1dPanel, SlideGridPanel } from './panels/ConvPanels';
import { DigitFiltersPanel, OutputSizePanel, RgbConvPanel } from './panels/FilterPanels';
import {
  ActivationMapPanel,
  ActivationPlotsPanel,
  DigitPoolPanel,
  PoolGridPanel,
} from './panels/ActivationPoolPanels';
import { SoftmaxPanel } from './panels/SoftmaxPanel';
import { AreaLinksPanel, LenetPanel } from './panels/LenetPanels';
import { DrawMiniPanel } from './panels/DrawMiniPanel';
import { LenetLivePanel } from './panels/LenetLivePanel';
import { TrainMiniPanel } from './panels/TrainMiniPanel';
import { ExplainFiltersPanel, ExplainMethodPanel, LearnedMapPanel } from './panels/ExplainPanels';

/** Panel kind (named in lesson definitions) → the React panel that shows it. */
export const PANELS: Record<PanelKind, ComponentType<PanelProps>> = {
  tensorLadder: TensorLadderPanel,
  mnistDigit: MnistDigitPanel,
  rgbPhoto: RgbPhotoPanel,
  batch: BatchPanel,
  bellConv: BellConvPanel,
  grid1d: Grid1dPanel,
  slideGrid: SlideGridPanel,
  digitFilters: DigitFiltersPanel,
  outputSize: OutputSizePanel,
  rgbConv: RgbConvPanel,
  activationPlots: ActivationPlotsPanel,
  activationMap: ActivationMapPanel,
  poolGrid: PoolGridPanel,
  digitPool: DigitPoolPanel,
  softmax: SoftmaxPanel,
  lenet: LenetPanel,
  areaLinks: AreaLinksPanel,
  drawMini: DrawMiniPanel,
  lenetLive: LenetLivePanel,
  trainMini: TrainMiniPanel,
  explainMethod: ExplainMethodPanel,
  explainFilters: ExplainFiltersPanel,
  learnedMap: LearnedMapPanel,
};
