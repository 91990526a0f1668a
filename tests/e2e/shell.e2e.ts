import { describe, expect, it } from 'vitest';
import { openWatchedPage, useBrowser } from '../support/browser';
import { serviceWorkerInControl } from '../support/waits';

const browser = useBrowser();

describe('app shell', () => {
  it('loads every area with no console error and no request to another host', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    await w.page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
    for (const area of ['convolution', 'pooling', 'train', 'draw', 'learn']) {
      await w.page.getByRole('link', { name: new RegExp(`^${area}`, 'i') }).click();
      await w.page.waitForFunction((a) => window.location.hash.startsWith(`#/${a}`), area);
      await expect
        .poll(() => w.page.locator('[aria-current="page"]').textContent())
        .toMatch(new RegExp(area, 'i'));
    }
    await w.page.waitForTimeout(500);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('picks wasm by itself when WebGL is only software-rendered, and says why', async () => {
    const w = await openWatchedPage(browser(), '#/convolution');
    const name = w.page.getByTestId('backend-name');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.getAttribute('data-backend')).toBe('wasm');
    // The status bar says only that the app is ready; the reason is in "About this computer".
    expect(await w.page.getByTestId('backend-state').textContent()).not.toMatch(/SwiftShader/);
    await w.page.getByTestId('about-open').click();
    expect(await w.page.getByTestId('backend-status').textContent()).toMatch(/SwiftShader/);
    await w.context.close();
  });

  it('really runs WebGL when asked with ?backend=webgl', async () => {
    const w = await openWatchedPage(browser(), '?backend=webgl#/convolution');
    const name = w.page.getByTestId('backend-name');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.getAttribute('data-backend')).toBe('webgl');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('fits a 1366×768 Chromebook screen and a 1280×720 projector without horizontal scrolling', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
    ]) {
      const w = await openWatchedPage(browser(), '#/convolution', { viewport });
      await w.page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
      const overflow = await w.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await w.context.close();
    }
  });
});

describe('service worker', () => {
  it('names its cache after the build, so a new deploy replaces the old cache instead of piling onto it', async () => {
    // ?sw=1: the service worker registers in automated browsers only when asked (see src/sw/).
    const w = await openWatchedPage(browser(), '?sw=1#/convolution');
    const { page } = w;
    await page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
    await serviceWorkerInControl(page);
    const served = await page.evaluate(async () => (await fetch('sw.js', { cache: 'no-store' })).text());
    const id = /const BUILD_ID = '([\w-]*)';/.exec(served)?.[1];
    // The build stamps a hash of its files (scripts/vite/serviceWorkerBuildId.ts); 'dev' means it did not.
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const keys = await page.evaluate(() => caches.keys());
    expect(keys).toContain(`cnn-studio-app-${id}`);
    expect(keys.filter((k) => k.startsWith('cnn-studio-app-'))).toHaveLength(1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
