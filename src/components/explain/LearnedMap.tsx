import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { setGeometry, type MnistSet, type ModelMeta, type Network } from '../../engine';
import { explainLink, testImage, type ExplainModelChoice } from '../../state/explainParams';
import {
  cachedLearnedMap,
  computeLearnedMap,
  MIN_MAP_POINTS,
  MAP_SETTINGS,
  modelKey,
  type LearnedMap as Map2D,
  type MapProgress,
} from '../../state/learnedMap';
import { Panel } from '../canvas/Panel';
import { RichText } from '../learn/RichText';
import { Toggle } from '../ui';
import { classColor, CLASS_COLORS, type ScatterData } from './drawScatter';
import { openInDraw } from './openInDraw';
import { PatchPicture } from './PatchPicture';
import { ScatterCanvas } from './ScatterCanvas';
import { useCachedSearch } from './useCachedSearch';

/** The quick map (a slow laptop: ~10 s) and the full one (every test digit: up to a minute). */
export const MAP_SIZES = [2000, 10000] as const;

/**
 * The map sizes offered for a test split of `testCount` pictures: the quick and the full one for a
 * built-in set's 10,000; a smaller stored split is mapped whole (plus the quick map above 2,000); none
 * below `MIN_MAP_POINTS`.
 */
export function mapSizes(testCount: number): number[] {
  if (testCount < MIN_MAP_POINTS) return [];
  const quick = MAP_SIZES[0];
  return testCount > quick ? [quick, Math.min(testCount, MAP_SIZES[1])] : [testCount];
}

type Progress = { count: number; progress: MapProgress };

/** Which test set the map shows, and how its classes read (null: digits, their own names). */
type MapWords = { dataset: string; names: readonly string[] | null };

/**
 * "A map of what it learned": the test pictures of `dataset` (MNIST digits, Fashion-MNIST clothes, or a
 * stored dataset's test split, greyscale or colour, for its model) placed by UMAP from their raw pixels
 * and from the last hidden layer, side by side, coloured by class (the legend names the classes),
 * mistakes ringed. Tap a point to see the picture and open it in Explain (or a digit in Draw); the same
 * picture is marked on both maps. A split too small for UMAP's neighbours says so.
 */
