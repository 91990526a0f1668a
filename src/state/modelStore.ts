/**
 * Which LeNet the app uses, and the user's say in it.
 *
 * - The shipped pretrained LeNet-5 is used everywhere until the user chooses their own model. A training
 *   run saves each epoch to its own slot (`RUN_MODEL_SLOT`) and replaces nothing: "Use this model"
 *   (`keepRun`) copies it to "your model" (`MY_MODEL_SLOT`) and chooses it. An import is a choice too.
 * - The choice lives in localStorage (`CHOICE_STORAGE_KEY`), so a reload keeps it.
 * - `forgetMyModels()` deletes both slots and the choice: the next student on a shared laptop starts
 *   with the shipped model.
 * - `modelStore`: `{choice, mine, run, pretrained, version}`; `version` goes up whenever the model Draw
 *   uses may have changed, so a panel holding a model reloads it.
 * - `loadModelFor(want)`: the model for a panel; the caller owns and disposes `model`.
 * - Every other dataset (Fashion-MNIST, a stored set) has its own pair of slots (`modelSlotsFor`) and
 *   its entry in `datasets`: its latest run and its kept model. No shipped model exists for them, so
 *   the kept one is what "Try it" uses (`loadDatasetModel`); `keepRun(id)` keeps a run of that
 *   dataset only. MNIST's fields and functions are unchanged, so MNIST callers need not know.
 */
import {
  clearSavedModel,
  loadModelFromUrl,
  listSavedSlots,
  loadSavedModel,
  modelSlotsFor,
  MY_MODEL_SLOT,
  readSavedMeta,
  slotOwner,
  RUN_MODEL_SLOT,
  saveModel,
  type LoadedModel,
  type ModelMeta,
} from '../engine';
import { checkModelMeta } from '../engine/model/modelMeta';
import { createStore } from './createStore';
import { CHOICE_STORAGE_KEY, parseChoice, resolveModel, type ModelChoice } from './modelWords';

/** One non-MNIST dataset's models: its kept one and its latest run (null when none). */
export type DatasetModels = { mine: ModelMeta | null; run: ModelMeta | null };

export type ModelState = {
  choice: ModelChoice;
  /** The user's kept model ("your model"), or null when there is none. */
  mine: ModelMeta | null;
  /** The latest training run's model, or null. */
  run: ModelMeta | null;
  /** The shipped model's metadata once read. */
  pretrained: ModelMeta | null;
  /** Both slots have been read since the page loaded. */
  checked: boolean;
  version: number;
  /** Every other dataset's models, by dataset id (MNIST's are the fields above). */
  datasets: Readonly<Record<string, DatasetModels>>;
};

function readChoice(): ModelChoice {
  try {
    return parseChoice(globalThis.localStorage?.getItem(CHOICE_STORAGE_KEY));
  } catch {
    return 'pretrained'; // storage blocked (private mode, policy): the shipped model
  }
}

function writeChoice(choice: ModelChoice | null): void {
  try {
    if (choice === null) globalThis.localStorage?.removeItem(CHOICE_STORAGE_KEY);
    else globalThis.localStorage?.setItem(CHOICE_STORAGE_KEY, choice);
  } catch {
    // storage blocked: the choice lasts until the page closes
  }
}

export const modelStore = createStore<ModelState>({
  choice: readChoice(),
  mine: null,
  run: null,
  pretrained: null,
  checked: false,
  version: 0,
  datasets: {},
});

/** The id of the dataset a model was trained on ('mnist' when it does not say). */
export function datasetOf(meta: ModelMeta | null | undefined): string {
  return meta?.dataset?.id ?? 'mnist';
}

/** A dataset's models as the store holds them (MNIST's from its own fields). */
export function modelsOf(s: ModelState, dataset: string): DatasetModels {
  if (dataset === 'mnist') return { mine: s.mine, run: s.run };
  return s.datasets[dataset] ?? { mine: null, run: null };
}

function withDataset(s: ModelState, dataset: string, patch: Partial<DatasetModels>): ModelState {
  const now = modelsOf(s, dataset);
  return { ...s, datasets: { ...s.datasets, [dataset]: { ...now, ...patch } } };
}

/** Reads every other dataset's slots found in IndexedDB (a model in the wrong slot is ignored). */
async function readOtherSlots(): Promise<Record<string, DatasetModels>> {
  const out: Record<string, DatasetModels> = {};
  for (const slot of await listSavedSlots()) {
    const owner = slotOwner(slot);
    if (!owner || owner.dataset === 'mnist') continue;
    const meta = await readSavedMeta(slot);
    if (!meta || datasetOf(meta) !== owner.dataset) continue;
    const entry = (out[owner.dataset] ??= { mine: null, run: null });
    entry[owner.kind] = meta;
  }
  return out;
}

/** Same-origin URL of the shipped pretrained model (works under any base path). */
export function pretrainedModelUrl(): string {
  return new URL('models/lenet5/model.json', document.baseURI).href;
}

