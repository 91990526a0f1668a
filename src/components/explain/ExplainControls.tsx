import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n';
import {
  EXPLAIN_IMAGE_SIDE,
  EXPLAIN_METHODS,
  type ExplainImage,
  type ExplainSettings,
} from '../../state/explainParams';
import { rangeOptions, SegmentedButtons, Select, Slider } from '../ui';

type Props = {
  settings: ExplainSettings;
  update: (patch: Partial<ExplainSettings>, opts?: { push?: boolean }) => void;
  onError: (message: string | null) => void;
  hasConv: boolean;
  /** Test pictures of the picture's dataset (10,000 for the built-in ones). */
  testCount: number;
  /** The dataset's name as people read it (Fashion-MNIST, a stored set's name). */
  datasetName: string;
  /** Presentation mode: the compact picture chooser (PresentPicturePicker) instead of the desk's. */
  present?: boolean;
};

/** Picture, model, method and the method's own settings, each written straight into the URL. */
export function ExplainControls({
  settings,
  update,
  onError,
  hasConv,
  testCount,
  datasetName,
  present = false,
}: Props) {
  const index = settings.image.kind === 'drawn' ? null : settings.image.index;
  const clothes = settings.image.kind === 'dataset' || settings.image.kind === 'stored';
  // A number typed or drawn at random stays in the dataset of the picture shown (MNIST, clothes, stored).
  const image = settings.image;
  const pictureAt = (i: number): ExplainImage =>
    image.kind === 'dataset' || image.kind === 'stored'
      ? { ...image, index: i }
      : { kind: 'mnist', index: i };
  const [text, setText] = useState(index === null ? '' : String(index));
  useEffect(() => setText(index === null ? '' : String(index)), [index]);
  const commit = () => {
    if (!/^\d+$/.test(text.trim()) || Number(text) > testCount - 1) {
      onError(t('explain.controls.badNumber', { text, last: testCount - 1 }));
      return;
    }
    onError(null);
    update({ image: pictureAt(Number(text)), step: null, classIndex: 'top' }, { push: true });
  };
  const choose = (i: number) =>
    update({ image: pictureAt(i), step: null, classIndex: 'top' }, { push: true });
  return (
    <div className="conv-controls explain-controls">
      {present ? (
        <PresentPicturePicker
          index={index}
          testCount={testCount}
          clothes={clothes}
          onChoose={choose}
          onRandom={() => choose(Math.floor(Math.random() * testCount))}
        />
      ) : (
        <fieldset className="conv-group">
          <legend>{t('explain.controls.image')}</legend>
          <label>
            {clothes
              ? t('explain.controls.pictureNumber', { dataset: datasetName })
              : t('explain.controls.digitNumber')}{' '}
            <input
              type="text"
              inputMode="numeric"
              size={5}
              value={text}
              aria-label={
                clothes
                  ? t('explain.controls.pictureNumberLabel', {
                      dataset: datasetName,
                      last: String(testCount - 1),
                    })
                  : t('explain.controls.digitNumberLabel')
              }
              onChange={(e) => setText(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit();
              }}
              data-testid="explain-index"
            />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              update(
                {
                  image: pictureAt(Math.floor(Math.random() * testCount)),
                  step: null,
                  classIndex: 'top',
                },
                { push: true },
              )
            }
          >
            {t(clothes ? 'explain.controls.randomPicture' : 'explain.controls.random')}
          </button>
          {/* Draw's digit is read by the digit model: with clothes or a stored set's pictures, offering it
            would swap the dataset and model under the student, so it is offered with MNIST only. */}
          {!clothes && (
            <button
              type="button"
              className="secondary"
              aria-pressed={settings.image.kind === 'drawn'}
              onClick={() =>
                update({ image: { kind: 'drawn' }, step: null, classIndex: 'top' }, { push: true })
              }
              data-testid="explain-drawn"
            >
              {t('explain.controls.drawn')}
            </button>
          )}
          {/* Another dataset's pictures are always explained with the model kept for that dataset. */}
          {!clothes && (
            <Select
              label={t('explain.controls.model')}
              value={settings.model}
              options={[
                { value: 'current', label: t('explain.controls.modelCurrent') },
                { value: 'pretrained', label: t('explain.controls.modelPretrained') },
              ]}
              onChange={(model) => update({ model })}
            />
          )}
        </fieldset>
      )}
      <fieldset className="conv-group">
        <legend>{t('explain.controls.method')}</legend>
        <SegmentedButtons
          label={t('explain.controls.methodLabel')}
          value={settings.method}
          // Grad-CAM needs a conv layer; without one it is left out and a message says why.
          options={EXPLAIN_METHODS.filter((m) => m !== 'gradcam' || hasConv).map((m) => ({
            value: m,
            label: t(`explain.methods.${m}`),
          }))}
          onChange={(method) => update({ method, step: null }, { push: true })}
          testId="explain-method"
        />
        {settings.method === 'occlusion' && (
          <>
            <Select
              label={t('explain.controls.patch')}
              value={settings.patch}
              options={rangeOptions(1, Math.max(14, settings.patch))}
              onChange={(patch) => update({ patch, step: null })}
            />
            <Select
              label={t('explain.controls.stride')}
              value={settings.stride}
              options={rangeOptions(1, Math.max(Math.min(EXPLAIN_IMAGE_SIDE, 7), settings.stride))}
              onChange={(stride) => update({ stride, step: null })}
            />
          </>
        )}
        {settings.method === 'smoothgrad' && (
          <>
            <Slider
              label={t('explain.controls.noise')}
              value={settings.noise}
              min={0}
              max={50}
              step={5}
              onChange={(noise) => update({ noise })}
              valueText={t('explain.controls.noiseValue', { n: settings.noise })}
              showValue
            />
            <Select
              label={t('explain.controls.samples')}
              value={settings.samples}
              options={rangeOptions(1, Math.max(32, settings.samples))}
              onChange={(samples) => update({ samples })}
            />
          </>
        )}
        <Slider
          label={t('explain.controls.opacity')}
          value={settings.opacity}
          min={0}
          max={100}
          step={5}
          onChange={(opacity) => update({ opacity })}
          valueText={t('explain.controls.opacityValue', { n: settings.opacity })}
          showValue
          testId="explain-opacity"
        />
      </fieldset>
    </div>
  );
}

