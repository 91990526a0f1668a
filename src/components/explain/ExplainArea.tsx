import { useMemo, useState, useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import { builtinDataset, isBuiltinDataset } from '../../engine';
import { EXPLAIN_DEFAULTS, type ExplainSettings } from '../../state/explainParams';
import { imageDataset, imageText } from '../../state/explainParams';
import { datasetOf } from '../../state/modelStore';
import { chooseScale, type ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Panel } from '../canvas/Panel';
import { Messages } from '../convolution/Messages';
import { RichText } from '../learn/RichText';
import { ClassChooser, ExplainControls } from './ExplainControls';
import { FilterPatches } from './FilterPatches';
import { LearnedMap } from './LearnedMap';
import { mapOnPicture } from './overlay';
import { ExplainMapPanel } from './ExplainMapPanel';
import { OcclusionPanels } from './OcclusionPanels';
import { OverlayCanvas } from './OverlayCanvas';
import { useExplainImage, type ExplainPicture } from './useExplainImage';
import { useExplainMap, useProbabilities, type ExplainResult } from './useExplainMap';
import { useExplainModel } from './useExplainModel';
import { useExplainSettings } from './useExplainSettings';
import { useContentBox } from '../canvas/useContentWidth';
import { useHashRoute } from '../../state/useHashRoute';
import { isPresenting } from '../../state/hashRoute';
import { Note, PHONE_QUERY } from '../ui';
import { useMediaQuery } from '../ui/useMediaQuery';

const subscribeResize = (f: () => void) => {
  window.addEventListener('resize', f);
  return () => window.removeEventListener('resize', f);
};
/** Pixels per picture pixel: the picture and maps stay inside a 360 px phone screen. */
function useCellPx(): number {
  const width = useSyncExternalStore(subscribeResize, () => window.innerWidth);
  return width < 1500 ? 10 : 14;
}

/** Enough decimals for the largest value to show two significant digits (0.0031, not 0). */
function decimalsFor(scale: ColorScale): number {
  const m = Math.max(Math.abs(scale.domain[0]), Math.abs(scale.domain[1]));
  return m > 0 && m < 0.1 ? Math.min(6, Math.ceil(-Math.log10(m)) + 1) : 2;
}

const argmax = (p: Float32Array) => p.reduce((best, v, i) => (v > (p[best] ?? -Infinity) ? i : best), 0);

export function ExplainArea() {
  const { settings, urlErrors, update, stored } = useExplainSettings();
  const [uiError, setUiError] = useState<string | null>(null);
  const dataset = imageDataset(settings.image);
  const builtin = isBuiltinDataset(dataset);
  const storedInfo = builtin ? null : (stored?.find((d) => d.id === dataset) ?? null);
  const datasetName = builtin ? builtinDataset(dataset).name : (storedInfo?.name ?? dataset);
  const testCount = storedInfo?.counts.test ?? 10000;
  // Class names in every label for clothes or a stored set; digits (null) for MNIST and drawings.
  const names = useMemo(
    () =>
      dataset === 'fashion-mnist'
        ? builtinDataset('fashion-mnist').classNames
        : (storedInfo?.classNames ?? null),
    [dataset, storedInfo],
  );
  const model = useExplainModel(settings.model, dataset);
  const { picture: loaded, error: imageError } = useExplainImage(settings.image);
  const ready = model.state === 'ready' ? model.net : null;
  // While one dataset's picture and another's model meet (a switch half done), nothing is computed.
  const fits = !!ready && !!loaded && ready.inputShape.join('×') === loaded.shape.join('×');
  const net = fits ? ready : null;
  const picture = fits ? loaded : null;
  const wanted = settings.image.kind === 'drawn' ? 'drawn' : `${dataset}-test:${settings.image.index}`;
  // A kept model that cannot read this dataset's pictures (the set was re-imported at another size).
  const shapeMismatch =
    ready &&
    loaded &&
    !fits &&
    loaded.key === wanted &&
    model.state === 'ready' &&
    datasetOf(model.meta) === dataset
      ? t('explain.shapeMismatch', {
          model: ready.inputShape.join('×'),
          picture: loaded.shape.join('×'),
        })
      : null;
  const probabilities = useProbabilities(net, picture?.pixels ?? null);
  const top = probabilities ? argmax(probabilities) : null;
  const hasConv = !net || net.convLayers.length > 0;
  const classIndex = settings.classIndex === 'top' ? top : settings.classIndex;
  // Grad-CAM asked of a model without conv layers (a link, or a switch to such a model): the default
  // method's map is shown instead and a sentence says so. The link keeps asking for Grad-CAM, so a model
  // with conv layers chosen next gets it; any change made on the page writes the method shown.
  const gradcamRefused = !!net && !hasConv && settings.method === 'gradcam';
  const shown = useMemo(
    () => (gradcamRefused ? { ...settings, method: EXPLAIN_DEFAULTS.method } : settings),
    [gradcamRefused, settings],
  );
  const request = useMemo(
    () =>
      classIndex === null
        ? null
        : {
            method: shown.method,
            classIndex,
            patch: shown.patch,
            stride: shown.stride,
            noise: shown.noise,
            samples: shown.samples,
          },
    [classIndex, shown.method, shown.patch, shown.stride, shown.noise, shown.samples],
  );
  const map = useExplainMap(net, picture?.pixels ?? null, request);
  const modelError = model.state === 'error' ? model.message : null;
  const colour = picture?.shape[2] === 3;
  // Presented, the filters' favourite patches and the learned map wait behind a "Show…" toggle: each is
  // a panel of many small pictures, and the screen is the picture with its map (present.css).
  const present = isPresenting(useHashRoute().params);
  const lower = (
    <>
      {/* The lower panels search the picture's own test split (built-in or stored) with its dataset's model. */}
      {net && hasConv && <FilterPatches net={net} dataset={dataset} testCount={testCount} />}
      {model.state === 'ready' && (builtin || net) && (
        <LearnedMap
          net={model.net}
          meta={model.meta}
          model={settings.model}
          dataset={dataset}
          classNames={names}
          testCount={testCount}
          datasetName={datasetName}
        />
      )}
    </>
  );

  // On a phone the picture and its map come first, the controls after them (the first screen was all
  // controls): first in the page too, so a keyboard and a screen reader meet them in the order seen.
  const phoneOrder = useMediaQuery(PHONE_QUERY) && !present;
  const pictureFirst = (
    <>
      {(!picture || !net) && !modelError && model.state !== 'none' && (
        <p className="loading">
          {dataset === 'mnist'
            ? t('explain.loading')
            : t('explain.loadingPictures', { dataset: datasetName })}
        </p>
      )}
      {map.progress && (
        <p className="loading" data-testid="explain-progress">
          {map.progress.total > 1
            ? t('explain.computingProgress', {
                done: map.progress.done,
                total: map.progress.total,
                eta:
                  map.progress.secondsLeft === null
                    ? ''
                    : t('explain.etaSeconds', { s: Math.max(1, Math.round(map.progress.secondsLeft)) }),
              })
            : t('explain.computing')}
          <progress value={map.progress.done} max={map.progress.total} />
        </p>
      )}
      {picture && probabilities && top !== null && map.result && classIndex === map.result.classIndex && (
        <ExplainWorkspace
          picture={picture}
          result={map.result}
          probabilities={probabilities}
          top={top}
          settings={shown}
          update={update}
          names={names}
          present={present}
        />
      )}
    </>
  );
  return (
    <div className="conv-area explain-area" data-testid="explain-area">
      <h1 className="visually-hidden">{t('explain.heading')}</h1>
      {phoneOrder && pictureFirst}
      <ExplainControls
        settings={shown}
        update={update}
        onError={setUiError}
        hasConv={hasConv}
        testCount={testCount}
        datasetName={datasetName}
        present={present}
      />
      {model.state === 'ready' && (
        <p className="explain-model" data-testid="explain-model">
          {t('models.using', { label: model.label })}
        </p>
      )}
      {/* urlErrors are whole sentences already (the value refused, the one kept): src/state/linkValues.ts */}
      <Messages
        linkProblems={[]}
        others={[...urlErrors, modelError, imageError, shapeMismatch, uiError, map.error]}
      />
      {/* Why Grad-CAM and the filter views are missing: information about this model, not a problem. */}
      {net && !hasConv && (
        <Note testId="explain-note">
          <p>{t('explain.noConv')}</p>
          {gradcamRefused && (
            <p>{t('explain.gradcamFallback', { method: t(`explain.methods.${shown.method}`) })}</p>
          )}
        </Note>
      )}
      {model.state === 'none' && (
        <p className="explain-no-model" data-testid="explain-no-model">
          {t('explain.noDatasetModel', { dataset: datasetName })}{' '}
          <a className="button-link" href={`#/train?dataset=${encodeURIComponent(model.dataset)}`}>
            {t('explain.trainLink', { dataset: datasetName })}
          </a>
        </p>
      )}
      {probabilities && top !== null && (
        <ClassChooser
          probabilities={probabilities}
          chosen={settings.classIndex}
          top={top}
          onChoose={(c) => update({ classIndex: c })}
          names={names}
        />
      )}
      <div className="explain-about">
        <RichText text={t(`explain.about.${shown.method}`)} />
        {colour && shown.method !== 'gradcam' && <RichText text={t(`explain.colourNote.${shown.method}`)} />}
      </div>
      {!phoneOrder && pictureFirst}
      {present ? (
        <details className="explain-more" data-testid="explain-more">
          <summary>{t('explain.showMore')}</summary>
          {lower}
        </details>
      ) : (
        lower
      )}
    </div>
  );
}

function pct(p: number): string {
  return (p * 100).toFixed(1);
}

function ExplainWorkspace({
  picture,
  result,
  probabilities,
  top,
  settings,
  update,
  names,
  present,
}: {
  picture: ExplainPicture;
  result: ExplainResult;
  probabilities: Float32Array;
  top: number;
  settings: ExplainSettings;
  update: (patch: Partial<ExplainSettings>) => void;
  names: readonly string[] | null;
  /** Presentation mode: the picture fills its room, the step's panel beside it is small. */
  present: boolean;
}) {
  const nameOf = (k: number) => names?.[k] ?? k;
  const [ph, pw, channels] = picture.shape;
  // A bigger picture (32×32) gets smaller cells so it takes the same room as a 28×28 one.
  const cellPx = Math.max(4, Math.floor((useCellPx() * 28) / Math.max(28, pw)));
  const c = result.classIndex;
  const occlusion = result.method === 'occlusion';
  // Signed maps (occlusion) use the diverging scale around zero; the others are ≥ 0 (sequential).
  const scale: ColorScale = useMemo(() => chooseScale(result.values), [result.values]);
  const placement = occlusion ? { patch: settings.patch, stride: settings.stride } : undefined;
  const onPicture = useMemo(
    () => mapOnPicture(result.values, result.w, result.h, pw, ph, placement),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- placement is rebuilt from these two numbers
    [result.values, result.w, result.h, pw, ph, settings.patch, settings.stride, occlusion],
  );
  // The occlusion patch at the player's position, outlined on the picture too.
  const count = result.w * result.h;
  const pos = Math.max(0, Math.min(count - 1, settings.step ?? count - 1));
  const boxRow = Math.floor(pos / result.w) * settings.stride;
  const boxCol = (pos % result.w) * settings.stride;
  const patchBox = useMemo(
    () => (occlusion ? { row: boxRow, col: boxCol, size: settings.patch } : null),
    [occlusion, boxRow, boxCol, settings.patch],
  );
  const mapCell = Math.max(6, Math.min(44, Math.floor((pw * cellPx) / result.w)));
  // Presented, the stylesheet gives the picture a room of its own (`.explain-room`, present.css), the
  // screen's main picture: its cells then fill that room, in quarter pixels (whole pixels lost up to
  // 27 px of a 28-pixel picture's room). Elsewhere the room has no height and the cells stay as they were.
  const [room, box] = useContentBox<HTMLDivElement>();
  const pictureCell =
    box && box.height > 1 && box.width > 0
      ? Math.max(cellPx, Math.floor(4 * Math.min(box.width / pw, box.height / ph)) / 4)
      : cellPx;
  const imageName = (
    settings.image.kind === 'stored'
      ? `${settings.image.dataset}-${imageText(settings.image)}`
      : imageText(settings.image)
  ).replace(':', '-');
  const mapTitle = t(`explain.panels.${result.method}Map`, {
    digit: nameOf(c),
    layer: result.cam?.layer ?? '',
  });
  const csvName = t('explain.panels.csvName', { method: result.method, image: imageName, digit: c });
  const legendTitle = occlusion
    ? t('explain.panels.legendOcclusion', { digit: nameOf(c) })
    : result.method === 'gradcam'
      ? t('explain.panels.legendGradcam', { digit: nameOf(c) })
      : t('explain.panels.legendGradient');
  const legend = (
    // Presented, the end values ("−0.0025") at 24 px need a wider bar than 180 px to stay apart.
    <ColorLegend
      scale={scale}
      title={legendTitle}
      decimals={decimalsFor(scale)}
      width={present ? 264 : undefined}
    />
  );
  return (
    <>
      <p className="explain-says" data-testid="explain-says">
        {t('explain.says', { digit: nameOf(top), pct: pct(probabilities[top] ?? 0) })}{' '}
        {c === top
          ? t('explain.explaining', { digit: nameOf(c), pct: pct(probabilities[c] ?? 0) })
          : t('explain.whyNot', { digit: nameOf(c) })}
      </p>
      <div className="explain-panels">
        <Panel
          title={t('explain.panels.picture')}
          shape={t('explain.panels.pictureShape', { h: ph, w: pw })}
          testId="explain-picture"
        >
          <div className="explain-room" ref={room}>
            <OverlayCanvas
              picture={picture.pixels}
              channels={channels}
              onPicture={onPicture}
              w={pw}
              h={ph}
              scale={scale}
              opacity={settings.opacity / 100}
              cellPx={pictureCell}
              label={t('explain.panels.pictureLabel', { method: t(`explain.methods.${result.method}`) })}
              box={patchBox}
            />
          </div>
          {channels === 1 && (
            <p className="explain-note">
              {t(names ? 'explain.panels.outlineNotePicture' : 'explain.panels.outlineNote')}
            </p>
          )}
          {!present && legend}
        </Panel>
        {/* Presented, the legend sits in the column beside the picture, so the picture keeps the width. */}
        {present && <div className="explain-picture-legend">{legend}</div>}
        {occlusion ? (
          <OcclusionPanels
            picture={picture}
            result={result}
            settings={settings}
            update={update}
            // Presented, the step's picture is a small one beside the main picture.
            cellPx={present ? 6 : cellPx}
            mapCell={mapCell}
            scale={scale}
            title={mapTitle}
            filename={csvName}
            classLabel={nameOf(c)}
          />
        ) : (
          <ExplainMapPanel
            title={mapTitle}
            shape={
              result.cam
                ? t('explain.panels.camShape', {
                    camH: result.cam.h,
                    camW: result.cam.w,
                    h: result.h,
                    w: result.w,
                  })
                : t('explain.panels.mapShape', { h: result.h, w: result.w })
            }
            values={result.values}
            w={result.w}
            h={result.h}
            scale={scale}
            cellPx={mapCell}
            filename={csvName}
            legendTitle={legendTitle}
            decimals={decimalsFor(scale)}
          />
        )}
      </div>
    </>
  );
}
