import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, CHROMIUM_FLAGS, chromiumPath } from '../support/browser';
import { ONE, stroke } from '../support/drawing';
import { readyToTrain } from '../support/waits';

const SHOTS = '/tmp/shots-own-data2';
mkdirSync(SHOTS, { recursive: true });

// Chromium's fake camera (a moving test pattern) and an automatic "Allow" for it.
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
});
afterAll(async () => {
  await browser.close();
});

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * An element's box once it has stopped moving (by default the drawing canvas). A new set's card appears
 * above the form after "Make it", galleries fill in, and the camera's video takes its size a frame after
 * it starts, so a box read too early can put a whole stroke outside the canvas, or a press beside the
 * hold button (CI once held the mouse for 10 s over nothing: "0 frames captured").
 */
async function settledBox(
  page: Page,
  target = page.locator('.data-make canvas.draw-canvas'),
): Promise<{ x: number; y: number; width: number; height: number }> {
  await target.scrollIntoViewIfNeeded();
  let last = await target.boundingBox();
  for (let i = 0; i < 50; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const box = await target.boundingBox();
    if (box && last && box.x === last.x && box.y === last.y && box.width === last.width) return box;
    last = box;
  }
  throw new Error('the element kept moving');
}

/** Draws one stroke shape on the canvas with the mouse: a vertical bar, a horizontal bar or a ring. */
async function drawOn(page: Page, kind: 'v' | 'h' | 'o', jitter: number): Promise<void> {
  const box = await settledBox(page);
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const path: (readonly [number, number])[] =
    kind === 'v'
      ? [at(0.5 + jitter, 0.15), at(0.5 + jitter, 0.85)]
      : kind === 'h'
        ? [at(0.15, 0.5 + jitter), at(0.85, 0.5 + jitter)]
        : Array.from({ length: 17 }, (_, i) =>
            at(
              0.5 + jitter + 0.3 * Math.cos((i / 16) * 2 * Math.PI),
              0.5 + 0.3 * Math.sin((i / 16) * 2 * Math.PI),
            ),
          );
  const [x0, y0] = path[0] ?? [0, 0];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const [x, y] of path.slice(1)) await page.mouse.move(x, y, { steps: 6 });
  await page.mouse.up();
}