/** The shipped model's metadata from its model.json (a few kB; the weights are not fetched). */
async function readPretrainedMeta(): Promise<ModelMeta | null> {
  try {
    const res = await fetch(pretrainedModelUrl());
    const json = (await res.json()) as { userDefinedMetadata?: { cnnStudio?: unknown } };
    return { ...checkModelMeta(json.userDefinedMetadata?.cnnStudio), source: 'pretrained' };
  } catch {
    return null;
  }
}

let checking: Promise<void> | null = null;

/** Reads what is stored (choice, both slots) once per page; later calls wait for the same read. */
export function checkStoredModels(): Promise<void> {
  checking ??= (async () => {
    const [mine, run, pretrained, datasets] = await Promise.all([
      readSavedMeta(MY_MODEL_SLOT),
      readSavedMeta(RUN_MODEL_SLOT),
      readPretrainedMeta(),
      readOtherSlots(),
    ]);
    modelStore.set((s) => ({
      ...s,
      choice: readChoice(),
      mine,
      run,
      pretrained: s.pretrained ?? pretrained,
      checked: true,
      // A run saved while the slots were being read is newer than what was read.
      datasets: { ...datasets, ...s.datasets },
    }));
  })();
  return checking;
}

export type ModelForPanel = LoadedModel & { used: 'pretrained' | 'mine'; fellBack: boolean };

/**
 * The model a panel should use: `'chosen'` (Draw, the lessons about your own network) follows the user's
 * choice; `'pretrained'` (lessons about "the real network, trained on 60,000 digits") is always the
 * shipped one. If the chosen model cannot be read the shipped one is used and `fellBack` says so.
 * The caller disposes `model`.
 */
export async function loadModelFor(want: 'chosen' | 'pretrained'): Promise<ModelForPanel> {
  await checkStoredModels();
  const s = modelStore.get();
  if (resolveModel(s.choice, s.mine, want === 'pretrained') === 'mine') {
    const mine = await loadSavedModel(MY_MODEL_SLOT);
    if (mine) return { ...mine, used: 'mine', fellBack: false };
  }
  const loaded = await loadModelFromUrl(pretrainedModelUrl());
  if (modelStore.get().pretrained?.savedAt !== loaded.meta.savedAt)
    modelStore.set((st) => ({ ...st, pretrained: loaded.meta }));
  return { ...loaded, used: 'pretrained', fellBack: want === 'chosen' && s.choice === 'mine' };
}

/** Switches Draw and the lessons to the shipped model or to the user's; the choice survives a reload. */
export function chooseModel(choice: ModelChoice): void {
  writeChoice(choice);
  modelStore.set((s) => (s.choice === choice ? s : { ...s, choice, version: s.version + 1 }));
}

/**
 * The kept model of a non-MNIST dataset ("Try it"), or null when none is kept (or it cannot be read).
 * The caller disposes `model`.
 */
export async function loadDatasetModel(dataset: string): Promise<LoadedModel | null> {
  await checkStoredModels();
  // The store knows every kept model (read once, then kept up to date): an empty slot is not read.
  if (!modelsOf(modelStore.get(), dataset).mine) return null;
  const loaded = await loadSavedModel(modelSlotsFor(dataset).mine);
  if (loaded && datasetOf(loaded.meta) !== dataset) {
    loaded.model.dispose();
    return null;
  }
  return loaded;
}

/** A training run saved an epoch: it becomes its dataset's run on offer, nothing else changes. */
export function noteRunSaved(meta: ModelMeta): void {
  const dataset = datasetOf(meta);
  modelStore.set((s) => (dataset === 'mnist' ? { ...s, run: meta } : withDataset(s, dataset, { run: meta })));
}

/** An import was saved as the user's model: importing is choosing it. */
export function noteImported(meta: ModelMeta): void {
  writeChoice('mine');
  modelStore.set((s) => ({ ...s, mine: meta, choice: 'mine', version: s.version + 1 }));
}

/**
 * Makes the latest run of `dataset` "your model" of that dataset (the "Use this model" action); for
 * MNIST it also chooses it for Draw and the lessons. Another dataset's run never touches MNIST's model.
 * Throws ModelStorageError when the browser cannot store it; then nothing changes.
 */
export async function keepRun(dataset = 'mnist'): Promise<void> {
  const slots = modelSlotsFor(dataset);
  const run = await loadSavedModel(slots.run);
  if (!run) throw new Error('no run saved');
  try {
    if (datasetOf(run.meta) !== dataset) throw new Error('the run belongs to another dataset');
    await saveModel(run.model, run.meta, slots.mine);
  } finally {
    run.model.dispose();
  }
  if (dataset !== 'mnist') {
    modelStore.set((s) => ({ ...withDataset(s, dataset, { mine: run.meta }), version: s.version + 1 }));
    return;
  }
  writeChoice('mine');
  modelStore.set((s) => ({ ...s, mine: run.meta, choice: 'mine', version: s.version + 1 }));
}

/** Deletes every stored model of every dataset and the choice: back to the shipped state. */
export async function forgetMyModels(): Promise<void> {
  await clearSavedModel();
  writeChoice(null);
  modelStore.set((s) => ({
    ...s,
    choice: 'pretrained',
    mine: null,
    run: null,
    datasets: {},
    version: s.version + 1,
  }));
}
