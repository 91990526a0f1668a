import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  builtinDataset,
  isBuiltinDataset,
  toDatasetPixels,
  type DatasetInfo,
  type LayerReadout,
} from '../../engine';
import { t } from '../../i18n';
import { useStoredDatasets } from '../../state/storedDatasets';
import { explainLink } from '../../state/explainParams';
import { readTryParams, tryLink } from '../../state/tryParams';
import { useHashRoute } from '../../state/useHashRoute';
import { modelLabel } from '../../state/modelWords';
import type { ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { GalleryRow } from '../data/GalleryRow';
import { DrawCanvas } from '../draw/DrawCanvas';
import { LayerPanels } from '../draw/LayerPanels';
import { PredictionPanel } from '../draw/PredictionPanel';
import type { DrawAction, StrokeAction } from '../draw/strokes';
import { DatasetModelChooser } from '../model/DatasetModelChooser';
import { LiveCamera } from './LiveCamera';
import { readTryFile } from './readPicture';
import { TestPicker } from './TestPicker';
import { useTestPictures } from './useTestPictures';
import { useTryModel } from './useTryModel';

const PIXEL_SCALE: ColorScale = { kind: 'sequential', domain: [0, 1] };
const SOURCES = ['test', 'draw', 'camera', 'file'] as const;
type Source = (typeof SOURCES)[number];
/** The picture being tried: its stored bytes (h·w·c) and, for a test picture, its index and true class. */
type Picture = { pixels: Uint8Array; test: number | null };
const NO_LINKS = { banks: {}, channel: 'auto' as const };

function datasetInfo(id: string, stored: readonly DatasetInfo[] | null): DatasetInfo | null {
  if (isBuiltinDataset(id)) return builtinDataset(id);
  return stored?.find((d) => d.id === id) ?? null;
}

/**
 * "Try it" for any dataset (`#/draw?dataset=<id>&pick=<i>`): the dataset's kept model classifies a test
 * picture, a drawing (greyscale 28×28 sets), a camera frame or a file, live, with every layer shown and
 * the class names. Without a kept model it says so and links to Train on that dataset.
 */
export function TryArea() {
  const { params } = useHashRoute();
  const { list: stored } = useStoredDatasets();
  const last = useRef<{ dataset: string; pick: number | null }>({ dataset: 'mnist', pick: null });
  const query = params.toString();
  const [testCount, setTestCount] = useState<number | null>(null);
  const link = useMemo(
    () => readTryParams(new URLSearchParams(query), last.current, stored, testCount),
    [query, stored, testCount],
  );
  useEffect(() => {
    if (link.dataset) last.current = { dataset: link.dataset, pick: link.pick };
  }, [link.dataset, link.pick]);
  const dataset = link.dataset;
  const info = dataset ? datasetInfo(dataset, stored) : null;
  const model = useTryModel(dataset);
  const pictures = useTestPictures(dataset);
  useEffect(() => setTestCount(pictures.state === 'ready' ? pictures.set.count : null), [pictures]);

  const [source, setSource] = useState<Source>('test');
  const [page, setPage] = useState(0);
  const [own, setOwn] = useState<Picture | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actions, setActions] = useState<DrawAction[]>([]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [readout, setReadout] = useState<LayerReadout | null>(null);
  const [runError, setRunError] = useState<string | null>(null);

  const shape = info?.inputShape ?? null;
  // A test picture named in the link, else the picture made here (drawing, camera, file).
  const picture: Picture | null = useMemo(() => {
    if (link.pick !== null && pictures.state === 'ready' && link.pick < pictures.set.count) {
      const size = pictures.h * pictures.w * pictures.c;
      return {
        pixels: pictures.set.images.subarray(link.pick * size, (link.pick + 1) * size),
        test: link.pick,
      };
    }
    return own;
  }, [link.pick, pictures, own]);

  const session = model.state === 'ready' ? model.session : null;
  // Newest picture wins; one forward pass at a time (a camera sends frames faster than a slow laptop runs).
  const running = useRef(false);
  const queued = useRef<Picture | null>(null);
  const run = useCallback(
    async (p: Picture) => {
      if (!session) return;
      if (running.current) {
        queued.current = p;
        return;
      }
      running.current = true;
      try {
        let next: Picture | null = p;
        while (next) {
          queued.current = null;
          const x = Float32Array.from(next.pixels, (v) => v / 255);
          try {
            setReadout(await session.predict(x));
            setRunError(null);
          } catch (err) {
            setRunError(err instanceof Error ? err.message : String(err));
          }
          next = queued.current;
        }
      } finally {
        running.current = false;
      }
    },
    [session],
  );
  useEffect(() => {
    if (picture) void run(picture);
    else setReadout(null);
  }, [picture, run]);

  const setPick = (pick: number | null) => {
    const p = new URLSearchParams(query);
    if (pick === null) p.delete('pick');
    else p.set('pick', String(pick));
    window.location.replace(`#/draw?${p.toString()}`);
  };
  const tryOwn = (pixels: Uint8Array) => {
    setMessage(null);
    setOwn({ pixels, test: null });
    if (link.pick !== null) setPick(null);
  };
  const fromCanvas = () => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx || !shape) return;
    const img = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
    tryOwn(toDatasetPixels({ data: img.data, width: img.width, height: img.height }, shape));
  };
  const onFile = async (file: File | undefined) => {
    if (!file || !shape) return;
    const r = await readTryFile(file, shape);
    if (r.ok) tryOwn(r.pixels);
    else setMessage(r.message);
  };

  if (!dataset || !info) {
    return (
      <div className="draw-area try-area">
        {link.errors.map((m, i) => (
          <p key={i} className="message error" role="alert" data-testid="link-message">
            {m}
          </p>
        ))}
        <p role="status">{t('tryit.loading')}</p>
      </div>
    );
  }
  const vars = { dataset: info.name };
  const [h, w, c] = info.inputShape;
  const truth =
    picture?.test != null && pictures.state === 'ready' ? pictures.set.labels[picture.test] : null;
  const canDraw = c === 1;

  return (
    <div className="draw-area try-area" data-testid="try-area" data-dataset={dataset}>
      <header className="draw-intro">
        <h1>{t('tryit.heading', vars)}</h1>
        <p>{t('tryit.intro')}</p>
        <p data-testid="try-model" data-state={model.state}>
          <strong>{t('tryit.model')}</strong>
          {model.state === 'ready'
            ? modelLabel('mine', model.meta)
            : model.state === 'none'
              ? t('tryit.noModel', vars)
              : model.state === 'error'
                ? t('tryit.modelFailed', vars)
                : t('tryit.loading')}{' '}
          {model.state === 'none' && (
            <a
              className="button-link"
              href={`#/train?dataset=${encodeURIComponent(dataset)}`}
              data-testid="try-train-link"
            >
              {t('tryit.trainLink', vars)}
            </a>
          )}
        </p>
        <DatasetModelChooser
          dataset={dataset}
          datasetName={info.name}
          showTryLink={false}
          inUseLine={false}
        />
        {link.errors.map((m, i) => (
          <p key={i} className="message error" role="alert" data-testid="link-message">
            {m}
          </p>
        ))}
      </header>

      <div className="draw-top">
        <Panel title={t('tryit.source.label')} className="try-source">
          <div role="radiogroup" aria-label={t('tryit.source.label')} className="try-sources">
            {SOURCES.filter((s) => s !== 'draw' || canDraw).map((s) => (
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={source === s}
                className={source === s ? 'selected' : 'secondary'}
                data-testid={`try-source-${s}`}
                onClick={() => setSource(s)}
              >
                {t(`tryit.source.${s}`)}
              </button>
            ))}
          </div>
          {source === 'test' &&
            (pictures.state === 'ready' ? (
              <TestPicker
                set={pictures.set}
                h={pictures.h}
                w={pictures.w}
                c={pictures.c}
                classNames={info.classNames}
                page={page}
                picked={link.pick}
                onPick={setPick}
                onPage={() => setPage((p) => p + 1)}
              />
            ) : pictures.state === 'error' ? (
              <p className="message error">{t('tryit.picturesFailed', { error: pictures.message })}</p>
            ) : (
              <p role="status">{t('tryit.loadingPictures')}</p>
            ))}
          {source === 'draw' && canDraw && (
            <div className="try-draw">
              <DrawCanvas
                actions={actions}
                brush={20}
                canvasRef={canvasRef}
                onInk={() => {}}
                onStrokeEnd={(s: StrokeAction) => {
                  setActions((a) => [...a, s]);
                  // The canvas holds the stroke once its end is reported.
                  requestAnimationFrame(fromCanvas);
                }}
              />
              <button type="button" onClick={() => setActions((a) => [...a, { kind: 'clear' }])}>
                {t('draw.pad.clear')}
              </button>
            </div>
          )}
          {source === 'camera' && (
            <LiveCamera onFrame={(rgba) => shape && tryOwn(toDatasetPixels(rgba, shape))} />
          )}
          {source === 'file' && (
            <label className="draw-upload try-file">
              {t('tryit.file.open')}
              <input
                type="file"
                accept="image/png,image/jpeg"
                data-testid="try-file"
                onChange={(e) => {
                  const input = e.currentTarget;
                  void onFile(input.files?.[0]).finally(() => (input.value = ''));
                }}
              />
            </label>
          )}
          {message && (
            <p className="message error" role="alert" data-testid="try-message">
              {message}
            </p>
          )}
        </Panel>

        <Panel title={t('tryit.sees.title')} shape={`${h}×${w}×${c}`} className="draw-sees" testId="try-sees">
          {picture ? (
            c === 1 ? (
              <>
                <Heatmap
                  values={Float32Array.from(picture.pixels, (v) => v / 255)}
                  w={w}
                  h={h}
                  scale={PIXEL_SCALE}
                  cellPx={7}
                  label={t('tryit.sees.label')}
                  testId="network-input"
                />
                <ColorLegend scale={PIXEL_SCALE} width={120} />
              </>
            ) : (
              <GalleryRow
                pics={{ images: picture.pixels, h, w, c }}
                indices={[0]}
                scale={6}
                label={t('tryit.sees.label')}
              />
            )
          ) : (
            <p className="draw-placeholder">{t('tryit.empty')}</p>
          )}
          <p className="draw-note">
            {t(c === 1 ? 'tryit.sees.greyNote' : 'tryit.sees.colourNote', { h, w })}
          </p>
          {truth != null && (
            <p className="draw-note" data-testid="try-truth">
              {t('tryit.sees.truth', { name: info.classNames[truth] ?? '?' })}
            </p>
          )}
          {/* Explain knows Fashion-MNIST's test pictures (fashion-mnist-test:<i>); stored sets not yet. */}
          {dataset !== null && dataset !== 'mnist' && picture?.test != null && session && (
            <a
              className="button-link"
              href={explainLink(
                dataset === 'fashion-mnist'
                  ? { kind: 'dataset', dataset, index: picture.test }
                  : { kind: 'stored', dataset, index: picture.test },
                { method: 'gradient' },
              )}
              data-testid="try-explain-link"
            >
              {t('tryit.explainLink')}
            </a>
          )}
        </Panel>

        <PredictionPanel
          readout={picture && session ? readout : null}
          blank={!picture || !session}
          classNames={info.classNames}
          empty={model.state === 'none' ? t('tryit.noModelShort') : t('tryit.empty')}
        />
      </div>

      <section className="draw-layers-section" aria-labelledby="try-layers-title">
        <div className="draw-layers-head">
          <h2 id="try-layers-title">{t('draw.layersTitle')}</h2>
        </div>
        {readout && picture && session ? (
          <LayerPanels readout={readout} spec={session.spec} links={NO_LINKS} classNames={info.classNames} />
        ) : (
          <p className="draw-placeholder">{t('tryit.placeholder')}</p>
        )}
        {runError && <p className="message error">{t('draw.runFailed', { error: runError })}</p>}
      </section>
      <p className="try-datasets">
        {t('tryit.datasetLink')}
        {['mnist', 'fashion-mnist', ...(stored ?? []).map((d) => d.id)]
          .filter((id) => id !== dataset)
          .map((id, i) => (
            <span key={id}>
              {i > 0 && ' · '}
              <a href={id === 'mnist' ? '#/draw' : tryLink(id)}>{datasetInfo(id, stored)?.name ?? id}</a>
            </span>
          ))}
      </p>
    </div>
  );
}
