import { useRef, useState, type ChangeEvent } from 'react';
import {
  blobZipSource,
  DatasetImportCancelled,
  DatasetImportError,
  DatasetStorageError,
  datasetNameFromFile,
  importDatasetZip,
  type ImportProgress,
  type StorageRoom,
  type ZipSkipped,
} from '../../engine';
import { t } from '../../i18n';
import { refreshStoredDatasets, storedDatasetsNow } from '../../state/storedDatasets';
import { Panel } from '../canvas/Panel';
import { decodePicture } from './decodePicture';

/**
 * Bigger files are refused before reading. The zip is read a slice at a time (never whole), so this
 * only matches the 500 MB a zip's contents may unpack to (ZIP_LIMITS), with room for its directory.
 */
const MAX_FILE_MB = 600;
const fmt = (n: number) => n.toLocaleString('en-US');

type Status =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string; progress: ImportProgress | null }
  | { kind: 'saving'; name: string }
  | { kind: 'done'; text: string; skipped: ZipSkipped[] }
  | { kind: 'error'; text: string; skipped: ZipSkipped[] };

/** The browser's storage use and quota, or null when it does not say (then the import just tries). */
async function storageRoom(): Promise<StorageRoom | null> {
  try {
    const e = await (navigator as Partial<Navigator>).storage?.estimate?.();
    return e && typeof e.quota === 'number' ? { usage: e.usage ?? 0, quota: e.quota } : null;
  } catch {
    return null;
  }
}

/**
 * Importing a dataset .zip (one folder of pictures per class): progress, time left, Cancel, and every
 * refusal or left-out file in words. The zip is read from the file a batch of pictures at a time and
 * stored a chunk at a time; the dataset appears only when complete (a failed import is rolled back).
 */
export function ImportPanel({ onChanged }: { onChanged: () => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const busy = status.kind === 'reading' || status.kind === 'saving';

  async function importFile(file: File): Promise<void> {
    const name = datasetNameFromFile(file.name);
    if (file.size > MAX_FILE_MB * 1e6) {
      setStatus({
        kind: 'error',
        text: t('data.import.tooBigFile', {
          file: file.name,
          mb: String(Math.round(file.size / 1e6)),
          max: String(MAX_FILE_MB),
        }),
        skipped: [],
      });
      return;
    }
    await refreshStoredDatasets();
    if ((storedDatasetsNow() ?? []).some((d) => d.id === name)) {
      setStatus({ kind: 'error', text: t('data.import.exists', { name }), skipped: [] });
      return;
    }
    const ctl = new AbortController();
    abort.current = ctl;
    setStatus({ kind: 'reading', file: file.name, progress: null });
    try {
      const result = await importDatasetZip(blobZipSource(file), file.name, {
        decode: decodePicture,
        signal: ctl.signal,
        storage: await storageRoom(),
        onProgress: (progress) =>
          setStatus(
            progress.done < progress.total
              ? { kind: 'reading', file: file.name, progress }
              : { kind: 'saving', name },
          ),
      });
      const [h, w, c] = result.info.inputShape;
      setStatus({
        kind: 'done',
        text: t('data.import.done', {
          name: result.info.name,
          classes: result.info.classNames.length,
          n: fmt(result.info.counts.train + result.info.counts.test),
          h,
          w,
          channels: c === 1 ? t('data.card.grey') : t('data.card.colour'),
        }),
        skipped: result.skipped,
      });
      await refreshStoredDatasets();
      onChanged();
    } catch (err) {
      const known =
        err instanceof DatasetImportError ||
        err instanceof DatasetImportCancelled ||
        err instanceof DatasetStorageError;
      if (!known) console.warn('Dataset import failed:', err);
      setStatus({
        kind: 'error',
        text: known
          ? err.message
          : t('data.zip.notZip', {
              file: file.name,
              reason: err instanceof Error ? err.message : String(err),
            }),
        skipped: [],
      });
    } finally {
      abort.current = null;
    }
  }

  function onPick(e: ChangeEvent<HTMLInputElement>): void {
    const file = e.target.files?.[0];
    // The same file can be picked again after fixing it.
    e.target.value = '';
    if (file) void importFile(file);
  }

  const progress = status.kind === 'reading' ? status.progress : null;
  return (
    <Panel title={t('data.import.title')} className="data-import" testId="data-import">
      <p className="data-about">{t('data.import.explain')}</p>
      <label className="data-file">
        <span>{t('data.import.input')}</span>
        <input type="file" accept=".zip,application/zip" onChange={onPick} disabled={busy} />
      </label>
      {status.kind === 'reading' && (
        <div className="data-progress" role="status" data-testid="import-progress">
          <p>{t('data.import.reading', { file: status.file })}</p>
          <progress
            max={progress?.total ?? 1}
            value={progress?.done ?? 0}
            aria-label={t('data.import.bar')}
          />
          <p>
            {progress
              ? t('data.import.progress', { done: fmt(progress.done), total: fmt(progress.total) })
              : ''}
            {progress?.etaMs != null && progress.done < progress.total
              ? ` · ${t('data.import.eta', { s: String(Math.ceil(progress.etaMs / 1000)) })}`
              : ''}
          </p>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('data.import.cancel')}
          </button>
        </div>
      )}
      {status.kind === 'saving' && <p role="status">{t('data.import.saving', { name: status.name })}</p>}
      {(status.kind === 'done' || status.kind === 'error') && (
        <div data-testid="import-result">
          <p
            className={`message ${status.kind === 'error' ? 'error' : 'ok'}`}
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </p>
          {status.skipped.length > 0 && (
            <details open={status.skipped.length <= 5}>
              <summary>{t('data.import.skippedTitle', { n: status.skipped.length })}</summary>
              <ul className="data-skipped">
                {status.skipped.slice(0, 200).map((s) => (
                  <li key={s.path}>{s.reason}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </Panel>
  );
}
