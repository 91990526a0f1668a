/**
 * MNIST: 70,000 handwritten digits, each 28×28 grey pixels (0 = white paper, 255 = full ink), with labels 0–9.
 * 60,000 for training and 10,000 kept apart for testing. Everything here is plain typed arrays: no tensors.
 */

import { t } from '../../i18n';
import { fetchManifest, fetchPackedFile, prepareFix, warnPrepareData } from './download';
import { parseIdx } from './idx';

export type MnistSplit = 'train' | 'test';

export type MnistSet = {
  split: MnistSplit;
  count: number;
  /** count×784 bytes, row-major (digit, row, column), 0–255. */
  images: Uint8Array;
  /** count labels, each 0–9. */
  labels: Uint8Array;
  /**
   * Picture size [h, w, c] when it is not MNIST's 28×28×1 (a stored dataset's 32×32×3 colour
   * pictures); `images` then holds count×h×w×c bytes (channels last).
   */
  inputShape?: [h: number, w: number, c: number];
  /** How many classes the labels run over, when not 10 (stored datasets have 2–10). */
  classes?: number;
};

/** A set's picture size and class count, MNIST's when it does not say. Pure. */
export function setGeometry(set: Pick<MnistSet, 'inputShape' | 'classes'>): {
  h: number;
  w: number;
  c: number;
  size: number;
  classes: number;
} {
  const [h, w, c] = set.inputShape ?? [MNIST_HW, MNIST_HW, 1];
  return { h, w, c, size: h * w * c, classes: set.classes ?? MNIST_CLASSES };
}

export const MNIST_HW = 28;
export const MNIST_PIXELS = MNIST_HW * MNIST_HW;
export const MNIST_CLASSES = 10;
export const MNIST_COUNTS: Record<MnistSplit, number> = { train: 60000, test: 10000 };

/** How many of each digit 0–9 the official MNIST splits hold (LeCun et al.). */
export const MNIST_LABEL_COUNTS: Record<MnistSplit, readonly number[]> = {
  train: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
  test: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
};

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Builds an MnistSet from the raw bytes of an images IDX file and a labels IDX file, checking that they
 * agree: [n, 28, 28] images, [n] labels, every label 0–9, and n = `expectCount` when given.
 * `fix` says how to repair bad files in the caller's world ("run npm install" in node).
 * The returned arrays are views into the given bytes (no copy).
 */
export function mnistSetFromIdx(
  split: MnistSplit,
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  opts: { fix?: string; expectCount?: number } = {},
): MnistSet {
  // The repair text is needed only if a check below fails; prepareFix() would also warn the developer
  // on every good load, so the warning is given where a check fails.
  const fix = opts.fix ?? t('engine.download.prepareFix');
  try {
    return checkedMnistSet(split, imageBytes, labelBytes, fix, opts.expectCount);
  } catch (err) {
    if (!opts.fix) warnPrepareData();
    throw err;
  }
}

function checkedMnistSet(
  split: MnistSplit,
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  fix: string,
  expectCount: number | undefined,
): MnistSet {
  const images = parseIdx(imageBytes, { name: `${split}-images`, fix, rank: 3 });
  const labels = parseIdx(labelBytes, { name: `${split}-labels`, fix, rank: 1 });
  const [n = 0, h, w] = images.dims;
  if (h !== MNIST_HW || w !== MNIST_HW) {
    throw new Error(t('engine.mnist.imageSize', { split, h: String(h), w: String(w), fix }));
  }
  if (labels.dims[0] !== n) {
    throw new Error(
      t('engine.mnist.disagree', { split, images: fmt(n), labels: fmt(labels.dims[0] ?? 0), fix }),
    );
  }
  if (expectCount !== undefined && n !== expectCount) {
    throw new Error(t('engine.mnist.count', { split, n: fmt(n), expected: fmt(expectCount), fix }));
  }
  const bad = labels.data.findIndex((l) => l >= MNIST_CLASSES);
  if (bad >= 0) {
    const label = String(labels.data[bad]);
    throw new Error(t('engine.mnist.badLabel', { split, label, index: String(bad), fix }));
  }
  return { split, count: n, images: images.data, labels: labels.data };
}

export type LoadMnistOptions = {
  /** Folder holding manifest.json and the .gz files, e.g. "./data/mnist/" (resolved against the page). */
  baseUrl: string;
  /** Compressed bytes received so far, across the images and labels files. */
  onProgress?: (loadedBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
  /** Keep and reuse a copy in Cache Storage (default true; skipped where `caches` is missing). */
  cache?: boolean;
};

/**
 * Downloads one split from the files scripts/pack-mnist.mjs wrote, with streamed progress, gunzip and
 * strict validation; serves it from Cache Storage when the network is gone. Returns plain arrays the
 * caller owns (no tensors). Rejects with an Error that says what is wrong and how to fix it, or with
 * the AbortError when `signal` aborts.
 */
export async function loadMnistSplit(split: MnistSplit, opts: LoadMnistOptions): Promise<MnistSet> {
  const base = absoluteFolder(opts.baseUrl);
  const manifest = await fetchManifest(new URL('manifest.json', base).href, opts);
  const names = manifest.splits[split];
  const imagesEntry = manifest.files[names.images];
  const labelsEntry = manifest.files[names.labels];
  if (!imagesEntry || !labelsEntry) {
    throw new Error(t('engine.mnist.noFiles', { split, fix: prepareFix() }));
  }
  const total = imagesEntry.gzBytes + labelsEntry.gzBytes;
  const loaded = { images: 0, labels: 0 };
  const report = () => opts.onProgress?.(loaded.images + loaded.labels, total);
  report();
  const common = { signal: opts.signal, cache: opts.cache };
  const [imageBytes, labelBytes] = await Promise.all([
    fetchPackedFile(base, {
      ...common,
      name: `${split}-images`,
      entry: imagesEntry,
      onBytes: (n) => {
        loaded.images = n;
        report();
      },
    }),
    fetchPackedFile(base, {
      ...common,
      name: `${split}-labels`,
      entry: labelsEntry,
      onBytes: (n) => {
        loaded.labels = n;
        report();
      },
    }),
  ]);
  return mnistSetFromIdx(split, imageBytes, labelBytes, { expectCount: names.count });
}

/** Resolves a possibly relative folder URL against the page (or worker) location and ensures a trailing slash. */
function absoluteFolder(baseUrl: string): string {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  const url = here ? new URL(baseUrl, here) : new URL(baseUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Digit `index` as 784 floats in [0, 1] (byte ÷ 255), row-major. Returns a new array the caller owns. */
export function digitPixels(set: MnistSet, index: number): Float32Array {
  checkIndex(set, index);
  const out = new Float32Array(MNIST_PIXELS);
  const from = index * MNIST_PIXELS;
  for (let i = 0; i < MNIST_PIXELS; i++) out[i] = (set.images[from + i] ?? 0) / 255;
  return out;
}

/** The label (0–9) of digit `index`. */
export function digitLabel(set: MnistSet, index: number): number {
  checkIndex(set, index);
  return set.labels[index] ?? 0;
}

/** How many digits of each class 0–9 the set holds. */
export function labelCounts(set: MnistSet): number[] {
  const counts = new Array<number>(MNIST_CLASSES).fill(0);
  for (const l of set.labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}

function checkIndex(set: MnistSet, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new RangeError(
      t('engine.mnist.noDigit', { index: String(index), split: set.split, last: String(set.count - 1) }),
    );
  }
}
