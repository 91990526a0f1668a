import type { Page } from 'playwright-core';

/**
 * Waits until the Train button is enabled: the trainer is up and both MNIST splits are loaded (or, with
 * a long `timeout`, until a run has ended and Train is offered again).
 */
export async function readyToTrain(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Train');
      return b && !b.disabled;
    },
    null,
    { timeout },
  );
}

/** Waits until the service worker (registered with `?sw=1`) controls the page. */
export async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    },
    null,
    { timeout: 60_000 },
  );
}
