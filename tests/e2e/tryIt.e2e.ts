/**
 * Try it (#/draw?dataset=…) and models per dataset: a Fashion-MNIST run kept for Try it leaves Draw's
 * MNIST model alone, a test picture is classified with clothes names and every layer, a reload keeps
 * both; an imported 3-class dataset is trained and tried with a drawing.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLASS_COLORS } from '../../src/components/explain/drawScatter';
import { openWatchedPage, useBrowser } from '../support/browser';
import { ellipse, stroke } from '../support/drawing';
import { downloadCsvRows } from '../support/explorers';
import { shapesZip } from '../support/shapesZip';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-datasets3';
mkdirSync(SHOTS, { recursive: true });
const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const FASHION = [
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
];

async function trainAndKeep(
  page: Page,
  link: string,
  timeout: number,
  /** Checks of the finished run, before it is kept. */
  afterRun?: () => Promise<void>,
): Promise<void> {
  await page.goto(new URL(link, page.url()).href);
  await readyToTrain(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => byId(page, 'test-accuracy').textContent(), { timeout }).toMatch(/^\d+\.\d\d%$/);
  await afterRun?.();
  const chooser = byId(page, 'dataset-model-chooser');
  await chooser.getByTestId('keep-run').click();
  await expect.poll(() => chooser.getByTestId('dataset-model-in-use').getAttribute('data-used')).toBe('mine');
}

/**
 * True when some pixel of the canvases is coloured (its red, green and blue differ): a greyscale
 * picture, even under the grey saliency map, keeps the three equal.
 */
const hasColour = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((canvases) =>
    canvases.some((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i]! - d[i + 1]!) > 12 || Math.abs(d[i]! - d[i + 2]!) > 12) return true;
      return false;
    }),
  );

/** Where a dot of the map is drawn (a pixel of any class colour, α 0.8 over white), in CSS pixels. */
const dotOnMap = (page: Page, testId: string, colours: string[]) =>
  byId(page, testId).evaluate((el, hexes) => {
    const c = el as HTMLCanvasElement;
    const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const want = hexes.map((hex) =>
      [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.8 + 51)),
    );
    const scale = c.width / c.getBoundingClientRect().width;
    for (let p = 0; p < width * height; p++) {
      const rgb = [data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!];
      if (want.some((w) => w.every((v, k) => Math.abs(v - rgb[k]!) <= 3)))
        return [(p % width) / scale, Math.floor(p / width) / scale];
    }
    return null;
  }, colours);

/**
 * A colour set (32×32×3, 3 shapes × 50, so 30 test pictures): imported, trained one epoch and kept,
 * then explained: maps of its real size, and the lower panels (top patches, the map of 30 dots)
 * searching its own test pictures in colour, with no word of digits anywhere on the page.
 */