export function LearnedMap({
  net,
  meta,
  model,
  titled = true,
  dataset = 'mnist',
  classNames = null,
  testCount = 10000,
  datasetName = '',
  before = null,
  intro = null,
  onMade,
}: {
  net: Network;
  meta: ModelMeta;
  model: ExplainModelChoice;
  /** false: the heading is kept for screen readers only (a lesson panel already shows it). */
  titled?: boolean;
  dataset?: string;
  /** The class names for the legend and the card (null: digits 0–9). */
  classNames?: readonly string[] | null;
  /** How many test pictures the dataset has (10,000 for the built-in ones). */
  testCount?: number;
  /** The dataset's name as people read it (for the "too small" message). */
  datasetName?: string;
  /** Shown until the map is made (and while it is made): a lesson's picture of what the map places. */
  before?: ReactNode;
  /** Other words above the map (a lesson whose question asks what the usual words would tell). */
  intro?: string | null;
  /** Told whether a map is shown, each time that changes (a lesson offers its PNG only then). */
  onMade?: (made: boolean) => void;
}) {
  const key = modelKey(meta);
  const words: MapWords = useMemo(() => ({ dataset, names: classNames }), [dataset, classNames]);
  const pics = dataset !== 'mnist';
  const stored = pics && dataset !== 'fashion-mnist';
  const sizes = mapSizes(testCount);
  const [h, w, c] = net.inputShape;
  // A map made earlier in this session for this model shows at once (the larger one first).
  const {
    search: run,
    start: begin,
    cancel,
  } = useCachedSearch<Map2D, Progress>(
    `${dataset}|${key}`,
    () =>
      [...sizes]
        .reverse()
        .map((n) => cachedLearnedMap(key, n, dataset))
        .find((m) => m),
    dataset,
  );
  const made = run.state === 'done';
  useEffect(() => onMade?.(made), [made, onMade]);
  const start = (count: number) =>
    begin(
      (set, signal, progress) =>
        computeLearnedMap(net, key, set, {
          count,
          datasetId: dataset,
          signal,
          onProgress: (p) => progress({ count, progress: p }),
        }),
      { count, progress: { stage: 'features', fraction: 0, secondsLeft: null } },
    );
  return (
    <section className="explain-map" data-testid="learned-map" aria-labelledby="explain-map-title">
      <h2 id="explain-map-title" className={titled ? undefined : 'visually-hidden'}>
        {t('explain.map.title')}
      </h2>
      <div className="explain-note">
        <RichText
          text={
            intro ??
            (stored
              ? t('explain.map.pictures.introStored', {
                  dim: (h * w * c).toLocaleString('en'),
                  h,
                  w,
                  perPixel: t(
                    c === 3 ? 'explain.map.pictures.perPixelColour' : 'explain.map.pictures.perPixelGrey',
                  ),
                })
              : t(pics ? 'explain.map.pictures.intro' : 'explain.map.intro'))
          }
        />
      </div>
      {sizes.length === 0 && (
        <p className="explain-note" data-testid="map-too-small">
          {t('explain.map.pictures.tooSmall', {
            min: MIN_MAP_POINTS,
            k: MAP_SETTINGS.nNeighbors,
            dataset: datasetName,
            n: testCount,
          })}
        </p>
      )}
      {run.state !== 'running' && sizes.length > 0 && (
        <div className="explain-map-start">
          {sizes.map((n) => (
            <button key={n} type="button" onClick={() => void start(n)} data-testid={`make-map-${n}`}>
              {t(
                stored
                  ? n === testCount
                    ? 'explain.map.pictures.makeAll'
                    : 'explain.map.pictures.makeQuick'
                  : n === 10000
                    ? pics
                      ? 'explain.map.pictures.makeFull'
                      : 'explain.map.makeFull'
                    : pics
                      ? 'explain.map.pictures.makeQuick'
                      : 'explain.map.makeQuick',
                {
                  n: n.toLocaleString('en'),
                },
              )}
            </button>
          ))}
        </div>
      )}
      {run.state === 'running' && (
        <div className="loading" data-testid="map-progress" role="status">
          <p>
            {t(`explain.map.${pics ? 'pictures.' : ''}stage.${run.progress.progress.stage}`, {
              n: run.progress.count.toLocaleString('en'),
            })}{' '}
            {run.progress.progress.secondsLeft === null
              ? t('explain.map.estimating')
              : t('explain.etaSeconds', { s: Math.max(1, Math.round(run.progress.progress.secondsLeft)) })}
          </p>
          <progress value={Math.round(run.progress.progress.fraction * 1000)} max={1000} />
          <button type="button" className="secondary" onClick={cancel}>
            {t('explain.map.cancel')}
          </button>
        </div>
      )}
      {run.state === 'error' && (
        <p className="message error" role="alert">
          {t('explain.map.failed', { reason: run.message })}
        </p>
      )}
      {run.state !== 'done' && before}
      {run.state === 'done' && <MapView map={run.result} set={run.set} model={model} words={words} />}
    </section>
  );
}

