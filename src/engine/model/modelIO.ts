/**
 * Where the "current" network (LeNet or designed) lives and how it moves between tabs, files and the repo.
 *
 * API (used by Train and Draw; all async, all return models the CALLER disposes with `model.dispose()`):
 * Two IndexedDB slots, so a practice run never replaces the model Draw uses without the user choosing it:
 *   `MY_MODEL_SLOT` (`indexeddb://cnn-studio-lenet`): "your model", the one the user chose to keep (or imported);
 *   `RUN_MODEL_SLOT` (`indexeddb://cnn-studio-lenet-run`): the latest training run, saved after each epoch.
 *
 *   loadSavedModel(slot?)               → {model, meta} | null (IndexedDB only; default: your model)
 *   readSavedMeta(slot)                 → ModelMeta | null: the stored metadata, without building a model
 *   loadModelFromUrl(url)               → {model, meta} (e.g. the shipped model)
 *   saveModel(model, meta, slot?)       → writes IndexedDB; throws ModelStorageError (unavailable / full)
 *   clearSavedModel(slot?)              → removes one IndexedDB copy (default: both slots)
 *   exportModel(model, meta)            → {modelJson: string, weights: ArrayBuffer} in the TF.js layers format,
 *                                         model.json naming its weights file `weights.bin`; the UI downloads both
 *   importModelFromFiles(files)         → {model, meta}; throws ModelImportError with a plain reason when the
 *                                         files are not a model this app can run (nothing else is touched)
 *   checkAppArtifacts(artifacts)        → ModelSpec or throws ModelImportError (pure, no tensors): any
 *                                         network of the editor's layer kinds, LeNet included
 *
 * The metadata (where the model came from, its test accuracy) travels inside model.json as
 * `userDefinedMetadata.cnnStudio`, so a file handed to a class keeps its story.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { t } from '../../i18n';
import { formatArch } from './archCodec';
import { specFromTopology } from './importSpec';
import { analyzeSpec } from './layerArithmetic';
import type { LeNetConfig } from './lenet';
import type { ModelSpec } from './modelSpec';
import { lenetConfigOfSpec } from './predict';
import { checkModelMeta } from './modelMeta';
import { APP_MODEL_LIMITS, ModelCheckError, validateModelArtifacts } from './validateArtifacts';

export const MY_MODEL_SLOT = 'indexeddb://cnn-studio-lenet';
export const RUN_MODEL_SLOT = 'indexeddb://cnn-studio-lenet-run';
/** An IndexedDB slot of this app: MNIST's two above, or another dataset's (see `modelSlotsFor`). */
export type ModelSlot = `indexeddb://cnn-studio-${string}`;
/** Every slot this app writes starts so: "Forget my models" removes all of them. */
const SLOT_PREFIX = 'indexeddb://cnn-studio-';
const OTHER_MINE_PREFIX = `${SLOT_PREFIX}model-`;
const OTHER_RUN_PREFIX = `${SLOT_PREFIX}run-`;

/**
 * The two slots ("your model", the latest run) of a dataset. MNIST keeps the slots it always had (so a
 * model kept before datasets existed is still found); every other dataset has its own pair, so training
 * on clothes or shapes never replaces the digit model Draw uses. Pure.
 */
export function modelSlotsFor(datasetId: string): { mine: ModelSlot; run: ModelSlot } {
  if (datasetId === 'mnist') return { mine: MY_MODEL_SLOT, run: RUN_MODEL_SLOT };
  const key = encodeURIComponent(datasetId);
  return { mine: `${OTHER_MINE_PREFIX}${key}`, run: `${OTHER_RUN_PREFIX}${key}` };
}

/** Which dataset and slot kind a stored slot key belongs to (null: not one of ours). Pure. */
export function slotOwner(slot: string): { dataset: string; kind: 'mine' | 'run' } | null {
  if (slot === MY_MODEL_SLOT) return { dataset: 'mnist', kind: 'mine' };
  if (slot === RUN_MODEL_SLOT) return { dataset: 'mnist', kind: 'run' };
  for (const [prefix, kind] of [
    [OTHER_MINE_PREFIX, 'mine'],
    [OTHER_RUN_PREFIX, 'run'],
  ] as const) {
    if (!slot.startsWith(prefix)) continue;
    try {
      const dataset = decodeURIComponent(slot.slice(prefix.length));
      return dataset && dataset !== 'mnist' ? { dataset, kind } : null;
    } catch {
      return null; // not written by modelSlotsFor
    }
  }
  return null;
}

