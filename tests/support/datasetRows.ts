import { idbRequest, openDatasetDb } from '../../src/engine/data/datasetStore';

/** Chunk rows in the dataset store for `id` (staged or committed). */
export async function rowsFor(id: string): Promise<number> {
  const db = await openDatasetDb();
  try {
    const keys = (await idbRequest(db.transaction('chunks').objectStore('chunks').getAllKeys())) as [
      string,
      number,
    ][];
    return keys.filter((k) => k[0] === id).length;
  } finally {
    db.close();
  }
}
