import { memo, useEffect, useRef, useState } from 'react';
import {
  clearSavedModel,
  evaluateModel,
  exportModel,
  importModelFromFiles,
  saveModel,
  ModelImportError,
  ModelStorageError,
  type LoadedModel,
} from '../../engine';
import { getMnist } from '../../state/mnistService';
import { useStore } from '../../state/createStore';
import { loadCurrentModel, modelStore, noteModelChanged } from '../../state/modelStore';
import { downloadBlob } from '../canvas/download';
import { t } from '../../i18n';

function describe(meta: ReturnType<typeof modelStore.get>['meta']): string {
  if (!meta) return t('train.model.looking');
  const acc =
    meta.testAccuracy !== undefined
      ? t('train.model.inParens', {
          text: t('train.model.accuracy', { pct: (meta.testAccuracy * 100).toFixed(2) }),
        })
      : '';
  const when = meta.savedAt
    ? t('train.model.savedWhen', { when: new Date(meta.savedAt).toLocaleString() })
    : '';
  if (meta.source === 'pretrained') return t('train.model.pretrained', { acc });
  if (meta.source === 'imported')
    return t('train.model.imported', { name: meta.name ?? t('train.model.aFile'), acc, when });
  const after = meta.epochs
    ? t(meta.epochs > 1 ? 'train.model.afterEpochs' : 'train.model.afterEpoch', { n: String(meta.epochs) })
    : '';
  return t('train.model.trained', { after, acc, when });
}

/** Which model Draw uses, and moving it in and out as files (TF.js layers format). */
/** Memoised: the Train page repaints a few times a second while training, this panel rarely changes. */
export const ModelPanel = memo(function ModelPanel({ busy }: { busy: boolean }) {
  const meta = useStore(modelStore, (s) => s.meta);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let alive = true;
    loadCurrentModel()
      .then(({ model }) => model.dispose())
      .catch((err: unknown) => {
        console.warn('Loading the current model failed:', err);
        if (alive) setNote({ text: t('train.model.loadFailed'), bad: true });
      });
    return () => {
      alive = false;
    };
    // Once per visit: later changes arrive through noteModelChanged with their metadata, and loading a
    // model on the page while the worker trains would cost the main thread a long task.
  }, []);

  const onExport = async () => {
    try {
      const { model, meta: m } = await loadCurrentModel();
      const { modelJson, weights } = await exportModel(model, m);
      model.dispose();
      downloadBlob(new Blob([modelJson], { type: 'application/json' }), 'model.json');
      downloadBlob(new Blob([weights], { type: 'application/octet-stream' }), 'weights.bin');
      setNote({ text: t('train.model.exported'), bad: false });
    } catch (err) {
      console.warn('Export failed:', err);
      setNote({ text: t('train.model.exportFailed'), bad: true });
    }
  };

  /**
   * The accuracy shown for an imported model is the one measured here on the 10,000 test digits, never
   * the file's own claim; chunks of 500 with a pause between keep the page answering meanwhile.
   */
  const measure = async (loaded: LoadedModel): Promise<number | undefined> => {
    let test;
    try {
      test = await getMnist('test');
    } catch {
      return undefined;
    }
    const count = test.count;
    let done = 0;
    const ev = await evaluateModel(loaded.model, test, {
      chunk: 500,
      worst: 0,
      onChunk: async () => {
        done = Math.min(count, done + 500);
        setMeasuring(done / count);
        await new Promise((r) => setTimeout(r, 0));
      },
    });
    return ev.accuracy;
  };
  const [measuring, setMeasuring] = useState<number | null>(null);

  const onImport = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    let loaded: LoadedModel | null = null;
    try {
      loaded = await importModelFromFiles(Array.from(files));
      const name = loaded.meta.name ?? t('train.model.theModel');
      setNote({ text: t('train.model.measuring', { name }), bad: false });
      setMeasuring(0);
      const accuracy = await measure(loaded);
      const meta = { ...loaded.meta, ...(accuracy === undefined ? {} : { testAccuracy: accuracy }) };
      try {
        await saveModel(loaded.model, meta);
      } catch (err) {
        if (!(err instanceof ModelStorageError)) throw err;
        // Draw reads the model from browser storage: unsaved, it cannot use it, so do not say it does.
        setNote({ text: t('train.model.importedNotSaved', { error: err.message }), bad: true });
        return;
      }
      noteModelChanged(meta);
      setNote({
        text:
          accuracy === undefined
            ? t('train.model.importedNotMeasured', { name })
            : t('train.model.importedMeasured', { name, pct: (accuracy * 100).toFixed(2) }),
        bad: false,
      });
    } catch (err) {
      if (!(err instanceof ModelImportError)) console.warn('Import failed:', err);
      const why = err instanceof ModelImportError ? err.message : t('train.model.unexpected');
      setNote({ text: t('train.model.notImported', { why }), bad: true });
    } finally {
      loaded?.model.dispose();
      setMeasuring(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const onForget = async () => {
    await clearSavedModel();
    noteModelChanged(null);
    setNote({ text: t('train.model.forgot'), bad: false });
  };

  return (
    <section className="train-model panel" aria-labelledby="train-model-title" data-testid="model-panel">
      <h2 className="panel-title" id="train-model-title">
        {t('train.model.title')} <span className="shape">{t('train.model.usedBy')}</span>
      </h2>
      <p data-testid="model-summary" data-source={meta?.source ?? 'none'}>
        {describe(meta)}
      </p>
      <div className="train-buttons">
        <button
          type="button"
          className="secondary"
          onClick={() => void onExport()}
          disabled={busy || measuring !== null}
        >
          {t('train.model.export')}
        </button>
        <label className={`train-file-button${busy ? ' disabled' : ''}`}>
          {t('train.model.import')}
          <input
            ref={fileRef}
            type="file"
            multiple
            accept=".json,.bin,application/json,application/octet-stream"
            disabled={busy || measuring !== null}
            data-testid="import-input"
            onChange={(e) => void onImport(e.target.files)}
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => void onForget()}
          disabled={busy || measuring !== null}
        >
          {t('train.model.forget')}
        </button>
      </div>
      {measuring !== null && (
        <div
          className="train-progress"
          role="progressbar"
          aria-label={t('train.model.measuringBar')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(measuring * 100)}
          data-testid="import-progress"
        >
          <div className="train-progress-fill" style={{ width: `${(measuring * 100).toFixed(1)}%` }} />
        </div>
      )}
      {note && (
        <p className={`message${note.bad ? ' error' : ''}`} role="status" data-testid="model-note">
          {note.text}
        </p>
      )}
    </section>
  );
});
