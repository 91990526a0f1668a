/**
 * The Train area's settings as URL parameters, so a link reproduces a run:
 * `#/train?epochs=3&batch=128&lr=0.004&seed=1&train=60000&backend=auto&opt=adam&schedule=onecycle&val=0&aug=0`
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
import {
  checkTrainConfig,
  TRAIN_BACKENDS,
  TRAIN_DEFAULTS,
  type ConfigProblems,
  type OptimizerName,
  type ScheduleName,
  type TrainConfig,
} from '../engine/train/config';

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];
const SCHEDULES: readonly ScheduleName[] = ['constant', 'cosine', 'onecycle', 'step'];
const ACTIVATIONS: readonly LeNetActivation[] = ['relu', 'tanh', 'sigmoid'];
const POOLINGS: readonly LeNetPooling[] = ['max', 'avg'];

function num(params: URLSearchParams, key: string, fallback: number): number {
  const raw = params.get(key);
  if (raw === null || raw.trim() === '') return fallback;
  return Number(raw);
}

function pick<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], fallback: T): T {
  const raw = params.get(key);
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

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
 * Reads settings from the hash query; anything missing takes its default. Problems are listed, not hidden.
 * `previousLayers`: the stack to keep when the link's `arch` is refused (reported in `archError`).
 */
export function parseTrainParams(
  params: URLSearchParams,
  previousLayers: LayerSpec[] | null = null,
): { cfg: TrainConfig; problems: ConfigProblems; archError: string | null } {
  const d = TRAIN_DEFAULTS;
  const designed = parseArchParam(params.get('arch'), previousLayers);
  const arch: LeNetConfig = {
    activation: pick(params, 'act', ACTIVATIONS, LENET_DEFAULTS.activation),
    pooling: pick(params, 'pool', POOLINGS, LENET_DEFAULTS.pooling),
    filters1: num(params, 'f1', LENET_DEFAULTS.filters1),
    filters2: num(params, 'f2', LENET_DEFAULTS.filters2),
    dense1: num(params, 'd1', LENET_DEFAULTS.dense1),
    dense2: num(params, 'd2', LENET_DEFAULTS.dense2),
  };
  const cfg: TrainConfig = {
    epochs: num(params, 'epochs', d.epochs),
    batchSize: num(params, 'batch', d.batchSize),
    lr: num(params, 'lr', d.lr),
    optimizer: pick(params, 'opt', OPTIMIZERS, d.optimizer),
    schedule: pick(params, 'schedule', SCHEDULES, d.schedule),
    seed: num(params, 'seed', d.seed),
    trainSize: num(params, 'train', d.trainSize),
    valFraction: num(params, 'val', d.valFraction * 100) / 100,
    augment: params.get('aug') === '1',
    arch,
    layers: designed.layers,
    backend: pick(params, 'backend', TRAIN_BACKENDS, d.backend),
  };
  return { cfg, problems: checkTrainConfig(cfg), archError: designed.error };
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