/** The slots this browser holds a model in (IndexedDB keys); empty when there is no IndexedDB. */
export async function listSavedSlots(): Promise<ModelSlot[]> {
  try {
    const all = await tf.io.listModels();
    return Object.keys(all).filter((k): k is ModelSlot => k.startsWith(SLOT_PREFIX));
  } catch {
    return [];
  }
}
export const WEIGHTS_FILE_NAME = 'weights.bin';

export type ModelSource = 'trained' | 'pretrained' | 'imported';

/**
 * The dataset a model was trained on: its link id, the names of its classes (output unit k is
 * `classNames[k]`) and the picture it reads. A model without one is an MNIST model (the shipped LeNet,
 * and every model saved before datasets existed).
 */
export type ModelDataset = {
  id: string;
  classNames: string[];
  inputShape: [h: number, w: number, c: number];
};

export type ModelMeta = {
  source: ModelSource;
  /** Fraction of the 10,000 MNIST test digits classified right (0..1), when known. */
  testAccuracy?: number;
  epochs?: number;
  /** How many training digits a trained model learnt from (after any validation split). */
  trainDigits?: number;
  savedAt?: string;
  /** File name for imported models, or a short note. */
  name?: string;
  config?: LeNetConfig;
  /** The network as link text (see archCodec), for any designed network. */
  arch?: string;
  /** What it was trained on; absent means MNIST. */
  dataset?: ModelDataset;
};

/** What a model of `meta` must look like: MNIST's 10 classes of 28×28×1 unless its dataset says else. */
export function expectedShape(meta: Pick<ModelMeta, 'dataset'> | null | undefined): ExpectedShape {
  const d = meta?.dataset;
  return d ? { classes: d.classNames.length, inputShape: d.inputShape } : MNIST_SHAPE;
}

export type ExpectedShape = { classes: number; inputShape: readonly [number, number, number] };
const MNIST_SHAPE: ExpectedShape = { classes: 10, inputShape: [28, 28, 1] };

/**
 * A model ready to use: its layers as the shared model description (`spec`, read from the file's own
 * topology, so it always matches the weights) and LeNet's knobs when it is a LeNet stack (else null).
 */
export type LoadedModel = {
  model: tfl.LayersModel;
  meta: ModelMeta;
  spec: ModelSpec;
  config: LeNetConfig | null;
};

/** The model could not be stored (IndexedDB unavailable, refused, or full). Training can go on. */
export class ModelStorageError extends Error {
  override name = 'ModelStorageError';
}

/** An imported model was refused; `message` says why in plain words. The current model is untouched. */
export class ModelImportError extends Error {
  override name = 'ModelImportError';
}

/**
 * Checks that model artifacts describe a network this app can run and show, whatever its layers (LeNet
 * or designed in the layer editor): first `validateModelArtifacts` (layer kinds, shapes against the
 * weight specs, the app's limits, byte count, no NaN/Infinity), then that the stack reads as the
 * shared model description (conv, pooling, batch norm, dropout, dense, a softmax output of 10 digits)
 * and that every layer fits its input. Returns the description; throws ModelImportError naming the
 * layer and the reason otherwise. Pure.
 */
export function checkAppArtifacts(
  artifacts: tf.io.ModelArtifacts,
  expected: ExpectedShape = MNIST_SHAPE,
): ModelSpec {
  if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) {
    throw new ModelImportError(t('engine.model.noTopology'));
  }
  try {
    validateModelArtifacts(artifacts.modelTopology, artifacts.weightSpecs, artifacts.weightData, {
      ...APP_MODEL_LIMITS,
      inputShape: expected.inputShape,
    });
  } catch (err) {
    if (err instanceof ModelCheckError) throw new ModelImportError(err.message);
    throw err;
  }
  const spec = specFromTopology(artifacts.modelTopology);
  if (spec.classes !== expected.classes) {
    throw new ModelImportError(t('engine.model.wrongOutput', { units: String(spec.classes) }));
  }
  const fits = analyzeSpec(spec);
  if (!fits.ok) throw new ModelImportError(fits.problem.message);
  return spec;
}

