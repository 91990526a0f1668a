import { memo, useState } from 'react';
import { t } from '../../i18n';
import {
  PATTERN_SIZES,
  PATTERNS,
  type ConvSettings,
  type ImageSource,
  type PatternName,
} from '../../state/convParams';
import { patternLabel } from './patterns';
import { loadPhoto, photoStore } from './photo';
import { NumberStepper, SegmentedButtons, Select } from '../ui';

type Kind = ImageSource['kind'];

type InputChooserProps = {
  settings: ConvSettings;
  update: (patch: Partial<ConvSettings>) => void;
  onError: (message: string | null) => void;
};

/** Where the input image comes from: an MNIST test digit, the drawn digit, a photo, a pattern. */
function InputChooserView({ settings, update, onError }: InputChooserProps) {
  const img = settings.image;
  const [busy, setBusy] = useState(false);
  const setKind = (kind: Kind) => {
    if (kind === 'mnist') update({ image: { kind: 'mnist', index: 0 }, step: 0 });
    else if (kind === 'pattern') update({ image: { kind: 'pattern', name: 'square', size: 7 }, step: 0 });
    else if (kind === 'drawn' || kind === 'photo') update({ image: { kind }, step: 0 });
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const photo = await loadPhoto(file);
      photoStore.set({ photo });
      onError(null);
      update({ image: { kind: 'photo' }, step: 0 });
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="conv-group">
      <legend>{t('conv.input.legend')}</legend>
      <Select
        label={t('conv.input.source')}
        hideLabel
        value={img.kind}
        onChange={(k: Kind) => setKind(k)}
        options={[
          { value: 'mnist', label: t('conv.input.mnist') },
          { value: 'drawn', label: t('conv.input.drawn') },
          { value: 'photo', label: t('conv.input.photo') },
          { value: 'pattern', label: t('conv.input.pattern') },
          ...(img.kind === 'custom' ? [{ value: 'custom' as const, label: t('conv.input.custom') }] : []),
        ]}
      />
      {img.kind === 'mnist' && (
        <>
          <NumberStepper
            label={t('conv.input.number')}
            ariaLabel={t('conv.input.numberLabel')}
            min={0}
            max={9999}
            integer
            value={typeof img.index === 'number' ? img.index : 0}
            onTyped={(text) => {
              const v = Number(text);
              const ok = text.trim() !== '' && Number.isInteger(v) && v >= 0 && v <= 9999;
              onError(ok ? null : t('conv.input.badNumber', { text }));
            }}
            onChange={(index) => {
              onError(null);
              update({ image: { kind: 'mnist', index } });
            }}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => update({ image: { kind: 'mnist', index: 'random' } })}
          >
            {t('conv.input.random')}
          </button>
        </>
      )}
      {img.kind === 'pattern' && (
        <>
          <Select
            label={t('conv.input.patternLabel')}
            hideLabel
            value={img.name}
            options={PATTERNS.map((p) => ({ value: p, label: patternLabel(p) }))}
            onChange={(name: PatternName) => update({ image: { ...img, name }, step: 0 })}
          />
          <Select
            label={t('conv.input.patternSize')}
            hideLabel
            value={img.size}
            options={PATTERN_SIZES.map((n) => ({ value: n, label: `${n}×${n}` }))}
            onChange={(size) => update({ image: { ...img, size }, step: 0 })}
          />
        </>
      )}
      {img.kind === 'photo' && (
        <SegmentedButtons
          label={t('conv.input.colours')}
          value={settings.color}
          options={[
            { value: 'grey', label: t('conv.input.grey') },
            { value: 'rgb', label: t('conv.input.rgb') },
          ]}
          onChange={(color) => update({ color, step: 0 })}
        />
      )}
      <label className="conv-upload">
        <span className="button-like">{busy ? t('conv.input.reading') : t('conv.input.upload')}</span>
        <input
          type="file"
          accept="image/*"
          className="visually-hidden"
          data-testid="upload"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </fieldset>
  );
}

/**
 * Only the image and colour settings are shown here; `useConvSettings` keeps the image object the
 * same while its link text is unchanged, so other changes (bias, step) skip this group.
 */
export const InputChooser = memo(
  InputChooserView,
  (a, b) =>
    a.settings.image === b.settings.image &&
    a.settings.color === b.settings.color &&
    a.update === b.update &&
    a.onError === b.onError,
);
