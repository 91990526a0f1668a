/**
 * A finished (or stopped) training run as this browser keeps it: what was trained (the network as link
 * text, the settings, the dataset), what came out (per-epoch results, a thinned training curve, the
 * final test accuracy, the parameter count, the time it took) and its weights (TF.js layers format).
 * `checkRunRecord` is the one gate: every record is checked before it is stored and when it is read
 * back, so a damaged or hand-edited record is refused with the field that is wrong. Pure: no tensors.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { t } from '../../i18n';
import { parseArch } from '../model/archCodec';
import { LIMITS, type OptimizerName, type ScheduleName, type TrainConfig } from '../train/config';
import { APP_MODEL_LIMITS } from '../model/validateArtifacts';

/** A run's id: `r` and base-36 letters/digits (time, then a random tail), e.g. `rmik3x2a9q`. */
export const RUN_ID = /^r[0-9a-z]{6,16}$/;

/** At most this many curve points are kept per run: enough to draw it at any size the page offers. */
export const RUN_CURVE_POINTS = 200;

export type RunSettings = Pick<
  TrainConfig,
  'epochs' | 'batchSize' | 'lr' | 'optimizer' | 'schedule' | 'seed' | 'trainSize' | 'valFraction' | 'augment'
>;

/** One point of the training curve: the average over the steps since the previous point. */
export type RunCurvePoint = { epochFloat: number; loss: number; accuracy: number };

/** The whole-epoch check on the test set (and the validation split when there is one). */
export type RunEpoch = {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  testLoss: number;
  testAccuracy: number;
};

/** The weights as tfjs saves them (`model.save` with a memory handler): plain values. */
export type RunWeights = {
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
};

/** Everything about a run but its weights: what the list and the comparison read. */
export type RunSummary = {
  id: string;
  /** When the run ended (ISO 8601). */
  savedAt: string;
  /** The network as link text (archCodec), e.g. `conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84`. */
  arch: string;
  settings: RunSettings;
  /** `mnist`, `fashion-mnist` or a stored dataset's id. */
  dataset: string;
  /** The backend it trained on (`wasm`, `webgl`, `cpu`). */
  backend: string;
  /** How it ended: all its epochs, or stopped by the student part-way. */
  ended: 'finished' | 'stopped';
  curve: RunCurvePoint[];
  epochs: RunEpoch[];
  /** The last epoch's test accuracy (0…1), or null when it was stopped before its first epoch ended. */
  testAccuracy: number | null;
  params: number;
  /** Time spent training, pauses left out (ms). */
  wallMs: number;
  /** A short name given by a one-click comparison ("MLP", "ReLU"), else absent. */
  name?: string;
};

export type RunRecord = RunSummary & { weights: RunWeights };

/** A record that is not a run this app wrote; `message` names the field and what is wrong with it. */
export class RunRecordError extends Error {
  override name = 'RunRecordError';
}

/** A fresh id: the time in base 36 and two random letters (two runs in one millisecond still differ). */
export function newRunId(now = Date.now(), random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 * 36)
    .toString(36)
    .padStart(2, '0');
  return `r${now.toString(36)}${tail}`;
}

/** Keeps at most `max` points, evenly spaced, always with the last one. Returns a new array. */
export function thinCurve<T>(points: readonly T[], max = RUN_CURVE_POINTS): T[] {
  if (points.length <= max) return points.slice();
  const out: T[] = [];
  for (let i = 0; i < max; i++) {
    const p = points[Math.round((i * (points.length - 1)) / (max - 1))];
    if (p !== undefined) out.push(p);
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];
const SCHEDULES: readonly ScheduleName[] = ['constant', 'cosine', 'onecycle', 'step'];

function fail(field: string, why: string): never {
  throw new RunRecordError(t('compare.record.bad', { field, why }));
}

function num(o: Obj, key: string, lo: number, hi: number, whole = false, where = key): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(where, t('compare.record.notNumber'));
  if (whole && !Number.isInteger(v)) return fail(where, t('compare.record.notWhole'));
  if (v < lo || v > hi) return fail(where, t('compare.record.range', { lo, hi }));
  return v;
}