function MapView({
  map,
  set,
  model,
  words,
}: {
  map: Map2D;
  set: MnistSet;
  model: ExplainModelChoice;
  words: MapWords;
}) {
  const pics = words.dataset !== 'mnist';
  const [selected, setSelected] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [showMistakes, setShowMistakes] = useState(true);
  const [onlyClass, setOnlyClass] = useState<number | null>(null);
  const raw: ScatterData = useMemo(
    () => ({ positions: map.raw, labels: map.labels, predicted: map.predicted, count: map.count }),
    [map],
  );
  const hidden: ScatterData = useMemo(() => ({ ...raw, positions: map.hidden }), [raw, map.hidden]);
  const mistakes = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < map.count; i++) if (map.labels[i] !== map.predicted[i]) out.push(i);
    return out;
  }, [map]);
  const shown = hovered ?? selected;
  const n = map.count.toLocaleString('en');
  const nextMistake = () => {
    const after = mistakes.find((i) => i > (selected ?? -1)) ?? mistakes[0];
    if (after !== undefined) setSelected(after);
  };
  return (
    <>
      <div className="explain-map-legend" data-testid="map-legend">
        <span className="explain-map-legend-title">
          {t(pics ? 'explain.map.pictures.legend' : 'explain.map.legend')}
        </span>
        {CLASS_COLORS.slice(0, words.names?.length ?? CLASS_COLORS.length).map((_, c) => (
          <button
            key={c}
            type="button"
            className="secondary explain-map-swatch"
            aria-pressed={onlyClass === c}
            onClick={() => setOnlyClass(onlyClass === c ? null : c)}
          >
            <span className="explain-map-dot" style={{ background: classColor(c) }} aria-hidden="true" />
            {words.names?.[c] ?? String(c)}
          </button>
        ))}
        <span className="explain-map-legend-item">
          <span className="explain-map-ring" aria-hidden="true" />
          {t('explain.map.mistakeKey', { n: mistakes.length })}
        </span>
      </div>
      <div className="explain-map-tools">
        <Toggle label={t('explain.map.showMistakes')} checked={showMistakes} onChange={setShowMistakes} />
        <button
          type="button"
          onClick={nextMistake}
          disabled={mistakes.length === 0}
          data-testid="next-mistake"
        >
          {t('explain.map.nextMistake')}
        </button>
        {onlyClass !== null && (
          <button type="button" className="secondary" onClick={() => setOnlyClass(null)}>
            {t(pics ? 'explain.map.pictures.allClasses' : 'explain.map.allClasses')}
          </button>
        )}
      </div>
      <div className="explain-map-pair">
        <Panel
          title={t('explain.map.rawTitle')}
          shape={t(pics ? 'explain.map.pictures.shape' : 'explain.map.shape', {
            n,
            dim: map.rawDim.toLocaleString('en'),
          })}
          testId="map-raw"
        >
          <ScatterCanvas
            data={raw}
            selected={selected}
            showMistakes={showMistakes}
            onlyClass={onlyClass}
            label={t(pics ? 'explain.map.pictures.rawLabel' : 'explain.map.rawLabel', { n })}
            testId="map-raw-canvas"
            onHover={setHovered}
            onChoose={setSelected}
          />
        </Panel>
        <Panel
          title={t('explain.map.hiddenTitle', { layer: map.layer })}
          shape={t(pics ? 'explain.map.pictures.shape' : 'explain.map.shape', { n, dim: map.dim })}
          testId="map-hidden"
        >
          <ScatterCanvas
            data={hidden}
            selected={selected}
            showMistakes={showMistakes}
            onlyClass={onlyClass}
            label={t(pics ? 'explain.map.pictures.hiddenLabel' : 'explain.map.hiddenLabel', {
              n,
              layer: map.layer,
            })}
            testId="map-hidden-canvas"
            onHover={setHovered}
            onChoose={setSelected}
          />
        </Panel>
      </div>
      {shown === null ? (
        <p className="explain-note">{t(pics ? 'explain.map.pictures.tapHint' : 'explain.map.tapHint')}</p>
      ) : (
        <DigitCard index={shown} map={map} set={set} model={model} words={words} />
      )}
    </>
  );
}

function DigitCard({
  index,
  map,
  set,
  model,
  words,
}: {
  index: number;
  map: Map2D;
  set: MnistSet;
  model: ExplainModelChoice;
  words: MapWords;
}) {
  const pics = words.dataset !== 'mnist';
  const g = setGeometry(set);
  const pixels = useMemo(
    () => Float32Array.from(set.images.subarray(index * g.size, (index + 1) * g.size), (b) => b / 255),
    [set, index, g.size],
  );
  const label = words.names?.[map.labels[index] ?? 0] ?? map.labels[index] ?? 0;
  const said = words.names?.[map.predicted[index] ?? 0] ?? map.predicted[index] ?? 0;
  const name = t(pics ? 'explain.map.pictures.digitName' : 'explain.map.digitName', { index: String(index) });
  return (
    <div className="explain-map-card" data-testid="map-card" data-index={index}>
      <PatchPicture
        values={pixels}
        w={g.w}
        h={g.h}
        channels={g.c}
        cellPx={Math.max(3, Math.round(112 / g.w))}
        label={name}
      />
      <div>
        <p className="explain-map-card-title">{name}</p>
        <p>
          {label === said
            ? t(pics ? 'explain.map.pictures.right' : 'explain.map.right', { label })
            : t(pics ? 'explain.map.pictures.wrong' : 'explain.map.wrong', { label, said })}
        </p>
        <div className="explain-map-card-links">
          <a
            className="button-link"
            href={explainLink(testImage(words.dataset, index), { model })}
            data-testid="map-open-explain"
          >
            {t(pics ? 'explain.map.pictures.openExplain' : 'explain.map.openExplain')}
          </a>
          {/* Draw's layers run the digit model: any other dataset's picture is opened in Explain only. */}
          {!pics && (
            <button
              type="button"
              className="secondary"
              onClick={() => openInDraw(pixels, name)}
              data-testid="map-open-draw"
            >
              {t('explain.map.openDraw')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
