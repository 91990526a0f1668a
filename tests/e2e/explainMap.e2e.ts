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

describe('lesson 11: what does it look at?', () => {
  it('shows the occlusion map of the shipped LeNet, hides the answer until answered, and makes the learned map inside the lesson, also when presenting', async () => {
    const w = await openWatchedPage(browser(), '#/learn?lesson=what-it-looks-at&step=1', {
      viewport: { width: 1366, height: 768 },
    });
    const { page } = w;
    await page.getByTestId('learn-explain-map').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('learn-explain-says').innerText()).toMatch(/says 8/);
    await page.screenshot({ path: `${SHOTS}/lesson11-occlusion.png` });
    // The first question: its explanation appears only once answered.
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=what-it-looks-at&step=6'));
    await page.getByTestId('question').waitFor({ timeout: 30_000 });
    const why = 'A big drop means the answer depended on what was there';
    expect(await page.getByText(why).count()).toBe(0);
    await page.getByTestId('question').getByRole('radio').first().check();
    await page.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => page.getByTestId('feedback').innerText()).toMatch(/^Right!/);
    expect(await page.getByText(why).count()).toBe(1);
    // The map step at a desk, before any map: words and two buttons right under the panel's title (no
    // empty band), and no PNG to download yet.
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=what-it-looks-at&step=5'));
    const panel = page.getByTestId('learn-learned-map');
    await panel.getByTestId('make-map-2000').waitFor({ timeout: 60_000 });
    const png = panel.getByRole('button', { name: /^Download PNG/ });
    expect(await png.count()).toBe(0);
    const band = await panel.evaluate((el) => {
      const head = el.querySelector('.panel-head')!.getBoundingClientRect();
      const words = el.querySelector('.explain-map .explain-note')!.getBoundingClientRect();
      return words.top - head.bottom;
    });
    expect(band).toBeLessThanOrEqual(12);
    // Question 7 asks which map separates the colours: the panel's words do not say.
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=what-it-looks-at&step=7'));
    await page.getByTestId('question').waitFor({ timeout: 30_000 });
    await panel.getByTestId('make-map-2000').waitFor({ timeout: 30_000 });
    expect(await panel.innerText()).not.toMatch(/separate(s)? better|on the right\b/i);
    // The map step, presenting at 1366×768: the quick map's digits fill the room below the buttons
    // until the map is made (as on a projector), and the map is made in the lesson's panel.
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=what-it-looks-at&step=5&present=1'));
    await page.locator('[data-lesson="what-it-looks-at"].learn-present').waitFor({ timeout: 30_000 });
    const digits = page.getByTestId('map-digits');
    await expect
      .poll(async () => (await digits.boundingBox())?.height ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(250);
    const shown = (await digits.boundingBox())!;
    expect(shown.y + shown.height).toBeLessThanOrEqual(768);
    await page.getByTestId('make-map-2000').click();
    await page.getByTestId('map-progress').waitFor({ timeout: 10_000 });
    await page.getByTestId('map-hidden-canvas').waitFor({ timeout: 180_000 });
    const { counts } = await classPixels(page, 'map-hidden-canvas');
    for (const c of counts) expect(c).toBeGreaterThan(20);
    await page.getByTestId('map-hidden-canvas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/lesson11-map-present.png` });
    // Back at a desk the map made is there at once, and now there is something to download.
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=what-it-looks-at&step=5'));
    await panel.getByTestId('map-hidden-canvas').waitFor({ timeout: 30_000 });
    await expect.poll(() => png.count()).toBe(1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 300_000);
});

describe('explain: what each filter wants, made by gradient ascent', () => {
  it('shows progress, then one made-up picture per filter of conv1 and conv2 beside the top-9 patches', async () => {
    const w = await openWatchedPage(
      browser(),
      '#/explain?image=mnist-test:3&model=pretrained&method=gradient',
    );
    const { page } = w;
    await page.getByTestId('make-synthesis').waitFor({ timeout: 60_000 });
    await page.getByTestId('make-synthesis').click();
    await page.getByTestId('synthesis-progress').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('synthesis-progress').locator('progress').count()).toBe(1);
    await page.getByTestId('made-conv2-15').waitFor({ timeout: 240_000 });
    expect(await page.locator('[data-testid^="made-conv1-"]').count()).toBe(6);
    expect(await page.locator('[data-testid^="made-conv2-"]').count()).toBe(16);
    // A made picture is not blank: its canvas has both light and dark pixels.
    const spread = await page
      .getByTestId('made-conv2-0')
      .locator('canvas')
      .evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let lo = 255;
        let hi = 0;
        for (let i = 0; i < d.length; i += 4) {
          lo = Math.min(lo, d[i]!);
          hi = Math.max(hi, d[i]!);
        }
        return hi - lo;
      });
    expect(spread).toBeGreaterThan(100);
    await page.getByTestId('find-patches').click();
    await page.getByTestId('patches-conv2').locator('a.explain-patch').first().waitFor({ timeout: 240_000 });
    await page.getByTestId('patches-conv1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/filters-made.png` });
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 600_000);
});