/**
 * Presented: the picture chooser a projector needs, one row of large buttons (previous, the number,
 * next, random) instead of the desk's text field, drop-down and drawn-digit button. A clicker's Page
 * Down / Page Up move to the next / previous picture (Explain has no steps for them to move; the key
 * map lists them), whatever has the focus except a text field.
 */
function PresentPicturePicker({
  index,
  testCount,
  clothes,
  onChoose,
  onRandom,
}: {
  /** The picture's number in its test split, null for the drawn digit. */
  index: number | null;
  testCount: number;
  clothes: boolean;
  onChoose: (index: number) => void;
  onRandom: () => void;
}) {
  const step = useCallback(
    (by: number) => onChoose(index === null ? 0 : (index + by + testCount) % testCount),
    [index, testCount, onChoose],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      const target = e.target;
      if (target instanceof HTMLElement && (target.tagName === 'TEXTAREA' || target.isContentEditable))
        return;
      e.preventDefault();
      step(e.key === 'PageDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
  return (
    <fieldset className="conv-group explain-present-picture" data-testid="explain-present-picture">
      <legend>{t('explain.controls.image')}</legend>
      <button
        type="button"
        className="secondary"
        aria-label={t('explain.controls.previousLabel')}
        onClick={() => step(-1)}
        data-testid="explain-previous"
      >
        {t('explain.controls.previous')}
      </button>
      <output className="explain-present-number" aria-live="polite" data-testid="explain-present-number">
        {index === null
          ? t('explain.controls.presentDrawn')
          : t(clothes ? 'explain.controls.presentPicture' : 'explain.controls.presentDigit', {
              n: String(index),
            })}
      </output>
      <button
        type="button"
        className="secondary"
        aria-label={t('explain.controls.nextLabel')}
        onClick={() => step(1)}
        data-testid="explain-next"
      >
        {t('explain.controls.next')}
      </button>
      <button type="button" className="secondary" onClick={onRandom}>
        {t(clothes ? 'explain.controls.randomPicture' : 'explain.controls.random')}
      </button>
    </fieldset>
  );
}

/** Ten buttons, one per digit with its probability: pick the answer to explain ("why not a 3?"). */
export function ClassChooser({
  probabilities,
  chosen,
  top,
  onChoose,
  names,
}: {
  probabilities: Float32Array;
  chosen: number | 'top';
  top: number;
  onChoose: (c: number | 'top') => void;
  /** The classes' names when they are not the digits (another dataset). */
  names?: readonly string[] | null;
}) {
  const pct = (c: number) => ((probabilities[c] ?? 0) * 100).toFixed(1);
  const name = (c: number) => names?.[c] ?? c;
  return (
    <fieldset className="conv-group explain-classes">
      <legend>{t('explain.controls.classLegend')}</legend>
      <button
        type="button"
        className={chosen === 'top' ? '' : 'secondary'}
        aria-pressed={chosen === 'top'}
        onClick={() => onChoose('top')}
      >
        {t('explain.controls.classTop', { digit: name(top) })}
      </button>
      {Array.from(probabilities, (_, c) => (
        <button
          key={c}
          type="button"
          className={chosen === c ? '' : 'secondary'}
          aria-pressed={chosen === c}
          aria-label={t('explain.controls.classButtonLabel', { digit: name(c), pct: pct(c) })}
          onClick={() => onChoose(c)}
          data-testid={`class-${c}`}
        >
          {t('explain.controls.classButton', { digit: name(c), pct: pct(c) })}
        </button>
      ))}
    </fieldset>
  );
}