function numOrNull(o: Obj, key: string, lo: number, hi: number, where: string): number | null {
  return o[key] === null ? null : num(o, key, lo, hi, false, where);
}

function text(o: Obj, key: string, max: number): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    return fail(key, t('compare.record.notText', { max }));
  return v;
}

/** Loss values: finite and not negative (a diverged run is not kept). */
const MAX_LOSS = 1e6;

function checkSettings(raw: unknown): RunSettings {
  if (!isObj(raw)) return fail('settings', t('compare.record.missing'));
  const L = LIMITS;
  const optimizer = raw.optimizer;
  const schedule = raw.schedule;
  if (!OPTIMIZERS.includes(optimizer as OptimizerName))
    fail('settings.optimizer', t('compare.record.option'));
  if (!SCHEDULES.includes(schedule as ScheduleName)) fail('settings.schedule', t('compare.record.option'));
  if (typeof raw.augment !== 'boolean') fail('settings.augment', t('compare.record.option'));
  return {
    epochs: num(raw, 'epochs', L.epochs[0], L.epochs[1], true, 'settings.epochs'),
    batchSize: num(raw, 'batchSize', L.batchSize[0], L.batchSize[1], true, 'settings.batchSize'),
    lr: num(raw, 'lr', L.lr[0], L.lr[1], false, 'settings.lr'),
    optimizer: optimizer as OptimizerName,
    schedule: schedule as ScheduleName,
    seed: num(raw, 'seed', L.seed[0], L.seed[1], true, 'settings.seed'),
    trainSize: num(raw, 'trainSize', L.trainSize[0], L.trainSize[1], true, 'settings.trainSize'),
    valFraction: num(raw, 'valFraction', L.valFraction[0], L.valFraction[1], false, 'settings.valFraction'),
    augment: raw.augment,
  };
}

function checkCurve(raw: unknown, epochs: number): RunCurvePoint[] {
  if (!Array.isArray(raw)) return fail('curve', t('compare.record.missing'));
  if (raw.length > RUN_CURVE_POINTS) fail('curve', t('compare.record.tooLong', { max: RUN_CURVE_POINTS }));
  return raw.map((p: unknown, i) => {
    const where = `curve[${i}]`;
    if (!isObj(p)) return fail(where, t('compare.record.missing'));
    return {
      epochFloat: num(p, 'epochFloat', 0, epochs, false, `${where}.epochFloat`),
      loss: num(p, 'loss', 0, MAX_LOSS, false, `${where}.loss`),
      accuracy: num(p, 'accuracy', 0, 1, false, `${where}.accuracy`),
    };
  });
}

function checkEpochs(raw: unknown, epochs: number): RunEpoch[] {
  if (!Array.isArray(raw)) return fail('epochs', t('compare.record.missing'));
  if (raw.length > epochs) fail('epochs', t('compare.record.tooLong', { max: epochs }));
  return raw.map((e: unknown, i) => {
    const w = `epochs[${i}]`;
    if (!isObj(e)) return fail(w, t('compare.record.missing'));
    return {
      epoch: num(e, 'epoch', 0, epochs - 1, true, `${w}.epoch`),
      trainLoss: num(e, 'trainLoss', 0, MAX_LOSS, false, `${w}.trainLoss`),
      trainAccuracy: num(e, 'trainAccuracy', 0, 1, false, `${w}.trainAccuracy`),
      valLoss: numOrNull(e, 'valLoss', 0, MAX_LOSS, `${w}.valLoss`),
      valAccuracy: numOrNull(e, 'valAccuracy', 0, 1, `${w}.valAccuracy`),
      testLoss: num(e, 'testLoss', 0, MAX_LOSS, false, `${w}.testLoss`),
      testAccuracy: num(e, 'testAccuracy', 0, 1, false, `${w}.testAccuracy`),
    };
  });
}

