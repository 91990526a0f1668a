/**
 * The one-click comparisons offered in Learn: two networks trained one after the other with the same
 * seed on the same digits, short enough for a lesson (one pass over 6,000 digits each). Pure data.
 */
import { parseArch, PRESET_ARCH } from '../../../engine';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../../engine/train/config';
import { tx } from '../../../i18n';

export type ExperimentId = 'mlp-vs-cnn' | 'relu-vs-sigmoid';
export const EXPERIMENT_IDS: readonly ExperimentId[] = ['mlp-vs-cnn', 'relu-vs-sigmoid'];

const LENET_SIGMOID = 'conv6k5.sigmoid-maxpool2-conv16k5v.sigmoid-maxpool2-dense120.sigmoid-dense84.sigmoid';

/** Each comparison's two networks (link text), named by i18n `compare.experiments.<id>.a` and `.b`. */
const NETWORKS: Record<ExperimentId, readonly [string, string]> = {
  'mlp-vs-cnn': [PRESET_ARCH.mlp, PRESET_ARCH.lenet],
  'relu-vs-sigmoid': [PRESET_ARCH.lenet, LENET_SIGMOID],
};

/** The same settings for every run of a comparison: only the network differs. */
export const EXPERIMENT_SETTINGS: Omit<TrainConfig, 'layers' | 'backend'> = {
  ...TRAIN_DEFAULTS,
  epochs: 1,
  trainSize: 6000,
  batchSize: 64,
  lr: 0.004,
  optimizer: 'adam',
  schedule: 'cosine',
  seed: 1,
  valFraction: 0,
  augment: false,
};

/** The runs of a comparison, in training order, with their names. */
export function experimentRuns(
  id: ExperimentId,
  backend: TrainConfig['backend'] = 'auto',
): { cfg: TrainConfig; name: string }[] {
  return NETWORKS[id].map((arch, i) => ({
    cfg: { ...EXPERIMENT_SETTINGS, layers: parseArch(arch), backend },
    name: tx(`compare.experiments.${id}.${i === 0 ? 'a' : 'b'}`),
  }));
}
