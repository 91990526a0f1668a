/**
 * Importing a dataset .zip with bounded memory, whatever its size: read the zip's directory and check
 * it (datasetZip), check the browser has room for it, then unpack, decode and store the pictures a
 * batch at a time: a batch of files is unpacked from the zip (one entry after another), decoded
 * straight to their small stored sizes, and handed to the store, which writes a chunk of CHUNK
 * pictures as soon as it is full (datasetStaging). Memory holds one batch of files and one chunk of
 * small pictures, never the zip or every photo. Progress after each batch; Cancel is honoured at the
 * next batch. The dataset appears only when complete: a cancelled or failed import (storage full
 * included) deletes what it staged, so the browser's datasets stay exactly as they were.
 * Decoding is the caller's (`decode`: createImageBitmap in the page), which keeps this module
 * framework-free.
 */
import { t } from '../../i18n';
import { COLOUR_SHAPE, GREY_SHAPE, hasColour, toDatasetPixels, type Rgba } from './datasetPixels';
import type { DatasetInfo } from './datasets';
import { testCount as testShare } from './datasetSplit';
import { openDatasetWriter, stagingBytes, type DatasetWriter } from './datasetStaging';
import {
  DatasetImportError,
  planDatasetZip,
  readDatasetImages,
  ZIP_LIMITS,
  type ZipImage,
  type ZipLimits,
  type ZipSkipped,
} from './datasetZip';
import type { ZipSource } from './zipReader';

export type ImportProgress = { done: number; total: number; elapsedMs: number; etaMs: number | null };

/** What this site keeps and may keep in the browser (navigator.storage.estimate), when known. */
export type StorageRoom = { usage: number; quota: number };

export type ImportOptions = {
  /** Decodes one picture (its header says PNG or JPEG and its size); throws if it cannot. */
  decode: (img: ZipImage) => Promise<Rgba>;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
  /** The browser's storage before importing; null or absent when the browser does not say. */
  storage?: StorageRoom | null;
  limits?: ZipLimits;
  /** Opens where the pictures go (default: a staged dataset in IndexedDB). */
  openWriter?: (id: string) => Promise<DatasetWriter>;
};

/** The stored dataset's description, and the files left out (each named, in words). */
export type ImportResult = { info: DatasetInfo; skipped: ZipSkipped[] };

/** The user cancelled; nothing was stored. */
export class DatasetImportCancelled extends Error {
  override name = 'DatasetImportCancelled';
}

/** Megabytes to 0.1, rounded up (what is needed) or down (what is free), so the two never read alike. */
const mbUp = (n: number) => (Math.ceil(n / 1e5) / 10).toFixed(1);
const mbDown = (n: number) => (Math.floor(n / 1e5) / 10).toFixed(1);

/**
 * Imports `source` (a zip file called `fileName`) as a stored dataset named after the file: 28×28
 * greyscale when every picture is grey, 32×32 colour when any has colour. Throws DatasetImportError
 * (message names the file or class; includes "not enough room"), DatasetImportCancelled, or
 * DatasetStorageError (storage full part way: everything staged was deleted). Returns new objects.
 */
export async function importDatasetZip(
  source: ZipSource,
  fileName: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const now = opts.now ?? (() => performance.now());
  const limits = opts.limits ?? ZIP_LIMITS;
  const t0 = now();
  const cancelled = () => new DatasetImportCancelled(t('data.import.cancelled', { file: fileName }));
  const plan = await planDatasetZip(source, fileName, limits);
  if (opts.storage) {
    const need = stagingBytes(plan.pictures);
    const free = Math.max(0, opts.storage.quota - opts.storage.usage);
    if (need > free) {
      throw new DatasetImportError(
        t('data.import.noRoom', {
          file: fileName,
          n: plan.pictures.toLocaleString('en-US'),
          need: mbUp(need),
          free: mbDown(free),
        }),
      );
    }
  }
  if (opts.signal?.aborted) throw cancelled();
  const writer = await (opts.openWriter ?? openDatasetWriter)(plan.name);
  try {
    const skipped = plan.skipped.slice();
    const perClass = plan.classes.map(() => 0);
    let anyColour = false;
    for await (const batch of readDatasetImages(source, plan, limits)) {
      if (opts.signal?.aborted) throw cancelled();
      skipped.push(...batch.skipped);
      const decoded = await Promise.all(
        batch.images.map(({ image }) =>
          opts.decode(image).then(
            (rgba) => rgba,
            () => null,
          ),
        ),
      );
      for (let i = 0; i < batch.images.length; i++) {
        const item = batch.images[i];
        const rgba = decoded[i];
        if (!item) continue;
        if (!rgba) {
          skipped.push({ path: item.image.path, reason: t('data.zip.corrupt', { path: item.image.path }) });
          continue;
        }
        anyColour ||= hasColour(rgba);
        await writer.add(toDatasetPixels(rgba, GREY_SHAPE), toDatasetPixels(rgba, COLOUR_SHAPE), item.label);
        perClass[item.label] = (perClass[item.label] ?? 0) + 1;
      }
      const elapsedMs = now() - t0;
      const done = batch.done;
      opts.onProgress?.({
        done,
        total: plan.pictures,
        elapsedMs,
        etaMs: done > 0 ? (elapsedMs / done) * (plan.pictures - done) : null,
      });
    }
    if (opts.signal?.aborted) throw cancelled();
    // A class whose every picture failed to decode is as empty as a folder without pictures.
    const emptyAt = perClass.findIndex((n) => n === 0);
    if (emptyAt >= 0) {
      throw new DatasetImportError(
        t('data.zip.emptyClass', { file: fileName, name: plan.classes[emptyAt]?.name ?? '' }),
      );
    }
    const shape = anyColour ? COLOUR_SHAPE : GREY_SHAPE;
    const testTotal = perClass.reduce((s, n) => s + testShare(n), 0);
    const count = perClass.reduce((s, n) => s + n, 0);
    const info: DatasetInfo = {
      id: plan.name,
      name: plan.name,
      classNames: plan.classes.map((c) => c.name),
      inputShape: [...shape],
      counts: { train: count - testTotal, test: testTotal, perClass },
      source: { kind: 'imported', file: fileName, at: new Date().toISOString() },
    };
    await writer.commit(info);
    return { info, skipped };
  } catch (err) {
    await writer.rollback();
    throw err;
  }
}
