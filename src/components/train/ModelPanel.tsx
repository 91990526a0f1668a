import { memo, useRef, useState } from 'react';
import {
  exportModel,
  importModelFromFiles,
  saveModel,
  ModelImportError,
  ModelStorageError,
} from '../../engine';
import { loadModelFor, noteImported } from '../../state/modelStore';
import { downloadBlob } from '../canvas/download';
import { ModelChooser } from '../model/ModelChooser';
import { t } from '../../i18n';

/**
 * Which model Draw and the lessons use (the shipped one, or yours when you choose it), the latest run on
 * offer, and moving models in and out as files (TF.js layers format).
 * Memoised: the Train page repaints a few times a second while training, this panel rarely changes.
 */
export const ModelPanel = memo(function ModelPanel({ busy }: { busy: boolean }) {
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    try {
      const { model, meta: m } = await loadModelFor('chosen');
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
      noteImported(loaded.meta);
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

  return (
    <section className="train-model panel" aria-labelledby="train-model-title" data-testid="model-panel">
      <h2 className="panel-title" id="train-model-title">
        {t('train.model.title')} <span className="shape">{t('train.model.usedBy')}</span>
      </h2>
      <ModelChooser showRun showForget busy={busy} />
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
      </div>
      {note && (
        <p className={`message${note.bad ? ' error' : ''}`} role="status" data-testid="model-note">
          {note.text}
        </p>
      )}
    </section>
  );
});
