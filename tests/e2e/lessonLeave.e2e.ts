import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openWatchedPage, useBrowser, type WatchedPage } from '../support/browser';
import { ellipse, stroke } from '../support/drawing';

// Issue 14, bad input 8: leaving a lesson or Draw while its model session is being read (a digit's
// layer maps in lesson 9, a drawing's prediction in lesson 10, Draw's layers and filters) frees the
// session mid-read. The read must end quietly: no uncaught "Tensor is disposed.", no console error, no
// tensor left behind.
const browser = useBrowser();

const numTensors = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __cnnStudioTest: { numTensors(): number } }).__cnnStudioTest.numTensors(),
  );
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
/** The lesson page whose panel is mounted (LearnArea marks it). */
const onPage = (page: Page, lesson: string, step: number) =>
  page.locator(`[data-lesson="${lesson}"][data-page="${step}"]`).waitFor({ timeout: 30_000 });

// Both backends: the session's reads differ (WebAssembly answers on the CPU, WebGL waits on the GPU
// for its maps), and each has its own window in which a leave can free the session mid-read.
describe.each(['wasm', 'webgl'] as const)('leaving a lesson mid-read (%s)', (backend) => {
  // One page per backend serves both lessons (moved by its links): a page and its backend started
  // anew for lesson 10 cost CI about 5 s each. Its errors accumulate, so lesson 10 also sees lesson
  // 9's; a retry, or lesson 10 run alone, opens its own page.
  let shared: WatchedPage | undefined;
  afterAll(async () => {
    await shared?.context.close();
  });
  async function openOn(hash: string): Promise<WatchedPage> {
    if (shared) {
      await go(shared.page, hash);
    } else {
      shared = await openWatchedPage(browser(), 'about:blank');
      await shared.page.goto(new URL(`?testhooks&backend=${backend}${hash}`, baseUrl()).href);
    }
    const { page } = shared;
    await page.getByTestId('backend-name').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backend-name').getAttribute('data-backend')).toBe(backend);
    return shared;
  }

  it('lesson 9: a new digit then straight away another step or area, 16 times', async () => {
    await shared?.context.close(); // a retry starts afresh
    shared = undefined;
    const w = await openOn('#/learn?lesson=lenet&step=4');
    const { page } = w;
    await onPage(page, 'lenet', 4);
    // The layer panels are up: the session exists and has answered once.
    await page.getByText(/conv1/).first().waitFor({ timeout: 60_000 });
    const before = await numTensors(page);
    const away = ['#/learn?lesson=lenet&step=3', '#/learn?lesson=lenet&step=5', '#/convolution', '#/learn'];
    // 16 rounds (CI time): leave delays spread over 0–40 ms, each of the four destinations four times.
    for (let i = 0; i < 16; i++) {
      // A new digit starts a read; leaving 0–40 ms after the next frame frees the session while it
      // runs (in the page, so no round trip to the test decides the timing).
      await page.evaluate(
        async ([there, away, ms]) => {
          window.location.hash = there;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, ms)));
          window.location.hash = away;
          await new Promise((r) => setTimeout(r, 60));
        },
        [
          `#/learn?lesson=lenet&step=${i % 2 ? 2 : 4}&digit=${(i * 37) % 100}`,
          away[i % away.length]!,
          (i * 3) % 41,
        ] as const,
      );
    }
    await go(page, '#/learn?lesson=lenet&step=4&digit=3');
    await onPage(page, 'lenet', 4);
    await page.getByText(/conv1/).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(w.errors).toEqual([]);
    // Back on the same page with a live session again: exactly as many tensors as before.
    await expect.poll(() => numTensors(page), { timeout: 10_000 }).toBe(before);
  });

  it('lesson 10: a stroke on the drawing panel, then leaving while it is classified, 3 times', async () => {
    const w = await openOn('#/learn?lesson=train-and-draw&step=3');
    const { page } = w;
    await onPage(page, 'train-and-draw', 3);
    await page.getByLabel('Drawing canvas').waitFor({ timeout: 60_000 });
    // Three rounds cover both destinations (i % 2) and both waits (i % 3); CI's 25 minutes are tight.
    for (let i = 0; i < 3; i++) {
      // One mouse move per segment: the stroke only has to start a classification (its shape is not
      // the point), and each move waits for the busy page.
      await stroke(page, ellipse(140, 140, 40 + i * 3, 70), 1);
      await go(page, i % 2 ? '#/learn?lesson=train-and-draw&step=4' : '#/draw');
      await page.waitForTimeout(i % 3 === 0 ? 0 : 30);
      await go(page, '#/learn?lesson=train-and-draw&step=3');
      await page.getByLabel('Drawing canvas').waitFor({ timeout: 60_000 });
    }
    await page.waitForTimeout(500);
    expect(w.errors).toEqual([]);
  });
  it('Draw: a stroke, then leaving while its layers and filters are read, 4 times', async () => {
    const w = await openOn('#/draw');
    const { page } = w;
    const canvas = page.getByLabel('Drawing canvas');
    await canvas.waitFor({ timeout: 60_000 });
    await stroke(page, ellipse(140, 140, 40, 70), 1);
    // The layer panels have answered once: the session and its filters are read.
    await expect.poll(() => page.getByTestId('prediction').textContent(), { timeout: 30_000 }).toMatch(/\d/);
    await page.waitForTimeout(300);
    const before = await numTensors(page);
    const away = ['#/learn?lesson=lenet&step=4', '#/convolution'];
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Clear' }).click();
      await stroke(page, ellipse(140, 140, 36 + i * 4, 64), 1);
      await go(page, away[i % 2]!);
      await page.waitForTimeout(i % 2 ? 0 : 30);
      await go(page, '#/draw');
      await canvas.waitFor({ timeout: 60_000 });
    }
    await stroke(page, ellipse(140, 140, 40, 70), 1);
    await expect.poll(() => page.getByTestId('prediction').textContent(), { timeout: 30_000 }).toMatch(/\d/);
    await page.waitForTimeout(500);
    expect(w.errors).toEqual([]);
    // Back on Draw with its session again: as many tensors as before the leaves.
    await expect.poll(() => numTensors(page), { timeout: 10_000 }).toBe(before);
  });
});
