/**
 * Issue 11 item 4, re-checked end to end: the confusion matrix and the mistakes gallery after training
 * networks that are not LeNet (an MLP, the small VGG-like net, softmax regression). The matrix must
 * count every test digit once and agree with the test accuracy shown; the mistakes must be mistakes;
 * clicking them must work and nothing may throw.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();
const SHOTS = '/tmp/shots-compare';
const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

const NETWORKS: [string, string][] = [
  ['MLP', 'dense128-dense64'],
  ['VGG-like', 'conv8k3-conv8k3-maxpool2-conv16k3-conv16k3-maxpool2-dense64'],
  ['softmax regression', 'none'],
];

describe('confusion matrix and mistakes for designed networks', () => {
  for (const [name, arch] of NETWORKS) {
    it(`${name} (${arch}): 10,000 test digits counted once, diagonal = test accuracy, 16 real mistakes`, async () => {
      await mkdir(SHOTS, { recursive: true });
      const w = await openWatchedPage(
        browser(),
        `#/train?arch=${arch}&train=1000&epochs=1&batch=50&seed=2&backend=wasm`,
      );
      const { page } = w;
      await readyToTrain(page);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect
        .poll(() => byId(page, 'test-accuracy').textContent(), { timeout: 180_000 })
        .toMatch(/^\d+\.\d\d%$/);
      const accuracy = Number((await byId(page, 'test-accuracy').textContent())?.replace('%', ''));
      const cells = byId(page, 'confusion').locator('button.train-cm-cell');
      await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(100);
      const counts = (await cells.allTextContents()).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
      const diagonal = counts.filter((_, k) => k % 11 === 0).reduce((a, b) => a + b, 0);
      expect(Math.abs(diagonal / 100 - accuracy)).toBeLessThan(0.006);
      expect(await byId(page, 'confusion').locator('h2').textContent()).toMatch(/after epoch 1/);

      const mistakes = byId(page, 'mistakes').locator('button.train-digit');
      await expect.poll(() => mistakes.count()).toBe(16);
      for (const caption of await mistakes.locator('span').allTextContents()) {
        const m = /^is (\d), said (\d) \((\d+)%\)$/.exec(caption);
        expect(m, caption).not.toBeNull();
        expect(m?.[1]).not.toBe(m?.[2]);
      }
      // The off-diagonal cell of the first mistake holds at least one digit; opening it lists them.
      const first = /^is (\d), said (\d)/.exec((await mistakes.nth(0).locator('span').textContent()) ?? '');
      const [label, said] = [Number(first?.[1]), Number(first?.[2])];
      expect(counts[label * 10 + said]).toBeGreaterThan(0);
      await cells.nth(label * 10 + said).click();
      await expect
        .poll(() => byId(page, 'cell-digits').locator('button.train-digit').count())
        .toBe(Math.min(40, counts[label * 10 + said] ?? 0));
      await mistakes.nth(0).click();
      await expect.poll(() => mistakes.nth(0).getAttribute('class')).toMatch(/selected/);
      await byId(page, 'mistakes').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `${SHOTS}/eval-${arch === 'none' ? 'softmax' : arch.slice(0, 12)}-1366.png`,
      });
      expect(w.errors).toEqual([]);
      await w.context.close();
    });
  }
});
