import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openWatchedPage, useBrowser } from '../support/browser';

const OFFICIAL = {
  test: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
  train: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
};

type Summary = { count: number; labelCounts: number[]; firstLabels: number[] };
type MnistHook = { preloadTrain: () => void; summary: (split: 'train' | 'test') => Promise<Summary> };
declare global {
  var __cnnviz: { mnist: MnistHook } | undefined;
}

const browser = useBrowser();

const dataStatus = (page: Page) => page.getByTestId('data-status');

async function waitForText(page: Page, pattern: RegExp, timeout = 60_000): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(
    ([source, flags]) => {
      // Once ready the bar says only "Digits ready"; which splits are in is its data-detail.
      const el = document.querySelector('[data-testid="data-status"]');
      const text = el?.getAttribute('data-detail') ?? el?.textContent ?? '';
      return new RegExp(source ?? '', flags).test(text);
    },
    [pattern.source, pattern.flags],
    { timeout },
  );
  return Date.now() - t0;
}

const summary = (page: Page, split: 'train' | 'test') =>
  page.evaluate(async (s) => {
    const hook = globalThis.__cnnviz?.mnist;
    if (!hook) throw new Error('__cnnviz.mnist is not installed');
    return hook.summary(s);
  }, split);

describe('MNIST in the browser', () => {
  it('loads the test set at start, then the training set on demand, with the official label counts', async () => {
    const t0 = Date.now();
    const w = await openWatchedPage(browser(), '#/convolution');
    await waitForText(w.page, /10,000 test digits ready/);
    const testMs = Date.now() - t0;
    const test = await summary(w.page, 'test');
    expect(test.count).toBe(10000);
    expect(test.labelCounts).toEqual(OFFICIAL.test);
    expect(test.firstLabels).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    // The training set is not fetched until someone asks for it.
    const asked = await w.page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('train-images')),
    );
    expect(asked).toBe(false);

    const t1 = Date.now();
    await w.page.evaluate(() => globalThis.__cnnviz?.mnist.preloadTrain());
    await waitForText(w.page, /^10,000 test digits ready · 60,000 training digits ready$/);
    const trainMs = Date.now() - t1;
    const train = await summary(w.page, 'train');
    expect(train.labelCounts).toEqual(OFFICIAL.train);
    expect(train.firstLabels).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const timings = await w.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/data/mnist/'))
        .map((e) => `${e.name.split('/').pop()?.split('?')[0]} ${Math.round(e.duration)} ms`),
    );
    console.log(
      `MNIST load: test set ready ${testMs} ms after navigation; train set ${trainMs} ms after asking`,
    );
    console.log(`MNIST requests: ${timings.join(', ')}`);

    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('a reload with the network to /data/ blocked still gets MNIST from Cache Storage', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    await waitForText(w.page, /10,000 test digits ready/);
    await w.page.evaluate(() => globalThis.__cnnviz?.mnist.preloadTrain());
    await waitForText(w.page, /60,000 training digits ready/);

    const blocked: string[] = [];
    await w.context.route('**/data/**', async (route) => {
      blocked.push(new URL(route.request().url()).pathname);
      await route.abort('internetdisconnected');
    });
    const t0 = Date.now();
    await w.page.reload();
    await waitForText(w.page, /10,000 test digits ready/);
    const offlineMs = Date.now() - t0;
    await w.page.evaluate(() => globalThis.__cnnviz?.mnist.preloadTrain());
    await waitForText(w.page, /10,000 test digits ready · 60,000 training digits ready/);
    expect((await summary(w.page, 'train')).labelCounts).toEqual(OFFICIAL.train);
    console.log(`MNIST offline reload: test set from cache ${offlineMs} ms after reload`);

    // Only the manifest was tried (and refused); the data files never left the cache.
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((p) => p.endsWith('/data/mnist/manifest.json'))).toBe(true);
    // The refused manifest request is the only console noise Chrome makes.
    expect(w.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('a corrupt file shows a clear error that stays put (no new request, no "Loading") until Try again recovers', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    await waitForText(w.page, /10,000 test digits ready/);
    await w.page.evaluate(() => caches.delete('cnn-studio-mnist'));
    const garbage = Buffer.alloc(5000, 'garbage!');
    let corruptAnswers = 0;
    await w.context.route('**/data/mnist/test-images*', (route) => {
      corruptAnswers++;
      return route.fulfill({ status: 200, contentType: 'application/gzip', body: garbage });
    });
    await w.page.reload();
    await waitForText(
      w.page,
      /Could not load the test digits: test-images is truncated: expected 1,5\d\d,\d{3} compressed bytes, got 5,000/,
      20_000,
    );
    const text = await dataStatus(w.page).innerText();
    // Words for the student at the screen (the developer fix goes to the console).
    expect(text).toMatch(/reload the page/);
    expect(text).not.toMatch(/npm run/);
    await w.page.screenshot({ path: 'test-results/mnist-corrupt.png' });
    const answersAtError = corruptAnswers;
    expect(answersAtError).toBe(1);

    // From here on, every change of the status bar is logged: it must keep saying the error.
    await w.page.evaluate(() => {
      const el = document.querySelector('[data-testid="data-status"]');
      const log: string[] = [];
      (globalThis as { __statusLog?: string[] }).__statusLog = log;
      if (el)
        new MutationObserver(() => log.push((el as HTMLElement).innerText)).observe(el, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
    });
    // Other areas that want the test digits ask again: they get the same failure, not a new download.
    await w.page.getByRole('link', { name: /^pooling/i }).click();
    await w.page
      .getByRole('heading', { name: /pooling/i })
      .first()
      .waitFor();
    await w.page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
    await w.page.getByRole('link', { name: /^convolution/i }).click();
    await w.page.waitForTimeout(1500);
    const log = await w.page.evaluate(() => (globalThis as { __statusLog?: string[] }).__statusLog ?? []);
    expect(log.filter((s) => !/Could not load the test digits/.test(s))).toEqual([]);
    expect(await dataStatus(w.page).innerText()).toMatch(/Could not load the test digits/);
    expect(corruptAnswers).toBe(answersAtError);
    // The explorer in view says it has no digit.
    expect(await w.page.getByTestId('conv-input').count()).toBe(0);
    await w.page
      .getByText(/The MNIST test digits could not be loaded/)
      .first()
      .waitFor();

    // The server is fixed; nothing happens by itself until the person presses Try again, once.
    await w.context.unroute('**/data/mnist/test-images*');
    await w.page.getByRole('button', { name: 'Try again' }).click();
    await waitForText(w.page, /^10,000 test digits ready$/, 30_000);
    expect(corruptAnswers).toBe(answersAtError);
    // …and the explorer on screen fills in with its digit, without a reload or another visit.
    await w.page.getByTestId('conv-input').waitFor({ timeout: 15_000 });
    expect(await w.page.getByText(/The MNIST test digits could not be loaded/).count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('data that was never packed (404) says what happened and what to do, in words for the person at the screen', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    await waitForText(w.page, /10,000 test digits ready/);
    await w.page.evaluate(() => caches.delete('cnn-studio-mnist'));
    await w.context.route('**/data/mnist/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await w.page.reload();
    // The area asks for the digits a second time after the first failure, so the bar may show
    // "Loading" for a moment before it settles on the error.
    await waitForText(
      w.page,
      /MNIST is not on this server .*manifest\.json answered 404 Not Found.*reload the page/,
    );
    expect(await dataStatus(w.page).innerText()).not.toMatch(/npm run/);
    // Chrome logs every 404 as a console error; nothing else may appear.
    expect(w.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await w.context.close();
  });

  it('works when the app is served from a sub-path (/sub/), fetching /sub/data/mnist/', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    await waitForText(w.page, /10,000 test digits ready/);
    const root = new URL(baseUrl());
    const seen: string[] = [];
    // Mount the build under /sub/ by forwarding /sub/* to the real server's /*.
    await w.context.route('**/sub/**', async (route) => {
      const url = new URL(route.request().url());
      seen.push(url.pathname);
      const target = new URL(url.pathname.replace(/^\/sub\//, '/') + url.search, root).href;
      await route.fulfill({ response: await route.fetch({ url: target }) });
    });
    await w.page.evaluate(() => caches.delete('cnn-studio-mnist'));
    await w.page.goto(new URL('sub/#/convolution', root).href);
    await waitForText(w.page, /10,000 test digits ready/);
    expect(seen).toContain('/sub/data/mnist/manifest.json');
    expect(seen.some((p) => p.startsWith('/sub/data/mnist/test-images.idx3.gz'))).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});
