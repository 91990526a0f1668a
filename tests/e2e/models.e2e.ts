/**
 * Which model the app uses (issue 10, item 5): a practice run replaces nothing until the student
 * chooses it, the choice survives a reload, lesson 9 always uses the shipped network, and "Forget my
 * models" restores the shipped state for the next student.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const SHOTS = process.env.SHOTS_DIR;

async function goto(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

describe('models, clearly', () => {
  it('a tiny run stays out of Draw until chosen; the choice survives a reload; forget restores', async () => {
    const w = await openWatchedPage(browser(), '#/train?train=1000&epochs=1&batch=32');
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    await readyToTrain(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const run = byId(page, 'model-run');
    await expect.poll(() => run.count(), { timeout: 120_000 }).toBe(1);
    const runText = await run.innerText();
    expect(runText).toMatch(/\d+(\.\d+)?%, 1 epoch on 1,000 digits/);
    const acc = /(\d+(?:\.\d+)?)%/.exec(runText)?.[1] ?? '';
    expect(await byId(page, 'model-in-use').innerText()).toBe('Using: pretrained LeNet-5, 99.08%');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/train-run-offered.png` });

    // Draw still uses the shipped model, and says so.
    await goto(page, '#/draw');
    const drawModel = byId(page, 'draw-model');
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('pretrained');
    expect(await drawModel.innerText()).toContain('pretrained LeNet-5, 99.08%');

    // Choose the run (in Train), and Draw uses it and says so.
    await goto(page, '#/train');
    await byId(page, 'keep-run').click();
    await expect.poll(() => byId(page, 'model-in-use').getAttribute('data-used')).toBe('mine');
    await goto(page, '#/draw');
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('mine');
    expect(await drawModel.innerText()).toContain(`your model, ${acc}%, 1 epoch on 1,000 digits`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/draw-mine.png` });

    // A reload keeps the choice.
    await page.reload();
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('mine');

    // The switch goes back and forth without retraining.
    await byId(page, 'choose-pretrained').click();
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('pretrained');
    await byId(page, 'choose-mine').click();
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('mine');

    // Lesson 9 speaks of "the real network, trained on 60,000 digits": always the shipped one.
    await goto(page, '#/learn?lesson=lenet&step=4');
    const lessonModel = byId(page, 'lesson-model');
    await expect.poll(() => lessonModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('pretrained');
    expect(await lessonModel.innerText()).toContain('pretrained LeNet-5, 99.08%');
    // Lesson 10's Draw step follows the choice.
    await goto(page, '#/learn?lesson=train-and-draw&step=3');
    await expect.poll(() => lessonModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('mine');

    // Forget my models (asks first; Cancel keeps them).
    await goto(page, '#/draw');
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('mine');
    await byId(page, 'forget-models').click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await drawModel.getAttribute('data-used')).toBe('mine');
    await byId(page, 'forget-models').click();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/draw-forget-ask.png` });
    await byId(page, 'forget-yes').click();
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('pretrained');
    await page.reload();
    await expect.poll(() => drawModel.getAttribute('data-used'), { timeout: 30_000 }).toBe('pretrained');
    expect(await byId(page, 'forget-models').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('cnn-studio.model-choice'))).toBeNull();
    await goto(page, '#/train');
    await expect.poll(() => byId(page, 'model-in-use').getAttribute('data-used')).toBe('pretrained');
    expect(await byId(page, 'model-run').count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});
