import { memo } from 'react';
import { t } from '../../i18n';
import {
  computeTopPatches,
  cutPatch,
  MNIST_PIXELS,
  receptiveField,
  type LayerSynthesis,
  type LayerTopPatches,
  type BuiltinDatasetId,
  type Network,
} from '../../engine';
import { useCachedSearch } from './useCachedSearch';
import { useFilterSynthesis } from './useFilterSynthesis';
import { explainLink, testImage } from '../../state/explainParams';
import type { ColorScale } from '../canvas/colorScales';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { RichText } from '../learn/RichText';

const PIXELS: ColorScale = { kind: 'sequential', domain: [0, 1] };
// The search runs over the whole test set once per loaded model; reopening the area reuses it. A
// model belongs to one dataset (Fashion-MNIST's is its own Network), so the key never mixes datasets.
const cache = new WeakMap<Network, LayerTopPatches[]>();

type Progress = { done: number; total: number; secondsLeft: number | null };

/**
 * "What each filter wants": for every filter of every conv layer, the nine test pictures of `dataset`
 * (MNIST digits, or Fashion-MNIST clothes for its model) whose patch (the filter's receptive field)
 * excites it most, each linking to that picture in Explain.
 * `titled = false`: the heading is kept for screen readers only (a lesson panel already shows it).
 */
export function FilterPatches({
  net,
  titled = true,
  dataset = 'mnist',
}: {
  net: Network;
  titled?: boolean;
  dataset?: BuiltinDatasetId;
}) {
  const synth = useFilterSynthesis(net);
  const pics = dataset !== 'mnist';
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
        const layers = await computeTopPatches(
          net,
          set.count,
          (i, out) => {
            const bytes = set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
            for (let j = 0; j < MNIST_PIXELS; j++) out[j] = (bytes[j] as number) / 255;
          },
          {
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
      </div>
      {search.state === 'idle' && (
        <button type="button" onClick={() => void start()} data-testid="find-patches">
          {t(pics ? 'explain.filters.pictures.find' : 'explain.filters.find')}
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
        net.convLayers.map((conv) => (
          <LayerPatches
            key={conv.name}
            name={conv.name}
            size={receptiveField(net, conv.index).size}
            filters={conv.filters}
            layer={search.state === 'done' ? search.result.find((l) => l.layer === conv.name) : undefined}
            made={synth.state === 'done' ? synth.layers.find((l) => l.layer === conv.name) : undefined}
            images={search.state === 'done' ? search.set.images : null}
            dataset={dataset}
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
  images,
  dataset,
}: {
  dataset: BuiltinDatasetId;
  name: string;
  size: number;
  filters: number;
  layer: LayerTopPatches | undefined;
  made: LayerSynthesis | undefined;
  images: Uint8Array | null;
}) {
  const cellPx = Math.max(3, Math.round(48 / size));
  return (
    <Panel
      title={t('explain.filters.layerTitle', { layer: name })}
      shape={t(made ? 'explain.filters.layerShapeMade' : 'explain.filters.layerShape', { n: filters, size })}
      testId={`patches-${name}`}
    >
      <div className="explain-filter-rows">
        {Array.from({ length: filters }, (_, f) => (
          <div className="explain-filter-row" key={f}>
            <span className="explain-filter-name">{t('explain.filters.filter', { n: f })}</span>
            {made?.filters[f] && (
              <span className="explain-patch explain-patch-made" data-testid={`made-${name}-${f}`}>
                <Heatmap
                  values={made.filters[f]}
                  w={size}
                  h={size}
                  scale={PIXELS}
                  cellPx={cellPx}
                  label={t('explain.filters.madeLabel', { n: f, layer: name })}
                />
                <span className="explain-patch-caption">{t('explain.filters.madeCaption')}</span>
              </span>
            )}
            {images &&
              layer?.filters[f]?.map((p) => {
                const pixels = Float32Array.from(
                  images.subarray(p.image * MNIST_PIXELS, (p.image + 1) * MNIST_PIXELS),
                  (b) => b / 255,
                );
                const pics = dataset !== 'mnist';
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
                    <Heatmap
                      values={cutPatch(pixels, 28, 28, layer.field, p.row, p.col)}
                      w={size}
                      h={size}
                      scale={PIXELS}
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
