import { useMemo } from 'react';
import { t } from '../../../i18n';
import { explainLink, EXPLAIN_DEFAULTS, type ExplainMethod } from '../../../state/explainParams';
import { chooseScale } from '../../canvas/colorScales';
import { ColorLegend } from '../../canvas/ColorLegend';
import { FilterPatches } from '../../explain/FilterPatches';
import { LearnedMap } from '../../explain/LearnedMap';
import { mapOnPicture } from '../../explain/overlay';
import { OverlayCanvas } from '../../explain/OverlayCanvas';
import { useExplainImage } from '../../explain/useExplainImage';
import { useExplainMap, useProbabilities } from '../../explain/useExplainMap';
import { useExplainModel } from '../../explain/useExplainModel';
import { LearnMap } from './parts';
import { LearnPanel, num, str, useFitCell, useLearnScale, type PanelProps } from './common';

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
        <p className="loading">{t('explain.loading')}</p>
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

/** The top-9 patches and made-up pictures of every filter of the shipped LeNet-5. */
export function ExplainFiltersPanel() {
  const model = useExplainModel('pretrained');
  return (
    <LearnPanel title={t('explain.filters.title')} testId="learn-explain-filters">
      {model.state === 'ready' ? (
        <FilterPatches net={model.net} titled={false} />
      ) : (
        <p className="loading">{model.state === 'error' ? model.message : t('explain.loading')}</p>
      )}
    </LearnPanel>
  );
}

/** The learned map of the shipped LeNet-5: raw pixels beside its last hidden layer. */
export function LearnedMapPanel() {
  const model = useExplainModel('pretrained');
  return (
    <LearnPanel title={t('explain.map.title')} testId="learn-learned-map">
      {model.state === 'ready' ? (
        <LearnedMap net={model.net} meta={model.meta} model="pretrained" titled={false} />
      ) : (
        <p className="loading">{model.state === 'error' ? model.message : t('explain.loading')}</p>
      )}
    </LearnPanel>
  );
}