/**
 * Builds the model from checked artifacts. If tfjs throws half-way, every variable it had made is
 * disposed, so a refusal leaks nothing. Returns a model the caller disposes.
 */
async function buildChecked(artifacts: tf.io.ModelArtifacts): Promise<tfl.LayersModel> {
  const engine = tf.engine();
  const before = new Set(Object.keys(engine.state.registeredVariables));
  const disposeNewVariables = () => {
    for (const [name, v] of Object.entries(engine.state.registeredVariables)) {
      if (!before.has(name)) v.dispose();
    }
  };
  let building: Promise<tfl.LayersModel>;
  // modelFromJSON builds the layers synchronously before its first await (it has no weights to fetch),
  // so this scope frees every temporary the initialisers made and nothing of anyone else's.
  engine.startScope();
  try {
    building = tfl.models.modelFromJSON({
      modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
    });
  } finally {
    engine.endScope();
  }
  let model: tfl.LayersModel;
  try {
    model = await building;
  } catch (err) {
    disposeNewVariables();
    console.warn('Building the imported model failed:', err);
    throw new ModelImportError(t('engine.model.weightsMisfit'));
  }
  try {
    tf.tidy(() => {
      const values = tf.io.decodeWeights(
        artifacts.weightData ?? new ArrayBuffer(0),
        artifacts.weightSpecs ?? [],
      );
      model.loadWeights(values, true);
    });
  } catch (err) {
    model.dispose();
    console.warn('Loading the weights into the model failed:', err);
    throw new ModelImportError(t('engine.model.weightsMisfit'));
  }
  return model;
}

/** `ownSlot`: the artifacts come from this app's own IndexedDB slot, so its stored source is kept. */
async function loadChecked(
  handler: tf.io.IOHandler,
  fallback: ModelMeta,
  ownSlot = false,
): Promise<LoadedModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  if (!handler.load) throw new ModelImportError(t('engine.model.unreadableSource'));
  try {
    artifacts = await handler.load();
  } catch (err) {
    console.warn('Reading the model files failed:', err);
    throw new ModelImportError(t('engine.model.unreadable'));
  }
  const stored = (artifacts.userDefinedMetadata as { cnnStudio?: unknown } | undefined)?.cnnStudio;
  // Only this app's own slots may say they hold another dataset's model; a file is an MNIST model.
  const expected = ownSlot ? expectedShape(checkModelMeta(stored)) : MNIST_SHAPE;
  const spec = checkAppArtifacts(artifacts, expected);
  const model = await buildChecked(artifacts);
  const out = model.outputs[0]?.shape;
  if (!out || out[out.length - 1] !== expected.classes) {
    model.dispose();
    throw new ModelImportError(t('engine.model.not10'));
  }
  // The architecture shown is the one the weights belong to, never the file's own claim.
  const { dataset, ...told } = checkModelMeta(stored);
  const meta: ModelMeta = {
    ...fallback,
    ...told,
    ...(ownSlot ? { source: savedSource(stored), ...(dataset ? { dataset } : {}) } : {}),
    arch: formatArch(spec.layers),
  };
  return { model, meta, spec, config: lenetConfigOfSpec(spec) };
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The IndexedDB copy, or null when there is none or IndexedDB is unavailable. Caller disposes the model. */
export async function loadSavedModel(slot: ModelSlot = MY_MODEL_SLOT): Promise<LoadedModel | null> {
  let handler: tf.io.IOHandler | undefined;
  try {
    // tfjs's IndexedDB router throws (not returns nothing) when the page has no IndexedDB at all.
    handler = tf.io.getLoadHandlers(slot)[0];
  } catch {
    return null;
  }
  if (!handler) return null;
  try {
    return await loadChecked(handler, { source: 'trained' }, true);
  } catch {
    return null;
  }
}

