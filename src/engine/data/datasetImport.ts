/**
 * Importing a dataset .zip: read and check it (datasetZip), then decode its pictures a batch at a
 * time, each straight to its small stored size, so memory holds the small pictures plus one batch of
 * decoded ones, never every photo at full size. Reports progress after each batch and stops at the
 * next batch when cancelled. Nothing is stored here: the caller saves the result in one transaction,
 * so a cancelled or failed import leaves the browser's datasets exactly as they were.
 * Decoding is the caller's (`decode`: createImageBitmap in the page), which keeps this module
 * framework-free.
 */
import { t } from '../../i18n';
import { COLOUR_SHAPE, GREY_SHAPE, hasColour, toDatasetPixels, type Rgba } from './datasetPixels';
import type { DatasetInfo } from './datasets';
import { testCount as testShare } from './datasetSplit';
import type { StoredPictures } from './datasetStore';
import { DatasetImportError, readDatasetZip, type ZipImage, type ZipSkipped } from './datasetZip';

/** Pictures decoded between two progress reports (and two checks for Cancel). */
export const IMPORT_BATCH = 32;

export type ImportProgress = { done: number; total: number; elapsedMs: number; etaMs: number | null };

export type ImportOptions = {
  /** Decodes one picture (its header says PNG or JPEG and its size); throws if it cannot. */
  decode: (img: ZipImage) => Promise<Rgba>;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
  batch?: number;
};

export type ImportResult = { info: DatasetInfo; pictures: StoredPictures; skipped: ZipSkipped[] };

/** The user cancelled; nothing was stored. */
export class DatasetImportCancelled extends Error {
  override name = 'DatasetImportCancelled';
}

/**
 * Reads `zip` (a file called `fileName`) into a dataset named after the file: 28×28 greyscale when
 * every picture is grey, 32×32 colour when any has colour. Throws DatasetImportError (message names
 * the file or class) or DatasetImportCancelled. Returns new arrays the caller owns.
 */
export async function importDatasetZip(
  zip: Uint8Array,
  fileName: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const parsed = readDatasetZip(zip, fileName);
  const skipped = parsed.skipped.slice();
  const all: { img: ZipImage; label: number }[] = [];
  parsed.classes.forEach((cls, k) => cls.images.forEach((img) => all.push({ img, label: k })));
  const total = all.length;
  const grey: Uint8Array[] = [];
  const colour: Uint8Array[] = [];
  const labels: number[] = [];
  let anyColour = false;
  const batch = opts.batch ?? IMPORT_BATCH;
  for (let start = 0; start < total; start += batch) {
    if (opts.signal?.aborted)
      throw new DatasetImportCancelled(t('data.import.cancelled', { file: fileName }));
    const group = all.slice(start, start + batch);
    const decoded = await Promise.all(
      group.map(({ img }) =>
        opts.decode(img).then(
          (rgba) => rgba,
          () => null,
        ),
      ),
    );
    decoded.forEach((rgba, i) => {
      const item = group[i];
      if (!item) return;
      if (!rgba) {
        skipped.push({ path: item.img.path, reason: t('data.zip.corrupt', { path: item.img.path }) });
      } else {
        grey.push(toDatasetPixels(rgba, GREY_SHAPE));
        colour.push(toDatasetPixels(rgba, COLOUR_SHAPE));
        anyColour ||= hasColour(rgba);
        labels.push(item.label);
      }
      // The file's bytes are not needed once decoded: let them go (bounded memory).
      item.img.bytes = new Uint8Array(0);
    });
    const done = Math.min(total, start + group.length);
    const elapsedMs = now() - t0;
    opts.onProgress?.({
      done,
      total,
      elapsedMs,
      etaMs: done > 0 ? (elapsedMs / done) * (total - done) : null,
    });
  }
  if (opts.signal?.aborted) throw new DatasetImportCancelled(t('data.import.cancelled', { file: fileName }));
  // A class whose every picture failed to decode is as empty as a folder without pictures.
  const perClass = parsed.classes.map((_, k) => labels.filter((l) => l === k).length);
  const emptyAt = perClass.findIndex((n) => n === 0);
  if (emptyAt >= 0) {
    throw new DatasetImportError(
      t('data.zip.emptyClass', { file: fileName, name: parsed.classes[emptyAt]?.name ?? '' }),
    );
  }
  const shape = anyColour ? COLOUR_SHAPE : GREY_SHAPE;
  const kept = anyColour ? colour : grey;
  const size = shape[0] * shape[1] * shape[2];
  const images = new Uint8Array(kept.length * size);
  kept.forEach((p, i) => images.set(p, i * size));
  const testTotal = perClass.reduce((s, n) => s + testShare(n), 0);
  const info: DatasetInfo = {
    id: parsed.name,
    name: parsed.name,
    classNames: parsed.classes.map((c) => c.name),
    inputShape: [...shape],
    counts: { train: labels.length - testTotal, test: testTotal, perClass },
    source: { kind: 'imported', file: fileName, at: new Date().toISOString() },
  };
  return { info, pictures: { images, labels: Uint8Array.from(labels) }, skipped };
}
