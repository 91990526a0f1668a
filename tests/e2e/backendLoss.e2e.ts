import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { ONE, SEVEN, stroke } from '../support/drawing';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe('#/train when the WebGL context is lost mid-run', () => {
  it('moves to WebAssembly from the last good step, says so, and still finishes with a working model', async () => {
    // Small enough to finish on SwiftShader WebGL; ?testhooks exposes window.__cnnStudioTest.
    const w = await openWatchedPage(
      browser(),
      '?testhooks#/train?backend=webgl&train=3000&epochs=2&batch=64&lr=0.003',
    );
    const { page } = w;
    await readyToTrain(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // The worker really trains on WebGL first: tfjs falls back silently, so the page must say webgl.
    await expect.poll(() => byId(page, 'train-backend').textContent(), { timeout: 30_000 }).toMatch(/WebGL/);
    const points = () => byId(page, 'curve-loss').getAttribute('data-points').then(Number);
    await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(2);

    await page.evaluate(() =>
      (
        window as unknown as { __cnnStudioTest: { simulateBackendLoss(): void } }
      ).__cnnStudioTest.simulateBackendLoss(),
    );
    // The switch is announced with the step it resumes from, and the run carries on to the end.
    const notice = page.getByRole('status').filter({ hasText: /stopped working/ });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(
      /WebGL \(graphics card\) stopped working \(.*lost.*\)\. Training goes on with WebAssembly from step \d+/,
    );
    await expect
      .poll(() => byId(page, 'train-backend').textContent(), { timeout: 30_000 })
      .toMatch(/WebAssembly/);
    await expect
      .poll(() => byId(page, 'train-backend').textContent(), { timeout: 120_000 })
      .toMatch(/· done/);
    expect(await byId(page, 'epoch').textContent()).toBe('2 / 2');
    // Weights read from a lost context are zeros (accuracy ~10%); the kept ones go on learning.
    expect(parseFloat((await byId(page, 'test-accuracy').textContent()) ?? '0')).toBeGreaterThan(80);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});

describe('#/draw when the page loses its WebGL context', () => {
  it('moves the page to WebAssembly, says why in About this computer, reloads the model and keeps classifying', async () => {
    const w = await openWatchedPage(browser(), '?testhooks&backend=webgl#/draw');
    const { page } = w;
    const name = page.getByTestId('backend-name');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.getAttribute('data-backend')).toBe('webgl');
    await page
      .getByTestId('draw-model')
      .filter({ hasText: 'pretrained LeNet-5' })
      .waitFor({ timeout: 60_000 });
    await stroke(page, ONE);
    await expect.poll(() => page.getByTestId('prediction').textContent(), { timeout: 20_000 }).toBe('1');

    const lost = await page.evaluate(() =>
      (
        window as unknown as { __cnnStudioTest: { losePageWebGLContext(): boolean } }
      ).__cnnStudioTest.losePageWebGLContext(),
    );
    expect(lost).toBe(true);
    await expect.poll(() => name.getAttribute('data-backend'), { timeout: 30_000 }).toBe('wasm');
    await page.getByTestId('about-open').click();
    expect(await page.getByTestId('backend-status').textContent()).toMatch(/lost its drawing context/);
    await page.getByRole('button', { name: 'Close' }).click();

    // The drawing is kept and answered again on the new backend; a new drawing is read too.
    await page
      .getByTestId('draw-model')
      .filter({ hasText: 'pretrained LeNet-5' })
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('prediction').textContent(), { timeout: 20_000 }).toBe('1');
    await page.getByRole('button', { name: 'Clear' }).click();
    await stroke(page, SEVEN);
    await expect.poll(() => page.getByTestId('prediction').textContent(), { timeout: 20_000 }).toBe('7');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('lesson 8 when the page loses its WebGL context mid-training', () => {
  it('stops the stuck run, offers Train again, and trains on WebAssembly', async () => {
    const w = await openWatchedPage(
      browser(),
      '?testhooks&backend=webgl#/learn?lesson=softmax-templates&step=2',
    );
    const { page } = w;
    const name = page.getByTestId('backend-name');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.getAttribute('data-backend')).toBe('webgl');
    const train = page.getByRole('button', { name: 'Train the one-layer network', exact: true });
    await train.click();
    // Lose the context once it is really training (the progress bar is up).
    await page.locator('[data-testid="softmax-train"] progress').waitFor({ timeout: 60_000 });
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { __cnnStudioTest: { losePageWebGLContext(): boolean } }
        ).__cnnStudioTest.losePageWebGLContext(),
      ),
    ).toBe(true);
    await expect.poll(() => name.getAttribute('data-backend'), { timeout: 30_000 }).toBe('wasm');
    // The run that was waiting on the dead context is stopped, not left hanging.
    await train.waitFor({ timeout: 30_000 });
    await train.click();
    await page.getByTestId('softmax-accuracy').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('softmax-accuracy').textContent()).toMatch(/\d+\.\d%/);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
