import { useEffect, useMemo, useState } from 'react';
import { readFilterBank, type FilterBank, type Network } from '../../../engine';
import { t } from '../../../i18n';
import { explainLink, EXPLAIN_DEFAULTS, type ExplainMethod } from '../../../state/explainParams';
import { chooseScale, kernelScale } from '../../canvas/colorScales';
import { ColorLegend } from '../../canvas/ColorLegend';
import { FilterPatches } from '../../explain/FilterPatches';
import { LearnedMap, MAP_SIZES } from '../../explain/LearnedMap';
import { mapOnPicture } from '../../explain/overlay';
import { OverlayCanvas } from '../../explain/OverlayCanvas';
import { useExplainImage } from '../../explain/useExplainImage';
import { useExplainMap, useProbabilities } from '../../explain/useExplainMap';
import { useExplainModel } from '../../explain/useExplainModel';
import { LearnMap, MapFigure, RadioPicker } from './parts';
import { MapDigitsMontage } from './MapDigitsMontage';
import { useMediaQuery } from '../../ui/useMediaQuery';
import {
  LearnPanel,
  num,
  str,
  useFitCell,
  useLearnPresentBig,
  useLearnPresenting,
  useLearnScale,
  useMnistTest,
  type PanelProps,
} from './common';

const METHODS: readonly ExplainMethod[] = ['occlusion', 'gradient', 'smoothgrad', 'gradcam'];
const argmax = (p: Float32Array) => p.reduce((best, v, i) => (v > (p[best] ?? -Infinity) ? i : best), 0);

/**
 * One Explain method on one MNIST test digit with the shipped LeNet-5 (lessons use the pretrained
 * model): the picture with the map laid over it, the map itself with its legend, and a link to #/explain.
 */
export function ExplainMethodPanel({ params }: PanelProps) {
  const method = str(params, 'method', METHODS, 'occlusion');
  const index = num(params, 'digit', 8, 0, 9999);
  const image = useMemo(() => ({ kind: 'mnist' as const, index }), [index]);
  const model = useExplainModel('pretrained');
  const net = model.state === 'ready' ? model.net : null;
  const { picture, error } = useExplainImage(image);
  const probabilities = useProbabilities(net, picture?.pixels ?? null);
  const top = probabilities ? argmax(probabilities) : null;
  const { patch, stride, noise, samples } = EXPLAIN_DEFAULTS;
  const request = useMemo(
    () => (top === null ? null : { method, classIndex: top, patch, stride, noise, samples }),
    [method, top, patch, stride, noise, samples],
  );
  const map = useExplainMap(net, picture?.pixels ?? null, request);
  const scale = useLearnScale();
  const cell = useFitCell(28 * 2 + 4, 7 * scale, 3);
  const result = map.result;
  const values = result?.values ?? null;
  const colors = useMemo(() => (values ? chooseScale(values) : null), [values]);
  const onPicture = useMemo(
    () =>
      result
        ? mapOnPicture(
            result.values,
            result.w,
            result.h,
            28,
            28,
            result.method === 'occlusion' ? { patch, stride } : undefined,
          )
        : null,
    [result, patch, stride],
  );
  const title = t(`explain.methods.${method}`);
  const message = model.state === 'error' ? model.message : (error ?? map.error);
  return (
    <LearnPanel title={title} shape={t('panels.explain.shape', { index })} testId="learn-explain-method">
      {message && (
        <p className="message error" role="alert">
          {message}
        </p>
      )}
      {(!result || !picture || !colors || top === null) && !message && (
        <p className="loading" data-loading="">
          {t('explain.loading')}
        </p>
      )}
      {result && picture && colors && top !== null && (
        <>
          <p className="explain-says" data-testid="learn-explain-says">
            {t('explain.says', { digit: top, pct: ((probabilities?.[top] ?? 0) * 100).toFixed(1) })}
          </p>
          <div className="learn-row">
            <OverlayCanvas
              picture={picture.pixels}
              onPicture={onPicture}
              w={28}
              h={28}
              scale={colors}
              opacity={EXPLAIN_DEFAULTS.opacity / 100}
              cellPx={cell}
              label={t('explain.panels.pictureLabel', { method: title })}
            />
            <LearnMap
              main
              values={result.values}
              w={result.w}
              h={result.h}
              scale={colors}
              cellPx={Math.max(3, Math.floor((28 * cell) / result.w))}
              label={t('explain.panels.mapLabel')}
              testId="learn-explain-map"
            />
          </div>
          <ColorLegend
            scale={colors}
            title={
              method === 'occlusion'
                ? t('explain.panels.legendOcclusion', { digit: top })
                : method === 'gradcam'
                  ? t('explain.panels.legendGradcam', { digit: top })
                  : t('explain.panels.legendGradient')
            }
          />
        </>
      )}
      <p>
        <a className="learn-go" href={explainLink(image, { method, model: 'pretrained' })}>
          {t('panels.explain.open')} →
        </a>
      </p>
    </LearnPanel>
  );
}

/**
 * The top-9 patches and made-up pictures of every filter of the shipped LeNet-5. Presented, one conv1
 * filter at a time: its weights (big on a projector) and, once searched, its own nine squares beside
 * them; every filter's rows (22 of them, conv1 and conv2) ran far past the screen, and the class reads
 * one filter's weights against its squares better than 22 rows of small squares.
 */
