/**
 * The Train area's settings as URL parameters, so a link reproduces a run:
 * `#/train?epochs=2&batch=64&lr=0.004&seed=1&train=60000&backend=auto&opt=adam&schedule=cosine&val=0&aug=0`
 * plus architecture keys `act`, `pool`, `f1`, `f2`, `d1`, `d2` when they differ from LeNet-5's defaults,
 * or `arch=<layers joined by ->` for a network designed in the layer editor (see engine/model/archCodec).
 */
import {
  analyzeSpec,
  formatArch,
  LENET_DEFAULTS,
  mnistSpec,
  parseArch,
  type LayerSpec,
  type LeNetActivation,
  type LeNetConfig,
  type LeNetPooling,
} from '../engine';
import { defaultEpochs } from '../engine/train/defaultEpochs';
import {
  checkTrainConfig,
  LIMITS,
  TRAIN_BACKENDS,
  TRAIN_DEFAULTS,
  type ConfigProblems,
  type OptimizerName,
  type ScheduleName,
  type TrainConfig,
} from '../engine/train/config';

import { linkProblem, readNumber, readOption, type LinkRead } from './linkValues';

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];
const SCHEDULES: readonly ScheduleName[] = ['constant', 'cosine', 'onecycle', 'step'];
const ACTIVATIONS: readonly LeNetActivation[] = ['relu', 'tanh', 'sigmoid'];
const POOLINGS: readonly LeNetPooling[] = ['max', 'avg'];

export type ArchFromLink = { layers: LayerSpec[] | null; error: string | null };

/**
 * The `arch` key: the designed stack, or null when the link has none (LeNet from the other keys).
 * A stack that cannot be read, or cannot work on a 28×28 digit, gives `error` (naming the wrong part
 * or layer) and `previous` instead, so the network the page had stays.
 */
export function parseArchParam(raw: string | null, previous: LayerSpec[] | null): ArchFromLink {
  if (raw === null) return { layers: null, error: null };
  try {
    const layers = parseArch(raw);
    const fit = analyzeSpec(mnistSpec(layers));
    if (!fit.ok) return { layers: previous, error: fit.problem.message };
    return { layers, error: null };
  } catch (err) {
    return { layers: previous, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Reads settings from the hash query. A missing key takes its default; a malformed or out-of-range value
 * keeps `prev`'s value and is reported in `linkErrors` (naming the key and the value kept), as the
 * explorers do. `problems` lists what `checkTrainConfig` still refuses (e.g. a batch bigger than the
 * training set), shown at the controls. A refused `arch` keeps `prev.layers` and is reported in
 * `archError` (shown by the layer editor).
 * `trainCount`: the pictures a stored dataset has to train on; without `epochs` in the link, the
 * epochs then follow its size (defaultEpochs). Null for MNIST and Fashion-MNIST: 2 epochs, as always.
 */
export function parseTrainParams(
  params: URLSearchParams,
  prev: TrainConfig = TRAIN_DEFAULTS,
  trainCount: number | null = null,
): { cfg: TrainConfig; problems: ConfigProblems; linkErrors: string[]; archError: string | null } {
  const d = TRAIN_DEFAULTS;
  const designed = parseArchParam(params.get('arch'), prev.layers);
  const linkErrors: string[] = [];
  const take = <T>(
    key: string,
    read: (raw: string) => LinkRead<T>,
    kept: T,
    fallback: T,
    shown?: (v: T) => string,
  ): T => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const r = read(raw);
    if (r.ok) return r.value;
    linkErrors.push(linkProblem(r.why, shown ? shown(kept) : String(kept)));
    return kept;
  };
  const number = (
    key: string,
    kept: number,
    fallback: number,
    [lo, hi]: readonly [number, number],
    whole = true,
  ) => take(key, (raw) => readNumber(key, raw, lo, hi, whole), kept, fallback);
  const option = <T extends string>(key: string, options: readonly T[], kept: T, fallback: T) =>
    take(key, (raw) => readOption(key, raw, options), kept, fallback);
  const L = LIMITS;
  const pa = prev.arch;
  const da = LENET_DEFAULTS;
  const arch: LeNetConfig = {
    activation: option('act', ACTIVATIONS, pa.activation, da.activation),
    pooling: option('pool', POOLINGS, pa.pooling, da.pooling),
    filters1: number('f1', pa.filters1, da.filters1, L.filters),
    filters2: number('f2', pa.filters2, da.filters2, L.filters),
    dense1: number('d1', pa.dense1, da.dense1, L.dense),
    dense2: number('d2', pa.dense2, da.dense2, L.dense),
  };
  const cfg: TrainConfig = {
    epochs: number('epochs', prev.epochs, d.epochs, L.epochs),
    batchSize: number('batch', prev.batchSize, d.batchSize, L.batchSize),
    lr: number('lr', prev.lr, d.lr, L.lr, false),
    optimizer: option('opt', OPTIMIZERS, prev.optimizer, d.optimizer),
    schedule: option('schedule', SCHEDULES, prev.schedule, d.schedule),
    seed: number('seed', prev.seed, d.seed, L.seed),
    trainSize: number('train', prev.trainSize, d.trainSize, L.trainSize),
    valFraction:
      number('val', Math.round(prev.valFraction * 100), Math.round(d.valFraction * 100), [0, 50]) / 100,
    augment:
      take(
        'aug',
        (raw) => readOption('aug', raw, ['0', '1'] as const),
        prev.augment ? '1' : '0',
        d.augment ? '1' : '0',
      ) === '1',
    arch,
    layers: designed.layers,
    backend: option('backend', TRAIN_BACKENDS, prev.backend, d.backend),
  };
  if (params.get('epochs') === null && trainCount !== null) {
    cfg.epochs = defaultEpochs(learnCount(cfg, trainCount), cfg.batchSize);
  }
  return { cfg, problems: checkTrainConfig(cfg), linkErrors, archError: designed.error };
}

/** Pictures a run learns from: the training set (at most `trainSize`) less the validation share. */
export function learnCount(cfg: Pick<TrainConfig, 'trainSize' | 'valFraction'>, trainCount: number): number {
  return Math.floor(Math.min(cfg.trainSize, trainCount) * (1 - cfg.valFraction));
}

/** Writes settings back, keeping any other keys in `base`. */
export function formatTrainParams(cfg: TrainConfig, base?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(base);
  out.set('epochs', String(cfg.epochs));
  out.set('batch', String(cfg.batchSize));
  out.set('lr', String(cfg.lr));
  out.set('seed', String(cfg.seed));
  out.set('train', String(cfg.trainSize));
  out.set('backend', cfg.backend);
  out.set('opt', cfg.optimizer);
  out.set('schedule', cfg.schedule);
  out.set('val', String(Math.round(cfg.valFraction * 100)));
  out.set('aug', cfg.augment ? '1' : '0');
  const a = cfg.arch;
  const archKeys: [string, string | number, string | number][] = [
    ['act', a.activation, LENET_DEFAULTS.activation],
    ['pool', a.pooling, LENET_DEFAULTS.pooling],
    ['f1', a.filters1, LENET_DEFAULTS.filters1],
    ['f2', a.filters2, LENET_DEFAULTS.filters2],
    ['d1', a.dense1, LENET_DEFAULTS.dense1],
    ['d2', a.dense2, LENET_DEFAULTS.dense2],
  ];
  for (const [key, value, def] of archKeys) {
    if (value === def || cfg.layers) out.delete(key);
    else out.set(key, String(value));
  }
  if (cfg.layers) out.set('arch', formatArch(cfg.layers));
  else out.delete('arch');
  return out;
}
