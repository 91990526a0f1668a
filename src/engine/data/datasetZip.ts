/**
 * Reading a dataset from a .zip laid out as one folder of images per class (`shapes.zip` holding
 * `circle/1.png`, `square/2.jpg`…; one enclosing folder such as `shapes/circle/1.png` is fine too).
 * In two steps, so memory stays bounded whatever the zip's size:
 * 1. `planDatasetZip` reads only the zip's directory: entry count and total uncompressed size (a zip
 *    bomb is refused unopened), class folders (2–10, no two with the same name, none without pictures),
 *    in the order a `classes.txt` beside them gives (classOrder.ts), else alphabetical.
 * 2. `readDatasetImages` then unpacks the entries a bounded batch at a time (count and bytes), checking
 *    each image's header (type and pixel size, so a 20,000×20,000 picture is refused undecoded).
 * Decoding and resizing happen in the page (createImageBitmap). No tensors, no DOM.
 */
import { t } from '../../i18n';
import {
  imageSizeProblem,
  MAX_IMAGE_FILE_BYTES,
  readImageHeader,
  type ImageHeader,
} from '../preprocess/imageHeader';
import { CLASS_ORDER_FILE, CLASS_ORDER_MAX_BYTES, orderClasses, parseClassOrder } from './classOrder';
import { readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry, type ZipSource } from './zipReader';

export const ZIP_LIMITS = {
  /** Files in the zip, folders included. */
  maxEntries: 20_000,
  /** Sum of the uncompressed sizes the zip's directory declares. */
  maxTotalBytes: 500_000_000,
  minClasses: 2,
  maxClasses: 10,
  maxNameLength: 40,
  /** Entries unpacked and held at once (one batch), and their bytes: what bounds memory. */
  batchEntries: 32,
  batchBytes: 32_000_000,
};

export type ZipLimits = typeof ZIP_LIMITS;

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

/** A class folder and the zip entries inside it (nothing unpacked yet). */
export type ZipPlanClass = { name: string; entries: ZipEntry[] };
/** What a zip holds, from its directory alone. `pictures`: entries that may be pictures. */
export type ZipPlan = {
  name: string;
  file: string;
  classes: ZipPlanClass[];
  skipped: ZipSkipped[];
  pictures: number;
};

/** Names that can be a picture: PNG or JPEG extensions, or none at all (the header decides). */
const MAYBE_PICTURE = /(\.(png|jpe?g|jpe|jfif)|\/[^./]+)$/i;

/**
 * Reads a zip's directory (never its contents) into class folders of entries. Throws
 * DatasetImportError naming the file or class for a zip that cannot become a dataset: not a zip,
 * too many files, a declared total over the limit (a bomb: refused before anything is inflated),
 * bad or duplicate class names, a class with no file that could be a picture, too few or many classes.
 * Single files left out are listed in `skipped`. Returns new objects the caller owns.
 */
