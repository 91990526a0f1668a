/**
 * The first 2-D canvas a page draws into costs Chromium a one-time set-up (a trace of a Train run: the
 * first live map's getContext + putImageData was a 180 ms task at 4× CPU throttling, the next ones well
 * under a millisecond; the cost belongs to the page, not to the canvas). A page that will draw its
 * first canvas mid-task (the Train area: the first refresh of the live layers, while a run starts)
 * pays it here instead, once, when the browser is idle after the page has loaded.
 */
let warmed = false;

export function warmUpCanvas(): void {
  // No ImageData: not a browser that draws (jsdom in the unit tests).
  if (warmed || typeof document === 'undefined' || typeof ImageData === 'undefined') return;
  warmed = true;
  const run = () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    try {
      canvas.getContext('2d')?.putImageData(new ImageData(1, 1), 0, 0);
    } catch {
      // Only a head start: a browser that cannot do this now will pay the cost later, as before.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
