import './trainContain.css';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { isBuiltinDataset, LENET_DEFAULTS, type LayerSpec } from '../../engine';
import { useStoreTransition } from '../../state/createStore';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import { isPresenting } from '../../state/hashRoute';
import { formatTrainParams, learnCount, parseTrainParams } from '../../state/trainParams';
import { defaultEpochs } from '../../engine/train/defaultEpochs';
import { configLayers, type TrainConfig } from '../../engine/train/config';
import type { LayerSnapshot } from '../../engine/train/trainer';
import { t, tn } from '../../i18n';
import { CurvesChart } from './CurvesChart';
import { ActivationsPanel, FiltersPanel } from './LayerPanels';
import { ConfusionPanel, MistakesPanel } from './EvalPanels';
import { ModelPanel } from './ModelPanel';
import { CodePanel } from './arch/CodePanel';
import { LayerEditor } from './arch/LayerEditor';
import { useTimeEstimate } from './arch/useTimeEstimate';
import { TrainControls } from './TrainControls';
import { isBusy, RunButtons, TrainStatus } from './TrainStatus';
import { ensureSession, resetRuntime, send, startTraining, trainStore } from './trainSession';
import { explainLink, testImage, type ExplainImage } from '../../state/explainParams';
import { STORED_SPLIT_SEED } from '../../state/datasetService';
import { useTrainDataset } from './useTrainDataset';
import { useFrameLater } from './useFrameLater';
import { warmUpCanvas } from '../canvas/warmUpCanvas';
import { formatCompare, parseCompareParam } from '../../state/compareParam';
import { runsStore } from '../../state/runsService';
import { RunsPanel } from './runs/RunsPanel';
import { ComparePanel } from './runs/ComparePanel';
import { ExperimentPanel } from './runs/ExperimentPanel';
import { trainWords, TrainWordsContext } from './trainWords';

/** One empty list for "no snapshot yet", so the memoised panel is not re-rendered for a new []. */
const NO_LAYERS: LayerSnapshot[] = [];

/**
 * Why the epochs are what they are for a stored dataset, in plain words: a small set gives few
 * learning steps per pass, so its default is more passes (defaultEpochs).
 */
function epochsHelp(cfg: TrainConfig, trainCount: number): string {
  const count = learnCount(cfg, trainCount);
  const perPass = Math.max(1, Math.ceil(count / cfg.batchSize));
  const suggested = defaultEpochs(count, cfg.batchSize);
  return t('train.controls.epochsBySize', {
    count: count.toLocaleString('en-US'),
    perPass: perPass.toLocaleString('en-US'),
    epochs: suggested,
    steps: (perPass * suggested).toLocaleString('en-US'),
  });
}

