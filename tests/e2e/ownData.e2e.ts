import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { shapesZip } from '../support/shapesZip';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-own-data2';
mkdirSync(SHOTS, { recursive: true });

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function importZip(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel(/Import dataset/).setInputFiles({ name, mimeType: 'application/zip', buffer });
}

const result = (page: Page) => byId(page, 'import-result');

describe('own data: import a dataset .zip, export it, train on it', () => {
  it('imports 3 classes of shapes with progress; bad files named; bad zips refused; Cancel keeps nothing; Export gives the same layout', async () => {
    const w = await openWatchedPage(browser(), '#/data');
    const { page } = w;
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await page.getByText('No datasets of your own yet').waitFor();
    const corrupt = new Uint8Array(200).fill(7);
    corrupt.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    await importZip(
      page,
      'shapes.zip',
      shapesZip(100, { 'circle/notes.txt': strToU8('hello'), 'square/broken.png': corrupt }),
    );
    await expect
      .poll(() => result(page).textContent(), { timeout: 60_000 })
      .toMatch(/Imported "shapes": 3 classes, 300 pictures, 28×28 greyscale/);
    const text = (await result(page).textContent()) ?? '';
    expect(text).toMatch(/circle\/notes\.txt is not a picture/);
    expect(text).toMatch(/square\/broken\.png/);
    const card = byId(page, 'dataset-shapes');
    await expect.poll(() => card.locator('canvas.data-gallery-row').count(), { timeout: 20_000 }).toBe(3);
    expect(await card.textContent()).toMatch(/240 to train on · 60 to test/);
    await expect.poll(() => byId(page, 'storage-used').textContent()).toMatch(/used of/);
    await page.screenshot({ path: `${SHOTS}/data-imported.png`, fullPage: true });

    // A zip of one class: refused, naming the file and the class; shapes is still there.
    await importZip(page, 'lonely.zip', shapesZip(5, {}, ['circle']));
    await expect.poll(() => result(page).textContent()).toMatch(/lonely\.zip has only one class, "circle"/);
    // The same name again: refused before reading.
    await importZip(page, 'shapes.zip', shapesZip(3));
    await expect.poll(() => result(page).textContent()).toMatch(/already a dataset called "shapes"/);
    // Not a zip at all.
    await importZip(page, 'photo.zip', Buffer.from('not a zip'));
    await expect.poll(() => result(page).textContent()).toMatch(/photo\.zip is not a zip file/);

    // Cancel a big import part way: nothing kept.
    // 4,500 pictures (100 per class drawn, the rest repeated): only its size matters here.
    await importZip(page, 'big.zip', shapesZip(1500, {}, undefined, { distinct: 100 }));
    const progress = byId(page, 'import-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: 30_000 })
      .toMatch(/\d+ of 4,500 pictures · about \d+ s left/);
    await page.screenshot({ path: `${SHOTS}/data-importing.png` });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => result(page).textContent())
      .toMatch(/Import of big\.zip cancelled: nothing was kept/);
    expect(await byId(page, 'dataset-big').count()).toBe(0);
    expect(await byId(page, 'stored-datasets').locator('[data-testid^="dataset-"]').count()).toBe(1);

    // Export: the same layout, one folder per class, every picture a PNG.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Export shapes as .zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('shapes.zip');
    const exported = await readFile(await download.path());
    const files = unzipSync(new Uint8Array(exported));
    const names = Object.keys(files);
    expect(names.length).toBe(301);
    for (const shape of ['circle', 'square', 'triangle'])
      expect(names.filter((n) => n.startsWith(`shapes/${shape}/`) && n.endsWith('.png')).length).toBe(100);
    // ...and the class order beside the folders, so an import keeps the labels.
    expect(new TextDecoder().decode(files['shapes/classes.txt'])).toBe('circle\nsquare\ntriangle\n');
    await page.reload();
    await expect.poll(() => byId(page, 'dataset-shapes').count()).toBe(1);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();

    // A fresh profile: import the exported file, then train on it.
    const fresh = await openWatchedPage(browser(), '#/data');
    await fresh.page.getByText('No datasets of your own yet').waitFor();
    await importZip(fresh.page, 'shapes.zip', exported);
    await expect
      .poll(() => result(fresh.page).textContent(), { timeout: 60_000 })
      .toMatch(/Imported "shapes": 3 classes, 300 pictures, 28×28 greyscale/);
    await fresh.page.goto(new URL('#/train?dataset=shapes&epochs=12&batch=16', fresh.page.url()).href);
    await readyToTrain(fresh.page);
    expect(await byId(fresh.page, 'train-dataset').textContent()).toMatch(/shapes/);
    await fresh.page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => byId(fresh.page, 'test-accuracy').textContent(), { timeout: 150_000 })
      .toMatch(/^\d+\.\d\d%$/);
    // Wait for the last epoch: the status says done.
    await fresh.page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Train');
        return b && !b.disabled;
      },
      null,
      { timeout: 150_000 },
    );
    // 60 held-out pictures of 3 classes: guessing scores 33%.
    expect(parseFloat((await byId(fresh.page, 'test-accuracy').textContent()) ?? '0')).toBeGreaterThan(75);
    const cm = byId(fresh.page, 'confusion');
    await expect
      .poll(() => cm.locator('tbody th').allTextContents())
      .toEqual(['circle', 'square', 'triangle']);
    expect(await cm.textContent()).toMatch(/3×3 · 60 test pictures/);
    await fresh.page.screenshot({ path: `${SHOTS}/train-shapes.png`, fullPage: true });
    expect(fresh.errors).toEqual([]);
    expect(fresh.foreignRequests).toEqual([]);
    await fresh.context.close();
  });

  it('two tabs importing at once: each keeps its own set, the same name twice is refused, both tabs list both', async () => {
    const a = await openWatchedPage(browser(), '#/data');
    const b = await a.context.newPage();
    const bErrors: string[] = [];
    b.on('pageerror', (err) => bErrors.push(err.message));
    b.on('console', (msg) => msg.type() === 'error' && bErrors.push(msg.text()));
    await b.goto(a.page.url());
    await b.getByText('No datasets of your own yet').waitFor();

    // Tab A starts a long import; while it runs, tab B tries the same name, then imports another set.
    await importZip(a.page, 'tabs.zip', shapesZip(700, {}, undefined, { distinct: 100 }));
    await expect
      .poll(() => byId(a.page, 'import-progress').textContent(), { timeout: 30_000 })
      .toMatch(/ of 2,100 /);
    await importZip(b, 'tabs.zip', shapesZip(5));
    await expect
      .poll(() => result(b).textContent())
      .toMatch(/Another tab of this browser is importing a dataset called "tabs" right now/);
    await importZip(b, 'other.zip', shapesZip(20));
    await expect
      .poll(() => result(b).textContent(), { timeout: 30_000 })
      .toMatch(/Imported "other": 3 classes, 60 pictures/);
    // B's import swept no staged rows of A's, so A still completes with every picture.
    expect(await byId(a.page, 'import-progress').count()).toBe(1);
    await expect
      .poll(() => result(a.page).textContent(), { timeout: 90_000 })
      .toMatch(/Imported "tabs": 3 classes, 2,100 pictures/);
    // Each tab lists both sets without a reload (the other tab told it).
    for (const p of [a.page, b]) {
      await expect.poll(() => byId(p, 'dataset-tabs').count()).toBe(1);
      await expect.poll(() => byId(p, 'dataset-other').count()).toBe(1);
    }
    expect(a.errors).toEqual([]);
    expect(bErrors).toEqual([]);
    await a.context.close();
  });
});
