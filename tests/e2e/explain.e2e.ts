import { mkdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, useBrowser } from '../support/browser';
import { downloadCsvRows, openExplorer, testPixel } from '../support/explorers';
import { readyToTrain } from '../support/waits';

/*
 * Independent reference: the shipped model files read from public/, run here on tfjs's cpu backend in
 * node with plain loops (single forward passes, finite differences), never with the app's engine.
 */
type Json = {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
};
const JSON_TEXT = readFileSync('public/models/lenet5/model.json', 'utf8');
const WEIGHTS = readFileSync('public/models/lenet5/weights.bin');

/** The shipped LeNet; `linear` replaces the output softmax so the model returns the scores z. */
async function loadShipped(linear: boolean): Promise<tfl.LayersModel> {
  const json = JSON.parse(JSON_TEXT) as Json;
  if (linear) {
    const layers = json.modelTopology.config.layers;
    const last = layers[layers.length - 1];
    if (last) last.config.activation = 'linear';
  }
  const weightData = WEIGHTS.buffer.slice(WEIGHTS.byteOffset, WEIGHTS.byteOffset + WEIGHTS.byteLength);
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology as unknown as tf.io.ModelJSON['modelTopology'],
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData,
    }),
  );
}

const digit = (d: number) =>
  Float32Array.from({ length: 784 }, (_, i) => testPixel(d, Math.floor(i / 28), i % 28));
const run = (m: tfl.LayersModel, x: Float32Array): Float32Array =>
  tf.tidy(() => (m.predict(tf.tensor4d(x, [1, 28, 28, 1])) as tf.Tensor).dataSync() as Float32Array);
const csvNumbers = (rows: string[]) => rows.map((r) => r.split(',').map(Number));

let probs: tfl.LayersModel;
let scores: tfl.LayersModel;
beforeAll(async () => {
  await tf.setBackend('cpu');
  probs = await loadShipped(false);
  scores = await loadShipped(true);
});

const browser = useBrowser();
mkdirSync('/tmp/shots-gaps-e2e', { recursive: true });
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const numTensors = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __cnnStudioTest: { numTensors(): number } }).__cnnStudioTest.numTensors(),
  );
const D = 8; // a test digit the shipped model is not 100 % sure of, so every map has visible values

