/** Issue 10's teaching slips, checked in the browser (screenshots at 1366×768 when SHOTS_DIR is set). */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';

const browser = useBrowser();
const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

describe('lesson slips', () => {
  it('a question hides its answer until answered, then the panel shows it (lesson 2 Q2, pooling Q2)', async () => {
    const w = await openWatchedPage(browser(), '#/learn?lesson=convolution-of-functions&step=7');
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    const stage = page.getByTestId('step-panel');
    await expect
      .poll(() => stage.locator('.learn-formula-line').first().innerText(), { timeout: 30_000 })
      .toMatch(/= \?$/);
    // No ▶ to play past the hidden answer.
    expect(await stage.getByRole('button', { name: /Play/ }).count()).toBe(0);
    await page.getByLabel('Your answer').fill('5');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => stage.locator('.learn-formula-line').first().innerText()).toMatch(/= 5$/);
    await shot(page, 'lesson2-q2-answered');

    await page.evaluate(() => {
      window.location.hash = '#/learn?lesson=pooling&step=6';
    });
    await expect
      .poll(() => stage.locator('.learn-formula-line').first().innerText(), { timeout: 30_000 })
      .toMatch(/= \?$/);
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await expect.poll(() => stage.locator('.learn-formula-line').first().innerText()).toMatch(/= 0\.6$/);
    await shot(page, 'pooling-q2-revealed');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('sigmoid curves wait for the answer; "1 filter"; the 2-D stride picture; lesson 8 step 3 by link trains', async () => {
    const w = await openWatchedPage(browser(), '#/learn?lesson=nonlinearities&step=6');
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    const stage = page.getByTestId('step-panel');
    await stage.locator('svg.learn-svg').first().waitFor({ timeout: 30_000 });
    expect(await stage.locator('svg.learn-svg path').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await expect.poll(() => stage.locator('svg.learn-svg path').count()).toBe(3);

    await page.evaluate(() => (window.location.hash = '#/learn?lesson=sliding-filter&step=4'));
    await expect
      .poll(() => stage.locator('.panel-title').first().innerText(), { timeout: 30_000 })
      .toMatch(/^1 filter on one digit/);

    await page.evaluate(() => (window.location.hash = '#/learn?lesson=stride-padding&step=4'));
    const pic = page.getByTestId('stride-picture');
    await pic.waitFor({ timeout: 30_000 });
    expect(await pic.locator('[data-padding]').count()).toBe(9 * 9 - 7 * 7);
    await shot(page, 'lesson4-padding');
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=stride-padding&step=3'));
    await shot(page, 'lesson4-stride');

    await page.evaluate(() => (window.location.hash = '#/learn?lesson=nonlinearities&step=2'));
    await page.waitForTimeout(1500);
    await shot(page, 'lesson6-relu');
    await page.evaluate(() => (window.location.hash = '#/learn?lesson=convolution-of-functions&step=5'));
    await page.waitForTimeout(1000);
    await shot(page, 'lesson2-blur');

    await page.evaluate(() => (window.location.hash = '#/learn?lesson=softmax-templates&step=3'));
    await page.getByTestId('softmax-accuracy').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: /^Weights of digit \d/ }).count()).toBe(10);
    await shot(page, 'lesson8-templates-by-link');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
