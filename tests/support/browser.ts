import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

/** The flags DEVELOPERS.md prescribes: software WebGL through SwiftShader, and no phoning home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install Debian's "chromium" package or set CHROMIUM_PATH.`);
  }
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/**
 * One Chromium for the whole test file: launched before its tests, closed after them. Call at the top
 * of the file; the returned function gives the browser inside a test.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser starts in beforeAll; use it inside a test.');
    return browser;
  };
}

export function baseUrl(): string {
  const url = process.env.CNN_STUDIO_URL;
  if (!url) throw new Error('CNN_STUDIO_URL is not set: run the e2e tests through vitest.e2e.config.ts');
  return url;
}

export type WatchedPage = {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** Requests that went to any host other than the app's own. */
  foreignRequests: string[];
};

/**
 * Opens a page that records every console error and every request leaving the app's origin,
 * so any test can assert the app stayed offline-clean and quiet.
 */
export async function openWatchedPage(
  browser: Browser,
  path: string,
  opts: {
    viewport?: { width: number; height: number };
    /** Touch and phone emulation: `{hasTouch: true, isMobile: true}`. */
    touch?: boolean;
    /** Only for a test that injects its own script (axe-core), which the app's CSP refuses. */
    bypassCSP?: boolean;
    /** Another server of the same build (tests/support/poisonableServer.ts) instead of baseUrl(). */
    base?: string;
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1366, height: 768 },
    ...(opts.touch ? { hasTouch: true, isMobile: true } : {}),
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const base = opts.base ?? baseUrl();
  const origin = new URL(base).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  await page.goto(new URL(path, base).href);
  return { page, context, errors, foreignRequests };
}
