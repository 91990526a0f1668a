import { memo, useEffect, useRef, useState } from 'react';
import {
  clearSavedModel,
  exportModel,
  formatArch,
  importModelFromFiles,
  lenetLayers,
  LENET_DEFAULTS,
  loadSavedAnyModel,
  saveModel,
  ModelImportError,
  ModelStorageError,
} from '../../engine';
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
        if (alive) setNote({ text: t('train.model.loadFailed', { error: String(err) }), bad: true });
      });
    return () => {
      alive = false;
    };
    // Once per visit: later changes arrive through noteModelChanged with their metadata, and loading a
    // model on the page while the worker trains would cost the main thread a long task.
  }, []);

  const onExport = async () => {
    try {
      // The network trained here, whatever its layers; else the current (pretrained or imported) LeNet.
      const { model, meta: m } = (await loadSavedAnyModel()) ?? (await loadCurrentModel());
      const { modelJson, weights } = await exportModel(model, m);
      model.dispose();
      downloadBlob(new Blob([modelJson], { type: 'application/json' }), 'model.json');
      downloadBlob(new Blob([weights], { type: 'application/octet-stream' }), 'weights.bin');
      setNote({ text: t('train.model.exported'), bad: false });
    } catch (err) {
      setNote({ text: t('train.model.exportFailed', { error: String(err) }), bad: true });
    }
  };

  const onImport = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    try {
      const loaded = await importModelFromFiles(Array.from(files));
      try {
        await saveModel(loaded.model, loaded.meta);
      } catch (err) {
        if (!(err instanceof ModelStorageError)) throw err;
        // Draw reads the model from browser storage: unsaved, it cannot use it, so do not say it does.
        loaded.model.dispose();
        setNote({ text: t('train.model.importedNotSaved', { error: err.message }), bad: true });
        return;
      }
      loaded.model.dispose();
      noteModelChanged(loaded.meta);
      setNote({
        text: t('train.model.importedNote', { name: loaded.meta.name ?? t('train.model.theModel') }),
        bad: false,
      });
    } catch (err) {
      const why = err instanceof ModelImportError ? err.message : String(err);
      setNote({ text: t('train.model.notImported', { why }), bad: true });
    } finally {
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
      {meta?.arch && meta.arch !== formatArch(lenetLayers(meta.config ?? LENET_DEFAULTS)) && (
        <p className="train-note" data-testid="designed-note">
          {t('arch.editor.designedSaved', { arch: meta.arch })}
        </p>
      )}
      <div className="train-buttons">
        <button type="button" className="secondary" onClick={() => void onExport()} disabled={busy}>
          {t('train.model.export')}
        </button>
        <label className={`train-file-button${busy ? ' disabled' : ''}`}>
          {t('train.model.import')}
          <input
            ref={fileRef}
            type="file"
            multiple
            accept=".json,.bin,application/json,application/octet-stream"
            disabled={busy}
            data-testid="import-input"
            onChange={(e) => void onImport(e.target.files)}
          />
        </label>
        <button type="button" className="secondary" onClick={() => void onForget()} disabled={busy}>
          {t('train.model.forget')}
        </button>
      </div>
      {note && (
        <p className={`message${note.bad ? ' error' : ''}`} role="status" data-testid="model-note">
          {note.text}
        </p>
      )}
    </section>
  );
});
