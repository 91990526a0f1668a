import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { useStore } from '../../state/createStore';
import { checkStoredModels, keepRun, modelStore, modelsOf } from '../../state/modelStore';
import { modelLabel, runIsNew } from '../../state/modelWords';
import { tryLink } from '../../state/tryParams';

/**
 * The models of one dataset other than MNIST: which one "Try it" uses, the latest run on offer ("Use
 * this model in Try it" keeps it for that dataset only: Draw's MNIST model never changes), and a link to
 * Try it. Reads only the store.
 */
export function DatasetModelChooser({
  dataset,
  datasetName,
  busy = false,
  showRun = true,
  showTryLink = true,
  inUseLine = true,
}: {
  dataset: string;
  datasetName: string;
  busy?: boolean;
  showRun?: boolean;
  showTryLink?: boolean;
  /** Say which model Try it uses (off where the page already says it). */
  inUseLine?: boolean;
}) {
  const s = useStore(modelStore, (st) => st);
  const { mine, run } = modelsOf(s, dataset);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  useEffect(() => void checkStoredModels(), []);
  const vars = { dataset: datasetName };

  const onKeep = async () => {
    try {
      await keepRun(dataset);
      setNote({ text: t('tryit.modelLine.kept', vars), bad: false });
    } catch (err) {
      setNote({
        text: t('models.keepFailed', { error: err instanceof Error ? err.message : String(err) }),
        bad: true,
      });
    }
  };

  return (
    <div className="model-chooser" data-testid="dataset-model-chooser" data-dataset={dataset}>
      {inUseLine && (
        <p className="model-in-use" data-testid="dataset-model-in-use" data-used={mine ? 'mine' : 'none'}>
          {mine
            ? t('tryit.modelLine.using', { ...vars, label: modelLabel('mine', mine) })
            : t('tryit.modelLine.none', vars)}{' '}
          {mine && showTryLink && (
            <a href={tryLink(dataset)} data-testid="try-link">
              {t('tryit.modelLine.open')}
            </a>
          )}
        </p>
      )}
      {showRun && !busy && run && runIsNew(run, mine) && (
        <p className="model-run" data-testid="model-run">
          <span>{t('tryit.modelLine.runNotKept', { ...vars, label: modelLabel('run', run) })}</span>{' '}
          <button type="button" data-testid="keep-run" onClick={() => void onKeep()}>
            {t('tryit.modelLine.keep')}
          </button>
        </p>
      )}
      {note && (
        <p className={`message${note.bad ? ' error' : ''}`} role="status" data-testid="model-chooser-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
