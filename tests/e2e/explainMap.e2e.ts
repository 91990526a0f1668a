import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS } from '../../src/components/explain/drawScatter';
import { openWatchedPage, useBrowser } from '../support/browser';

const browser = useBrowser();
const SHOTS = '/tmp/shots-explain2';
mkdirSync(SHOTS, { recursive: true });
const URL_PATH = '#/explain?image=mnist-test:3&model=pretrained&method=gradient';

/** Counts the canvas pixels of each class colour (exact RGB of the point centres, drawn at alpha 0.8 on white). */
async function classPixels(
  page: Page,
  testId: string,
): Promise<{ counts: number[]; point: [number, number] | null }> {
  return page.getByTestId(testId).evaluate(
    (el, colors) => {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) return { counts: [], point: null };
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const want = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      // α = 0.8 over white: c·0.8 + 255·0.2 (a point drawn over another of its class is darker still).
      const blended = want.map((rgb) => rgb.map((v) => Math.round(v * 0.8 + 51)));
      const counts = colors.map(() => 0);
      let point: [number, number] | null = null;
      for (let p = 0; p < width * height; p++) {
        const rgb = [data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!];
        blended.forEach((b, c) => {
          if (b.every((v, k) => Math.abs(v - rgb[k]!) <= 3)) {
            counts[c]!++;
            // A pixel inside a dot of class 0, away from the edge: where a test can click.
            if (c === 0 && !point && p % width > 20 && Math.floor(p / width) > 20)
              point = [p % width, Math.floor(p / width)];
          }
        });
      }
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      return { counts, point: point ? [point[0] / scale, point[1] / scale] : null };
    },
    CLASS_COLORS as unknown as string[],
  );
}

describe('explain: the map of what it learned', () => {
  it('shows progress, draws both maps coloured by class, a click shows the digit and opens it in Explain and Draw; the map is cached', async () => {
    const w = await openWatchedPage(browser(), URL_PATH, { viewport: { width: 1366, height: 900 } });
    const { page } = w;
    await page.getByTestId('make-map-2000').waitFor({ timeout: 60_000 });
    await page.getByTestId('make-map-2000').click();
    const progress = page.getByTestId('map-progress');
    await progress.waitFor({ timeout: 10_000 });
    expect(await progress.locator('progress').count()).toBe(1);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="map-progress"] progress')?.getAttribute('value')) > 100,
      undefined,
      { timeout: 120_000 },
    );
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/map-progress.png` });
    // While the workers run, the page answers: a click on a legend-free control still works.
    await page.getByTestId('map-hidden-canvas').waitFor({ timeout: 180_000 });
    await page.getByTestId('map-legend').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/map-done.png`, fullPage: false });
    for (const id of ['map-raw-canvas', 'map-hidden-canvas']) {
      const { counts } = await classPixels(page, id);
      // Every class has visible dots.
      for (const c of counts) expect(c).toBeGreaterThan(20);
    }
    // Click a dot of class 0 on the hidden-layer map: the card shows that digit.
    const { point } = await classPixels(page, 'map-hidden-canvas');
    expect(point).not.toBeNull();
    await page.getByTestId('map-hidden-canvas').scrollIntoViewIfNeeded();
    const box = await page.getByTestId('map-hidden-canvas').boundingBox();
    await page.mouse.click(box!.x + point![0], box!.y + point![1]);
    const card = page.getByTestId('map-card');
    await card.waitFor();
    const index = Number(await card.getAttribute('data-index'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(2000);
    expect(await card.textContent()).toContain(`#${index}`);
    expect(await card.textContent()).toMatch(/It is a 0/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/map-card.png` });
    await page.getByTestId('map-open-explain').click();
    await page.waitForFunction(
      (i) =>
        location.hash.includes(`image=mnist-test%3A${i}`) || location.hash.includes(`image=mnist-test:${i}`),
      index,
    );
    expect(await page.evaluate(() => location.hash)).toContain('model=pretrained');
    // Back in Explain, the map is there at once (cached for this model), with no button to press.
    await page.getByTestId('map-hidden-canvas').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('map-progress').count()).toBe(0);
    // "Next mistake" picks a digit the network got wrong, and Draw opens with it.
    await page.getByTestId('next-mistake').click();
    const wrong = page.getByTestId('map-card');
    expect(await wrong.textContent()).toMatch(/but the network says/);
    await page.getByTestId('map-open-draw').click();
    await page.waitForFunction(() => location.hash.startsWith('#/draw'));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/map-to-draw.png` });
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  }, 400_000);

  it('touch, 360 px: a tap on a dot shows its digit (no hover needed)', async () => {
    const w = await openWatchedPage(browser(), URL_PATH, {
      viewport: { width: 360, height: 740 },
      touch: true,
    });
    const { page } = w;
    await page.getByTestId('make-map-2000').waitFor({ timeout: 60_000 });
    await page.getByTestId('make-map-2000').tap();
    await page.getByTestId('map-raw-canvas').waitFor({ timeout: 180_000 });
    const { point } = await classPixels(page, 'map-raw-canvas');
    const box = await page.getByTestId('map-raw-canvas').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    await page.getByTestId('map-raw-canvas').scrollIntoViewIfNeeded();
    const box2 = await page.getByTestId('map-raw-canvas').boundingBox();
    await page.touchscreen.tap(box2!.x + point![0], box2!.y + point![1]);
    await page.getByTestId('map-card').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('map-card').textContent()).toMatch(/It is a 0/);
    await page.screenshot({ path: `${SHOTS}/map-touch.png`, fullPage: false });
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 300_000);
});
