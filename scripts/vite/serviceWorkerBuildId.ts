/**
 * Stamps the service worker with an id derived from the build's own files.
 *
 * Why: a browser re-installs a service worker only when the bytes of sw.js change, and sw.js deletes old
 * caches only when its cache name changes. With a hand-set version a deploy that forgot to bump it kept
 * serving the old MNIST files or model from the cache, and old hashed chunks piled up forever. Hashing
 * every output file (except sw.js itself) gives a new name exactly when something the app serves changed.
 * The same walk records every file's byte size in sw.js, so the worker can refuse a truncated or swapped
 * copy (a captive portal's page, a cut-off download) before caching it, and drop one it cached earlier.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const SW_FILE = 'sw.js';
/** The line in public/sw.js the build rewrites; `dev` is what a dev server (which never registers it) serves. */
export const BUILD_ID_LINE = /const BUILD_ID = '[\w-]*';/;
/** The line in public/sw.js that gets every output file's size; `{}` (check by type only) in dev. */
export const BUILD_FILES_LINE = /const BUILD_FILES = \{[^\n]*\};/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file under `outDir` but sw.js, as a path from outDir with `/`, in a fixed order. */
function outputFiles(outDir: string): { path: string; name: string }[] {
  return filesUnder(outDir)
    .map((path) => ({ path, name: relative(outDir, path).split(sep).join('/') }))
    .filter((f) => f.name !== SW_FILE)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A 12-hex-digit id of every file under `outDir` but sw.js: their paths and their bytes, in a fixed order. */
export function buildId(outDir: string): string {
  const hash = createHash('sha256');
  for (const f of outputFiles(outDir)) {
    hash.update(f.name).update('\0').update(readFileSync(f.path)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The byte size of every file under `outDir` but sw.js, keyed by its path from outDir. */
export function buildFileSizes(outDir: string): Record<string, number> {
  return Object.fromEntries(outputFiles(outDir).map((f) => [f.name, statSync(f.path).size]));
}

/**
 * Rewrites outDir/sw.js in place with `buildId(outDir)` and `buildFileSizes(outDir)`; throws if a line to
 * rewrite is missing.
 */
export function stampServiceWorker(outDir: string): string {
  const swPath = join(outDir, SW_FILE);
  const text = readFileSync(swPath, 'utf8');
  if (!BUILD_ID_LINE.test(text)) throw new Error(`${swPath} has no \`const BUILD_ID = '…';\` line to stamp.`);
  if (!BUILD_FILES_LINE.test(text)) {
    throw new Error(`${swPath} has no \`const BUILD_FILES = {…};\` line to stamp.`);
  }
  const id = buildId(outDir);
  const sizes = JSON.stringify(buildFileSizes(outDir));
  writeFileSync(
    swPath,
    text
      .replace(BUILD_ID_LINE, `const BUILD_ID = '${id}';`)
      // A function replacement: `$` in a file name must not be read as a replacement pattern.
      .replace(BUILD_FILES_LINE, () => `const BUILD_FILES = ${sizes};`),
  );
  return id;
}

export function serviceWorkerBuildId(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cnn-studio:service-worker-build-id',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const id = stampServiceWorker(outDir);
      this.info?.(`service worker cache cnn-studio-app-${id}`);
    },
  };
}
