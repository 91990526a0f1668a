/**
 * Reading a dataset from a .zip laid out as one folder of images per class (`shapes.zip` holding
 * `circle/1.png`, `square/2.jpg`…; one enclosing folder such as `shapes/circle/1.png` is fine too).
 * Checks everything that can be checked before decoding: entry count and total uncompressed size
 * (from the zip's directory, before anything is inflated: a zip bomb is refused unopened), class
 * folders (2–10, no two with the same name, none empty), and each image's header (type and pixel
 * size, so a 20,000×20,000 picture is refused without decoding it). Decoding and resizing happen in
 * the page (createImageBitmap), in batches. Pure: plain bytes in, plain bytes out; no tensors.
 */
import { unzipSync } from 'fflate';
import { t } from '../../i18n';
import { imageSizeProblem, readImageHeader, type ImageHeader } from '../preprocess/imageHeader';

export const ZIP_LIMITS = {
  /** Files in the zip, folders included. */
  maxEntries: 20_000,
  /** Sum of the uncompressed sizes the zip's directory declares. */
  maxTotalBytes: 500_000_000,
  minClasses: 2,
  maxClasses: 10,
  maxNameLength: 40,
};

export type ZipImage = { path: string; bytes: Uint8Array; header: ImageHeader };
export type ZipClass = { name: string; images: ZipImage[] };
/** A file left out, and why (already in words that name it). */
export type ZipSkipped = { path: string; reason: string };
export type ZipDataset = { name: string; classes: ZipClass[]; skipped: ZipSkipped[] };

/** The whole zip was refused; `message` names the file or class at fault. Nothing was stored. */
export class DatasetImportError extends Error {
  override name = 'DatasetImportError';
}

/** `shapes.zip` → "shapes"; `My Set (2).ZIP` → "My Set (2)". */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.zip$/i, '').trim();
  return name.length > 0 ? name.slice(0, ZIP_LIMITS.maxNameLength) : 'dataset';
}

/** Files an operating system adds that are nobody's data (macOS resource forks, Finder and Explorer files). */
function isSystemFile(path: string): boolean {
  const parts = path.split('/');
  return (
    parts[0] === '__MACOSX' ||
    parts.some((p) => p.startsWith('.')) ||
    /^(thumbs\.db|desktop\.ini)$/i.test(parts[parts.length - 1] ?? '')
  );
}

/**
 * Reads `zip` (the file's bytes) into classes of image files. Throws DatasetImportError for a zip that
 * cannot become a dataset; single bad files are listed in `skipped` instead. The returned byte arrays
 * are the caller's (fresh copies inflated from the zip).
 */
export function readDatasetZip(zip: Uint8Array, fileName: string, limits = ZIP_LIMITS): ZipDataset {
  const file = fileName;
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      // Called with each entry's declared sizes before it is inflated: refuse a bomb unopened.
      filter: (f) => {
        entries++;
        total += f.originalSize;
        if (entries > limits.maxEntries) {
          throw new DatasetImportError(
            t('data.zip.tooManyFiles', { file, max: limits.maxEntries.toLocaleString('en-US') }),
          );
        }
        if (total > limits.maxTotalBytes) {
          throw new DatasetImportError(
            t('data.zip.tooBig', { file, mb: String(Math.round(limits.maxTotalBytes / 1e6)) }),
          );
        }
        return !f.name.endsWith('/') && !isSystemFile(f.name);
      },
    });
  } catch (err) {
    if (err instanceof DatasetImportError) throw err;
    throw new DatasetImportError(
      t('data.zip.notZip', { file, reason: err instanceof Error ? err.message : String(err) }),
    );
  }

  const paths = Object.keys(files).sort();
  // One enclosing folder (the zip of a folder named like the dataset) is peeled off.
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  const peel = tops.size === 1 && paths.every((p) => p.split('/').length >= 3);
  const skipped: ZipSkipped[] = [];
  const classes = new Map<string, ZipClass>();
  const seenLower = new Map<string, string>();
  for (const path of paths) {
    const parts = path.split('/').slice(peel ? 1 : 0);
    if (parts.length < 2) {
      skipped.push({ path, reason: t('data.zip.notInFolder', { path }) });
      continue;
    }
    const className = (parts[0] ?? '').trim();
    if (className.length === 0 || className.length > limits.maxNameLength) {
      throw new DatasetImportError(
        t('data.zip.badClassName', { file, name: className, max: limits.maxNameLength }),
      );
    }
    let cls = classes.get(className);
    if (!cls) {
      const other = seenLower.get(className.toLowerCase());
      if (other !== undefined) {
        throw new DatasetImportError(t('data.zip.duplicateClass', { file, a: other, b: className }));
      }
      seenLower.set(className.toLowerCase(), className);
      cls = { name: className, images: [] };
      classes.set(className, cls);
    }
    const bytes = files[path] ?? new Uint8Array(0);
    const header = readImageHeader(bytes.subarray(0, 65536));
    if (!header) {
      const looksLikeImage = /\.(png|jpe?g)$/i.test(path);
      skipped.push({
        path,
        reason: looksLikeImage ? t('data.zip.corrupt', { path }) : t('data.zip.notImage', { path }),
      });
      continue;
    }
    if (header.type !== 'png' && header.type !== 'jpeg') {
      skipped.push({ path, reason: t('data.zip.wrongType', { path, type: header.type.toUpperCase() }) });
      continue;
    }
    const sizeProblem = imageSizeProblem(header);
    if (sizeProblem) {
      skipped.push({ path, reason: t('data.zip.tooLarge', { path, problem: sizeProblem }) });
      continue;
    }
    cls.images.push({ path, bytes, header });
  }

  const list = [...classes.values()];
  const empty = list.find((c) => c.images.length === 0);
  if (empty) throw new DatasetImportError(t('data.zip.emptyClass', { file, name: empty.name }));
  if (list.length < limits.minClasses) {
    throw new DatasetImportError(
      list.length === 0
        ? t('data.zip.noClasses', { file })
        : t('data.zip.oneClass', { file, name: list[0]?.name ?? '' }),
    );
  }
  if (list.length > limits.maxClasses) {
    throw new DatasetImportError(
      t('data.zip.tooManyClasses', { file, n: list.length, max: limits.maxClasses }),
    );
  }
  return { name: datasetNameFromFile(fileName), classes: list, skipped };
}
