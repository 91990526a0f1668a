import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { LESSONS } from '../../src/demos/lessons/registry';
import { lessonPages } from '../../src/demos/lessons/types';
import { en } from '../../src/i18n/en';

const browser = useBrowser();

/** A catalogue key that reached the screen (`t()` shows a missing key as itself), e.g. `train.status.epoch`. */
const KEY = new RegExp(`\\b(?:${Object.keys(en).join('|')})\\.[a-zA-Z]+(?:\\.[a-zA-Z0-9]+)*\\b`, 'g');
/** A placeholder nobody filled, e.g. `{count}`. */
const HOLE = /\{\w+\}/g;

/** Visible text plus the words only a screen reader hears. */
async function wordsOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = ['aria-label', 'title', 'alt', 'placeholder'];
    const spoken = [...document.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))].flatMap((e) =>
      attrs.map((a) => e.getAttribute(a) ?? ''),
    );
    return `${document.body.innerText}\n${spoken.join('\n')}`;
  });
}

async function problemsOn(page: Page, where: string): Promise<string[]> {
  const text = await wordsOnScreen(page);
  return [...(text.match(KEY) ?? []), ...(text.match(HOLE) ?? [])].map((m) => `${where}: ${m}`);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

describe('the app shows words, not catalogue keys or unfilled {placeholders}', () => {
  it('in every area, in link error messages, and on every lesson page', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    const { page } = w;
    await page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
    const found: string[] = [];
    const areas = ['#/convolution', '#/convolution?filters=16', '#/pooling', '#/train', '#/draw', '#/learn'];
    const badLinks = ['#/convolution?stride=9&kernel=1,2', '#/pooling?size=9', '#/train?lr=-1&epochs=0'];
    for (const hash of [...areas, ...badLinks]) {
      await go(page, hash);
      await page.waitForTimeout(800);
      found.push(...(await problemsOn(page, hash)));
    }
    // The bad links really did produce messages (otherwise this checks nothing there).
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    let pages = 0;
    for (const lesson of LESSONS) {
      for (const [i] of lessonPages(lesson).entries()) {
        await go(page, `#/learn?lesson=${lesson.id}&step=${i + 1}`);
        await page.locator(`[data-lesson="${lesson.id}"][data-page="${i + 1}"]`).waitFor({ timeout: 30_000 });
        // Its page is mounted; a moment for panels that fill in after their first frame.
        await page.waitForTimeout(150);
        found.push(...(await problemsOn(page, `${lesson.id} step ${i + 1}`)));
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(50);
    expect(found).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('the check itself catches a key and a hole', () => {
    expect('Loading train.status.epoch and {count} digits'.match(KEY)).toEqual(['train.status.epoch']);
    expect('Loading train.status.epoch and {count} digits'.match(HOLE)).toEqual(['{count}']);
    expect('#/train?lr=0.003 · 28×28 · e.g. 0.5'.match(KEY)).toBeNull();
  });
});