describe('explain', () => {
  it('occlusion contract URL: the CSV equals P(c|image) − P(c|image with the patch zeroed), computed here one pass at a time', async () => {
    const w = await openExplorer(
      browser(),
      `#/explain?image=mnist-test:${D}&model=pretrained&method=occlusion&patch=7&stride=3`,
      'explain-map-export',
    );
    const rows = csvNumbers(await downloadCsvRows(w.page, 'explain-map-csv'));
    // The page names the model it asks, in Draw's words.
    expect(await w.page.getByTestId('explain-model').textContent()).toMatch(
      /^Using: pretrained LeNet-5, \d\d\.\d\d%/,
    );
    const img = digit(D);
    const base = run(probs, img);
    const c = base.indexOf(Math.max(...base));
    expect(rows).toHaveLength(8); // ⌊(28 − 7)/3⌋ + 1
    let largest = 0;
    for (let r = 0; r < 8; r++) {
      expect(rows[r]).toHaveLength(8);
      for (let col = 0; col < 8; col++) {
        const hidden = img.slice();
        for (let y = r * 3; y < r * 3 + 7; y++)
          for (let x = col * 3; x < col * 3 + 7; x++) hidden[y * 28 + x] = 0;
        const expected = (base[c] as number) - (run(probs, hidden)[c] as number);
        largest = Math.max(largest, Math.abs(expected));
        expect(rows[r]![col]!).toBeCloseTo(expected, 3);
      }
    }
    expect(largest).toBeGreaterThan(0.01);
    // The player shows the last position (the whole map) and steps back with the keyboard.
    await expect.poll(() => w.page.getByTestId('player-position').textContent()).toMatch(/^64 \/ 64/);
    await w.page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => w.page.getByTestId('player-position').textContent())
      .toMatch(/^63 \/ 64 · output row 7, col 6/);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('gradient contract URL: the CSV equals |∂z_c/∂pixel| from finite differences of the pre-softmax score wherever it is smooth', async () => {
    const w = await openExplorer(
      browser(),
      `#/explain?image=mnist-test:${D}&model=pretrained&method=gradient`,
      'explain-map-export',
    );
    const rows = csvNumbers(await downloadCsvRows(w.page, 'explain-map-csv'));
    expect(rows).toHaveLength(28);
    const img = digit(D);
    const z0 = run(scores, img);
    const c = z0.indexOf(Math.max(...z0));
    // All 1,568 nudged images in one batch.
    const eps = 1e-2;
    const batch = new Float32Array(2 * 784 * 784);
    for (let i = 0; i < 784; i++) {
      batch.set(img, 2 * i * 784);
      batch.set(img, (2 * i + 1) * 784);
      batch[2 * i * 784 + i] = (img[i] as number) + eps;
      batch[(2 * i + 1) * 784 + i] = (img[i] as number) - eps;
    }
    const z = tf.tidy(() => (scores.predict(tf.tensor4d(batch, [1568, 28, 28, 1])) as tf.Tensor).dataSync());
    const zc = z0[c] as number;
    const fwd = Array.from({ length: 784 }, (_, i) => ((z[2 * i * 10 + c] as number) - zc) / eps);
    const bwd = Array.from({ length: 784 }, (_, i) => (zc - (z[(2 * i + 1) * 10 + c] as number)) / eps);
    const max = Math.max(...fwd.map(Math.abs), ...bwd.map(Math.abs));
    expect(max).toBeGreaterThan(0.1);
    // Where the score is smooth around the pixel (forward and backward differences agree) the gradient is
    // defined, and the CSV must equal it. At ReLU kinks and max-pool ties (flat background) it is not.
    let smooth = 0;
    let agree = 0;
    for (let i = 0; i < 784; i++) {
      if (Math.abs(fwd[i]! - bwd[i]!) > 0.01 * max) continue;
      smooth++;
      if (Math.abs(rows[Math.floor(i / 28)]![i % 28]! - Math.abs((fwd[i]! + bwd[i]!) / 2)) < 0.02 * max)
        agree++;
    }
    expect(smooth).toBeGreaterThan(100);
    // Flat background makes max-pool ties, where a tiny nudge can look smooth on both sides and still
    // not be differentiable; those few pixels are why this is 90 %, and the autodiff check below is exact.
    expect(agree).toBeGreaterThanOrEqual(0.9 * smooth);
    // tfjs's own autodiff of the separately loaded scores model (cpu backend, model.predict, no app code).
    const auto = tf.tidy(() => {
      const f = (x: tf.Tensor) => tf.sum(tf.slice(scores.predict(x) as tf.Tensor, [0, c], [1, 1]));
      return tf.abs(tf.grad(f)(tf.tensor4d(img, [1, 28, 28, 1]))).dataSync();
    });
    let same = 0;
    for (let i = 0; i < 784; i++)
      if (Math.abs(rows[Math.floor(i / 28)]![i % 28]! - (auto[i] as number)) < 1e-3 * max) same++;
    expect(same).toBeGreaterThanOrEqual(780);
    await w.context.close();
  });

  it('Grad-CAM and SmoothGrad contract URLs give 28×28 non-negative maps; "why not" another class changes the map', async () => {
    const w = await openExplorer(
      browser(),
      `#/explain?image=mnist-test:${D}&model=pretrained&method=gradcam`,
      'explain-map-export',
    );
    const cam = csvNumbers(await downloadCsvRows(w.page, 'explain-map-csv'));
    expect(cam.map((r) => r.length)).toEqual(Array(28).fill(28));
    expect(Math.min(...cam.flat())).toBeGreaterThanOrEqual(0);
    expect(Math.max(...cam.flat())).toBeGreaterThan(0);
    await expect
      .poll(() => w.page.getByTestId('explain-map').textContent())
      .toContain('conv2 · 10×10 → 28×28');
    await w.page.getByTestId('class-3').click();
    await expect.poll(() => w.page.getByTestId('explain-says').textContent()).toMatch(/did not choose/);
    const other = csvNumbers(await downloadCsvRows(w.page, 'explain-map-csv'));
    expect(other.flat()).not.toEqual(cam.flat());
    await w.page.goto(
      w.page
        .url()
        .replace(
          /#.*/,
          `#/explain?image=mnist-test:${D}&model=pretrained&method=smoothgrad&noise=15&samples=8`,
        ),
    );
    await expect.poll(() => w.page.getByTestId('explain-map').textContent()).toContain('SmoothGrad');
    const smooth = csvNumbers(await downloadCsvRows(w.page, 'explain-map-csv'));
    expect(smooth).toHaveLength(28);
    expect(Math.min(...smooth.flat())).toBeGreaterThanOrEqual(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('bad links (patch larger than the image, stride 0, bad index) say what is wrong and keep the previous state', async () => {
    const good = `#/explain?image=mnist-test:${D}&model=pretrained&method=occlusion&patch=7&stride=3`;
    const w = await openExplorer(browser(), good, 'explain-map-export');
    const before = await downloadCsvRows(w.page, 'explain-map-csv');
    for (const [bad, message] of [
      ['patch=40', /patch=40 is larger than the 28×28 picture/],
      ['stride=0', /stride=0 would never move the patch/],
      ['image=mnist-test:12345', /from 0 to 9999/],
      // Strict readers (src/state/linkValues.ts): no hex, no exponent, no "7.0", exact option names.
      ['image=mnist-test:0x10', /"mnist-test:0x10".*written with plain digits/],
      ['patch=7.0', /patch="7.0" is not a whole number/],
      ['stride=3e0', /stride="3e0" is not a number written with plain digits/],
      ['method=Occlusion', /method="Occlusion" is not one of occlusion, gradient, smoothgrad, gradcam/],
    ] as const) {
      const [key = '', value = ''] = bad.split('=');
      // One bad value at a time on top of the good link, so each message stands alone.
      const params = new URLSearchParams(good.split('?')[1]);
      params.set(key, value);
      await w.page.evaluate((h) => (window.location.hash = h), `#/explain?${params.toString()}`);
      await expect.poll(() => w.page.getByTestId('conv-message').textContent()).toMatch(message);
      // Named once, with the value kept (not wrapped twice in "Link problem").
      const text = (await w.page.getByTestId('conv-message').textContent()) ?? '';
      expect(text.match(/Link problem/g)).toHaveLength(1);
      expect(text).toMatch(/Kept the previous value, (mnist-test:\d+|7|3|occlusion)\./);
      expect(await downloadCsvRows(w.page, 'explain-map-csv')).toEqual(before);
    }
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
  it('a model without conv layers (an MLP trained here): saliency and occlusion maps, Grad-CAM and the filter views left out with the reason, nothing leaked', async () => {
    const w = await openWatchedPage(browser(), '?testhooks#/train?arch=dense32&train=1000&epochs=1&batch=50');
    const { page } = w;
    await readyToTrain(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('test-accuracy').textContent(), { timeout: 180_000 })
      .toMatch(/^\d+\.\d\d%$/);
    await page.getByTestId('keep-run').click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('model-chooser-note').textContent()).toMatch(/now your model/);

    // A Grad-CAM link: the reason is said, Grad-CAM is not offered, the default method's map is shown.
    await go(page, `#/explain?image=mnist-test:${D}&model=current&method=gradcam`);
    await page.getByTestId('explain-map-export').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('explain-model').textContent()).toMatch(/layers dense32/);
    // Said as information (a calm status note), not as a problem (the red alert of refused values).
    const note = page.getByTestId('explain-note');
    await expect
      .poll(() => note.textContent())
      .toMatch(/no convolution layers, so Grad-CAM .* and the filter views do not apply/);
    expect(await note.textContent()).toMatch(/Grad-CAM was asked for.*so the map shows Occlusion instead/);
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.getAttribute('class')).not.toMatch(/error/);
    expect(await page.getByTestId('conv-message').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    const methods = page.getByTestId('explain-method').getByRole('radio');
    expect(await methods.allTextContents()).toEqual(['Occlusion', 'Gradient', 'SmoothGrad']);
    expect(await methods.filter({ hasText: 'Occlusion' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('filter-patches').count()).toBe(0);
    const fallback = csvNumbers(await downloadCsvRows(page, 'explain-map-csv'));
    expect(fallback.map((r) => r.length)).toEqual(Array(13).fill(13)); // ⌊(28 − 4)/2⌋ + 1
    await page.screenshot({ path: '/tmp/shots-gaps-e2e/explain-mlp-gradcam-1366.png', fullPage: true });
    const tensors = await numTensors(page);

    // Saliency (the gradient): 28×28, not all zero. Occlusion with 4×4 patches every 2 pixels: 13×13.
    await go(page, `#/explain?image=mnist-test:${D}&model=current&method=gradient`);
    await expect.poll(() => page.getByTestId('explain-map').textContent()).toContain('28×28');
    const gradient = csvNumbers(await downloadCsvRows(page, 'explain-map-csv'));
    expect(gradient.map((r) => r.length)).toEqual(Array(28).fill(28));
    expect(Math.max(...gradient.flat())).toBeGreaterThan(0);
    await go(page, `#/explain?image=mnist-test:${D}&model=current&method=occlusion&patch=4&stride=2`);
    await expect.poll(() => page.getByTestId('player-position').textContent()).toMatch(/^169 \/ 169/);
    const occlusion = csvNumbers(await downloadCsvRows(page, 'explain-map-csv'));
    expect(occlusion.map((r) => r.length)).toEqual(Array(13).fill(13));
    expect(occlusion.flat()).toEqual(fallback.flat());
    expect(await page.getByTestId('filter-patches').count()).toBe(0);
    // Two maps later, as many tensors as after the first (the model's weights).
    expect(await numTensors(page)).toBe(tensors);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('on a 390×844 phone the picture and its map come first, the controls after them', async () => {
    const w = await openWatchedPage(browser(), '#/explain?image=mnist-test:0&method=gradient', {
      viewport: { width: 390, height: 844 },
      touch: true,
    });
    const picture = w.page.getByTestId('explain-picture');
    await picture.waitFor({ timeout: 60_000 });
    const pictureTop = (await picture.boundingBox())!.y;
    const controlsTop = (await w.page.locator('.explain-controls').boundingBox())!.y;
    expect(pictureTop).toBeLessThan(controlsTop);
    expect(pictureTop).toBeLessThan(844 / 2);
    // First in the page too (not only drawn first): a keyboard and a screen reader meet the picture,
    // and its sentence, before the controls.
    const order = await w.page.evaluate(() => {
      const before = (a: string, b: string) =>
        !!(
          document.querySelector(a)!.compareDocumentPosition(document.querySelector(b)!) &
          Node.DOCUMENT_POSITION_FOLLOWING
        );
      return {
        picture: before('[data-testid=explain-picture]', '.explain-controls'),
        says: before('[data-testid=explain-says]', '.explain-controls'),
      };
    });
    expect(order).toEqual({ picture: true, says: true });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
