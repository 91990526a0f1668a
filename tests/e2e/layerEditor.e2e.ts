import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-layer-editor';

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const params = (page: Page) => byId(page, 'param-count').textContent().then(Number);
const archInUrl = (page: Page) =>
  page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('arch'));

async function trainOneEpoch(page: Page): Promise<number> {
  await readyToTrain(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect
    .poll(() => byId(page, 'test-accuracy').textContent(), { timeout: 120_000 })
    .toMatch(/^\d+\.\d\d%$/);
  return parseFloat((await byId(page, 'test-accuracy').textContent()) ?? '0');
}

describe('#/train layer editor', () => {
  it('by keyboard: add a dense layer, size it, add a conv above it, a refused move, then train it', async () => {
    const w = await openWatchedPage(browser(), '#/train?arch=none&train=600&epochs=1&batch=50');
    const { page } = w;
    await byId(page, 'param-count').waitFor();
    expect(await params(page)).toBe(7850);

    await byId(page, 'add-kind').focus();
    await page.keyboard.press('End'); // Dense, the last kind
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page)).toBe(784 * 64 + 64 + 650);
    // The focus moved into the new layer: its units box.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('layer-0-units');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('32');
    await expect.poll(() => params(page)).toBe(784 * 32 + 32 + 330);

    await byId(page, 'add-kind').focus();
    await page.keyboard.press('Home'); // Convolution
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // A conv goes above the first dense layer: conv8k3 (same) keeps 28×28, so dense1 sees 28·28·8.
    await expect.poll(() => archInUrl(page)).toBe('conv8k3-dense32');
    const good = 9 * 8 + 8 + (28 * 28 * 8 * 32 + 32) + 330;
    expect(await params(page)).toBe(good);

    // Alt+↓ moves the conv below the dense layer: refused at that layer, the network kept.
    await byId(page, 'layer-0-filters').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => byId(page, 'layer-problem').textContent()).toMatch(/conv1 needs a map/);
    expect(await params(page)).toBe(good);
    expect(await archInUrl(page)).toBe('conv8k3-dense32');
    await page.screenshot({ path: `${SHOTS}/editor-refused-1366.png`, fullPage: true });
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => byId(page, 'layer-problem').count()).toBe(0);

    const acc = await trainOneEpoch(page);
    expect(acc).toBeGreaterThan(50);
    // The live panels name the designed network's layers.
    expect(await page.locator('.train-layer[data-layer="conv1"]').count()).toBe(1);
    expect(await page.locator('.train-layer[data-layer="dense1"]').count()).toBe(1);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('by mouse: a preset, remove a layer, add dropout, train; the Keras code follows', async () => {
    const w = await openWatchedPage(browser(), '#/train?train=600&epochs=1&batch=50');
    const { page } = w;
    await byId(page, 'param-count').waitFor();
    expect(await params(page)).toBe(61706);
    await byId(page, 'arch-preset').selectOption('mlp');
    await expect.poll(() => params(page)).toBe(784 * 128 + 128 + (128 * 64 + 64) + 650);
    await byId(page, 'layer-1-remove').click();
    await expect.poll(() => params(page)).toBe(784 * 128 + 128 + 1290);
    await byId(page, 'add-kind').selectOption('dropout');
    await byId(page, 'add-layer').click();
    await expect.poll(() => archInUrl(page)).toBe('dense128-dropout25');
    const keras = (await byId(page, 'code-keras').textContent()) ?? '';
    expect(keras).toContain('layers.Dense(128, activation="relu", name="dense1")');
    expect(keras).toContain('layers.Dropout(0.25, name="dropout1")');
    expect(keras).toContain('Total params: 101,770');
    const acc = await trainOneEpoch(page);
    expect(acc).toBeGreaterThan(50);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('a bad link says what is wrong and keeps the previous network', async () => {
    const w = await openWatchedPage(browser(), '#/train?arch=dense10');
    const { page } = w;
    await byId(page, 'param-count').waitFor();
    const before = 784 * 10 + 10 + 110;
    expect(await params(page)).toBe(before);
    expect(await byId(page, 'arch-error').count()).toBe(0);
    const cases: [string, RegExp][] = [
      ['conv6k5-lstm32', /"lstm32".*not a layer/],
      ['conv100000k5', /"conv100000k5".*100,000 filters/],
      ['conv-6k5', /"conv-6k5".*negative/],
      [Array.from({ length: 10000 }, () => 'dense8').join('-'), /10,000 layers/],
      ['maxpool4-maxpool4-conv8k5v', /conv1.*5×5 kernel.*1×1/],
    ];
    for (const [arch, reason] of cases) {
      await page.evaluate((a) => (location.hash = `#/train?arch=${a}`), arch);
      await expect.poll(() => byId(page, 'arch-error').textContent()).toMatch(reason);
      expect(await params(page)).toBe(before);
    }
    await page.evaluate(
      () => (location.hash = '#/train?arch=conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84'),
    );
    await expect.poll(() => params(page)).toBe(61706);
    expect(await byId(page, 'arch-error').count()).toBe(0);
    expect(await byId(page, 'arch-too-big').count()).toBe(0);
    // A network too big for this computer is flagged before Train is pressed.
    await page.evaluate(
      () => (location.hash = '#/train?batch=1024&arch=conv64k3-conv64k3-conv64k3-conv64k3'),
    );
    await expect.poll(() => byId(page, 'arch-too-big').textContent()).toMatch(/about [\d,]+ MB/);
    await w.context.close();
  });

  it('screenshots: laptop 1366×768 and a touch phone 390×844 (targets ≥ 44 px)', async () => {
    const url = '#/train?arch=conv8k3-batchnorm-maxpool2-conv16k3s2-dropout25-dense64';
    const w = await openWatchedPage(browser(), url);
    await byId(w.page, 'param-count').waitFor();
    await byId(w.page, 'layer-editor').screenshot({ path: `${SHOTS}/editor-1366.png` });
    await w.page.screenshot({ path: `${SHOTS}/train-1366.png` });
    const pageUrl = w.page.url();
    await w.context.close();

    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await byId(page, 'param-count').waitFor();
    await byId(page, 'layer-editor').screenshot({ path: `${SHOTS}/editor-390-touch.png` });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.arch-editor button, .arch-editor select, .arch-editor input')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height < 44 || r.width < 44)
        .map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    await context.close();
  });
});
