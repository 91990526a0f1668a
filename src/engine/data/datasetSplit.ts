/**
 * The held-out test split of a stored dataset, chosen by the seed: within each class a seeded shuffle,
 * then the first share to test and the rest to train (stratified, so every class is tested even in a
 * small set). The same seed gives the same split on every computer. Pure: plain arrays, no tensors.
 */
import type { DatasetInfo } from './datasets';
import type { StoredPictures } from './datasetStore';
import type { MnistSet } from './mnist';
import { mulberry32, shuffledIndices } from './random';

/** One picture in five is kept apart to test on. */
export const TEST_FRACTION = 0.2;

/**
 * How many of a class's `n` pictures go to the test split: a fifth, rounded, but at least one and never
 * all of them (a class with one picture trains on it and is not tested).
 */
export function testCount(n: number, fraction = TEST_FRACTION): number {
  if (n < 2) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
}

/**
 * Indices of the test and train pictures of `labels` (`classes` classes) for `seed`, each list in
 * ascending order (so a gallery shows pictures in the order they were added). Returns new arrays.
 */
export function splitBySeed(
  labels: Uint8Array,
  classes: number,
  seed: number,
  fraction = TEST_FRACTION,
): { train: Int32Array; test: Int32Array } {
  const byClass = Array.from({ length: classes }, () => [] as number[]);
  labels.forEach((l, i) => byClass[l]?.push(i));
  const test: number[] = [];
  const train: number[] = [];
  byClass.forEach((members, k) => {
    // Each class its own stream, so adding pictures to one class does not reshuffle the others.
    const order = shuffledIndices(members.length, mulberry32((seed * 0x9e3779b1) ^ (k + 1)));
    const nTest = testCount(members.length, fraction);
    order.forEach((o, j) => (j < nTest ? test : train).push(members[o] ?? 0));
  });
  const sorted = (a: number[]) => Int32Array.from(a.sort((x, y) => x - y));
  return { train: sorted(train), test: sorted(test) };
}

function gather(
  pictures: StoredPictures,
  indices: Int32Array,
  size: number,
): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  indices.forEach((idx, i) => {
    images.set(pictures.images.subarray(idx * size, (idx + 1) * size), i * size);
    labels[i] = pictures.labels[idx] ?? 0;
  });
  return { images, labels };
}

/** A stored dataset as train and test sets for `seed` (copies the caller owns), with its shape and classes. */
export function storedTrainTest(
  info: Pick<DatasetInfo, 'inputShape' | 'classNames'>,
  pictures: StoredPictures,
  seed: number,
): { train: MnistSet; test: MnistSet } {
  const [h, w, c] = info.inputShape;
  const classes = info.classNames.length;
  const split = splitBySeed(pictures.labels, classes, seed);
  const make = (name: 'train' | 'test', idx: Int32Array): MnistSet => ({
    split: name,
    count: idx.length,
    ...gather(pictures, idx, h * w * c),
    inputShape: [h, w, c],
    classes,
  });
  return { train: make('train', split.train), test: make('test', split.test) };
}
