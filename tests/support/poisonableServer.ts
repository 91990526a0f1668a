import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite/contentSecurityPolicy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gz': 'application/gzip',
};

/** What a captive portal answers for any URL: its login page, with status 200. */
export const PORTAL_PAGE =
  '<!doctype html><html><head><title>Wi-Fi login</title></head><body><h1>Sign in to the school Wi-Fi</h1>' +
  '<form><input name="user"><button>Sign in</button></form></body></html>';

export type PoisonableServer = {
  url: string;
  /** Answer requests whose path (from the root, no query) equals `path` with PORTAL_PAGE until `heal`. */
  poison: (path: string) => void;
  heal: () => void;
  /** How many requests for `path` were answered with the portal's page so far. */
  poisoned: (path: string) => number;
  close: () => Promise<void>;
};

/**
 * Serves dist/ like a static host (the headers `vite preview` sends: cross-origin isolation and the
 * CSP), except that chosen paths can be answered, for a while, with a captive portal's login page:
 * the network a school laptop meets before someone signs in to the Wi-Fi. Only for browser tests of
 * the service worker, which `context.route` cannot reach once the worker answers the page's requests.
 */
export async function startPoisonableServer(): Promise<PoisonableServer> {
  const root = resolve(import.meta.dirname, '../../dist');
  const poisoned = new Set<string>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
      const common = {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-cache',
      };
      if (poisoned.has(path)) {
        counts.set(path, (counts.get(path) ?? 0) + 1);
        res.writeHead(200, { ...common, 'Content-Type': 'text/html; charset=utf-8' });
        res.end(PORTAL_PAGE);
        return;
      }
      const file = normalize(join(root, path === '' ? 'index.html' : path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          ...common,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Length': body.length,
        });
        res.end(body);
      } catch {
        res.writeHead(404, { ...common, 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    poison: (path) => poisoned.add(path),
    heal: () => poisoned.clear(),
    poisoned: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
