import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetInfo } from '../../../src/engine/data/datasets';
import {
  CHUNK,
  deleteStoredDataset,
  listStoredDatasets,
  loadStoredDataset,
  saveDataset,
} from '../../../src/engine/data/datasetStore';

function shapes(
  id: string,
  count: number,
  c = 1,
): { info: DatasetInfo; images: Uint8Array; labels: Uint8Array } {
  const size = 28 * 28 * c;
  const images = Uint8Array.from({ length: count * size }, (_, i) => (i * 31 + count) % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 3);
  return {
    info: {
      id,
      name: id,
      classNames: ['circle', 'square', 'triangle'],
      inputShape: [28, 28, c],
      counts: { train: count, test: 0, perClass: [0, 1, 2].map((k) => labels.filter((l) => l === k).length) },
      source: { kind: 'imported', file: `${id}.zip`, at: '2026-11-29T19:00:00.000Z' },
    },
    images,
    labels,
  };
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of await listStoredDatasets()) await deleteStoredDataset(d.id);
});

describe('datasets kept in IndexedDB', () => {
  it(`round trip: ${CHUNK * 2 + 345} greyscale pictures come back byte for byte, in order`, async () => {
    const s = shapes('shapes', CHUNK * 2 + 345);
    await saveDataset(s.info, { images: s.images, labels: s.labels });
    expect((await listStoredDatasets()).map((d) => d.name)).toEqual(['shapes']);
    const back = await loadStoredDataset('shapes');
    expect(back?.info).toEqual(s.info);
    expect(Buffer.from(back?.pictures.images ?? []).equals(Buffer.from(s.images))).toBe(true);
    expect(Array.from(back?.pictures.labels ?? [])).toEqual(Array.from(s.labels));
    expect(await loadStoredDataset('nothing')).toBeNull();
  });

  it('colour 32×32×3 pictures round-trip too; delete removes description and pictures', async () => {
    const s = shapes('colours', 10, 3);
    s.info.inputShape = [28, 28, 3];
    await saveDataset(s.info, { images: s.images, labels: s.labels });
    expect((await loadStoredDataset('colours'))?.pictures.images.length).toBe(10 * 28 * 28 * 3);
    await deleteStoredDataset('colours');
    expect(await loadStoredDataset('colours')).toBeNull();
  });

  it('refuses a second dataset of the same name and a built-in name; the stored one is untouched', async () => {
    const a = shapes('shapes', 5);
    await saveDataset(a.info, { images: a.images, labels: a.labels });
    const b = shapes('shapes', 7);
    await expect(saveDataset(b.info, { images: b.images, labels: b.labels })).rejects.toThrow(
      /already a dataset called "shapes"/,
    );
    expect((await loadStoredDataset('shapes'))?.pictures.labels.length).toBe(5);
    const m = shapes('mnist', 3);
    await expect(saveDataset(m.info, { images: m.images, labels: m.labels })).rejects.toThrow(/built-in/);
  });

  it('storage full in the middle of a write: a clear message, nothing of it kept, the rest unchanged', async () => {
    const kept = shapes('kept', 4);
    await saveDataset(kept.info, { images: kept.images, labels: kept.labels });
    const big = shapes('big', CHUNK * 3);
    // Called back with its store as `this` below, so unbinding it is what we want.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const put = IDBObjectStore.prototype.put;
    let chunks = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'chunks' && ++chunks === 3) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(saveDataset(big.info, { images: big.images, labels: big.labels })).rejects.toThrow(
      /storage is full, so "big" was not kept/,
    );
    vi.restoreAllMocks();
    // Rolled back: neither the description nor the two chunks written before the failure remain.
    expect(await loadStoredDataset('big')).toBeNull();
    expect((await listStoredDatasets()).map((d) => d.id)).toEqual(['kept']);
    expect((await loadStoredDataset('kept'))?.pictures.labels.length).toBe(4);
  });
});
