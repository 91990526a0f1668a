import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { testPixel } from '../support/explorers';

const browser = useBrowser();

/** How many distinct colours a canvas shows: a blank or flat map has one or two. */
async function distinctColours(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  });
}

describe('home page (#/)', () => {
  it('runs a real MNIST test digit through the pretrained LeNet-5 and shows maps, pooled maps and the answer', async () => {
    const w = await openWatchedPage(browser(), '#/');
    const { page } = w;
    const pipeline = page.getByTestId('home-pipeline');
    await page.waitForSelector('[data-testid=home-pipeline][data-ready=true]', { timeout: 60_000 });
    // Test digit #0 is a 7, and the shipped model (99% right) reads it as a 7.
    expect(await page.getByTestId('home-truth').textContent()).toMatch(/a 7\./);
    expect(await page.getByTestId('home-prediction').textContent()).toBe('7');
    expect(await page.getByTestId('home-confidence').textContent()).toMatch(/^\d+(\.\d)?% sure$/);
    // Ten probabilities that add up to 1, the biggest one the answer's.
    const probs = await page
      .locator('[data-testid=home-bars] [data-value]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(probs.indexOf(Math.max(...probs))).toBe(7);
    // The digit drawn is MNIST test digit #0 itself: each cell's grey is its byte ÷ 255 (white 0, black 1).
    const greys = await page.getByTestId('home-digit').evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const cell = c.width / 28;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      return Array.from({ length: 28 * 28 }, (_, i) => {
        const x = Math.floor((i % 28) * cell + cell / 2);
        const y = Math.floor(Math.floor(i / 28) * cell + cell / 2);
        return 1 - d[(y * c.width + x) * 4]! / 255;
      });
    });
    const bytes = greys.map((_, i) => testPixel(0, Math.floor(i / 28), i % 28));
    // Blank where the digit has no ink, ink where it has (the grey ramp is not linear, so compare by rank).
    greys.forEach((g, i) => {
      if (bytes[i] === 0) expect(g, `pixel ${i}`).toBeLessThan(0.02);
      else if (bytes[i]! > 0.1) expect(g, `pixel ${i}`).toBeGreaterThan(0.02);
    });
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [mg, mb] = [mean(greys), mean(bytes)];
    const cov = greys.reduce((a, g, i) => a + (g - mg) * (bytes[i]! - mb), 0);
    const sd = (v: number[], m: number) => Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0));
    expect(cov / (sd(greys, mg) * sd(bytes, mb))).toBeGreaterThan(0.95);
    // Three conv1 maps and three pooled maps, each with real structure (not blank).
    for (const id of [
      'home-conv-0',
      'home-conv-1',
      'home-conv-2',
      'home-pool-0',
      'home-pool-1',
      'home-pool-2',
    ])
      expect(await distinctColours(page, id), id).toBeGreaterThan(8);
    expect(await pipeline.locator('canvas[role=img]').count()).toBe(7);

    // Another digit: test digit #1 is a 2.
    await page.getByTestId('home-another').click();
    await page.waitForFunction(() => location.hash.includes('digit=1'));
    await expect.poll(() => page.getByTestId('home-prediction').textContent(), { timeout: 30_000 }).toBe('2');
    expect(await page.getByTestId('home-truth').textContent()).toMatch(/a 2\./);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('offers three ways in (lessons first) that open the first lesson, the explorer and Train', async () => {
    const w = await openWatchedPage(browser(), '#/');
    const { page } = w;
    const ways = page.getByRole('navigation', { name: 'Three ways in' });
    await ways.waitFor({ timeout: 30_000 });
    const titles = await ways.locator('h2').allTextContents();
    expect(titles).toEqual(['Lessons', 'Explorers', 'Train & draw']);
    // The app bar follows the learning path too: Learn first.
    const nav = await page.getByRole('navigation', { name: 'Areas' }).locator('.nav-title').allTextContents();
    expect(nav).toEqual(['Learn', 'Convolution', 'Pooling', 'Train', 'Draw', 'Explain', 'Data']);

    await ways.getByRole('link', { name: /Start lesson 1/ }).click();
    await page.getByTestId('lesson').waitFor();
    expect(await page.getByTestId('lesson').getAttribute('data-page')).toBe('1');
    await page.goBack();
    await ways.getByRole('link', { name: /convolution explorer/ }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/convolution'));
    await page.getByTestId('player').waitFor({ timeout: 30_000 });
    await page.goBack();
    await ways.getByRole('link', { name: /Train a network/ }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/train'));
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 30_000 });
    // The brand leads home again.
    await page.getByRole('link', { name: 'CNN Studio home' }).click();
    await page.getByTestId('home-pipeline').waitFor();
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
