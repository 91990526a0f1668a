import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../state/createStore';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import { formatTrainParams, parseTrainParams } from '../../state/trainParams';
import type { TrainConfig } from '../../engine/train/config';
import type { LayerSnapshot } from '../../engine/train/trainer';
import { t } from '../../i18n';
import { CurvesChart } from './CurvesChart';
import { ActivationsPanel, FiltersPanel } from './LayerPanels';
import { ConfusionPanel, MistakesPanel } from './EvalPanels';
import { ModelPanel } from './ModelPanel';
import { TrainControls } from './TrainControls';
import { isBusy, RunButtons, TrainStatus } from './TrainStatus';
import { ensureSession, resetRuntime, send, startTraining, trainStore } from './trainSession';

/** One empty list for "no snapshot yet", so the memoised panel is not re-rendered for a new []. */
const NO_LAYERS: LayerSnapshot[] = [];

export function TrainArea() {
  const { params } = useHashRoute();
  const setParams = useSetHashParams('train');
  // Keyed by the query text: the route object is new on every render, the settings are not.
  const query = params.toString();
  // A bad value in the link keeps the last good one (as the explorers do) and says so until corrected.
  const lastGood = useRef<TrainConfig | undefined>(undefined);
  const { cfg, problems, linkErrors } = useMemo(
    () => parseTrainParams(new URLSearchParams(query), lastGood.current),
    [query],
  );
  useEffect(() => {
    lastGood.current = cfg;
  }, [cfg]);
  // Same text, same object: keeps onChange (and so the memoised controls) stable while training repaints.
  const stableParams = useMemo(() => new URLSearchParams(query), [query]);
  const rt = useStore(trainStore, (s) => s);
  // Not deferred on purpose: the maps must change in the same frame as the numbers and curves. Each
  // extra frame costs the compositor CPU the worker needs (see FLUSH_MS in trainSession).
  const { snapshot, lastEval } = rt;
  const [panels, setPanels] = useState(params.get('panels') !== '0');
  const [picked, setPicked] = useState<number | null>(null);
  const busy = isBusy(rt);
  const problemList = Object.values(problems);
  const canTrain = problemList.length === 0 && !busy && rt.phase !== 'loading' && rt.phase !== 'idle';

  useEffect(() => {
    void ensureSession(cfg.backend);
    // The session is per page: later backend changes go with the start message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onChange = useCallback(
    (next: TrainConfig) => {
      if (busy && next.lr !== cfg.lr && Number.isFinite(next.lr) && next.lr > 0 && next.lr <= 10) {
        send({ type: 'setLr', lr: next.lr });
      }
      setParams(formatTrainParams(next, stableParams));
    },
    [busy, cfg.lr, stableParams, setParams],
  );

  const pick = useCallback((index: number) => {
    setPicked(index);
    send({ type: 'probe', digit: index });
  }, []);

  const togglePanels = () => {
    setPanels(!panels);
    send({ type: 'panels', on: !panels });
  };

  const p = rt.progress;
  const snapshotLabel = snapshot && rt.testSet ? (rt.testSet.labels[snapshot.digit] ?? null) : null;

  return (
    <section className="train-area" aria-labelledby="train-title">
      <div className="train-side">
        <h1 id="train-title">{t('train.title')}</h1>
        <p className="train-intro">{t('train.intro')}</p>
        {linkErrors.length > 0 && (
          <div className="message error" role="alert" data-testid="link-message">
            {linkErrors.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </div>
        )}
        <div className="train-buttons">
          {!busy && (
            <button
              type="button"
              disabled={!canTrain}
              onClick={() => startTraining(cfg, picked ?? 0, panels)}
              title={problemList[0] ?? undefined}
            >
              {t('train.buttons.train')}
            </button>
          )}
          <RunButtons rt={rt} />
          <button
            type="button"
            className="secondary"
            disabled={busy || rt.phase === 'loading' || rt.phase === 'idle'}
            onClick={resetRuntime}
            aria-describedby="train-reset-note"
          >
            {t('train.buttons.reset')}
          </button>
        </div>
        <p className="train-note" id="train-reset-note" data-testid="reset-note">
          <strong>{t('train.resetNote.reset')}</strong>
          {t('train.resetNote.resetText')}
          <strong>{t('train.resetNote.train')}</strong>
          {t('train.resetNote.trainText')}
        </p>
        {problemList.length > 0 && (
          <p className="message error" role="alert">
            {t('train.cannotTrain', { problem: problemList[0] ?? '' })}
          </p>
        )}
        <TrainControls cfg={cfg} problems={problems} busy={busy} onChange={onChange} />
        <ModelPanel busy={busy} />
      </div>

      <div className="train-main">
        <TrainStatus rt={rt} lr={cfg.lr} panels={{ on: panels, toggle: togglePanels }} />

        <div className="train-charts">
          <CurvesChart
            kind="loss"
            curve={rt.curve}
            epochs={rt.epochs}
            totalEpochs={p?.epochs ?? cfg.epochs}
          />
          <CurvesChart
            kind="accuracy"
            curve={rt.curve}
            epochs={rt.epochs}
            totalEpochs={p?.epochs ?? cfg.epochs}
          />
        </div>

        {panels && (
          <div className="train-live">
            <FiltersPanel filters={snapshot?.filters ?? null} />
            <ActivationsPanel
              layers={snapshot?.layers ?? NO_LAYERS}
              digit={snapshot?.digit ?? null}
              label={snapshotLabel}
            />
          </div>
        )}

        <div className="train-eval">
          <ConfusionPanel
            confusion={lastEval?.confusion ?? null}
            predictions={lastEval?.predictions ?? null}
            set={rt.testSet}
            epoch={lastEval?.epoch ?? null}
            onPick={pick}
            picked={picked}
          />
          <MistakesPanel
            mistakes={lastEval?.mistakes ?? null}
            set={rt.testSet}
            onPick={pick}
            picked={picked}
          />
        </div>
      </div>
    </section>
  );
}