export async function planDatasetZip(
  source: ZipSource,
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipPlan> {
  const file = fileName;
  const tooMany = () =>
    new DatasetImportError(
      t('data.zip.tooManyFiles', { file, max: limits.maxEntries.toLocaleString('en-US') }),
    );
  let listed: ZipEntry[];
  try {
    listed = await readZipDirectory(source, (count) => {
      if (count > limits.maxEntries) throw tooMany();
    });
  } catch (err) {
    if (err instanceof DatasetImportError) throw err;
    throw new DatasetImportError(
      t('data.zip.notZip', { file, reason: err instanceof Error ? err.message : String(err) }),
    );
  }
  if (listed.length > limits.maxEntries) throw tooMany();
  const total = listed.reduce((s, e) => s + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new DatasetImportError(
      t('data.zip.tooBig', { file, mb: String(Math.round(limits.maxTotalBytes / 1e6)) }),
    );
  }

  const files = listed
    .filter((e) => !e.name.endsWith('/') && !isSystemFile(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // One enclosing folder (the zip of a folder named like the dataset) is peeled off. The class order
  // manifest sits beside the class folders, so it does not count when deciding that.
  const mayBeOrder = (e: ZipEntry) => {
    const parts = e.name.split('/');
    return parts.length <= 2 && parts[parts.length - 1] === CLASS_ORDER_FILE;
  };
  const folders = files.filter((e) => !mayBeOrder(e));
  const tops = new Set(folders.map((e) => e.name.split('/')[0]));
  const peel = tops.size === 1 && folders.every((e) => e.name.split('/').length >= 3);
  const orderPath = peel ? `${[...tops][0] ?? ''}/${CLASS_ORDER_FILE}` : CLASS_ORDER_FILE;
  const orderEntry = files.find((e) => e.name === orderPath);
  const kept = files.filter((e) => e !== orderEntry);
  const skipped: ZipSkipped[] = [];
  const classes = new Map<string, ZipPlanClass>();
  const seenLower = new Map<string, string>();
  for (const entry of kept) {
    const path = entry.name;
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
      cls = { name: className, entries: [] };
      classes.set(className, cls);
    }
    if (entry.size > MAX_IMAGE_FILE_BYTES) {
      skipped.push({
        path,
        reason: t('data.zip.fileTooBig', { path, mb: String(Math.round(entry.size / 1e6)) }),
      });
      continue;
    }
    cls.entries.push(entry);
  }

  const list = [...classes.values()];
  // Checked again after unpacking (a class of damaged files is empty too); this catches it unread.
  const empty = list.find(
    (c) => !c.entries.some((e) => MAYBE_PICTURE.test(`/${e.name.split('/').pop() ?? ''}`)),
  );
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
  return {
    name: datasetNameFromFile(fileName),
    file,
    classes: orderEntry ? await inManifestOrder(source, orderEntry, list, skipped) : list,
    skipped,
    pictures: list.reduce((s, c) => s + c.entries.length, 0),
  };
}

/**
 * The classes in the order `classes.txt` gives (see classOrder.ts), or `list` as it is (alphabetical)
 * when that file cannot be read or does not name exactly the class folders: then it goes to `skipped`
 * with the reason, as any file left out does. The import goes on either way.
 */
async function inManifestOrder(
  source: ZipSource,
  entry: ZipEntry,
  list: ZipPlanClass[],
  skipped: ZipSkipped[],
): Promise<ZipPlanClass[]> {
  const path = entry.name;
  let ordered: ZipPlanClass[] | null = null;
  if (entry.size <= CLASS_ORDER_MAX_BYTES) {
    try {
      ordered = orderClasses(list, parseClassOrder(await readZipEntry(source, entry)));
    } catch (err) {
      if (!(err instanceof ZipFormatError)) throw err;
    }
  }
  if (!ordered) skipped.push({ path, reason: t('data.zip.badOrder', { path }) });
  return ordered ?? list;
}

/** One batch of unpacked pictures (class index `label`) and the files of that batch left out. */
export type ZipBatch = { images: { image: ZipImage; label: number }[]; skipped: ZipSkipped[]; done: number };

/**
 * The plan's pictures, unpacked a batch at a time: at most `limits.batchEntries` entries and about
 * `limits.batchBytes` unpacked bytes per batch, read one entry after another (one read in flight).
 * The next batch is read only when the caller asks for it, so memory holds one batch. `done`: entries
 * handled so far. Damaged, non-picture, wrong-type and oversized pictures go to `skipped`, in words.
 * The byte arrays are new ones the caller owns.
 */
export async function* readDatasetImages(
  source: ZipSource,
  plan: ZipPlan,
  limits: ZipLimits = ZIP_LIMITS,
): AsyncGenerator<ZipBatch> {
  const all = plan.classes.flatMap((cls, label) => cls.entries.map((entry) => ({ entry, label })));
  let at = 0;
  while (at < all.length) {
    const batch: ZipBatch = { images: [], skipped: [], done: 0 };
    let bytes = 0;
    while (at < all.length && batch.images.length + batch.skipped.length < limits.batchEntries) {
      const next = all[at];
      if (!next) break;
      // Always take one entry, then stop before the batch grows past its byte budget.
      if (bytes > 0 && bytes + next.entry.size > limits.batchBytes) break;
      at++;
      const path = next.entry.name;
      let data: Uint8Array;
      try {
        data = await readZipEntry(source, next.entry);
      } catch (err) {
        if (!(err instanceof ZipFormatError)) throw err;
        batch.skipped.push({ path, reason: t('data.zip.unreadable', { path, reason: err.message }) });
        continue;
      }
      const problem = pictureProblem(path, data);
      if (typeof problem === 'string') {
        batch.skipped.push({ path, reason: problem });
        continue;
      }
      bytes += data.length;
      batch.images.push({ image: { path, bytes: data, header: problem }, label: next.label });
    }
    batch.done = at;
    yield batch;
  }
}

/** The header of a PNG or JPEG of a size we decode, or why this file is left out (in words). */
function pictureProblem(path: string, bytes: Uint8Array): ImageHeader | string {
  const header = readImageHeader(bytes.subarray(0, 65536));
  if (!header) {
    return /\.(png|jpe?g)$/i.test(path) ? t('data.zip.corrupt', { path }) : t('data.zip.notImage', { path });
  }
  if (header.type !== 'png' && header.type !== 'jpeg') {
    return t('data.zip.wrongType', { path, type: header.type.toUpperCase() });
  }
  const sizeProblem = imageSizeProblem(header);
  return sizeProblem ? t('data.zip.tooLarge', { path, problem: sizeProblem }) : header;
}

/**
 * The whole zip read into classes of pictures at once (small zips and tests; imports use the two
 * steps above). Throws as planDatasetZip does, and DatasetImportError for a class left with no
 * readable picture. The byte arrays are new ones the caller owns.
 */
export async function readDatasetZip(
  source: ZipSource,
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipDataset> {
  const plan = await planDatasetZip(source, fileName, limits);
  const classes: ZipClass[] = plan.classes.map((c) => ({ name: c.name, images: [] }));
  const skipped = plan.skipped.slice();
  for await (const batch of readDatasetImages(source, plan, limits)) {
    for (const { image, label } of batch.images) classes[label]?.images.push(image);
    skipped.push(...batch.skipped);
  }
  const empty = classes.find((c) => c.images.length === 0);
  if (empty) throw new DatasetImportError(t('data.zip.emptyClass', { file: fileName, name: empty.name }));
  return { name: plan.name, classes, skipped };
}
