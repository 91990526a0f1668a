/**
 * Registers public/sw.js, which makes every lesson work offline after one online visit.
 * Only in production builds: in `npm run dev` a service worker would serve stale modules to Vite.
 * In automated browsers (`navigator.webdriver`) it registers only when the page URL asks with
 * `?sw=1`: requests a service worker answers bypass Playwright's request routing, and other browser
 * tests mock the network that way.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (navigator.webdriver && new URLSearchParams(window.location.search).get('sw') !== '1') return;
  const url = new URL(`${import.meta.env.BASE_URL}sw.js`, window.location.href);
  navigator.serviceWorker
    .register(url, { scope: new URL(import.meta.env.BASE_URL, window.location.href).pathname })
    .catch((err: unknown) => {
      // Offline use is a bonus: the app works without it, so say why once and go on.
      console.warn('Offline support is unavailable:', err instanceof Error ? err.message : err);
    });
}
