import { memo, useRef, useState } from 'react';
import {
  evaluateModel,
  exportModel,
  importModelFromFiles,
  saveModel,
  ModelImportError,
  ModelStorageError,
  type LoadedModel,
} from '../../engine';
import { getMnist } from '../../state/mnistService';
import { loadModelFor, noteImported } from '../../state/modelStore';
import { downloadBlob } from '../canvas/download';
import { DatasetModelChooser } from '../model/DatasetModelChooser';
import { ModelChooser } from '../model/ModelChooser';
import { t } from '../../i18n';
import { ProgressBar, StatusNote } from '../ui';

/**
 * Which model Draw and the lessons use (the shipped one, or yours when you choose it), the latest run on
 * offer, and moving models in and out as files (TF.js layers format).
 * Memoised: the Train page repaints a few times a second while training, this panel rarely changes.
 */
export const ModelPanel = memo(function ModelPanel({
  busy,
  dataset = 'mnist',
  datasetName = '',
}: {
  busy: boolean;
  /** The dataset Train is on: another dataset's run is offered for Try it, never for Draw. */
  dataset?: string;
  datasetName?: string;
}) {
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
      noteImported(meta);
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

  return (
    <section className="train-model panel" aria-labelledby="train-model-title" data-testid="model-panel">
      <h2 className="panel-title" id="train-model-title">
        {t('train.model.title')} <span className="shape">{t('train.model.usedBy')}</span>
      </h2>
      {dataset !== 'mnist' && <DatasetModelChooser dataset={dataset} datasetName={datasetName} busy={busy} />}
      <ModelChooser showRun={dataset === 'mnist'} showForget busy={busy} />
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
      </div>
      {measuring !== null && (
        <ProgressBar fraction={measuring} label={t('train.model.measuringBar')} testId="import-progress" />
      )}
      {note && (
        <StatusNote bad={note.bad} testId="model-note">
          {note.text}
        </StatusNote>
      )}
    </section>
  );
});
