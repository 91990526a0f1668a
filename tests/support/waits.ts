import type { Page } from 'playwright-core';

/**
 * Waits until the Train button is enabled: the trainer is up and both MNIST splits are loaded (or, with
 * a long `timeout`, until a run has ended and Train is offered again); `polling` in ms instead of every
 * animation frame.
 */
export async function readyToTrain(page: Page, timeout = 90_000, polling?: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Train');
      return b && !b.disabled;
    },
    null,
    // Polling every frame (the default) adds its own work to each frame; a trace of the page wants less.
    polling === undefined ? { timeout } : { timeout, polling },
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
