/**
 * The model store against tfjs' real IndexedDB handlers, on fake-indexeddb (node has no IndexedDB):
 * a run replaces nothing, keeping it chooses it, the choice survives a "reload" (a fresh module with the
 * same storage), and forgetting restores the shipped state.
 */
import 'fake-indexeddb/auto';
import { vi } from 'vitest';

// tfjs registers its indexeddb:// handlers and model manager only when it loads in a browser (it checks
// for `window`) and finds the IndexedDB factory on `self`: pretend, before tfjs loads.
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window = globalThis;
  (globalThis as { self?: unknown }).self = globalThis;
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as StoreModule from '../../../src/state/modelStore';
import type * as EngineModule from '../../../src/engine';

const dir = resolve(import.meta.dirname, '../../../public/models/lenet5');
const shippedJson = readFileSync(resolve(dir, 'model.json'), 'utf8');
const shippedWeights = readFileSync(resolve(dir, 'weights.bin'));

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}
const storage = new MemoryStorage();
(globalThis as { localStorage?: unknown }).localStorage = storage;
(globalThis as { document?: unknown }).document = { baseURI: 'http://app.test/' };

// The shipped model over "HTTP": the real files from public/models/lenet5.
vi.stubGlobal('fetch', (input: RequestInfo | URL): Promise<Response> => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.endsWith('model.json'))
    return Promise.resolve(new Response(shippedJson, { headers: { 'content-type': 'application/json' } }));
  if (url.endsWith('weights.bin')) return Promise.resolve(new Response(Uint8Array.from(shippedWeights)));
  return Promise.resolve(new Response('', { status: 404 }));
});

type Store = typeof StoreModule;
type Engine = typeof EngineModule;
let engine: Engine;

/** A fresh copy of the store module, as after a page reload (storage and IndexedDB persist). */
async function freshStore(): Promise<Store> {
  vi.resetModules();
  return import('../../../src/state/modelStore');
}

/** Saves a small random LeNet to the run slot, as the training worker does after an epoch. */
async function saveRun(acc: number, savedAt: string): Promise<void> {
  const model = engine.buildLeNet(undefined, 1);
  await engine.saveModel(
    model,
    { source: 'trained', testAccuracy: acc, epochs: 1, trainDigits: 1000, savedAt },
    engine.RUN_MODEL_SLOT,
  );
  model.dispose();
}

beforeAll(async () => {
  engine = await import('../../../src/engine');
  await engine.initBackend('cpu');
}, 60_000);

beforeEach(async () => {
  await engine.clearSavedModel();
  storage.removeItem('cnn-studio.model-choice');
});

