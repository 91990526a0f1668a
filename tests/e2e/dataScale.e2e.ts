import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeShapesZip } from '../../scripts/lib/shapesDataset';
import { openWatchedPage, useBrowser } from '../support/browser';

const browser = useBrowser();
const SHOTS = '/tmp/shots-datascale';
mkdirSync(SHOTS, { recursive: true });

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const result = (page: Page) => byId(page, 'import-result');

async function importZip(page: Page, name: string, zip: Uint8Array): Promise<void> {
  await page
    .getByLabel(/Import dataset/)
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });
}

/** Chunk rows kept for `id` in the datasets database (staged or stored), read straight from IndexedDB. */
function rowsFor(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cnn-studio-datasets');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('chunks').objectStore('chunks').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as [string, number][]).filter((k) => k[0] === name).length);
          };
          req.onerror = () => reject(new Error(String(req.error)));
        };
      }),
    id,
  );
}

const storedCards = (page: Page) => byId(page, 'stored-datasets').locator('[data-testid^="dataset-"]');

describe('importing at scale: the storage quota is shown, checked first, and a full storage rolls back', () => {
  it('refuses a zip that will not fit (small quota), rolls back a QuotaExceededError part way, keeps what was stored', async () => {
    const w = await openWatchedPage(browser(), '#/data');
    const { page } = w;
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    // The quota is shown, with how many more pictures fit.
    await expect.poll(() => byId(page, 'storage-used').textContent()).toMatch(/used of .* this browser lets/);
    await expect
      .poll(() => byId(page, 'storage-room').textContent())
      .toMatch(/Free room .* roughly [\d,]+ more pictures/);

    // Something already stored, which nothing below may lose.
    await importZip(page, 'kept.zip', makeShapesZip(6, 2, ['circle', 'square']));
    await expect
      .poll(() => result(page).textContent(), { timeout: 60_000 })
      .toMatch(/Imported "kept": 2 classes, 12 pictures/);
    await expect.poll(() => storedCards(page).count()).toBe(1);

    // 1. The browser says only 0.3 MB is free: 1,200 pictures are refused before anything is unpacked.
    await page.evaluate(() => {
      Object.defineProperty(navigator.storage, 'estimate', {
        configurable: true,
        value: () => Promise.resolve({ usage: 9_700_000, quota: 10_000_000 }),
      });
    });
    const big = makeShapesZip(600, 3, ['circle', 'square']);
    await importZip(page, 'big.zip', big);
    await expect
      .poll(() => result(page).textContent(), { timeout: 30_000 })
      .toMatch(
        /big\.zip holds 1,200 pictures and needs about 5\.9 MB of room .* only 0\.3 MB is free\. Nothing was kept/,
      );
    await page.screenshot({ path: `${SHOTS}/no-room.png`, fullPage: true });
    expect(await rowsFor(page, 'big')).toBe(0);
    expect(await storedCards(page).count()).toBe(1);

    // 2. Room enough by the estimate, but the disk fills up part way: the second chunk's write throws
    //    QuotaExceededError (as IndexedDB does). The first chunk, already written, is rolled back.
    await page.evaluate(() => {
      Object.defineProperty(navigator.storage, 'estimate', {
        configurable: true,
        value: () => Promise.resolve({ usage: 0, quota: 1e9 }),
      });
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
      const put = IDBObjectStore.prototype.put;
      const w = window as unknown as { __chunkPuts: number[] };
      w.__chunkPuts = [];
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const row = value as { id?: string; chunk?: number };
        if (row.id === 'big' && typeof row.chunk === 'number') {
          w.__chunkPuts.push(row.chunk);
          if (row.chunk >= 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.call(this, value, key);
      };
    });
    await importZip(page, 'big.zip', big);
    await expect
      .poll(() => result(page).textContent(), { timeout: 120_000 })
      .toMatch(/The browser storage is full, so "big" was not kept\. Nothing else was changed/);
    await page.screenshot({ path: `${SHOTS}/storage-full.png`, fullPage: true });
    // The first chunk was really written before the failure, and is gone now.
    expect(await page.evaluate(() => (window as unknown as { __chunkPuts: number[] }).__chunkPuts)).toEqual([
      0, 1,
    ]);
    expect(await rowsFor(page, 'big')).toBe(0);
    expect(await storedCards(page).count()).toBe(1);
    expect(await rowsFor(page, 'kept')).toBe(1);

    // 3. Room again (the real put): the same zip imports whole, and survives a reload.
    // A reload brings back the browser's own put and estimate.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await importZip(page, 'big.zip', big);
    await expect
      .poll(() => result(page).textContent(), { timeout: 120_000 })
      .toMatch(/Imported "big": 2 classes, 1,200 pictures, 28×28 greyscale/);
    expect(await rowsFor(page, 'big')).toBe(2);
    await page.reload();
    await expect.poll(() => storedCards(page).count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => byId(page, 'dataset-big').textContent()).toMatch(/960 to train on · 240 to test/);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  }, 300_000);
});
