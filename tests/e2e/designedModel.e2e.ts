/**
 * A network designed in the layer editor works everywhere, not only in Train: trained, chosen as "your
 * model", read by Draw with its own layer names, its maps linked into the explorers with its real
 * kernels, exported and imported again; a network without convolution says why it has no maps.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { SEVEN, stroke } from '../support/drawing';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-generic-net';
const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const hashParams = async (page: Page) =>
  new URLSearchParams(await page.evaluate(() => window.location.hash.split('?')[1] ?? ''));
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** Trains the network in the URL for one epoch and makes it "your model". */
async function trainAndKeep(page: Page): Promise<void> {
  await readyToTrain(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect
    .poll(() => byId(page, 'test-accuracy').textContent(), { timeout: 180_000 })
    .toMatch(/^\d+\.\d\d%$/);
  await byId(page, 'keep-run').click({ timeout: 30_000 });
  await expect.poll(() => byId(page, 'model-chooser-note').textContent()).toMatch(/now your model/);
}

async function drawSeven(page: Page, label: RegExp): Promise<void> {
  await expect.poll(() => byId(page, 'draw-model').textContent(), { timeout: 60_000 }).toMatch(label);
  await page.getByRole('button', { name: 'Clear' }).click();
  await stroke(page, SEVEN);
  await expect.poll(() => byId(page, 'prediction').textContent()).toMatch(/^\d$/);
}

describe('a designed network, chosen as your model', () => {
  it('conv8k3-maxpool2-dense32: Draw names its layers, links its 3×3 kernels, export → import keeps it', async () => {
    const w = await openWatchedPage(
      browser(),
      '#/train?arch=conv8k3-maxpool2-dense32&train=3000&epochs=1&batch=64',
    );
    const { page } = w;
    await trainAndKeep(page);
    expect(await byId(page, 'model-in-use').textContent()).toMatch(
      /your model, .*· layers conv8k3-maxpool2-dense32/,
    );

    await go(page, '#/draw');
    await drawSeven(page, /layers conv8k3-maxpool2-dense32/);
    expect(await byId(page, 'draw-model').getAttribute('data-used')).toBe('mine');
    for (const [id, title] of [
      ['layer-conv1', 'conv1 · 8 maps · 28×28'],
      ['layer-pool1', 'pool1 · 8 maps · 14×14'],
      ['layer-dense1', 'dense1 · 32 numbers'],
      ['layer-output', 'output · 10 numbers'],
    ]) {
      expect(await byId(page, id!).locator('h2').textContent()).toBe(title);
    }
    // No LeNet layer is invented.
    expect(await byId(page, 'layer-conv2').count()).toBe(0);
    expect(await byId(page, 'layer-dense2').count()).toBe(0);
    expect(await byId(page, 'layer-dense1').textContent()).toMatch(
      /pool1's 14×14×8 values are flattened into one row of 1,568 numbers/,
    );
    // What if: 8 filters of 3×3.
    expect(await byId(page, 'whatif').locator('h2').textContent()).toMatch(
      /conv1 filter.*filter 1 of 8 · 3×3/,
    );
    const before = await byId(page, 'confidence').textContent();
    for (let f = 1; f <= 8; f++) {
      await page.getByRole('button', { name: `Filter ${f}`, exact: true }).click();
      await page.getByRole('button', { name: 'Zero this filter' }).click();
    }
    await expect.poll(() => byId(page, 'whatif-status').textContent()).toMatch(/Before your edit/);
    await expect.poll(() => byId(page, 'confidence').textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Reset model' }).click();
    await expect.poll(() => byId(page, 'confidence').textContent()).toBe(before);
    await page.screenshot({ path: `${SHOTS}/draw-designed-1366.png`, fullPage: true });

    // A conv1 map → the explorer on the drawn digit with that filter's 9 real weights, padding 1 (same).
    await byId(page, 'conv1-maps').click({ position: { x: 14 * 4, y: 14 * 4 } });
    await page.waitForFunction(() => window.location.hash.startsWith('#/convolution'));
    let p = await hashParams(page);
    expect(p.get('image')).toBe('drawn');
    expect(p.get('kernel')!.split(',').map(Number).filter(Number.isFinite)).toHaveLength(9);
    expect([p.get('padding'), p.get('stride'), p.get('activation')]).toEqual(['1', '1', 'relu']);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/explorer-from-designed-1366.png` });
    await page.goBack();
    // A pool1 map → the Pooling explorer on the 28×28 conv1 map it pooled.
    await byId(page, 'pool1-maps').waitFor();
    await byId(page, 'pool1-maps').click({ position: { x: 7 * 7, y: 7 * 7 } });
    await page.waitForFunction(() => window.location.hash.startsWith('#/pooling'));
    p = await hashParams(page);
    expect(p.get('image')!.startsWith('custom:28x28:')).toBe(true);
    expect([p.get('pool'), p.get('size'), p.get('poolStride')]).toEqual(['max', '2', '2']);
    expect(await page.locator('[role=alert]').count()).toBe(0);

    // Export the model (model.json + weights.bin), forget it, import the two files: the same layers.
    await go(page, '#/train?arch=conv8k3-maxpool2-dense32');
    const downloads: string[] = [];
    page.on('download', (d) => void d.path().then((f) => downloads.push(`${d.suggestedFilename()}=${f}`)));
    await page.getByRole('button', { name: 'Export model in use' }).click();
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(2);
    const file = (name: string) => downloads.find((d) => d.startsWith(`${name}=`))!.split('=')[1]!;
    const json = JSON.parse(await readFile(file('model.json'), 'utf8')) as {
      userDefinedMetadata: { cnnStudio: { arch: string } };
    };
    expect(json.userDefinedMetadata.cnnStudio.arch).toBe('conv8k3-maxpool2-dense32');
    await byId(page, 'forget-models').click();
    await byId(page, 'forget-yes').click();
    // Playwright keeps downloads under random names: hand them back with their own names.
    await byId(page, 'import-input').setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: await readFile(file('model.json')) },
      {
        name: 'weights.bin',
        mimeType: 'application/octet-stream',
        buffer: await readFile(file('weights.bin')),
      },
    ]);
    await expect
      .poll(() => byId(page, 'model-note').textContent(), { timeout: 60_000 })
      .toMatch(/^Imported model.json: it got/);
    expect(await byId(page, 'model-in-use').textContent()).toMatch(
      /imported model .*· layers conv8k3-maxpool2-dense32/,
    );
    await go(page, '#/draw');
    await drawSeven(page, /imported model .*layers conv8k3-maxpool2-dense32/);
    expect(await byId(page, 'layer-conv1').locator('h2').textContent()).toBe('conv1 · 8 maps · 28×28');
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('an MLP (dense32, no convolution): Draw shows its layers and says why there are no maps or filters', async () => {
    const w = await openWatchedPage(browser(), '#/train?arch=dense32&train=1000&epochs=1&batch=50');
    const { page } = w;
    await trainAndKeep(page);
    await go(page, '#/draw');
    await drawSeven(page, /layers dense32/);
    expect(await byId(page, 'no-maps').textContent()).toMatch(/no convolution or pooling layer/);
    expect(await byId(page, 'whatif-no-conv').textContent()).toMatch(/no convolution layer/);
    expect(await byId(page, 'layer-dense1').locator('h2').textContent()).toBe('dense1 · 32 numbers');
    expect(await byId(page, 'layer-dense1').textContent()).toMatch(/flattened into one row of 784 pixels/);
    expect(await byId(page, 'layer-conv1').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/draw-mlp-1366.png`, fullPage: true });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
