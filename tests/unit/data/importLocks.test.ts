import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetInfo } from '../../../src/engine/data/datasets';
import { openDatasetWriter } from '../../../src/engine/data/datasetStaging';
import { CHUNK, deleteStoredDataset, listStoredDatasets } from '../../../src/engine/data/datasetStore';
import { importsRunningNow, takeImportLock } from '../../../src/engine/data/importLocks';
import { rowsFor } from '../../support/datasetRows';

/**
 * Web Locks as the browser has them for these calls (Node has none): a named exclusive lock is held
 * while the callback's promise is pending; `ifAvailable` hands the callback null instead of waiting;
 * `query` lists what is held. Both "tabs" of a test share it, as two tabs share the browser's.
 */
function fakeLocks() {
  const held = new Set<string>();
  const locks = {
    async request(name: string, opts: { ifAvailable?: boolean }, cb: (l: Lock | null) => unknown) {
      if (held.has(name)) {
        if (opts.ifAvailable) return cb(null);
        throw new Error('the fake only answers ifAvailable requests');
      }
      held.add(name);
      try {
        return await cb({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    },
    query: () =>
      Promise.resolve({ held: [...held].map((name) => ({ name, mode: 'exclusive' })), pending: [] }),
  };
  vi.stubGlobal('navigator', { locks });
  return held;
}

const info = (id: string, n: number): DatasetInfo => ({
  id,
  name: id,
  classNames: ['a', 'b'],
  inputShape: [28, 28, 1],
  counts: { train: n - 1, test: 1, perClass: [n - 1, 1] },
  source: { kind: 'imported', file: `${id}.zip`, at: new Date(0).toISOString() },
});

async function addChunk(w: Awaited<ReturnType<typeof openDatasetWriter>>, label = 0): Promise<void> {
  for (let i = 0; i < CHUNK; i++) await w.add(new Uint8Array(784), new Uint8Array(3072), i === 0 ? 1 : label);
}

afterEach(async () => {
  vi.unstubAllGlobals();
  for (const d of await listStoredDatasets()) await deleteStoredDataset(d.id);
});

describe('imports in two tabs at once', () => {
  it('a second import does not sweep away the rows of one still running in another tab', async () => {
    const held = fakeLocks();
    const first = await openDatasetWriter('first');
    await addChunk(first);
    expect(held.has('cnn-studio-dataset-import:first')).toBe(true);
    expect(await importsRunningNow()).toEqual(new Set(['first']));

    // The other tab starts its own import while the first is half way: the first's row stays.
    const second = await openDatasetWriter('second');
    expect(await rowsFor('first')).toBe(1);
    await addChunk(second);
    await second.commit(info('second', CHUNK));
    await first.commit(info('first', CHUNK));

    expect((await listStoredDatasets()).map((d) => d.id).sort()).toEqual(['first', 'second']);
    expect(held.size).toBe(0);
  });

  it('the same name in two tabs: the second is refused with a message and the first goes on', async () => {
    fakeLocks();
    const first = await openDatasetWriter('shapes');
    await addChunk(first);
    await expect(openDatasetWriter('shapes')).rejects.toThrow(
      /Another tab of this browser is importing a dataset called "shapes" right now/,
    );
    expect(await rowsFor('shapes')).toBe(1);
    await first.commit(info('shapes', CHUNK));
    expect((await listStoredDatasets()).map((d) => d.id)).toEqual(['shapes']);
  });

  it('a finished or cancelled import frees its name, and a closed tab’s rows are still swept', async () => {
    const held = fakeLocks();
    const cancelled = await openDatasetWriter('again');
    await addChunk(cancelled);
    await cancelled.rollback();
    expect(held.size).toBe(0);
    const retry = await openDatasetWriter('again');
    await retry.rollback();

    // A closed tab's lock is gone (the browser frees it), so its rows are orphans.
    const ghost = await openDatasetWriter('ghost');
    await addChunk(ghost);
    held.delete('cnn-studio-dataset-import:ghost');
    const next = await openDatasetWriter('next');
    expect(await rowsFor('ghost')).toBe(0);
    await next.rollback();
  });

  it('without Web Locks (Node, very old browsers) a lock is always granted', async () => {
    const unlock = await takeImportLock('x');
    expect(typeof unlock).toBe('function');
    unlock?.();
    expect(await importsRunningNow()).toEqual(new Set());
  });
});
