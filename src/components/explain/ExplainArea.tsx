import { useMemo, useState, useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import { builtinDataset, type BuiltinDatasetId } from '../../engine';
import type { ExplainSettings } from '../../state/explainParams';
import { imageDataset, imageText } from '../../state/explainParams';
import { chooseScale, type ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { ExportMenu } from '../ui';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { Messages } from '../convolution/Messages';
import { RichText } from '../learn/RichText';
import { ClassChooser, ExplainControls } from './ExplainControls';
import { FilterPatches } from './FilterPatches';
import { LearnedMap } from './LearnedMap';
import { mapOnPicture } from './overlay';
import { OcclusionPanels } from './OcclusionPanels';
import { OverlayCanvas } from './OverlayCanvas';
import { useExplainImage, type ExplainPicture } from './useExplainImage';
import { useExplainMap, useProbabilities, type ExplainResult } from './useExplainMap';
import { useExplainModel } from './useExplainModel';
import { useExplainSettings } from './useExplainSettings';

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
  const { settings, urlErrors, update } = useExplainSettings();
  const [uiError, setUiError] = useState<string | null>(null);
  const dataset = imageDataset(settings.image);
  const testSet: BuiltinDatasetId = dataset === 'fashion-mnist' ? 'fashion-mnist' : 'mnist';
  // Class names in every label for a picture of clothes; digits otherwise.
  const names = useMemo(
    () => (dataset === 'fashion-mnist' ? builtinDataset('fashion-mnist').classNames : null),
    [dataset],
  );
  const model = useExplainModel(settings.model, dataset);
  const net = model.state === 'ready' ? model.net : null;
  const { picture, error: imageError } = useExplainImage(settings.image);
  const probabilities = useProbabilities(net, picture?.pixels ?? null);
  const top = probabilities ? argmax(probabilities) : null;
  const hasConv = !net || net.convLayers.length > 0;
  const classIndex = settings.classIndex === 'top' ? top : settings.classIndex;
  const noConvGradcam = net && !hasConv && settings.method === 'gradcam';
  const request = useMemo(
    () =>
      classIndex === null || noConvGradcam
        ? null
        : {
            method: settings.method,
            classIndex,
            patch: settings.patch,
            stride: settings.stride,
            noise: settings.noise,
            samples: settings.samples,
          },
    [
      classIndex,
      noConvGradcam,
      settings.method,
      settings.patch,
      settings.stride,
      settings.noise,
      settings.samples,
    ],
  );
  const map = useExplainMap(net, picture?.pixels ?? null, request);
  const modelError = model.state === 'error' ? model.message : null;

  return (
    <div className="conv-area explain-area" data-testid="explain-area">
      <h1 className="visually-hidden">{t('explain.heading')}</h1>
      <ExplainControls settings={settings} update={update} onError={setUiError} hasConv={hasConv} />
      {/* urlErrors are whole sentences already (the value refused, the one kept): src/state/linkValues.ts */}
      <Messages
        linkProblems={[]}
        others={[
          ...urlErrors,
          modelError,
          imageError,
          uiError,
          map.error,
          net && !hasConv ? t('explain.noConv') : null,
        ]}
      />
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
        <RichText text={t(`explain.about.${settings.method}`)} />
      </div>
      {(!picture || !net) && !modelError && (
        <p className="loading">
          {testSet === 'mnist'
            ? t('explain.loading')
            : t('explain.loadingPictures', { dataset: builtinDataset(testSet).name })}
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
          settings={settings}
          update={update}
          names={names}
        />
      )}
      {/* The lower panels search the picture's own test split with its dataset's model. */}
      {net && hasConv && <FilterPatches net={net} dataset={testSet} />}
      {model.state === 'ready' && (
        <LearnedMap
          net={model.net}
          meta={model.meta}
          model={settings.model}
          dataset={testSet}
          classNames={names}
        />
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
}: {
  picture: ExplainPicture;
  result: ExplainResult;
  probabilities: Float32Array;
  top: number;
  settings: ExplainSettings;
  update: (patch: Partial<ExplainSettings>) => void;
  names: readonly string[] | null;
}) {
  const nameOf = (k: number) => names?.[k] ?? k;
  const cellPx = useCellPx();
  const side = 28;
  const c = result.classIndex;
  const occlusion = result.method === 'occlusion';
  // Signed maps (occlusion) use the diverging scale around zero; the others are ≥ 0 (sequential).
  const scale: ColorScale = useMemo(() => chooseScale(result.values), [result.values]);
  const placement = occlusion ? { patch: settings.patch, stride: settings.stride } : undefined;
  const onPicture = useMemo(
    () => mapOnPicture(result.values, result.w, result.h, side, side, placement),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- placement is rebuilt from these two numbers
    [result.values, result.w, result.h, settings.patch, settings.stride, occlusion],
  );
  // The occlusion patch at the player's position, outlined on the picture too.
  const count = result.w * result.h;
  const pos = Math.max(0, Math.min(count - 1, settings.step ?? count - 1));
  const boxRow = Math.floor(pos / result.w) * settings.stride;
  const boxCol = (pos % result.w) * settings.stride;
  const box = useMemo(
    () => (occlusion ? { row: boxRow, col: boxCol, size: settings.patch } : null),
    [occlusion, boxRow, boxCol, settings.patch],
  );
  const mapCell = Math.max(6, Math.min(44, Math.floor((side * cellPx) / result.w)));
  const imageName = imageText(settings.image).replace(':', '-');
  const mapTitle = t(`explain.panels.${result.method}Map`, {
    digit: nameOf(c),
    layer: result.cam?.layer ?? '',
  });
  const legendTitle = occlusion
    ? t('explain.panels.legendOcclusion', { digit: nameOf(c) })
    : result.method === 'gradcam'
      ? t('explain.panels.legendGradcam', { digit: nameOf(c) })
      : t('explain.panels.legendGradient');
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
          shape={t('explain.panels.pictureShape', { h: side, w: side })}
          testId="explain-picture"
        >
          <OverlayCanvas
            picture={picture.pixels}
            onPicture={onPicture}
            w={side}
            h={side}
            scale={scale}
            opacity={settings.opacity / 100}
            cellPx={cellPx}
            label={t('explain.panels.pictureLabel', { method: t(`explain.methods.${result.method}`) })}
            box={box}
          />
          <p className="explain-note">
            {t(names ? 'explain.panels.outlineNotePicture' : 'explain.panels.outlineNote')}
          </p>
          <ColorLegend scale={scale} title={legendTitle} decimals={decimalsFor(scale)} />
        </Panel>
        {occlusion ? (
          <OcclusionPanels
            picture={picture}
            result={result}
            settings={settings}
            update={update}
            cellPx={cellPx}
            mapCell={mapCell}
            scale={scale}
            title={mapTitle}
            filename={t('explain.panels.csvName', { method: result.method, image: imageName, digit: c })}
            classLabel={nameOf(c)}
          />
        ) : (
          <Panel
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
            testId="explain-map"
            actions={
              <ExportMenu
                what={mapTitle}
                csv={{
                  maps: () => [{ name: mapTitle, values: result.values }],
                  w: result.w,
                  h: result.h,
                  filename: t('explain.panels.csvName', {
                    method: result.method,
                    image: imageName,
                    digit: c,
                  }),
                }}
                testId="explain-map"
              />
            }
          >
            <Heatmap
              values={result.values}
              w={result.w}
              h={result.h}
              scale={scale}
              cellPx={mapCell}
              label={t('explain.panels.mapLabel')}
            />
            <ColorLegend scale={scale} title={legendTitle} decimals={decimalsFor(scale)} />
          </Panel>
        )}
      </div>
    </>
  );
}
