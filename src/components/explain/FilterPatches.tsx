import { memo } from 'react';
import { t } from '../../i18n';
import {
  computeTopPatches,
  cutPatch,
  receptiveField,
  setGeometry,
  type LayerSynthesis,
  type LayerTopPatches,
  type MnistSet,
  type Network,
} from '../../engine';
import { useCachedSearch } from './useCachedSearch';
import { useFilterSynthesis } from './useFilterSynthesis';
import { explainLink, testImage } from '../../state/explainParams';
import { Panel } from '../canvas/Panel';
import { RichText } from '../learn/RichText';
import { PatchPicture } from './PatchPicture';

/** How many patches each filter shows (fewer when the test split is smaller). */
const TOP_K = 9;
// The search runs over the whole test set once per loaded model; reopening the area reuses it. A
// model belongs to one dataset (Fashion-MNIST's is its own Network), so the key never mixes datasets.
const cache = new WeakMap<Network, LayerTopPatches[]>();

type Progress = { done: number; total: number; secondsLeft: number | null };

/**
 * "What each filter wants": for every filter of every conv layer, the nine test pictures of `dataset`
 * (MNIST digits, Fashion-MNIST clothes, or a stored dataset's test split, greyscale or colour, for its
 * model) whose patch (the filter's receptive field, cut at the pictures' real size) excites it most,
 * each linking to that picture in Explain. A split of fewer than nine pictures shows them all.
 * `titled = false`: the heading is kept for screen readers only (a lesson panel already shows it).
 */
export function FilterPatches({
  net,
  titled = true,
  dataset = 'mnist',
  testCount = 10000,
  only = null,
}: {
  net: Network;
  titled?: boolean;
  dataset?: string;
  /** How many test pictures the search will read (10,000 for the built-in sets). */
  testCount?: number;
  /**
   * Only this filter of this layer (a lesson presented: every filter's row of nine is several screens
   * tall, so it shows the one filter the step is talking about). Null: every filter of every layer.
   */
  only?: { layer: string; filter: number } | null;
}) {
  const synth = useFilterSynthesis(net);
  const pics = dataset !== 'mnist';
  const k = Math.min(TOP_K, testCount);
  const { search, start: begin } = useCachedSearch<LayerTopPatches[], Progress>(
    net,
    () => cache.get(net),
    dataset,
  );
  const start = () =>
    begin(
      async (set, signal, progress) => {
        const t0 = performance.now();
        progress({ done: 0, total: set.count, secondsLeft: null });
        const { size } = setGeometry(set);
        const layers = await computeTopPatches(
          net,
          set.count,
          (i, out) => {
            const bytes = set.images.subarray(i * size, (i + 1) * size);
            for (let j = 0; j < size; j++) out[j] = (bytes[j] as number) / 255;
          },
          {
            k: TOP_K,
            signal,
            onProgress: (done, total) => {
              const elapsed = (performance.now() - t0) / 1000;
              const secondsLeft = elapsed > 0.5 ? (elapsed / done) * (total - done) : null;
              progress({ done, total, secondsLeft });
            },
          },
        );
        cache.set(net, layers);
        return layers;
      },
      { done: 0, total: 0, secondsLeft: null },
    );
  return (
    <section className="explain-filters" data-testid="filter-patches" aria-labelledby="explain-filters-title">
      <h2 id="explain-filters-title" className={titled ? undefined : 'visually-hidden'}>
        {t('explain.filters.title')}
      </h2>
      <div className="explain-note">
        <RichText text={t(pics ? 'explain.filters.pictures.intro' : 'explain.filters.intro')} />
        {k < TOP_K && <p data-testid="patches-few">{t('explain.filters.pictures.few', { n: testCount })}</p>}
      </div>
      {search.state === 'idle' && (
        <button type="button" onClick={() => void start()} data-testid="find-patches">
          {t(pics ? 'explain.filters.pictures.find' : 'explain.filters.find', {
            n: testCount.toLocaleString('en'),
          })}
        </button>
      )}
      {search.state === 'running' && (
        <p className="loading" data-testid="patches-progress">
          {t(pics ? 'explain.filters.pictures.progress' : 'explain.filters.progress', {
            done: search.progress.done,
            total: search.progress.total,
            eta:
              search.progress.secondsLeft === null
                ? ''
                : t('explain.etaSeconds', { s: Math.max(1, Math.round(search.progress.secondsLeft)) }),
          })}
          <progress value={search.progress.done} max={search.progress.total} />
        </p>
      )}
      {search.state === 'error' && (
        <p className="message error" role="alert">
          {t('explain.failed', { reason: search.message })}
        </p>
      )}
      <div className="explain-note">
        <RichText text={t('explain.filters.synthIntro')} />
      </div>
      {(synth.state === 'idle' || synth.state === 'error') && (
        <button type="button" className="secondary" onClick={synth.start} data-testid="make-synthesis">
          {t('explain.filters.synthesise')}
        </button>
      )}
      {synth.state === 'running' && (
        <p className="loading" data-testid="synthesis-progress">
          {t('explain.filters.synthProgress', {
            layer: synth.layer,
            eta:
              synth.secondsLeft === null
                ? ''
                : t('explain.etaSeconds', { s: Math.max(1, Math.round(synth.secondsLeft)) }),
          })}
          <progress value={synth.done} max={synth.total} />
        </p>
      )}
      {synth.state === 'error' && (
        <p className="message error" role="alert">
          {t('explain.failed', { reason: synth.message })}
        </p>
      )}
      {(search.state === 'done' || synth.state === 'done') &&
        net.convLayers
          .filter((conv) => !only || conv.name === only.layer)
          .map((conv) => (
            <LayerPatches
              key={conv.name}
              name={conv.name}
              size={receptiveField(net, conv.index).size}
              filters={conv.filters}
              rows={only ? [only.filter] : null}
              layer={search.state === 'done' ? search.result.find((l) => l.layer === conv.name) : undefined}
              made={synth.state === 'done' ? synth.layers.find((l) => l.layer === conv.name) : undefined}
              set={search.state === 'done' ? search.set : null}
              dataset={dataset}
              k={k}
            />
          ))}
    </section>
  );
}

