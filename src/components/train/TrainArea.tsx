import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from '../../state/createStore';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import { formatTrainParams, parseTrainParams } from '../../state/trainParams';
import type { TrainConfig } from '../../engine/train/config';
import type { LayerSnapshot } from '../../engine/train/trainer';
import { label as backendLabel } from '../../engine/backend';
import { CurvesChart } from './CurvesChart';
import { ActivationsPanel, FiltersPanel } from './LayerPanels';
import { ConfusionPanel, MistakesPanel } from './EvalPanels';
import { ModelPanel } from './ModelPanel';
import { TrainControls } from './TrainControls';
import {
  ensureSession,
  pauseTraining,
  resetRuntime,
  resumeTraining,
  send,
  startTraining,
  stopTraining,
  trainStore,
} from './trainSession';

function fmtTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** One empty list for "no snapshot yet", so the memoised panel is not re-rendered for a new []. */
const NO_LAYERS: LayerSnapshot[] = [];

export function TrainArea() {
  const { params } = useHashRoute();
  const setParams = useSetHashParams('train');
  // Keyed by the query text: the route object is new on every render, the settings are not.
  const query = params.toString();
  const { cfg, problems } = useMemo(() => parseTrainParams(new URLSearchParams(query)), [query]);
  // Same text, same object: keeps onChange (and so the memoised controls) stable while training repaints.
  const stableParams = useMemo(() => new URLSearchParams(query), [query]);
  const rt = useStore(trainStore, (s) => s);
  // Not deferred on purpose: the maps must change in the same frame as the numbers and curves. Each
  // extra frame costs the compositor CPU the worker needs (see FLUSH_MS in trainSession).
  const { snapshot, lastEval } = rt;
  const [panels, setPanels] = useState(params.get('panels') !== '0');
  const [picked, setPicked] = useState<number | null>(null);
  const busy = rt.phase === 'training' || rt.phase === 'paused';
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
  const lastEpoch = rt.epochs[rt.epochs.length - 1];
  const fraction = p ? p.step / Math.max(1, p.totalSteps) : rt.phase === 'done' ? 1 : 0;
  const snapshotLabel = snapshot && rt.testSet ? (rt.testSet.labels[snapshot.digit] ?? null) : null;

  return (
    <section className="train-area" aria-labelledby="train-title">
      <div className="train-side">
        <h1 id="train-title">Train LeNet-5</h1>
        <p className="train-intro">
          The network starts with random weights and looks at batches of handwritten digits. After each batch
          it nudges every weight a little in the direction that would have made its answers less wrong: weight
          ← weight − learning rate × gradient.
        </p>
        <div className="train-buttons">
          {!busy && (
            <button
              type="button"
              disabled={!canTrain}
              onClick={() => startTraining(cfg, picked ?? 0, panels)}
              title={problemList[0] ?? undefined}
            >
              Train
            </button>
          )}
          {rt.phase === 'training' && (
            <button type="button" onClick={pauseTraining}>
              Pause
            </button>
          )}
          {rt.phase === 'paused' && (
            <button type="button" onClick={resumeTraining}>
              Resume
            </button>
          )}
          {busy && (
            <button type="button" className="secondary" onClick={stopTraining}>
              Stop
            </button>
          )}
          <button
            type="button"
            className="secondary"
            disabled={busy || rt.phase === 'loading' || rt.phase === 'idle'}
            onClick={resetRuntime}
            aria-describedby="train-reset-note"
          >
            Reset
          </button>
        </div>
        <p className="train-note" id="train-reset-note" data-testid="reset-note">
          <strong>Reset</strong> clears the curves, numbers and mistakes on this page. The model saved in this
          browser stays (Draw keeps using it). <strong>Train</strong> always starts again from new random
          weights picked by the seed.
        </p>
        {problemList.length > 0 && (
          <p className="message error" role="alert">
            Cannot train yet: {problemList[0]}
          </p>
        )}
        <TrainControls cfg={cfg} problems={problems} busy={busy} onChange={onChange} />
        <ModelPanel busy={busy} />
      </div>

      <div className="train-main">
        <div className="train-status panel" aria-live="polite">
          <div
            className="train-progress"
            role="progressbar"
            aria-label="Training progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(fraction * 100)}
          >
            <div className="train-progress-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
          </div>
          <dl className="train-numbers">
            <div>
              <dt>epoch</dt>
              <dd data-testid="epoch">{p ? `${p.epoch + 1} / ${p.epochs}` : '—'}</dd>
            </div>
            <div>
              <dt>batch</dt>
              <dd data-testid="batch">{p ? `${p.batch} / ${p.batchesPerEpoch}` : '—'}</dd>
            </div>
            <div>
              <dt>digits / s</dt>
              <dd data-testid="throughput">{p ? Math.round(p.examplesPerSec) : 0}</dd>
            </div>
            <div>
              <dt>time left</dt>
              <dd data-testid="eta">{p && busy ? fmtTime(p.etaMs) : '—'}</dd>
            </div>
            <div>
              <dt>learning rate</dt>
              <dd>{p ? p.lr.toPrecision(2) : String(cfg.lr)}</dd>
            </div>
            <div>
              <dt>test accuracy</dt>
              <dd data-testid="test-accuracy">
                {lastEpoch ? `${(lastEpoch.testAccuracy * 100).toFixed(2)}%` : '—'}
              </dd>
            </div>
          </dl>
          <p className="train-backend" data-testid="train-backend">
            {rt.loading
              ? `Loading ${rt.loading.what}… ${Math.round(rt.loading.fraction * 100)}%`
              : rt.backend
                ? `Running on ${backendLabel(rt.backend)}${rt.inWorker ? ' in a background worker' : ' on the page'} · ${rt.phase}`
                : 'Starting the trainer…'}
            <button
              type="button"
              className="secondary train-panels-toggle"
              onClick={togglePanels}
              aria-pressed={panels}
            >
              {panels ? 'Hide live layers' : 'Show live layers'}
            </button>
          </p>
          {rt.message && (
            <p
              className={`message${rt.phase === 'diverged' || rt.phase === 'error' ? ' error' : ''}`}
              role="status"
              data-testid="train-message"
            >
              {rt.message}
            </p>
          )}
          {rt.warnings.map((w, i) => (
            <p key={i} className="message" role="status">
              {w}
            </p>
          ))}
        </div>

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