/**
 * Where a model this browser stored came from: 'imported' when this app saved an import, else
 * 'trained'. Only for the app's own IndexedDB slots; a file's claim about its source is never read.
 */
function savedSource(raw: unknown): ModelSource {
  return (raw as { source?: unknown } | undefined)?.source === 'imported' ? 'imported' : 'trained';
}

/**
 * The metadata stored with a slot's model (its `arch` read from the stored layers), or null when the
 * slot is empty, unreadable or not a network this app can run.
 * Reads the stored bytes only: no tensors are made, so nothing to dispose.
 */
export async function readSavedMeta(slot: ModelSlot): Promise<ModelMeta | null> {
  try {
    // getLoadHandlers throws when the page has no IndexedDB at all.
    const handler = tf.io.getLoadHandlers(slot)[0];
    if (!handler?.load) return null;
    const artifacts = await handler.load();
    const u = artifacts.userDefinedMetadata as { cnnStudio?: unknown } | undefined;
    const meta = checkModelMeta(u?.cnnStudio);
    const spec = checkAppArtifacts(artifacts, expectedShape(meta));
    return {
      ...meta,
      source: savedSource(u?.cnnStudio),
      arch: formatArch(spec.layers),
    };
  } catch {
    return null;
  }
}

/** Loads a model.json (plus weights beside it) over HTTP. Caller disposes the model. */
export async function loadModelFromUrl(url: string): Promise<LoadedModel> {
  return loadChecked(tf.io.http(url), { source: 'pretrained' });
}

/** Saves to IndexedDB. Throws ModelStorageError with a plain reason when it cannot. */
export async function saveModel(
  model: tfl.LayersModel,
  meta: ModelMeta,
  slot: ModelSlot = MY_MODEL_SLOT,
): Promise<void> {
  model.setUserDefinedMetadata({ cnnStudio: { ...meta, savedAt: meta.savedAt ?? new Date().toISOString() } });
  let handlers: tf.io.IOHandler[] = [];
  try {
    // Throws when the page has no IndexedDB at all (private modes, some embedded browsers).
    handlers = tf.io.getSaveHandlers(slot);
  } catch {
    // handled below: no handler means no storage
  }
  if (handlers.length === 0) throw new ModelStorageError(t('engine.model.noIndexedDb'));
  try {
    await model.save(slot);
  } catch (err) {
    const text = errText(err);
    const full = /quota|space|full/i.test(text);
    if (!full) console.warn('Saving the model failed:', err);
    throw new ModelStorageError(full ? t('engine.model.storageFull') : t('engine.model.notSaved'));
  }
}

/**
 * Deletes one IndexedDB copy (default: every slot of this app, each dataset's, both kinds); a missing
 * copy is not an error.
 */
export async function clearSavedModel(slot?: ModelSlot): Promise<void> {
  const all = slot ? [slot] : [...new Set([MY_MODEL_SLOT, RUN_MODEL_SLOT, ...(await listSavedSlots())])];
  for (const s of all) {
    try {
      await tf.io.removeModel(s);
    } catch {
      // nothing saved, or no IndexedDB: either way there is nothing to clear
    }
  }
}

/**
 * The model in the TF.js layers format: model.json text (weights path `weights.bin`) and the weight bytes.
 * Plain values; nothing to dispose.
 */
export async function exportModel(
  model: tfl.LayersModel,
  meta: ModelMeta,
): Promise<{ modelJson: string; weights: ArrayBuffer }> {
  model.setUserDefinedMetadata({ cnnStudio: meta });
  let out: { modelJson: string; weights: ArrayBuffer } | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? 'TensorFlow.js',
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [WEIGHTS_FILE_NAME], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      out = { modelJson: JSON.stringify(json), weights };
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' as const },
      });
    }),
  );
  // Cannot happen unless tfjs skips the save handler: a developer's error, so it stays English.
  if (!out) throw new Error('export produced nothing');
  return out;
}

/** What a user picked in a file input: anything with a name and its bytes (a File fits). */
export type PickedFile = {
  name: string;
  /** Bytes, when known before reading (a File knows): lets a huge file be refused unread. */
  size?: number;
  text: () => Promise<string>;
  arrayBuffer: () => Promise<ArrayBuffer>;
};