export function TrainArea() {
  const { params } = useHashRoute();
  const setParams = useSetHashParams('train');
  // Keyed by the query text: the route object is new on every render, the settings are not.
  const query = params.toString();
  // Presenting, each chart says what it is (at a desk the Train area names them by their axes alone).
  const present = isPresenting(params);
  const { dataset, info, error: datasetError } = useTrainDataset(params.get('dataset'));
  // A dataset of its own size sets the default epochs (a small set needs more passes); MNIST keeps 2.
  const trainCount = isBuiltinDataset(info.id) ? null : info.counts.train;
  const nouns = useMemo(() => trainWords(info), [info]);
  // A bad value in the link keeps the last good one (as the explorers do) and says so until corrected;
  // a refused `arch` keeps the last network that worked (cfg.layers) and the layer editor says why.
  const lastGood = useRef<TrainConfig | undefined>(undefined);
  const { cfg, problems, linkErrors, archError } = useMemo(
    () => parseTrainParams(new URLSearchParams(query), lastGood.current, trainCount),
    [query, trainCount],
  );
  useEffect(() => {
    lastGood.current = cfg;
  }, [cfg]);
  // The comparison in the link (`compare=<run ids>`); a refused value keeps the one shown before.
  const lastCompare = useRef<string[]>([]);
  const compare = useMemo(
    () => parseCompareParam(new URLSearchParams(query).get('compare'), lastCompare.current),
    [query],
  );
  useEffect(() => {
    lastCompare.current = compare.ids;
  }, [compare.ids]);
  // A transition, like the training store below: the list is read again when a run ends, and a
  // synchronous render of the whole area for it was a 60–70 ms task at 4× CPU throttling.
  const stored = useStoreTransition(runsStore);
  const comparedRuns = useMemo(
    () => compare.ids.flatMap((id) => stored.runs.filter((r) => r.id === id)),
    [compare.ids, stored.runs],
  );
  const missingRuns = stored.checked ? compare.ids.filter((id) => !stored.runs.some((r) => r.id === id)) : [];
  // Same text, same object: keeps onChange (and so the memoised controls) stable while training repaints.
  const stableParams = useMemo(() => new URLSearchParams(query), [query]);
  // Every store change renders as a transition (useStoreTransition): on a slow laptop (4× CPU
  // throttling) one synchronous render of this area per live update was a 60–200 ms task; sliced, it
  // yields to input and to the worker's messages. The maps still change in the same commit as the
  // numbers and curves (each extra frame costs the compositor CPU the worker needs, see FLUSH_MS).
  const rt = useStoreTransition(trainStore);
  const { snapshot } = rt;
  // Except the very first snapshot: it mounts every layer's maps at once (about 270 boxes and their
  // canvases, laid out from the document), a 40–90 ms frame at 4× CPU throttling. The filters come in
  // its frame, the layers' maps a frame later; from then on both change with the numbers.
  const layersShown = useFrameLater(snapshot !== null, (shown) => !shown);
  const liveLayers = layersShown ? snapshot : null;
  // An epoch's results arrive in one worker message with the epoch's numbers. Drawn in the same frame,
  // the first 100-cell confusion table, the 16-picture mistakes gallery and (when the run ends) the
  // settings column turning enabled were one layout of the whole area: 186 ms at 4× CPU throttling.
  // So each comes a frame after the one before it: numbers and curves, then the table (its first half,
  // then the rest), then the gallery (useFrameLater); the settings are enabled a frame after the run
  // ends.
  const lastEval = useFrameLater(rt.lastEval);
  // The table's first appearance takes two frames (ConfusionPanel): the gallery comes after both.
  const tableWhole = useFrameLater(lastEval);
  const mistakesEval = useFrameLater(tableWhole);
  const liveTestSet = useDeferredValue(rt.testSet);
  const [panels, setPanels] = useState(params.get('panels') !== '0');
  const [picked, setPicked] = useState<number | null>(null);
  const busy = isBusy(rt);
  // Turning the settings column's ~190 controls disabled or enabled restyles and lays out all of them
  // (the layer editor's selects re-measure every option): 50–90 ms in one frame at 4× throttling. So
  // the settings, the model and the runs are disabled at once when a run starts and enabled a frame
  // after it ends; the layer editor follows them a frame later each way (its changes are ignored while
  // a run goes, see onLayers, so the frame it stays enabled at the start cannot change the run).
  const sideBusy = useFrameLater(busy, (b) => b);
  const editorBusy = useFrameLater(sideBusy);
  const problemList = Object.values(problems);
  const canTrain = problemList.length === 0 && !busy && rt.phase !== 'loading' && rt.phase !== 'idle';

  const modelInput = useMemo(
    () => ({ inputShape: info.inputShape, classes: info.classNames.length }),
    [info.inputShape, info.classNames.length],
  );
  // The test pictures with their size, so colour 32×32 pictures are drawn as what they are.
  const testSet = useMemo(
    () => (liveTestSet ? { ...liveTestSet, inputShape: info.inputShape } : null),
    [liveTestSet, info.inputShape],
  );
  // Explain reads a test picture by its number in the split it knows: the built-in sets' fixed split, a
  // stored set's split by the default seed (STORED_SPLIT_SEED). With another seed the numbers would
  // point at other pictures, so no link is offered.
  const explainImage = useMemo((): ((i: number) => ExplainImage) | null => {
    if (dataset === null) return null;
    if (dataset === 'mnist' || dataset === 'fashion-mnist') return (i) => testImage(dataset, i);
    return cfg.seed === STORED_SPLIT_SEED ? (i) => ({ kind: 'stored', dataset, index: i }) : null;
  }, [dataset, cfg.seed]);
  // The live maps' first canvas would otherwise pay the page's one-time canvas set-up mid-run.
  useEffect(warmUpCanvas, []);
  useEffect(() => {
    // Still reading which datasets this browser keeps: load nothing yet.
    if (dataset === null) return;
    void ensureSession(cfg.backend, dataset, cfg.seed);
    // The session is per page: later backend changes go with the start message; a new dataset reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataset]);

  const onChange = useCallback(
    (next: TrainConfig) => {
      if (busy && next.lr !== cfg.lr && Number.isFinite(next.lr) && next.lr > 0 && next.lr <= 10) {
        send({ type: 'setLr', lr: next.lr });
      }
      setParams(formatTrainParams(next, stableParams));
    },
    [busy, cfg.lr, stableParams, setParams],
  );

  const layers = useMemo(() => configLayers(cfg), [cfg]);
  const onLayers = useCallback(
    (next: LayerSpec[]) => {
      // The network cannot change under a running session (the editor is disabled a frame later).
      if (isBusy(trainStore.get())) return;
      onChange({ ...cfg, arch: LENET_DEFAULTS, layers: next });
    },
    [cfg, onChange],
  );

  // A stored dataset may hold fewer pictures than the training-size setting: time what will really run.
  const timedCfg = useMemo(
    () => (trainCount === null ? cfg : { ...cfg, trainSize: Math.min(cfg.trainSize, trainCount) }),
    [cfg, trainCount],
  );
  const timeEstimate = useTimeEstimate(layers, timedCfg, rt, modelInput);

  const pick = useCallback((index: number) => {
    setPicked(index);
    send({ type: 'probe', digit: index });
  }, []);

  const onCompare = useCallback(
    (ids: string[]) => {
      const next = new URLSearchParams(stableParams);
      if (ids.length) next.set('compare', formatCompare(ids));
      else next.delete('compare');
      setParams(next);
    },
    [stableParams, setParams],
  );
  const closeCompare = useCallback(() => onCompare([]), [onCompare]);

  const togglePanels = () => {
    setPanels(!panels);
    send({ type: 'panels', on: !panels });
  };

  const p = rt.progress;
  const snapshotLabel = liveLayers && rt.testSet ? (rt.testSet.labels[liveLayers.digit] ?? null) : null;

  return (
    <TrainWordsContext value={nouns}>
      <section className="train-area" aria-labelledby="train-title">
        <div className="train-side">
          <h1 id="train-title">{t('train.title')}</h1>
          <p className="train-intro">{t('train.intro', nouns)}</p>
          {(linkErrors.length > 0 || compare.error || missingRuns.length > 0) && (
            <div className="message error" role="alert" data-testid="link-message">
              {linkErrors.map((m, i) => (
                <p key={i}>{m}</p>
              ))}
              {compare.error && <p>{compare.error}</p>}
              {missingRuns.length > 0 && (
                <p>{tn('compare.link.missing', missingRuns.length, { ids: missingRuns.join(', ') })}</p>
              )}
            </div>
          )}
          <div className="train-buttons train-run-buttons">
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
          <p className="train-dataset" data-testid="train-dataset">
            {t('train.dataset.using', { name: info.name })} <a href={`#/data`}>{t('train.dataset.change')}</a>
          </p>
          {datasetError && (
            <p className="message error" role="alert" data-testid="dataset-error">
              {datasetError}
            </p>
          )}
          {problemList.length > 0 && (
            <p className="message error" role="alert">
              {t('train.cannotTrain', { problem: problemList[0] ?? '' })}
            </p>
          )}
          {/* Above the settings: after a run, "Use this model" is on the first screen. */}
          <ModelPanel busy={sideBusy} dataset={dataset ?? 'mnist'} datasetName={info.name} />
          <RunsPanel compared={compare.ids} onCompare={onCompare} busy={sideBusy} />
          <LayerEditor
            input={modelInput}
            layers={layers}
            archError={archError}
            batchSize={cfg.batchSize}
            busy={editorBusy}
            onChange={onLayers}
            timeEstimate={timeEstimate}
            epochs={cfg.epochs}
          />
          <TrainControls
            cfg={cfg}
            problems={problems}
            busy={sideBusy}
            onChange={onChange}
            epochsHelp={trainCount === null ? null : epochsHelp(cfg, trainCount)}
          />
        </div>

        <div className="train-main">
          <ExperimentPanel />
          {compare.ids.length > 0 && stored.checked && (
            <ComparePanel runs={comparedRuns} onClose={closeCompare} />
          )}
          <TrainStatus rt={rt} lr={cfg.lr} panels={{ on: panels, toggle: togglePanels }} contained />

          <div className="train-charts">
            <CurvesChart
              kind="loss"
              curve={rt.curve}
              epochs={rt.epochs}
              totalEpochs={p?.epochs ?? cfg.epochs}
              testCount={info.counts.test}
              titleInChart={present}
            />
            <CurvesChart
              kind="accuracy"
              curve={rt.curve}
              epochs={rt.epochs}
              totalEpochs={p?.epochs ?? cfg.epochs}
              testCount={info.counts.test}
              titleInChart={present}
            />
          </div>

          {panels && (
            <div className="train-live">
              <FiltersPanel filters={snapshot?.filters ?? null} contained />
              <ActivationsPanel
                layers={liveLayers?.layers ?? NO_LAYERS}
                digit={liveLayers?.digit ?? null}
                label={snapshotLabel === null ? null : (info.classNames[snapshotLabel] ?? snapshotLabel)}
                classNames={info.classNames}
                contained
              />
            </div>
          )}

          <div className="train-eval">
            <ConfusionPanel
              confusion={lastEval?.confusion ?? null}
              predictions={lastEval?.predictions ?? null}
              set={testSet}
              epoch={lastEval?.epoch ?? null}
              onPick={pick}
              picked={picked}
              classNames={info.classNames}
              contained
            />
            <MistakesPanel
              mistakes={mistakesEval?.mistakes ?? null}
              set={testSet}
              onPick={pick}
              picked={picked}
              classNames={info.classNames}
              contained
            />
            {picked !== null && explainImage && (
              <a
                className="button-link"
                href={explainLink(explainImage(picked), { model: 'current' })}
                aria-label={t(
                  dataset === 'mnist'
                    ? 'explain.links.fromTrainLabel'
                    : 'explain.links.fromTrainLabelPicture',
                  { index: picked },
                )}
                data-testid="train-explain-link"
              >
                {t('explain.links.fromTrain')}
              </a>
            )}
          </div>
          <CodePanel layers={layers} input={modelInput} />
        </div>
      </section>
    </TrainWordsContext>
  );
}