describe('model store', () => {
  it('starts on the shipped model, and a saved run replaces nothing until it is kept', async () => {
    let store = await freshStore();
    const first = await store.loadModelFor('chosen');
    expect(first.used).toBe('pretrained');
    expect(first.meta.testAccuracy).toBeCloseTo(0.9908, 4);
    first.model.dispose();

    await saveRun(0.348, '2026-11-29T18:00:00.000Z');
    store = await freshStore();
    await store.checkStoredModels();
    expect(store.modelStore.get()).toMatchObject({ choice: 'pretrained', mine: null });
    expect(store.modelStore.get().run?.testAccuracy).toBe(0.348);
    const still = await store.loadModelFor('chosen');
    expect(still.used).toBe('pretrained');
    still.model.dispose();

    const v = store.modelStore.get().version;
    await store.keepRun();
    expect(store.modelStore.get()).toMatchObject({ choice: 'mine' });
    expect(store.modelStore.get().mine?.testAccuracy).toBe(0.348);
    expect(store.modelStore.get().version).toBeGreaterThan(v);
    const mine = await store.loadModelFor('chosen');
    expect(mine.used).toBe('mine');
    expect(mine.meta.trainDigits).toBe(1000);
    mine.model.dispose();
    // Lessons about "the real network" still get the shipped one.
    const real = await store.loadModelFor('pretrained');
    expect(real.used).toBe('pretrained');
    real.model.dispose();
  });

  it('the choice survives a reload; a newer run does not replace the kept model', async () => {
    await saveRun(0.348, '2026-11-29T18:00:00.000Z');
    let store = await freshStore();
    await store.checkStoredModels();
    await store.keepRun();
    await saveRun(0.5, '2026-11-29T18:10:00.000Z');

    store = await freshStore();
    await store.checkStoredModels();
    const s = store.modelStore.get();
    expect(s.choice).toBe('mine');
    expect(s.mine?.testAccuracy).toBe(0.348);
    expect(s.run?.testAccuracy).toBe(0.5);
    const m = await store.loadModelFor('chosen');
    expect(m.meta.testAccuracy).toBe(0.348);
    m.model.dispose();

    store.chooseModel('pretrained');
    store = await freshStore();
    await store.checkStoredModels();
    expect(store.modelStore.get().choice).toBe('pretrained');
  });

  it('forget deletes both slots and the choice: the shipped state, also after a reload', async () => {
    await saveRun(0.348, '2026-11-29T18:00:00.000Z');
    let store = await freshStore();
    await store.checkStoredModels();
    await store.keepRun();
    await store.forgetMyModels();
    expect(store.modelStore.get()).toMatchObject({ choice: 'pretrained', mine: null, run: null });
    expect(storage.getItem('cnn-studio.model-choice')).toBeNull();

    store = await freshStore();
    await store.checkStoredModels();
    expect(store.modelStore.get()).toMatchObject({ choice: 'pretrained', mine: null, run: null });
    const m = await store.loadModelFor('chosen');
    expect(m.used).toBe('pretrained');
    m.model.dispose();
  });

  it('a stored choice of "mine" with no model falls back to the shipped one and says so', async () => {
    storage.setItem('cnn-studio.model-choice', 'mine');
    const store = await freshStore();
    const m = await store.loadModelFor('chosen');
    expect(m.used).toBe('pretrained');
    expect(m.fellBack).toBe(true);
    m.model.dispose();
  });

  it('a designed run (conv8k3-maxpool2-dense32) is offered, kept, chosen and loaded with its layers', async () => {
    const spec = engine.mnistSpec(engine.parseArch('conv8k3-maxpool2-dense32'));
    const model = engine.buildModel(spec, 2);
    await engine.saveModel(
      model,
      {
        source: 'trained',
        testAccuracy: 0.9,
        epochs: 1,
        trainDigits: 3000,
        savedAt: '2026-11-29T19:00:00.000Z',
      },
      engine.RUN_MODEL_SLOT,
    );
    model.dispose();
    const store = await freshStore();
    await store.checkStoredModels();
    expect(store.modelStore.get().run?.arch).toBe('conv8k3-maxpool2-dense32');
    await store.keepRun();
    expect(store.modelStore.get().mine?.arch).toBe('conv8k3-maxpool2-dense32');
    const mine = await store.loadModelFor('chosen');
    expect(mine.used).toBe('mine');
    expect(mine.spec).toEqual(spec);
    expect(mine.config).toBeNull();
    mine.model.dispose();
  });
});

