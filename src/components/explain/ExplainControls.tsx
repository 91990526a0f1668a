import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { EXPLAIN_IMAGE_SIDE, EXPLAIN_METHODS, type ExplainSettings } from '../../state/explainParams';
import { NumberSelect } from '../convolution/NumberSelect';

type Props = {
  settings: ExplainSettings;
  update: (patch: Partial<ExplainSettings>, opts?: { push?: boolean }) => void;
  onError: (message: string | null) => void;
  hasConv: boolean;
};

/** Picture, model, method and the method's own settings, each written straight into the URL. */
export function ExplainControls({ settings, update, onError, hasConv }: Props) {
  const index = settings.image.kind === 'mnist' ? settings.image.index : null;
  const [text, setText] = useState(index === null ? '' : String(index));
  useEffect(() => setText(index === null ? '' : String(index)), [index]);
  const commit = () => {
    if (!/^\d+$/.test(text.trim()) || Number(text) > 9999) {
      onError(t('explain.controls.badNumber', { text }));
      return;
    }
    onError(null);
    update({ image: { kind: 'mnist', index: Number(text) }, step: null, classIndex: 'top' }, { push: true });
  };
  return (
    <div className="conv-controls explain-controls">
      <fieldset className="conv-group">
        <legend>{t('explain.controls.image')}</legend>
        <label>
          {t('explain.controls.digitNumber')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={5}
            value={text}
            aria-label={t('explain.controls.digitNumberLabel')}
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
                image: { kind: 'mnist', index: Math.floor(Math.random() * 10000) },
                step: null,
                classIndex: 'top',
              },
              { push: true },
            )
          }
        >
          {t('explain.controls.random')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={settings.image.kind === 'drawn'}
          onClick={() => update({ image: { kind: 'drawn' }, step: null, classIndex: 'top' }, { push: true })}
        >
          {t('explain.controls.drawn')}
        </button>
        <label>
          {t('explain.controls.model')}{' '}
          <select
            value={settings.model}
            onChange={(e) => update({ model: e.target.value === 'pretrained' ? 'pretrained' : 'current' })}
          >
            <option value="current">{t('explain.controls.modelCurrent')}</option>
            <option value="pretrained">{t('explain.controls.modelPretrained')}</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="conv-group">
        <legend>{t('explain.controls.method')}</legend>
        <div className="explain-methods" role="group" aria-label={t('explain.controls.methodLabel')}>
          {EXPLAIN_METHODS.map((m) => (
            <button
              key={m}
              type="button"
              className={settings.method === m ? '' : 'secondary'}
              aria-pressed={settings.method === m}
              disabled={m === 'gradcam' && !hasConv}
              onClick={() => update({ method: m, step: null }, { push: true })}
              data-testid={`method-${m}`}
            >
              {t(`explain.methods.${m}`)}
            </button>
          ))}
        </div>
        {settings.method === 'occlusion' && (
          <>
            <NumberSelect
              label={t('explain.controls.patch')}
              value={settings.patch}
              lo={1}
              hi={14}
              onChange={(patch) => update({ patch, step: null })}
            />
            <NumberSelect
              label={t('explain.controls.stride')}
              value={settings.stride}
              lo={1}
              hi={Math.min(EXPLAIN_IMAGE_SIDE, 7)}
              onChange={(stride) => update({ stride, step: null })}
            />
          </>
        )}
        {settings.method === 'smoothgrad' && (
          <>
            <label>
              {t('explain.controls.noise')}{' '}
              <input
                type="range"
                min={0}
                max={50}
                step={5}
                value={settings.noise}
                onChange={(e) => update({ noise: Number(e.target.value) })}
              />{' '}
              <output>{t('explain.controls.noiseValue', { n: settings.noise })}</output>
            </label>
            <NumberSelect
              label={t('explain.controls.samples')}
              value={settings.samples}
              lo={1}
              hi={32}
              onChange={(samples) => update({ samples })}
            />
          </>
        )}
        <label>
          {t('explain.controls.opacity')}{' '}
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={settings.opacity}
            onChange={(e) => update({ opacity: Number(e.target.value) })}
            data-testid="explain-opacity"
          />{' '}
          <output>{t('explain.controls.opacityValue', { n: settings.opacity })}</output>
        </label>
      </fieldset>
    </div>
  );
}

/** Ten buttons, one per digit with its probability: pick the answer to explain ("why not a 3?"). */
export function ClassChooser({
  probabilities,
  chosen,
  top,
  onChoose,
}: {
  probabilities: Float32Array;
  chosen: number | 'top';
  top: number;
  onChoose: (c: number | 'top') => void;
}) {
  const pct = (c: number) => ((probabilities[c] ?? 0) * 100).toFixed(1);
  return (
    <fieldset className="conv-group explain-classes">
      <legend>{t('explain.controls.classLegend')}</legend>
      <button
        type="button"
        className={chosen === 'top' ? '' : 'secondary'}
        aria-pressed={chosen === 'top'}
        onClick={() => onChoose('top')}
      >
        {t('explain.controls.classTop', { digit: top })}
      </button>
      {Array.from(probabilities, (_, c) => (
        <button
          key={c}
          type="button"
          className={chosen === c ? '' : 'secondary'}
          aria-pressed={chosen === c}
          aria-label={t('explain.controls.classButtonLabel', { digit: c, pct: pct(c) })}
          onClick={() => onChoose(c)}
          data-testid={`class-${c}`}
        >
          {t('explain.controls.classButton', { digit: c, pct: pct(c) })}
        </button>
      ))}
    </fieldset>
  );
}
