/**
 * A stored dataset as a .zip in the layout it is imported from: one folder per class, one PNG per
 * picture (`shapes/circle/0001.png`), so a teacher can hand the file to the class and other tools can
 * read it, plus `shapes/classes.txt` naming the folders in the set's class order (classOrder.ts), so
 * an import gives each class the label it had. Pure: plain bytes out.
 */
import { zipSync, type Zippable } from 'fflate';
import { CLASS_ORDER_FILE, classOrderBytes } from './classOrder';
import type { DatasetInfo } from './datasets';
import type { StoredPictures } from './datasetStore';
import { datasetPixelsToRgba } from './datasetPixels';
import { encodePng } from './pngEncode';

/** A name that is safe as a folder in a zip on every system (no slashes, colons…), never empty. */
export function safeFolderName(name: string, fallback: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 ? '-' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.length > 0 ? cleaned : fallback;
}

/** Pictures of a stored dataset back to plain RGB/grey bytes per picture (export and galleries). */
function pictureBytes(pictures: StoredPictures, index: number, size: number): Uint8Array {
  return pictures.images.subarray(index * size, (index + 1) * size);
}

/**
 * The zip file's bytes. Greyscale pictures are written dark on white (as they were drawn or scanned),
 * colour ones as they are. Returns new bytes the caller owns.
 */
export function exportDatasetZip(
  info: Pick<DatasetInfo, 'name' | 'classNames' | 'inputShape'>,
  pictures: StoredPictures,
): Uint8Array {
  const [h, w, c] = info.inputShape;
  const size = h * w * c;
  const root = safeFolderName(info.name, 'dataset');
  const folders = info.classNames.map((n, k) => safeFolderName(n, `class${k + 1}`));
  const tree: Zippable = {};
  const counters = new Array<number>(folders.length).fill(0);
  for (let i = 0; i < pictures.labels.length; i++) {
    const k = pictures.labels[i] ?? 0;
    const n = (counters[k] = (counters[k] ?? 0) + 1);
    const pixels = pictureBytes(pictures, i, size);
    // Grey pictures are stored as ink (255 = dark): the file shows them dark on white.
    const png =
      c === 1
        ? encodePng(
            datasetPixelsToRgba(pixels, info.inputShape).filter((_, j) => j % 4 === 0),
            w,
            h,
            1,
          )
        : encodePng(pixels, w, h, 3);
    // PNG is compressed already: store it as it is (level 0) and keep the export fast.
    tree[`${root}/${folders[k]}/${String(n).padStart(4, '0')}.png`] = [png, { level: 0 }];
  }
  // Only folders that were written (a class without examples has none, and the manifest must name
  // exactly the folders). A class folder called classes.txt would clash with the file: that set
  // keeps alphabetical order.
  if (!folders.includes(CLASS_ORDER_FILE)) {
    tree[`${root}/${CLASS_ORDER_FILE}`] = classOrderBytes(folders.filter((_, k) => (counters[k] ?? 0) > 0));
  }
  return zipSync(tree);
}