describe('models per dataset', () => {
  const FASHION = {
    id: 'fashion-mnist',
    classNames: [
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ],
    inputShape: [28, 28, 1] as [number, number, number],
  };
  const SHAPES = {
    id: 'shapes',
    classNames: ['circle', 'square', 'triangle'],
    inputShape: [32, 32, 3] as [number, number, number],
  };

  /** Saves a small network for `dataset` to `slot`, as the training worker does for that dataset. */
  async function saveFor(
    dataset: typeof FASHION,
    slot: EngineModule.ModelSlot,
    acc: number,
    savedAt: string,
    metaDataset: typeof FASHION = dataset,
  ): Promise<void> {
    const spec = {
      inputShape: dataset.inputShape,
      classes: dataset.classNames.length,
      layers: engine.parseArch('conv4k3-maxpool2-dense8'),
    };
    const model = engine.buildModel(spec, 3);
    await engine.saveModel(
      model,
      { source: 'trained', testAccuracy: acc, epochs: 1, trainDigits: 1000, savedAt, dataset: metaDataset },
      slot,
    );
    model.dispose();
  }

  it('each dataset has its own slots; MNIST keeps the ones it always had', () => {
    expect(engine.modelSlotsFor('mnist')).toEqual({ mine: engine.MY_MODEL_SLOT, run: engine.RUN_MODEL_SLOT });
    const f = engine.modelSlotsFor('fashion-mnist');
    const s = engine.modelSlotsFor('my shapes/2');
    expect(new Set([f.mine, f.run, s.mine, s.run, engine.MY_MODEL_SLOT, engine.RUN_MODEL_SLOT]).size).toBe(6);
    expect(engine.slotOwner(s.run)).toEqual({ dataset: 'my shapes/2', kind: 'run' });
    expect(engine.slotOwner(f.mine)).toEqual({ dataset: 'fashion-mnist', kind: 'mine' });
    expect(engine.slotOwner(engine.RUN_MODEL_SLOT)).toEqual({ dataset: 'mnist', kind: 'run' });
    expect(engine.slotOwner('indexeddb://someone-else')).toBeNull();
  });

  it('a Fashion-MNIST run never replaces the MNIST model; keeping it is per dataset and survives a reload', async () => {
    await saveRun(0.348, '2026-11-29T18:00:00.000Z');
    let store = await freshStore();
    await store.checkStoredModels();
    await store.keepRun(); // MNIST: your model, chosen for Draw
    await saveFor(FASHION, engine.modelSlotsFor('fashion-mnist').run, 0.81, '2026-11-29T18:30:00.000Z');

    store = await freshStore();
    await store.checkStoredModels();
    let s = store.modelStore.get();
    expect(s.mine?.testAccuracy).toBe(0.348);
    expect(s.run?.testAccuracy).toBe(0.348);
    expect(store.modelsOf(s, 'fashion-mnist').run?.testAccuracy).toBe(0.81);
    expect(store.modelsOf(s, 'fashion-mnist').run?.dataset?.classNames[1]).toBe('Trouser');
    expect(store.modelsOf(s, 'fashion-mnist').mine).toBeNull();
    // Not kept yet: Try it has no Fashion-MNIST model.
    expect(await store.loadDatasetModel('fashion-mnist')).toBeNull();

    await store.keepRun('fashion-mnist');
    s = store.modelStore.get();
    expect(s.choice).toBe('mine');
    expect(s.mine?.testAccuracy).toBe(0.348);
    expect(store.modelsOf(s, 'fashion-mnist').mine?.testAccuracy).toBe(0.81);

    store = await freshStore();
    await store.checkStoredModels();
    const draw = await store.loadModelFor('chosen');
    expect(draw.used).toBe('mine');
    expect(draw.meta.testAccuracy).toBe(0.348);
    expect(draw.spec.classes).toBe(10);
    draw.model.dispose();
    const tryIt = await store.loadDatasetModel('fashion-mnist');
    expect(tryIt?.meta.testAccuracy).toBe(0.81);
    expect(tryIt?.meta.dataset).toEqual(FASHION);
    tryIt?.model.dispose();
  });

  it('a 3-class colour dataset’s run is kept and loads with its shape; keeping a dataset with no run fails', async () => {
    await saveFor(SHAPES, engine.modelSlotsFor('shapes').run, 0.9, '2026-11-29T19:00:00.000Z');
    const store = await freshStore();
    await store.checkStoredModels();
    await expect(store.keepRun('fashion-mnist')).rejects.toThrow();
    await store.keepRun('shapes');
    const loaded = await store.loadDatasetModel('shapes');
    expect(loaded?.spec.inputShape).toEqual([32, 32, 3]);
    expect(loaded?.spec.classes).toBe(3);
    expect(loaded?.meta.dataset?.classNames).toEqual(['circle', 'square', 'triangle']);
    loaded?.model.dispose();
    // MNIST untouched.
    expect(store.modelStore.get()).toMatchObject({ choice: 'pretrained', mine: null, run: null });
  });

  it('a model whose metadata names another dataset than its slot is ignored', async () => {
    await saveFor(FASHION, engine.modelSlotsFor('shapes').mine, 0.5, '2026-11-29T19:10:00.000Z');
    const store = await freshStore();
    await store.checkStoredModels();
    expect(store.modelsOf(store.modelStore.get(), 'shapes').mine).toBeNull();
    expect(await store.loadDatasetModel('shapes')).toBeNull();
  });

  it('forget deletes every dataset’s models, also after a reload', async () => {
    await saveRun(0.348, '2026-11-29T18:00:00.000Z');
    await saveFor(FASHION, engine.modelSlotsFor('fashion-mnist').run, 0.81, '2026-11-29T18:30:00.000Z');
    await saveFor(SHAPES, engine.modelSlotsFor('shapes').run, 0.9, '2026-11-29T19:00:00.000Z');
    let store = await freshStore();
    await store.checkStoredModels();
    await store.keepRun('fashion-mnist');
    await store.keepRun('shapes');
    await store.forgetMyModels();
    expect(store.modelStore.get().datasets).toEqual({});
    expect(await engine.listSavedSlots()).toEqual([]);

    store = await freshStore();
    await store.checkStoredModels();
    const s = store.modelStore.get();
    expect(s).toMatchObject({ choice: 'pretrained', mine: null, run: null, datasets: {} });
    expect(await store.loadDatasetModel('fashion-mnist')).toBeNull();
  });
});
