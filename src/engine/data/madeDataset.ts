/**
 * A dataset made in the browser (drawings, files, webcam frames): checking its name and classes, and
 * turning its list of examples into the description and pictures the store keeps. Pure.
 */
import { t } from '../../i18n';
import { isBuiltinDataset, type DatasetInfo, type InputShape } from './datasets';
import type { StoredPictures } from './datasetStore';
import { testCount } from './datasetSplit';
import { ZIP_LIMITS } from './datasetZip';

/** One example: its class index and its stored bytes (h × w × c). */
export type MadeExample = { label: number; pixels: Uint8Array };

/**
 * What is wrong with a new dataset's name and class names, in words, or null when it can be made.
 * `taken`: ids already stored (the dataset being edited excluded).
 */
export function madeDatasetProblem(
  name: string,
  classNames: readonly string[],
  taken: readonly string[],
): string | null {
  const n = name.trim();
  const max = ZIP_LIMITS.maxNameLength;
  if (n.length === 0 || n.length > max) return t('data.make.badName', { max });
  if (isBuiltinDataset(n)) return t('data.store.builtinName', { name: n });
  if (taken.includes(n)) return t('data.make.taken', { name: n });
  const names = classNames.map((c) => c.trim());
  if (names.length < ZIP_LIMITS.minClasses || names.length > ZIP_LIMITS.maxClasses)
    return t('data.make.classCount', { min: ZIP_LIMITS.minClasses, max: ZIP_LIMITS.maxClasses });
  const blank = names.findIndex((c) => c.length === 0 || c.length > max);
  if (blank >= 0) return t('data.make.badClass', { n: blank + 1, max });
  const seen = new Set<string>();
  for (const c of names) {
    if (seen.has(c.toLowerCase())) return t('data.make.sameClass', { name: c });
    seen.add(c.toLowerCase());
  }
  return null;
}

/** The description and pictures to store for `examples`. Returns new arrays the caller owns. */
export function madeDataset(
  name: string,
  classNames: readonly string[],
  inputShape: InputShape,
  examples: readonly MadeExample[],
  at: string,
): { info: DatasetInfo; pictures: StoredPictures } {
  const size = inputShape[0] * inputShape[1] * inputShape[2];
  const images = new Uint8Array(examples.length * size);
  const labels = new Uint8Array(examples.length);
  examples.forEach((e, i) => {
    images.set(e.pixels.subarray(0, size), i * size);
    labels[i] = e.label;
  });
  const perClass = classNames.map((_, k) => examples.filter((e) => e.label === k).length);
  const test = perClass.reduce((s, n) => s + testCount(n), 0);
  return {
    info: {
      id: name.trim(),
      name: name.trim(),
      classNames: classNames.map((c) => c.trim()),
      inputShape: [...inputShape],
      counts: { train: examples.length - test, test, perClass },
      source: { kind: 'made', at },
    },
    pictures: { images, labels },
  };
}

/**
 * Transformed copies of one example (augmentation): moved by up to 2 pixels and turned by up to 10°
 * (as a hand or a camera would), and for photos also mirrored left to right (a mirrored cup is still a
 * cup; a mirrored digit may not be a digit, so drawings are never flipped). Nearest-neighbour sampling;
 * what comes in from outside the picture is blank (0). Returns `count` new arrays.
 */
export function augmentedCopies(
  pixels: Uint8Array,
  shape: InputShape,
  rng: () => number,
  opts: { count?: number; flip?: boolean } = {},
): Uint8Array[] {
  const [h, w, c] = shape;
  const out: Uint8Array[] = [];
  const count = opts.count ?? 3;
  // Colour pictures have a light background: fill with the corner's colour instead of black.
  const fill = Array.from({ length: c }, (_, k) => (c === 1 ? 0 : (pixels[k] ?? 0)));
  for (let n = 0; n < count; n++) {
    const angle = ((rng() * 2 - 1) * 10 * Math.PI) / 180;
    const dx = Math.round(rng() * 4 - 2);
    const dy = Math.round(rng() * 4 - 2);
    const flip = opts.flip === true && rng() < 0.5;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const cx = (w - 1) / 2;
    const cy = (h - 1) / 2;
    const copy = new Uint8Array(h * w * c);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // Where this output pixel comes from: undo the shift, the turn and the flip.
        const ux = x - dx - cx;
        const uy = y - dy - cy;
        let sx = Math.round(cos * ux + sin * uy + cx);
        const sy = Math.round(-sin * ux + cos * uy + cy);
        if (flip) sx = w - 1 - sx;
        for (let k = 0; k < c; k++) {
          copy[(y * w + x) * c + k] =
            sx >= 0 && sx < w && sy >= 0 && sy < h ? (pixels[(sy * w + sx) * c + k] ?? 0) : (fill[k] ?? 0);
        }
      }
    }
    out.push(copy);
  }
  return out;
}