/** A model.json is a few kilobytes; anything far bigger is not one (and is not read into memory). */
const MAX_JSON_BYTES = 1_000_000;
const MAX_WEIGHT_BYTES = APP_MODEL_LIMITS.maxParams * 4;

/** The weights manifest's groups with their file paths, or null when it is not a list of such groups. */
function manifestGroups(raw: unknown): tf.io.WeightsManifestConfig | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return null;
  for (const g of raw) {
    if (typeof g !== 'object' || g === null) return null;
    const { paths, weights } = g as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) return null;
    if (!Array.isArray(weights)) return null;
  }
  return raw as tf.io.WeightsManifestConfig;
}

/**
 * Builds a model from user files: one `*.json` plus the weights file(s) it names. Refuses anything that
 * is not a network of the editor's layer kinds for 28×28 digits with a ModelImportError saying why
 * (which layer, what is wrong), before building anything.
 * The file's own accuracy claim is not kept (the caller measures the model). Caller disposes the model.
 */
export async function importModelFromFiles(files: readonly PickedFile[]): Promise<LoadedModel> {
  const jsonFile = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  if (!jsonFile) throw new ModelImportError(t('engine.model.pickJson'));
  const shown = clipName(jsonFile.name);
  if ((jsonFile.size ?? 0) > MAX_JSON_BYTES) {
    throw new ModelImportError(t('engine.model.jsonTooBig', { file: shown }));
  }
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(await jsonFile.text()) as tf.io.ModelJSON;
  } catch {
    throw new ModelImportError(t('engine.model.notJson', { file: shown }));
  }
  if (!modelJson || typeof modelJson !== 'object' || !modelJson.modelTopology) {
    throw new ModelImportError(t('engine.model.notLayersModel', { file: shown }));
  }
  const manifest = manifestGroups(modelJson.weightsManifest);
  if (!manifest) throw new ModelImportError(t('engine.model.badManifest'));
  const paths = manifest.flatMap((g) => g.paths);
  let total = 0;
  const picked: PickedFile[] = [];
  for (const p of paths) {
    const base = p.split('/').pop() ?? p;
    const file =
      files.find((f) => f.name === base) ??
      (paths.length === 1 ? files.find((f) => f !== jsonFile) : undefined);
    if (!file) throw new ModelImportError(t('engine.model.needWeights', { file: clipName(base) }));
    total += file.size ?? 0;
    picked.push(file);
  }
  if (total > MAX_WEIGHT_BYTES) {
    throw new ModelImportError(
      t('engine.model.weightsTooBig', {
        bytes: total.toLocaleString('en-US'),
        max: MAX_WEIGHT_BYTES.toLocaleString('en-US'),
      }),
    );
  }
  const buffers: ArrayBuffer[] = [];
  for (const file of picked) buffers.push(await file.arrayBuffer());
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: modelJson.modelTopology,
    weightSpecs: tf.io.getWeightSpecs(manifest),
    weightData: tf.io.concatenateArrayBuffers(buffers),
    ...(modelJson.userDefinedMetadata ? { userDefinedMetadata: modelJson.userDefinedMetadata } : {}),
  };
  const loaded = await loadChecked(tf.io.fromMemory(artifacts), { source: 'imported' });
  const { testAccuracy: _claimed, ...rest } = loaded.meta;
  loaded.meta = { ...rest, source: 'imported', name: shown };
  return loaded;
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/** Copies weights as plain arrays (for "last good weights"). Plain values; nothing to dispose. */
export async function readWeights(model: tfl.LayersModel): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const w of model.getWeights()) out.push((await w.data()) as Float32Array);
  return out;
}

/** Writes weights read by `readWeights` back into a model of the same architecture. */
export function writeWeights(model: tfl.LayersModel, values: readonly Float32Array[]): void {
  const current = model.getWeights();
  const tensors = current.map((w, i) => tf.tensor(values[i] ?? new Float32Array(w.size), w.shape, 'float32'));
  model.setWeights(tensors);
  for (const t of tensors) t.dispose();
}