/** Checks everything but the weights. Returns a new object with exactly the known fields. Pure. */
export function checkRunSummary(raw: unknown): RunSummary {
  if (!isObj(raw)) throw new RunRecordError(t('compare.record.notRun'));
  const id = raw.id;
  if (typeof id !== 'string' || !RUN_ID.test(id)) fail('id', t('compare.record.badId'));
  const savedAt = text(raw, 'savedAt', 40);
  if (Number.isNaN(Date.parse(savedAt))) fail('savedAt', t('compare.record.notDate'));
  const arch = text(raw, 'arch', 2000);
  try {
    parseArch(arch);
  } catch (err) {
    fail('arch', err instanceof Error ? err.message : String(err));
  }
  const settings = checkSettings(raw.settings);
  const dataset = text(raw, 'dataset', 100);
  const backend = text(raw, 'backend', 20);
  if (raw.ended !== 'finished' && raw.ended !== 'stopped') fail('ended', t('compare.record.option'));
  const curve = checkCurve(raw.curve, settings.epochs);
  const epochs = checkEpochs(raw.epochs, settings.epochs);
  const testAccuracy = numOrNull(raw, 'testAccuracy', 0, 1, 'testAccuracy');
  if (testAccuracy === null && epochs.length > 0) fail('testAccuracy', t('compare.record.missing'));
  const params = num(raw, 'params', 1, APP_MODEL_LIMITS.maxParams, true);
  const wallMs = num(raw, 'wallMs', 0, 30 * 24 * 3600 * 1000);
  const name = raw.name === undefined ? undefined : text(raw, 'name', 60);
  return {
    id: id,
    savedAt,
    arch,
    settings,
    dataset,
    backend,
    ended: raw.ended,
    curve,
    epochs,
    testAccuracy,
    params,
    wallMs,
    ...(name === undefined ? {} : { name }),
  };
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/**
 * Checks the weights' bookkeeping: a topology object, a list of weight specs, and exactly the bytes
 * those specs need for `params` numbers. (The layers themselves are checked against the weights when a
 * run is restored, by the model import's own checks.) Returns the same weights.
 */
export function checkRunWeights(raw: unknown, params: number): RunWeights {
  if (!isObj(raw)) return fail('weights', t('compare.record.missing'));
  if (!isObj(raw.modelTopology)) fail('weights.modelTopology', t('compare.record.missing'));
  if (!Array.isArray(raw.weightSpecs)) return fail('weights.weightSpecs', t('compare.record.missing'));
  if (!(raw.weightData instanceof ArrayBuffer))
    return fail('weights.weightData', t('compare.record.missing'));
  let bytes = 0;
  let count = 0;
  for (const [i, s] of (raw.weightSpecs as unknown[]).entries()) {
    const where = `weights.weightSpecs[${i}]`;
    if (!isObj(s) || typeof s.name !== 'string' || !Array.isArray(s.shape))
      return fail(where, t('compare.record.missing'));
    const size = BYTES[String(s.dtype)];
    if (!size) return fail(`${where}.dtype`, t('compare.record.option'));
    const n = (s.shape as unknown[]).reduce<number>(
      (a, d) => (typeof d === 'number' && Number.isInteger(d) && d >= 0 ? a * d : NaN),
      1,
    );
    if (!Number.isFinite(n)) return fail(`${where}.shape`, t('compare.record.notWhole'));
    bytes += n * size;
    count += n;
  }
  if (bytes !== raw.weightData.byteLength)
    fail('weights.weightData', t('compare.record.bytes', { bytes: raw.weightData.byteLength, want: bytes }));
  // `params` is tfjs's countParams(): every stored number, batch norm's running averages included.
  if (count !== params) fail('params', t('compare.record.params', { params, count }));
  return {
    modelTopology: raw.modelTopology,
    weightSpecs: raw.weightSpecs as tf.io.WeightsManifestEntry[],
    weightData: raw.weightData,
  };
}

/** Checks a whole record (summary and weights); throws RunRecordError naming the wrong field. Pure. */
export function checkRunRecord(raw: unknown): RunRecord {
  const summary = checkRunSummary(raw);
  return { ...summary, weights: checkRunWeights((raw as Obj).weights, summary.params) };
}