describe('make a dataset in the browser: drawing and camera', () => {
  it('names 3 classes, adds drawings and a camera burst, deletes one, keeps it over a reload, exports it; a fresh profile imports the file, trains on it, Try it reads a drawing and the camera', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL('#/data', baseUrl()).href);
    const make = byId(page, 'data-make');
    await make.getByLabel('Name of the dataset').fill('lines');
    await make.getByLabel('Class 1').fill('vertical');
    await make.getByLabel('Class 2').fill('vertical');
    await make.getByRole('button', { name: 'Make it' }).click();
    await expect
      .poll(() => make.getByRole('alert').textContent())
      .toMatch(/Two classes are called "vertical"/);
    await make.getByLabel('Class 2').fill('horizontal');
    await make.getByRole('button', { name: 'Add a class' }).click();
    await make.getByLabel('Class 3').fill('camera');
    await make.getByRole('button', { name: 'Make it' }).click();
    await make.getByRole('heading', { name: /Adding to lines/ }).waitFor();
    await expect.poll(() => byId(page, 'dataset-lines').count()).toBe(1);

    // Drawings: 6 of each stroke class.
    for (const [k, kind] of [
      [0, 'v'],
      [1, 'h'],
    ] as const) {
      await make.getByRole('radio', { name: k === 0 ? 'vertical' : 'horizontal' }).check();
      for (let i = 0; i < 6; i++) {
        await drawOn(page, kind, (i - 3) * 0.05);
        await make.getByRole('button', { name: 'Add this drawing' }).click();
      }
    }
    await expect.poll(() => byId(page, 'make-class-0').textContent()).toMatch(/vertical: 6 examples/);
    await expect.poll(() => byId(page, 'make-class-1').textContent()).toMatch(/horizontal: 6 examples/);

    // Camera: hold for the 3 s countdown and then a burst.
    await make.getByRole('radio', { name: 'camera' }).check();
    await make.getByRole('button', { name: 'Start the camera' }).click();
    const hold = make.getByRole('button', { name: 'Hold to capture' });
    await hold.waitFor();
    await page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('.data-video')?.videoWidth ?? 0) > 0,
    );
    const hb = await settledBox(page, hold);
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await expect.poll(() => byId(page, 'camera-status').textContent()).toMatch(/Capturing in [123]/);
    await page.screenshot({ path: `${SHOTS}/make-countdown.png` });
    await expect
      .poll(() => byId(page, 'camera-status').textContent(), { timeout: 15_000 })
      .toMatch(/([5-9]|\d\d+) frames captured/);
    await page.mouse.up();
    const frames = parseInt((await byId(page, 'camera-status').textContent()) ?? '0', 10);
    expect(frames).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => byId(page, 'make-class-2').textContent())
      .toMatch(new RegExp(`camera: ${frames} examples`));

    // Delete the first vertical example.
    await make.getByRole('button', { name: 'Delete example 1 of vertical' }).click();
    await expect.poll(() => byId(page, 'make-class-0').textContent()).toMatch(/vertical: 5 examples/);
    await expect
      .poll(() => byId(page, 'make-status').textContent())
      .toMatch(new RegExp(`Kept in this browser: ${11 + frames} examples`));
    await page.screenshot({ path: `${SHOTS}/make-editing.png`, fullPage: true });

    // A reload comes back to it, every example kept.
    await page.reload();
    await byId(page, 'data-make')
      .getByRole('heading', { name: /Adding to lines/ })
      .waitFor();
    await expect.poll(() => byId(page, 'make-class-0').textContent()).toMatch(/vertical: 5 examples/);
    await expect
      .poll(() => byId(page, 'make-class-2').textContent())
      .toMatch(new RegExp(`camera: ${frames} examples`));
    await expect.poll(() => byId(page, 'dataset-lines').count()).toBe(1);

    // Export it: one folder per class under the set's name, one 28×28 PNG per example, none lost,
    // and classes.txt giving the set's class order (a zip's folders have none).
    const made = { vertical: 5, horizontal: 6, camera: frames };
    const card = byId(page, 'dataset-lines');
    const facts = await card.locator('.data-facts li').nth(1).textContent();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Export lines as .zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lines.zip');
    const exported = await readFile(await download.path());
    const files = unzipSync(new Uint8Array(exported));
    const perFolder: Record<string, number> = {};
    expect(new TextDecoder().decode(files['lines/classes.txt'])).toBe('vertical\nhorizontal\ncamera\n');
    for (const [path, bytes] of Object.entries(files)) {
      if (path === 'lines/classes.txt') continue;
      const m = /^lines\/([^/]+)\/\d{4}\.png$/.exec(path);
      expect(m, path).not.toBeNull();
      perFolder[m![1]!] = (perFolder[m![1]!] ?? 0) + 1;
      expect([...bytes.subarray(1, 4)], path).toEqual([0x50, 0x4e, 0x47]); // "PNG"
      const ihdr = new DataView(bytes.buffer, bytes.byteOffset + 16, 8);
      expect([ihdr.getUint32(0), ihdr.getUint32(4)], path).toEqual([28, 28]);
    }
    expect(perFolder).toEqual(made);
    expect(errors).toEqual([]);
    await context.close();

    // The file goes round the classroom: a fresh profile (empty IndexedDB) imports it, trains on it and
    // classifies with it. The classes keep the order they were made in (classes.txt), not name order.
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const other = await fresh.newPage();
    const otherErrors: string[] = [];
    other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()));
    other.on('pageerror', (e) => otherErrors.push(e.message));
    await other.goto(new URL('#/data', baseUrl()).href);
    await other.getByText('No datasets of your own yet').waitFor();
    await other
      .getByLabel(/Import dataset/)
      .setInputFiles({ name: 'lines.zip', mimeType: 'application/zip', buffer: exported });
    await expect
      .poll(() => byId(other, 'import-result').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`Imported "lines": 3 classes, ${11 + frames} pictures, 28×28 greyscale`));
    const imported = byId(other, 'dataset-lines');
    await expect
      .poll(() => imported.locator('.data-class-name').allTextContents(), { timeout: 20_000 })
      .toEqual(['vertical (5 pictures)', 'horizontal (6 pictures)', `camera (${frames} pictures)`]);
    expect(await byId(other, 'import-result').textContent()).not.toMatch(/left out/);
    expect(await imported.locator('.data-facts li').nth(1).textContent()).toBe(facts);

    // Train on it there: its classes in the confusion matrix.
    await other.goto(new URL('#/train?dataset=lines&epochs=15&batch=8', baseUrl()).href);
    await readyToTrain(other);
    await other.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => byId(other, 'test-accuracy').textContent(), { timeout: 150_000 })
      .toMatch(/^\d+\.\d\d%$/);
    await expect
      .poll(() => byId(other, 'confusion').locator('tbody th').allTextContents(), { timeout: 30_000 })
      .toEqual(['vertical', 'horizontal', 'camera']);

    // Kept for Try it, the network reads a drawing and the live camera (Chromium's fake one), with
    // this set's names.
    const chooser = byId(other, 'dataset-model-chooser');
    await chooser.getByTestId('keep-run').click();
    await expect
      .poll(() => chooser.getByTestId('dataset-model-in-use').getAttribute('data-used'))
      .toBe('mine');
    await other.goto(new URL('#/draw?dataset=lines', baseUrl()).href);
    await expect
      .poll(() => byId(other, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ready');
    await byId(other, 'try-source-draw').click();
    await stroke(other, ONE);
    await expect
      .poll(() => byId(other, 'prediction').textContent(), { timeout: 20_000 })
      .toMatch(/^(vertical|horizontal|camera)$/);
    expect(await byId(other, 'output-classes').locator('li').allTextContents()).toEqual([
      'vertical',
      'horizontal',
      'camera',
    ]);
    // The camera's frames replace the drawing in "What the network sees" (the answer alone could be
    // the drawing's still), and the answer is one of the set's classes.
    const sees = () => byId(other, 'network-input').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const drawn = await sees();
    await byId(other, 'try-source-camera').click();
    await byId(other, 'try-camera-start').click();
    await other.waitForFunction(
      () =>
        (document.querySelector<HTMLVideoElement>('[data-testid="try-camera-video"]')?.videoWidth ?? 0) > 0,
    );
    await expect.poll(sees, { timeout: 20_000 }).not.toBe(drawn);
    expect(await byId(other, 'prediction').textContent()).toMatch(/^(vertical|horizontal|camera)$/);
    expect(await byId(other, 'draw-layer-panels').locator('section.panel').count()).toBeGreaterThanOrEqual(3);
    await other.screenshot({ path: `${SHOTS}/try-imported-lines.png`, fullPage: true });
    expect(otherErrors).toEqual([]);
    await fresh.close();
  });

  it('a denied camera is said in words and the drawings stay', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // The page asks for a camera that refuses, as a browser does when the user says no.
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await page.goto(new URL('#/data', baseUrl()).href);
    const make = byId(page, 'data-make');
    await make.getByLabel('Name of the dataset').fill('nocam');
    await make.getByLabel('Class 1').fill('a');
    await make.getByLabel('Class 2').fill('b');
    await make.getByRole('button', { name: 'Make it' }).click();
    await make.getByRole('heading', { name: /Adding to nocam/ }).waitFor();
    await expect.poll(() => byId(page, 'dataset-nocam').count()).toBe(1);
    await drawOn(page, 'v', 0);
    await make.getByRole('button', { name: 'Add this drawing' }).click();
    await make.getByRole('button', { name: 'Start the camera' }).click();
    await expect
      .poll(() => make.getByRole('alert').textContent())
      .toMatch(/camera could not be used \(NotAllowedError\)/);
    expect(await byId(page, 'make-class-0').textContent()).toMatch(/a: 1 examples/);
    await context.close();
  });
});