const LayerPatches = memo(function LayerPatches({
  name,
  size,
  filters,
  layer,
  made,
  set,
  dataset,
  k,
  rows,
}: {
  dataset: string;
  name: string;
  size: number;
  filters: number;
  /** The filters shown (null: all of them). */
  rows: readonly number[] | null;
  layer: LayerTopPatches | undefined;
  made: LayerSynthesis | undefined;
  set: MnistSet | null;
  k: number;
}) {
  const cellPx = Math.max(3, Math.round(48 / size));
  const pics = dataset !== 'mnist';
  const g = set ? setGeometry(set) : null;
  return (
    <Panel
      title={t('explain.filters.layerTitle', { layer: name })}
      shape={t(made ? 'explain.filters.layerShapeMade' : 'explain.filters.layerShape', {
        n: filters,
        k,
        size,
      })}
      testId={`patches-${name}`}
    >
      <div className="explain-filter-rows">
        {(rows ?? Array.from({ length: filters }, (_, f) => f)).map((f) => (
          <div className="explain-filter-row" key={f}>
            <span className="explain-filter-name">{t('explain.filters.filter', { n: f })}</span>
            {made?.filters[f] && (
              <span className="explain-patch explain-patch-made" data-testid={`made-${name}-${f}`}>
                <PatchPicture
                  values={made.filters[f]}
                  w={size}
                  h={size}
                  channels={made.channels}
                  cellPx={cellPx}
                  label={t('explain.filters.madeLabel', { n: f, layer: name })}
                />
                <span className="explain-patch-caption">{t('explain.filters.madeCaption')}</span>
              </span>
            )}
            {set &&
              g &&
              layer?.filters[f]?.map((p) => {
                const pixels = Float32Array.from(
                  set.images.subarray(p.image * g.size, (p.image + 1) * g.size),
                  (b) => b / 255,
                );
                const where = t(pics ? 'explain.filters.pictures.where' : 'explain.filters.where', {
                  index: String(p.image),
                  row: p.row,
                  col: p.col,
                });
                return (
                  <a
                    key={p.image}
                    className="explain-patch"
                    href={explainLink(testImage(dataset, p.image), { model: 'current' })}
                    title={where}
                    aria-label={t(
                      pics ? 'explain.filters.pictures.patchLabel' : 'explain.filters.patchLabel',
                      {
                        where,
                        value: p.value.toFixed(2),
                      },
                    )}
                  >
                    <PatchPicture
                      values={cutPatch(pixels, g.h, g.w, layer.field, p.row, p.col, g.c)}
                      w={size}
                      h={size}
                      channels={g.c}
                      cellPx={cellPx}
                      label={where}
                    />
                    <span className="explain-patch-caption">
                      {t('explain.filters.caption', { index: String(p.image) })}
                    </span>
                  </a>
                );
              })}
          </div>
        ))}
      </div>
    </Panel>
  );
});
