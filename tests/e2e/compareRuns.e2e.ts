/**
 * Compare runs (issue 11 item 5): two small runs are kept, ticked, overlaid and tabled; the comparison
 * is in the link and survives a reload; one is restored as "your model"; one is deleted after asking;
 * a bad compare link is refused with the reason; and Learn's one-click "MLP vs CNN" trains both
 * networks and opens their comparison.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-compare';
const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const hashParams = async (page: Page) =>
  new URLSearchParams(await page.evaluate(() => window.location.hash.split('?')[1] ?? ''));
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** Trains the network in the page's link and waits until the run is kept. */
async function trainOne(page: Page, runsBefore: number): Promise<void> {
  await readyToTrain(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => byId(page, 'run-item').count(), { timeout: 180_000 }).toBe(runsBefore + 1);
  await expect.poll(() => byId(page, 'runs-note').textContent()).toMatch(/^Run kept for comparing/);
}

describe('compare runs', () => {
  it('two runs of 1,000 digits on a 390 px touch phone: kept, compared (overlaid curves, table), in the link, restored, deleted', async () => {
    await mkdir(SHOTS, { recursive: true });
    const w = await openWatchedPage(
      browser(),
      '#/train?arch=dense32&train=1000&epochs=1&batch=50&seed=3&backend=wasm',
      { viewport: { width: 390, height: 844 }, touch: true },
    );
    const { page } = w;
    await expect.poll(() => byId(page, 'runs-count').textContent()).toBe('0 of 20 kept in this browser');
    await trainOne(page, 0);
    await go(page, '#/train?arch=conv4k3-maxpool2-dense32&train=1000&epochs=1&batch=50&seed=3&backend=wasm');
    await trainOne(page, 1);
    expect(await byId(page, 'runs-count').textContent()).toBe('2 of 20 kept in this browser');

    // Newest first: the CNN, then the MLP. Tick both.
    const items = byId(page, 'run-item');
    expect(await items.nth(0).textContent()).toMatch(
      /conv4k3-maxpool2-dense32.*1 epoch, 1,000 pictures, Adam 0.004, seed 3/,
    );
    expect(await items.nth(1).textContent()).toMatch(/dense32.*\d+\.\d\d% on test/);
    const cnnId = await items.nth(0).getAttribute('data-run');
    const mlpId = await items.nth(1).getAttribute('data-run');
    // Ticking writes the link, which re-renders the list: wait for each tick to show.
    for (const n of [1, 0]) {
      await items.nth(n).getByTestId('run-pick').click();
      await expect.poll(() => items.nth(n).getByTestId('run-pick').isChecked()).toBe(true);
    }
    expect((await hashParams(page)).get('compare')).toBe(`${mlpId},${cnnId}`);

    const panel = byId(page, 'compare-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toMatch(/^Comparing 2 runs/);
    for (const kind of ['accuracy', 'loss']) {
      const chart = byId(page, `compare-${kind}`);
      expect(await chart.locator('[data-testid="compare-line"]').count()).toBe(2);
      // Each line is drawn (a real path), in its own dash style, with a marker at its epoch.
      const lines = chart.locator('path.compare-line');
      expect((await lines.nth(0).getAttribute('d'))?.length).toBeGreaterThan(40);
      expect(await lines.nth(0).getAttribute('stroke-dasharray')).toBeNull();
      expect(await lines.nth(1).getAttribute('stroke-dasharray')).toBe('10 5');
      expect(await chart.locator('path.compare-marker').count()).toBe(2);
    }
    const legend = await byId(page, 'compare-legend').textContent();
    expect(legend).toMatch(/dense32.*1 epoch, 1,000 pictures.*conv4k3-maxpool2-dense32/);
    const rows = byId(page, 'compare-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/dense32.*\d+\.\d\d%25,450\d+\.\d s/);
    expect(await rows.nth(1).textContent()).toMatch(/conv4k3-maxpool2-dense32.*\d+\.\d\d%25,\d{3}\d+\.\d s/);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/compare-390-touch.png`, fullPage: false });
    await panel.screenshot({ path: `${SHOTS}/compare-390-touch-panel.png` });
    // Touch targets: the tick boxes and buttons are at least 44 px.
    const box = await byId(page, 'run-item').nth(0).getByTestId('run-restore').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);

    // The link carries the comparison: a reload shows the same one.
    await page.reload();
    await expect.poll(() => byId(page, 'compare-row').count(), { timeout: 30_000 }).toBe(2);

    // A refused link keeps the comparison and names the wrong part.
    await go(page, `#/train?arch=dense32&compare=${mlpId},<script>`);
    await expect.poll(() => byId(page, 'link-message').textContent()).toMatch(/“<script>” is not a run id/);
    expect(await byId(page, 'compare-row').count()).toBe(2);
    await go(page, `#/train?arch=dense32&compare=${mlpId},rnotstored1`);
    await expect
      .poll(() => byId(page, 'link-message').textContent())
      .toMatch(/Run rnotstored1 in this link is not kept in this browser/);

    // Restore the CNN as "your model".
    await go(page, `#/train?arch=dense32&compare=${mlpId},${cnnId}`);
    await byId(page, 'run-item').nth(0).getByTestId('run-restore').click();
    await expect.poll(() => byId(page, 'runs-note').textContent()).toMatch(/is now your model/);
    await expect
      .poll(() => byId(page, 'model-in-use').textContent())
      .toMatch(/your model, \d+\.\d\d%.*layers conv4k3-maxpool2-dense32/);

    // Delete the MLP: asks first; it leaves the list and the comparison.
    const del = byId(page, 'run-item').nth(1).getByTestId('run-delete');
    await del.click();
    expect(await byId(page, 'run-item').count()).toBe(2);
    await expect.poll(() => del.textContent()).toBe('Really delete?');
    await del.click();
    await expect.poll(() => byId(page, 'run-item').count()).toBe(1);
    expect((await hashParams(page)).get('compare')).toBe(cnnId);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('Learn → "MLP vs CNN": one click trains both (estimate, progress) and opens their comparison', async () => {
    const w = await openWatchedPage(browser(), '#/learn?backend=wasm');
    const { page } = w;
    await byId(page, 'experiment-mlp-vs-cnn').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/train\?/);
    const panel = byId(page, 'experiment-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 90_000 }).toMatch(/MLP vs CNN/);
    await expect
      .poll(() => byId(page, 'experiment-estimate').textContent(), { timeout: 120_000 })
      .toMatch(/About .* for both runs on this computer/);
    await expect
      .poll(() => byId(page, 'experiment-status').textContent(), { timeout: 60_000 })
      .toMatch(/Run 1 of 2: MLP \(no convolution\)/);
    await page.screenshot({ path: `${SHOTS}/experiment-running-1366.png`, fullPage: false });
    await expect
      .poll(() => byId(page, 'experiment-status').textContent(), { timeout: 300_000 })
      .toMatch(/Run 2 of 2: LeNet-5 \(CNN\)/);
    await expect.poll(() => panel.getAttribute('data-phase'), { timeout: 400_000 }).toBe('done');
    await expect.poll(() => byId(page, 'compare-row').count(), { timeout: 30_000 }).toBe(2);
    const ids = (await hashParams(page)).get('compare')?.split(',') ?? [];
    expect(ids).toHaveLength(2);
    const rows = byId(page, 'compare-row');
    expect(await rows.nth(0).textContent()).toMatch(
      /MLP \(no convolution\).*dense128-dense64.*1 epoch, 6,000 pictures.*109,386/,
    );
    expect(await rows.nth(1).textContent()).toMatch(/LeNet-5 \(CNN\).*61,706/);
    for (const size of [
      { width: 1366, height: 768, name: '1366' },
      { width: 1920, height: 1080, name: '1920-present' },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      if (size.name.endsWith('present')) {
        const params = await hashParams(page);
        params.set('present', '1');
        await go(page, `#/train?${params.toString()}`);
      }
      await page.locator('[data-testid="compare-panel"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/experiment-compare-${size.name}.png`, fullPage: false });
    }
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});
