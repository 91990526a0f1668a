import { memo, useEffect, useRef, useState } from 'react';
import {
  clearSavedModel,
  exportModel,
  importModelFromFiles,
  saveModel,
  ModelImportError,
  ModelStorageError,
} from '../../engine';
import { useStore } from '../../state/createStore';
import { loadCurrentModel, modelStore, noteModelChanged } from '../../state/modelStore';
import { downloadBlob } from '../canvas/download';

function describe(meta: ReturnType<typeof modelStore.get>['meta']): string {
  if (!meta) return 'Looking for a saved model…';
  const acc =
    meta.testAccuracy !== undefined ? `${(meta.testAccuracy * 100).toFixed(2)}% on the test digits` : '';
  const when = meta.savedAt ? `, saved ${new Date(meta.savedAt).toLocaleString()}` : '';
  if (meta.source === 'pretrained') return `The shipped pretrained LeNet-5 (${acc}). Train to replace it.`;
  if (meta.source === 'imported')
    return `Imported from ${meta.name ?? 'a file'}${acc ? ` (${acc})` : ''}${when}.`;
  return `Your trained model${meta.epochs ? ` after ${meta.epochs} epoch${meta.epochs > 1 ? 's' : ''}` : ''}${acc ? ` (${acc})` : ''}${when}. Kept in this browser.`;
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
        if (alive) setNote({ text: `No model could be loaded: ${String(err)}`, bad: true });
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
      setNote({
        text: 'Saved model.json and weights.bin: hand both files to someone to share this model.',
        bad: false,
      });
    } catch (err) {
      setNote({ text: `Export failed: ${String(err)}`, bad: true });
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
        setNote({ text: `Imported, but ${err.message}`, bad: true });
      }
      loaded.model.dispose();
      noteModelChanged(loaded.meta);
      setNote({ text: `Imported ${loaded.meta.name ?? 'the model'}. Draw now uses it.`, bad: false });
    } catch (err) {
      const why = err instanceof ModelImportError ? err.message : String(err);
      setNote({ text: `Not imported: ${why} The current model is unchanged.`, bad: true });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const onForget = async () => {
    await clearSavedModel();
    noteModelChanged(null);
    setNote({ text: 'Forgot the saved model; Draw goes back to the pretrained one.', bad: false });
  };

  return (
    <section className="train-model panel" aria-labelledby="train-model-title" data-testid="model-panel">
      <h2 className="panel-title" id="train-model-title">
        Current model <span className="shape">· used by Draw</span>
      </h2>
      <p data-testid="model-summary" data-source={meta?.source ?? 'none'}>
        {describe(meta)}
      </p>
      <div className="train-buttons">
        <button type="button" className="secondary" onClick={() => void onExport()} disabled={busy}>
          Export model
        </button>
        <label className={`train-file-button${busy ? ' disabled' : ''}`}>
          Import model…
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
          Forget saved
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