export function ExplainFiltersPanel() {
  const model = useExplainModel('pretrained');
  const presenting = useLearnPresenting();
  const [chosen, setChosen] = useState(0);
  const conv1 = model.state === 'ready' ? (model.net.convLayers[0]?.name ?? null) : null;
  return (
    <LearnPanel title={t('explain.filters.title')} testId="learn-explain-filters">
      {model.state === 'ready' ? (
        <>
          {presenting && <FirstLayerWeights net={model.net} chosen={chosen} onChoose={setChosen} />}
          <FilterPatches
            net={model.net}
            titled={false}
            only={presenting && conv1 ? { layer: conv1, filter: chosen } : null}
          />
          {presenting && (
            <p>
              <a
                className="learn-go"
                href={explainLink({ kind: 'mnist', index: 0 }, { model: 'pretrained' })}
              >
                {t('panels.explain.allFilters')} →
              </a>
            </p>
          )}
        </>
      ) : (
        <p className="loading" data-loading={model.state === 'error' ? undefined : ''}>
          {model.state === 'error' ? model.message : t('explain.loading')}
        </p>
      )}
    </LearnPanel>
  );
}

/** Presented below a projector's size, the screens with room for the quick map's digits: laptops. */
const MONTAGE_QUERY = '(min-width: 1200px) and (min-height: 700px)';
/** Their room's height at zoom 1 there (the stage's zoom then fits the panel to the screen). */
const LAPTOP_MONTAGE_PX = 340;

/**
 * The learned map of the shipped LeNet-5: raw pixels beside its last hidden layer. Presented, until the
 * map is made (a teacher's click, then ~10 s or more on a classroom laptop), the quick map's 2,000
 * digits in their dots' colours fill the panel (below the buttons on a laptop, where the stylesheet
 * gives them a room, beside them on a projector): what is about to become the dots, never where they
 * land (question 7 asks which map separates them, so the words above the map do not say either). Not
 * started on its own: making the map keeps both cores busy for a while, which is the teacher's call,
 * not the step's. Its PNG is offered once the map is there: before, the panel is words and buttons.
 */
export function LearnedMapPanel() {
  const model = useExplainModel('pretrained');
  const presenting = useLearnPresenting();
  const big = useLearnPresentBig();
  // A laptop's screen (1366×768) has the room below the buttons; a tablet's or a phone's has not.
  const roomy = useMediaQuery(MONTAGE_QUERY);
  const mnist = useMnistTest();
  const [made, setMade] = useState(false);
  const before =
    presenting && (big || roomy) && mnist.state === 'ready' ? (
      <>
        <MapDigitsMontage set={mnist.set} count={MAP_SIZES[0]} height={big ? undefined : LAPTOP_MONTAGE_PX} />
        <p className="learn-main-caption">
          {t('explain.map.digitsCaption', { n: MAP_SIZES[0].toLocaleString('en') })}
        </p>
      </>
    ) : null;
  return (
    <LearnPanel title={t('explain.map.title')} testId="learn-learned-map" download={made}>
      {model.state === 'ready' ? (
        <LearnedMap
          net={model.net}
          meta={model.meta}
          model="pretrained"
          titled={false}
          before={before}
          intro={t('explain.map.lessonIntro')}
          onMade={setMade}
        />
      ) : (
        <p className="loading" data-loading={model.state === 'error' ? undefined : ''}>
          {model.state === 'error' ? model.message : t('explain.loading')}
        </p>
      )}
    </LearnPanel>
  );
}

/**
 * On a projector, before any search: one conv1 filter's own 5×5 weights as the step's main picture,
 * with a picker over the six. For the first layer the weights are the answer to "what does it want"
 * (a filter fires most on a square shaped like them), and they are there at once, while the search and
 * the made-up pictures take a while on a classroom laptop. One filter big rather than six small: the
 * words talk about one filter at a time, and six 5×5 squares side by side are too small to read.
 */
function FirstLayerWeights({
  net,
  chosen,
  onChoose,
}: {
  net: Network;
  chosen: number;
  onChoose: (filter: number) => void;
}) {
  const layer = net.convLayers[0]?.name ?? null;
  const [bank, setBank] = useState<FilterBank | null>(null);
  useEffect(() => {
    if (!layer) return;
    let alive = true;
    void readFilterBank(net.model, layer).then(
      (b) => alive && setBank(b),
      // No picture rather than a broken one: the search and the made-up pictures still work.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [net, layer]);
  const [kh = 0, kw = 0, inC = 0, outC = 0] = bank?.shape ?? [];
  const maps = useMemo(() => {
    if (!bank) return [];
    // Kernel [kh, kw, inC, outC]: filter f's weights on input channel 0 (a grey digit has one).
    return Array.from({ length: outC }, (_, f) =>
      Float32Array.from({ length: kh * kw }, (_, i) => bank.kernel[i * inC * outC + f] ?? 0),
    );
  }, [bank, kh, kw, inC, outC]);
  const f = Math.min(chosen, maps.length - 1);
  const values = maps[f];
  if (!values) return null;
  const scale = kernelScale(maps.flatMap((m) => [...m]));
  return (
    <>
      <MapFigure
        main
        values={values}
        w={kw}
        h={kh}
        scale={scale}
        cellPx={40}
        label={t('explain.filters.weights.label', { n: f })}
        caption={t('explain.filters.weights.caption', { n: f })}
      >
        <ColorLegend scale={scale} />
      </MapFigure>
      <RadioPicker
        legend={t('explain.filters.weights.pick')}
        name="learn-conv1-filter"
        options={maps.map((_, i) => String(i))}
        value={String(f)}
        onChange={(v) => onChoose(Number(v))}
        labelOf={(v) => v}
      />
      <p>{t('explain.filters.weights.words')}</p>
    </>
  );
}
