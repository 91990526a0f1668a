import { useEffect, useId, useState } from 'react';
import { t } from '../../i18n';
import { StatusNote } from '../ui';
import { useStore } from '../../state/createStore';
import { checkStoredModels, chooseModel, forgetMyModels, keepRun, modelStore } from '../../state/modelStore';
import { modelLabel, resolveModel, runIsNew, type ModelChoice } from '../../state/modelWords';

/**
 * Which model Draw and the lessons use, in plain words, with the switch between the shipped model and
 * the user's own, the "use this run" action after training, and "Forget my models" (asks first).
 * Reads only the store: no model is loaded here, so it costs nothing on the Train page while it trains.
 */
export function ModelChooser({
  showRun = false,
  showForget = false,
  busy = false,
  inUseLine = true,
}: {
  /** Offer the latest training run when it is not the user's model yet (Train, lesson 10). */
  showRun?: boolean;
  showForget?: boolean;
  /** A run is training: keep the stored models still. */
  busy?: boolean;
  /** Say which model is in use (off where the panel already names the model it loaded). */
  inUseLine?: boolean;
}) {
  const s = useStore(modelStore, (st) => st);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const id = useId();
  useEffect(() => void checkStoredModels(), []);

  const used = resolveModel(s.choice, s.mine);
  const label = modelLabel(used, used === 'mine' ? s.mine : s.pretrained);
  const offerRun = showRun && !busy && runIsNew(s.run, s.mine);
  // Models of other datasets (Try it) are forgotten by the same button.
  const hasOtherModels = Object.values(s.datasets).some((d) => d.mine || d.run);

  const pick = (c: ModelChoice) => {
    setNote(null);
    chooseModel(c);
  };
  const onKeep = async () => {
    try {
      await keepRun();
      setNote({ text: t('models.runKept'), bad: false });
    } catch (err) {
      setNote({
        text: t('models.keepFailed', { error: err instanceof Error ? err.message : String(err) }),
        bad: true,
      });
    }
  };
  const onForget = async () => {
    setAsking(false);
    await forgetMyModels();
    setNote({ text: t('models.forgot'), bad: false });
  };

  return (
    <div className="model-chooser" data-testid="model-chooser">
      {inUseLine && (
        <p className="model-in-use" data-testid="model-in-use" data-used={s.checked ? used : 'unknown'}>
          {t('models.using', { label })}
        </p>
      )}
      {s.mine && (
        <div role="radiogroup" aria-labelledby={`${id}-choose`} className="model-switch">
          <span id={`${id}-choose`} className="model-switch-label">
            {t('models.choose')}
          </span>
          {(['pretrained', 'mine'] as const).map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={used === c}
              className={used === c ? 'model-option selected' : 'model-option secondary'}
              data-testid={`choose-${c}`}
              disabled={busy}
              onClick={() => pick(c)}
            >
              {c === 'pretrained' ? t('models.pretrainedOption') : t('models.mineOption')}
              <span className="model-option-detail">
                {' '}
                {modelLabel(c, c === 'mine' ? s.mine : s.pretrained)}
              </span>
            </button>
          ))}
        </div>
      )}
      {offerRun && s.run && (
        <p className="model-run" data-testid="model-run">
          <span>{t('models.runNotKept', { label: modelLabel('run', s.run) })}</span>{' '}
          <button type="button" data-testid="keep-run" onClick={() => void onKeep()}>
            {t('models.keepRun')}
          </button>
        </p>
      )}
      {showForget && (s.mine || s.run || s.choice === 'mine' || hasOtherModels) && !asking && (
        <button
          type="button"
          className="secondary"
          data-testid="forget-models"
          disabled={busy}
          onClick={() => setAsking(true)}
        >
          {t('models.forget')}
        </button>
      )}
      {asking && (
        <div role="alertdialog" aria-labelledby={`${id}-ask`} className="model-forget-ask">
          <p id={`${id}-ask`}>{t('models.forgetAsk')}</p>
          <button type="button" className="danger" data-testid="forget-yes" onClick={() => void onForget()}>
            {t('models.forgetYes')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setAsking(false)} autoFocus>
            {t('models.forgetNo')}
          </button>
        </div>
      )}
      {note && (
        <StatusNote bad={note.bad} testId="model-chooser-note">
          {note.text}
        </StatusNote>
      )}
    </div>
  );
}
