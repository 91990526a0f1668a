/**
 * Which LeNet is "current" for the whole app (Train writes it, Draw reads it).
 *
 * - `modelStore`: `{source, meta, version}`; `version` goes up whenever the saved model changes, so a
 *   panel that holds a model knows to reload it (subscribe with `useStore(modelStore, s => s.version)`).
 * - `loadCurrentModel()`: the IndexedDB copy if there is one, else the shipped pretrained LeNet-5
 *   (`public/models/lenet5/model.json`). The caller owns and disposes the returned model.
 * - `noteModelChanged(meta)`: called after Train saves or imports a model.
 */
import {
  loadCurrentModel as loadFromEngine,
  type LoadedModel,
  type ModelMeta,
  type ModelSource,
} from '../engine';
import { createStore } from './createStore';

export type ModelState = {
  source: ModelSource | 'none';
  meta: ModelMeta | null;
  version: number;
};

export const modelStore = createStore<ModelState>({ source: 'none', meta: null, version: 0 });

/** Same-origin URL of the shipped pretrained model (works under any base path). */
export function pretrainedModelUrl(): string {
  return new URL('models/lenet5/model.json', document.baseURI).href;
}

/** Loads the current model and records which one it is. Caller disposes `model`. */
export async function loadCurrentModel(): Promise<LoadedModel> {
  const loaded = await loadFromEngine({ pretrainedUrl: pretrainedModelUrl() });
  const { meta } = loaded;
  if (modelStore.get().meta?.savedAt !== meta.savedAt || modelStore.get().source !== meta.source) {
    modelStore.set((s) => ({ ...s, source: meta.source, meta }));
  }
  return loaded;
}

/** Announces that the saved model changed (a new epoch, an import, a reset). */
export function noteModelChanged(meta: ModelMeta | null): void {
  modelStore.set((s) => ({ source: meta?.source ?? 'none', meta, version: s.version + 1 }));
}