async function explainColourSet(page: Page): Promise<void> {
  await page.goto(new URL('#/data', page.url()).href);
  await page.getByLabel(/Import dataset/).setInputFiles({
    name: 'colour-shapes.zip',
    mimeType: 'application/zip',
    buffer: shapesZip(50, {}, undefined, { colour: true }),
  });
  await expect
    .poll(() => byId(page, 'import-result').textContent(), { timeout: 60_000 })
    .toMatch(/Imported "colour-shapes": 3 classes/);
  await trainAndKeep(page, '#/train?dataset=colour-shapes&epochs=1&batch=16', 120_000);
  const base = '#/explain?image=test:4&dataset=colour-shapes';
  await page.goto(new URL(`${base}&method=gradient`, page.url()).href);
  await expect
    .poll(() => byId(page, 'explain-says').textContent(), { timeout: 30_000 })
    .toMatch(/^The model says (circle|square|triangle) \(/);
  expect(await hasColour(page, '[data-testid="explain-picture"] canvas')).toBe(true);
  const gradient = await downloadCsvRows(page, 'explain-map-csv');
  expect(gradient).toHaveLength(32);
  expect(gradient.every((r) => r.split(',').length === 32 && r.split(',').every((v) => Number(v) >= 0))).toBe(
    true,
  );
  await page.evaluate((b) => (window.location.hash = `${b}&method=occlusion&patch=4&stride=2`), base);
  // ⌊(32 − 4)/2⌋ + 1 = 15 positions per side.
  await expect.poll(() => byId(page, 'explain-map').locator('.panel-title').textContent()).toContain('15×15');
  const occlusion = await downloadCsvRows(page, 'explain-map-csv');
  expect(occlusion).toHaveLength(15);
  expect(occlusion.every((r) => r.split(',').length === 15)).toBe(true);

  // What each filter wants: nine of the 30 test pictures per filter, cut in colour, linking back here.
  await byId(page, 'find-patches').click();
  const patchLinks = byId(page, 'filter-patches').locator('a.explain-patch');
  await expect.poll(() => patchLinks.count(), { timeout: 60_000 }).toBeGreaterThan(0);
  const rows = byId(page, 'filter-patches').locator('.explain-filter-row');
  expect(await rows.first().locator('a.explain-patch').count()).toBe(9);
  expect(await patchLinks.first().getAttribute('href')).toMatch(/image=test%3A\d+&dataset=colour-shapes/);
  expect(await hasColour(page, '[data-testid="filter-patches"] a.explain-patch canvas')).toBe(true);
  // The made-up pictures' colour is checked in tests/unit/explain/storedLowerPanels.test.ts (cheaper there).

  // The map of its 30 test pictures: raw pixels are 3,072 numbers; the legend is the set's classes.
  await byId(page, 'make-map-30').click();
  await expect.poll(() => byId(page, 'map-legend').count(), { timeout: 60_000 }).toBe(1);
  expect(await byId(page, 'map-legend').locator('button').allTextContents()).toEqual([
    'circle',
    'square',
    'triangle',
  ]);
  expect(await byId(page, 'map-raw').textContent()).toContain('30 pictures · 3,072 numbers each');
  const dot = await dotOnMap(page, 'map-hidden-canvas', [...CLASS_COLORS].slice(0, 3));
  expect(dot).not.toBeNull();
  await byId(page, 'map-hidden-canvas').scrollIntoViewIfNeeded();
  const box = await byId(page, 'map-hidden-canvas').boundingBox();
  await page.mouse.click(box!.x + dot![0]!, box!.y + dot![1]!);
  const card = byId(page, 'map-card');
  await card.waitFor();
  expect(await card.locator('p').first().textContent()).toMatch(/^Test picture #\d+$/);
  expect(await hasColour(page, '[data-testid="map-card"] canvas')).toBe(true);
  expect(await byId(page, 'map-open-explain').getAttribute('href')).toMatch(/dataset=colour-shapes/);
  expect(await byId(page, 'map-open-draw').count()).toBe(0);
  // Digits are nowhere: not in the words shown, nor in any text alternative.
  const area = byId(page, 'explain-area');
  expect(await area.innerText()).not.toMatch(/digit/i);
  const labels = await area
    .locator('[aria-label], [title]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`),
    );
  expect(labels.join(' ')).not.toMatch(/digit/i);
  await page.screenshot({ path: `${SHOTS}/explain-colour-1366.png`, fullPage: true });
}

describe('Try it for any dataset, with models per dataset', () => {
  it('Fashion-MNIST: no model → link to Train; a kept run classifies a picked test picture with class names and every layer; MNIST stays the pretrained one; a reload keeps both', async () => {
    const w = await openWatchedPage(browser(), '#/draw?dataset=fashion-mnist');
    const { page } = w;
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('none');
    expect(await byId(page, 'try-train-link').getAttribute('href')).toBe('#/train?dataset=fashion-mnist');

    // This run also stands for data.e2e's "trains Fashion-MNIST briefly" (the same link, one run fewer):
    // test accuracy on Fashion-MNIST's held-out split, clothes names in the matrix and the mistakes.
    await trainAndKeep(
      page,
      '#/train?dataset=fashion-mnist&train=1000&epochs=1&batch=32',
      120_000,
      async () => {
        expect(await byId(page, 'train-dataset').textContent()).toMatch(/Fashion-MNIST/);
        // 1,000 pictures, one epoch: well above the 10% of guessing.
        expect(parseFloat((await byId(page, 'test-accuracy').textContent()) ?? '0')).toBeGreaterThan(40);
        // The epoch's table and gallery render deferred, after the accuracy: wait for them.
        await expect
          .poll(() => byId(page, 'confusion').locator('tbody th').allTextContents())
          .toContain('Ankle boot');
        await expect
          .poll(() => byId(page, 'mistakes').textContent())
          .toMatch(/is (T-shirt\/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot), said/);
        await page.screenshot({ path: `${SHOTS}/train-fashion.png`, fullPage: true });
      },
    );
    // Training on clothes changed nothing for Draw: still the shipped LeNet-5.
    expect(await byId(page, 'model-in-use').getAttribute('data-used')).toBe('pretrained');

    await page.goto(new URL('#/draw?dataset=fashion-mnist', page.url()).href);
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ready');
    await page
      .getByRole('button', { name: /^Test picture \d+: Trouser$/ })
      .first()
      .click();
    await expect.poll(() => byId(page, 'try-truth').textContent()).toBe('The test set says: Trouser.');
    await expect
      .poll(() => byId(page, 'prediction').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^(${FASHION.map((n) => n.replace('/', '\\/')).join('|')})$`));
    expect(page.url()).toMatch(/pick=\d+/);
    const panels = byId(page, 'draw-layer-panels');
    // The default network's layers (conv, pool, conv, pool, dense, dense) and the output.
    await expect.poll(() => panels.locator('section.panel').count()).toBeGreaterThanOrEqual(5);
    expect(await byId(page, 'output-classes').locator('li').allTextContents()).toEqual(FASHION);
    expect(await byId(page, 'prediction-panel').textContent()).toContain('Ankle boot');
    await page.screenshot({ path: `${SHOTS}/try-fashion-1366.png`, fullPage: true });

    // A bad pick in the link is named and the picture stays.
    const picked = page.url().match(/pick=(\d+)/)?.[1];
    await page.evaluate(() => (window.location.hash = '#/draw?dataset=fashion-mnist&pick=99999'));
    await expect
      .poll(() => byId(page, 'link-message').textContent())
      .toMatch(/^Link problem: pick=99999 is outside 0 to 9,999\. Kept the previous value, \d+\.$/);
    expect(await byId(page, 'try-truth').textContent()).toBe('The test set says: Trouser.');

    // Explain the same picture with the Fashion-MNIST model: class names in the labels, CSVs of the maps.
    await page.goto(new URL(`#/draw?dataset=fashion-mnist&pick=${picked}`, page.url()).href);
    await byId(page, 'try-explain-link').click();
    await expect.poll(() => page.url()).toContain(`image=fashion-mnist-test%3A${picked}`);
    await expect
      .poll(() => byId(page, 'explain-says').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^The model says (${FASHION.map((n) => n.replace('/', '\\/')).join('|')}) \\(`));
    const gradient = await downloadCsvRows(page, 'explain-map-csv');
    expect(gradient).toHaveLength(28);
    expect(
      gradient.every((r) => r.split(',').length === 28 && r.split(',').every((v) => Number(v) >= 0)),
    ).toBe(true);
    await byId(page, 'class-1').click();
    await expect.poll(() => byId(page, 'explain-says').textContent()).toMatch(/“Trouser”/);
    await page.goto(
      new URL(`#/explain?image=fashion-mnist-test:${picked}&method=occlusion&patch=4&stride=2`, page.url())
        .href,
    );
    await expect
      .poll(() => byId(page, 'explain-says').textContent(), { timeout: 30_000 })
      .toMatch(/^The model says /);
    const occlusion = await downloadCsvRows(page, 'explain-map-csv');
    // ⌊(28 − 4)/2⌋ + 1 = 13 positions per side.
    expect(occlusion).toHaveLength(13);
    expect(occlusion[0]?.split(',')).toHaveLength(13);
    await page.screenshot({ path: `${SHOTS}/explain-fashion-1366.png`, fullPage: true });

    // The lower panels search Fashion-MNIST's own test pictures with its model, in clothes words.
    const fashionName = new RegExp(`^(${FASHION.map((n) => n.replace('/', '\\/')).join('|')})$`);
    await byId(page, 'find-patches').click();
    const patchLinks = byId(page, 'filter-patches').locator('a.explain-patch');
    await expect.poll(() => patchLinks.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await patchLinks.first().getAttribute('href')).toMatch(/image=fashion-mnist-test%3A\d+/);
    expect(await patchLinks.first().getAttribute('aria-label')).toMatch(/^test picture #\d+, map row \d+/);
    expect(await byId(page, 'filter-patches').textContent()).not.toContain('digit');
    await byId(page, 'make-map-2000').click();
    await expect.poll(() => byId(page, 'map-legend').count(), { timeout: 180_000 }).toBe(1);
    // The legend names the ten classes, in class order (each its own colour).
    expect(await byId(page, 'map-legend').locator('button').allTextContents()).toEqual(FASHION);
    expect(await byId(page, 'map-raw').textContent()).toContain('2,000 pictures · 784 numbers each');
    await byId(page, 'learned-map').screenshot({ path: `${SHOTS}/explain-fashion-map-1366.png` });
    await byId(page, 'next-mistake').click();
    const card = byId(page, 'map-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('p').first().textContent()).toMatch(/^Test picture #\d+$/);
    const verdict = (await card.locator('p').nth(1).textContent()) ?? '';
    const [, truth, said] = /^It is labelled “(.+)”, but the network says “(.+)”\.$/.exec(verdict) ?? [];
    expect(truth).toMatch(fashionName);
    expect(said).toMatch(fashionName);
    expect(await byId(page, 'map-open-explain').getAttribute('href')).toMatch(
      /image=fashion-mnist-test%3A\d+/,
    );
    expect(await byId(page, 'map-open-draw').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/explain-fashion-lower-1366.png`, fullPage: true });

    await page.goto(new URL(`#/draw?dataset=fashion-mnist&pick=${picked}`, page.url()).href);
    await page.reload();
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ready');
    await expect
      .poll(() => byId(page, 'try-truth').textContent(), { timeout: 20_000 })
      .toBe('The test set says: Trouser.');
    await page.goto(new URL('#/draw', page.url()).href);
    await expect
      .poll(() => byId(page, 'draw-model').getAttribute('data-used'), { timeout: 30_000 })
      .toBe('pretrained');

    // Forget my models forgets the Fashion-MNIST one too.
    await page.getByTestId('forget-models').click();
    await page.getByTestId('forget-yes').click();
    await page.goto(new URL('#/draw?dataset=fashion-mnist', page.url()).href);
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('none');
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
    // Longer than the default: it also runs Explain's top-patch search and a 2,000-picture map.
  }, 420_000);

  it('an imported 3-class dataset is trained, kept and tried with a drawing, then explained (gradient map, class names, bad links); phone and projector views', async () => {
    const w = await openWatchedPage(browser(), '#/data');
    const { page } = w;
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await page
      .getByLabel(/Import dataset/)
      .setInputFiles({ name: 'shapes.zip', mimeType: 'application/zip', buffer: shapesZip(80) });
    await expect
      .poll(() => byId(page, 'import-result').textContent(), { timeout: 60_000 })
      .toMatch(/Imported "shapes": 3 classes/);
    await trainAndKeep(page, '#/train?dataset=shapes&epochs=8&batch=16', 180_000);

    await page.goto(new URL('#/draw?dataset=shapes', page.url()).href);
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ready');
    await byId(page, 'try-source-draw').click();
    await stroke(page, ellipse(140, 140, 90, 90));
    await expect
      .poll(() => byId(page, 'prediction').textContent(), { timeout: 20_000 })
      .toMatch(/^(circle|square|triangle)$/);
    expect(await byId(page, 'output-classes').locator('li').allTextContents()).toEqual([
      'circle',
      'square',
      'triangle',
    ]);
    expect(await byId(page, 'draw-layer-panels').locator('section.panel').count()).toBeGreaterThanOrEqual(3);
    // The layers' words speak of the picture: these are shapes, not digits.
    const layerWords = await byId(page, 'draw-layer-panels').innerText();
    expect(layerWords).toContain('slides over the picture');
    expect(layerWords).not.toMatch(/digit/i);
    await page.screenshot({ path: `${SHOTS}/try-shapes-draw-1366.png`, fullPage: true });

    // The file input refuses a non-picture, naming it, and the answer stays.
    await byId(page, 'try-source-file').click();
    const before = await byId(page, 'prediction').textContent();
    await byId(page, 'try-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await expect
      .poll(() => byId(page, 'try-message').textContent())
      .toMatch(/"notes\.txt" is not a PNG or JPEG/);
    expect(await byId(page, 'prediction').textContent()).toBe(before);

    // Explain one of its test pictures with the kept model (Try it's link): a 28×28 gradient map,
    // the dataset's class names in the answer and the "why not" buttons; a bad link keeps the picture.
    await page.goto(new URL('#/draw?dataset=shapes&pick=2', page.url()).href);
    await byId(page, 'try-explain-link').click();
    await expect.poll(() => page.url()).toContain('image=test%3A2&dataset=shapes');
    await expect
      .poll(() => byId(page, 'explain-says').textContent(), { timeout: 30_000 })
      .toMatch(/^The model says (circle|square|triangle) \(/);
    expect(await byId(page, 'class-2').textContent()).toMatch(/^triangle/);
    const saliency = await downloadCsvRows(page, 'explain-map-csv');
    expect(saliency).toHaveLength(28);
    expect(
      saliency.every((r) => r.split(',').length === 28 && r.split(',').every((v) => Number(v) >= 0)),
    ).toBe(true);
    // The lower panels search this set's own test pictures: no "MNIST only" note, no digit button.
    await byId(page, 'find-patches').waitFor({ timeout: 30_000 });
    expect(await byId(page, 'explain-drawn').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/explain-shapes-1366.png`, fullPage: true });
    const says = await byId(page, 'explain-says').textContent();
    await page.evaluate(
      () => (window.location.hash = '#/explain?image=test:9999&dataset=shapes&method=gradient'),
    );
    await expect
      .poll(() => byId(page, 'conv-message').textContent())
      .toMatch(/image=test:9999: the dataset "shapes" has \d+ test pictures, numbered 0 to \d+\..*test:2/);
    await page.evaluate(() => (window.location.hash = '#/explain?image=test:1&dataset=nope&method=gradient'));
    await expect
      .poll(() => byId(page, 'conv-message').textContent())
      .toMatch(/dataset="nope" is not a dataset kept in this browser/);
    expect(await byId(page, 'explain-says').textContent()).toBe(says);

    await explainColourSet(page);

    // Projector (1920, presentation) and phone (390, touch) views of a picked test picture.
    const pick = '#/draw?dataset=shapes&pick=3';
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(new URL(`${pick}&present=1`, page.url()).href);
    await expect.poll(() => byId(page, 'try-truth').count(), { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/try-shapes-1920-present.png` });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('phone at 390 px with touch: Fashion-MNIST Try it without a model says so; pickers are 44 px', async () => {
    const w = await openWatchedPage(browser(), '#/draw?dataset=fashion-mnist&pick=0', {
      viewport: { width: 390, height: 844 },
      touch: true,
    });
    const { page } = w;
    await expect
      .poll(() => byId(page, 'try-model').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('none');
    await byId(page, 'try-pick-1').waitFor({ timeout: 30_000 });
    const box = await byId(page, 'try-pick-1').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    for (const id of ['try-source-test', 'try-source-camera', 'try-train-link']) {
      expect((await byId(page, id).boundingBox())?.height, id).toBeGreaterThanOrEqual(44);
    }
    // The links to the other datasets stand alone on their line: targets of their own, not words.
    const others = page.locator('.try-datasets a');
    expect(await others.allTextContents()).toEqual(['MNIST digits']);
    // Polled: one full-file run under load 28 read 19 px twice (it passed alone twice and in two other
    // full-file runs).
    await expect
      .poll(async () => (await others.first().boundingBox())?.height ?? 0)
      .toBeGreaterThanOrEqual(44);
    expect(await byId(page, 'prediction').textContent()).toBe('no model yet');
    await byId(page, 'try-pick-1').tap();
    await expect.poll(() => page.url()).toMatch(/pick=1$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/try-fashion-390.png`, fullPage: true });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
