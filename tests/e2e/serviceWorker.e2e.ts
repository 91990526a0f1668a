import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath, openWatchedPage, useBrowser } from '../support/browser';
import { PORTAL_PAGE, startPoisonableServer, type PoisonableServer } from '../support/poisonableServer';
import { serviceWorkerInControl } from '../support/waits';

// The service worker's checks (public/sw.js): nothing is cached that is not the file it claims to be,
// and a damaged cached copy is replaced by one download, not a broken app. The network is a server of
// the real build that can answer like a captive portal (its login page, status 200) for chosen files.
const browser = useBrowser();
let server: PoisonableServer;
beforeAll(async () => {
  server = await startPoisonableServer();
});
afterAll(async () => {
  await server?.close();
});

const DIST = resolve(import.meta.dirname, '../../dist');
const manifest = JSON.parse(readFileSync(resolve(DIST, 'data/mnist/manifest.json'), 'utf8')) as {
  files: Record<string, { file: string; gzBytes: number }>;
};
const TEST_IMAGES = manifest.files['test-images']!;
const TEST_IMAGES_PATH = `data/mnist/${TEST_IMAGES.file}`;

type CachedCopy = { url: string; bytes: number; type: string; startsWithMarkup: boolean };

/** Every copy in the worker's cache whose URL contains `part`: size, type, whether it is markup. */
function cachedCopies(page: Page, part: string): Promise<CachedCopy[]> {
  return page.evaluate(async (p) => {
    const out: CachedCopy[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('cnn-studio-app-')) continue;
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        if (!req.url.includes(p)) continue;
        const res = await cache.match(req);
        const bytes = new Uint8Array(await res!.arrayBuffer());
        const head = new TextDecoder().decode(bytes.slice(0, 64)).trimStart();
        out.push({
          url: req.url,
          bytes: bytes.length,
          type: res!.headers.get('content-type') ?? '',
          startsWithMarkup: head.startsWith('<'),
        });
      }
    }
    return out;
  }, part);
}

/** Waits for "10,000 test digits ready" in the status bar's detail (the test split went through). */
async function testDigitsReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /^10,000 test digits ready$/.test(
        document.querySelector('[data-testid="data-status"]')?.getAttribute('data-detail') ?? '',
      ),
    null,
    { timeout: 90_000 },
  );
}

describe('service worker against bad answers and damaged copies', () => {
  it('never caches a captive portal’s page sent for a data file, so one reload after sign-in works', async () => {
    server.poison(TEST_IMAGES_PATH);
    const w = await openWatchedPage(browser(), '?sw=1#/pooling', { base: server.url });
    const { page } = w;
    // Installed = the precache has run, with the portal answering for the test images.
    await serviceWorkerInControl(page);
    expect(server.poisoned(TEST_IMAGES_PATH)).toBeGreaterThan(0);
    const during = await cachedCopies(page, TEST_IMAGES_PATH);
    expect(during.filter((c) => c.startsWithMarkup || c.bytes !== TEST_IMAGES.gzBytes)).toEqual([]);

    // Someone signs in to the Wi-Fi: the network answers properly again. One reload is enough.
    server.heal();
    await page.reload();
    await testDigitsReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const after = await cachedCopies(page, TEST_IMAGES_PATH);
    expect(after.map((c) => [c.bytes, c.startsWithMarkup])).toEqual([[TEST_IMAGES.gzBytes, false]]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('throws away a damaged cached script and data file and fetches them again, in one reload', async () => {
    server.heal();
    const w = await openWatchedPage(browser(), '?sw=1#/pooling', { base: server.url });
    const { page } = w;
    await serviceWorkerInControl(page);
    await testDigitsReady(page);
    const mainScript = await page.evaluate(
      () => (document.querySelector('script[type="module"]') as HTMLScriptElement).src,
    );
    const scriptBytes = readFileSync(resolve(DIST, new URL(mainScript).pathname.slice(1))).length;
    // What an older worker, a cut-off download or a portal could have left in the cache: half of the
    // app's main script (with a script's content type) and a web page where the test images belong.
    const damaged = await page.evaluate(
      async ({ script, imagesFile, portal }) => {
        const name = (await caches.keys()).find((k) => k.startsWith('cnn-studio-app-'))!;
        const cache = await caches.open(name);
        const real = new Uint8Array(await (await cache.match(script))!.arrayBuffer());
        await cache.put(
          script,
          new Response(real.slice(0, real.length >> 1), { headers: { 'content-type': 'text/javascript' } }),
        );
        const images = (await cache.keys()).find((r) => r.url.includes(imagesFile))!.url;
        await cache.put(images, new Response(portal, { headers: { 'content-type': 'text/html' } }));
        // The page's own copy of the digits (src/engine/data/download.ts) would hide the worker's.
        await caches.delete('cnn-studio-mnist');
        return [script, images];
      },
      { script: mainScript, imagesFile: TEST_IMAGES_PATH, portal: PORTAL_PAGE },
    );
    expect(damaged).toHaveLength(2);
    expect((await cachedCopies(page, TEST_IMAGES_PATH))[0]?.startsWithMarkup).toBe(true);

    await page.reload();
    // The app starts (its script was whole again) and loads the test digits (the images were too).
    await page.getByTestId('backend-name').waitFor({ timeout: 60_000 });
    await testDigitsReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const script = await cachedCopies(page, new URL(mainScript).pathname);
    expect(script.map((c) => c.bytes)).toEqual([scriptBytes]);
    const images = await cachedCopies(page, TEST_IMAGES_PATH);
    expect(images.map((c) => [c.bytes, c.startsWithMarkup])).toEqual([[TEST_IMAGES.gzBytes, false]]);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});

describe('installable app', () => {
  it('has a web app manifest with icons from its own origin, and Chromium finds it installable', async () => {
    // A profile on disk: Chromium never offers to install from an incognito context (browser.newContext).
    const profile = mkdtempSync(join(tmpdir(), 'cnn-studio-install-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${server.url}?sw=1#/`);
      await serviceWorkerInControl(page);
      const icons = await page.evaluate(async () => {
        const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
        const m = (await (await fetch(link.href)).json()) as { icons: { src: string; sizes: string }[] };
        return Promise.all(
          m.icons.map(async (icon) => {
            const url = new URL(icon.src, link.href);
            const r = await fetch(url);
            const bitmap = await createImageBitmap(await r.blob());
            return {
              sameOrigin: url.origin === location.origin,
              declared: icon.sizes,
              type: r.headers.get('content-type'),
              real: `${bitmap.width}x${bitmap.height}`,
            };
          }),
        );
      });
      expect(icons.length).toBeGreaterThanOrEqual(2);
      for (const icon of icons) {
        expect(icon).toEqual({ sameOrigin: true, declared: icon.real, type: 'image/png', real: icon.real });
      }
      expect(icons.map((i) => i.real)).toEqual(expect.arrayContaining(['192x192', '512x512']));
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.url).toMatch(/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: unknown[];
      };
      expect(installabilityErrors).toEqual([]);
      // The CSP (manifest-src 'self') let everything in: a refusal would be a console error.
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
