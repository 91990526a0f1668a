import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { t } from '../../i18n';
import {
  ACTIVATIONS,
  convGeometry,
  KERNEL_PRESETS,
  presetKernel,
  presetLabel,
  type Activation,
  type KernelPreset,
  type Padding,
} from '../../engine';
import type { ConvSettings } from '../../state/convParams';
import { tidyWeights, type ShownPreset } from './bank';
import { actLabel } from './format';
import { InputChooser } from './InputChooser';
import { NumberSelect } from './NumberSelect';
import { PhoneFold, rangeOptions, Select } from '../ui';
import type { ConvInput } from './useConvInput';

type Guarded = (patch: Partial<ConvSettings>, kernelSize?: number) => void;

/**
 * The convolution's settings: input, kernel (size, preset, bias, activation) and sliding (stride,
 * padding, dilation). Each group is memoised on its own values, so a change elsewhere (the bias, the
 * step) re-renders only the group that shows it.
 */
export function ConvControls({
  settings,
  update,
  size,
  input,
  preset,
  setPreset,
  setError,
}: {
  settings: ConvSettings;
  update: (p: Partial<ConvSettings>) => void;
  size: number;
  input: ConvInput | null;
  preset: ShownPreset;
  setPreset: (p: KernelPreset, values: readonly number[]) => void;
  setError: (m: string | null) => void;
}) {
  // Read through a ref so that `guarded` is one function for the component's life.
  const live = useRef({ settings, input, size });
  live.current = { settings, input, size };
  // Settings that leave no room for the window are refused here, with the reason, before the URL changes.
  const guarded = useCallback<Guarded>(
    (patch, kernelSize) => {
      const { settings: now, input: inp, size: n } = live.current;
      const k = kernelSize ?? n;
      if (inp) {
        const g = convGeometry(
          { ...inp.stack, shape: [inp.stack.shape[0], inp.stack.shape[1], 1] },
          { data: new Float32Array(k * k), shape: [k, k, 1, 1] },
          { ...now, ...patch },
        );
        if (g.empty) {
          setError(t('conv.notChanged', { reason: g.empty }));
          return;
        }
      }
      setError(null);
      update(patch);
    },
    [update, setError],
  );
  const applyPreset = useCallback(
    (p: KernelPreset, n: number) => {
      const kernel = tidyWeights(presetKernel(p, n, Math.floor(Math.random() * 1e6)));
      setPreset(p, kernel);
      guarded({ kernel }, n);
    },
    [guarded, setPreset],
  );
  const summary = t('conv.fold', {
    kernel: preset === 'custom' ? t('conv.bank.custom') : presetLabel(preset),
    size,
    activation: actLabel(settings.activation),
    stride: settings.stride,
    padding: String(settings.padding),
  });
  return (
    <PhoneFold className="conv-controls" summary={summary}>
      <InputChooser settings={settings} update={guarded} onError={setError} />
      <KernelGroup
        size={size}
        preset={preset}
        bias={settings.bias}
        activation={settings.activation}
        guarded={guarded}
        applyPreset={applyPreset}
        setError={setError}
      />
      <SlidingGroup
        stride={settings.stride}
        padding={settings.padding}
        dilation={settings.dilation}
        guarded={guarded}
      />
    </PhoneFold>
  );
}

const KernelGroup = memo(function KernelGroup({
  size,
  preset,
  bias,
  activation,
  guarded,
  applyPreset,
  setError,
}: {
  size: number;
  preset: ShownPreset;
  bias: number;
  activation: Activation;
  guarded: Guarded;
  applyPreset: (p: KernelPreset, n: number) => void;
  setError: (m: string | null) => void;
}) {
  // The drop-downs are kept as elements while their own values stand, so a bias change (typed, or from
  // the link) re-renders the bias field only: React re-rendering a drop-down re-selects its option and
  // rebuilds its option list, on every bias change (traced at 4× CPU throttling).
  const sizeAndPreset = useMemo(
    () => (
      <>
        <Select
          label={t('conv.kernel.size')}
          ariaLabel={t('conv.kernel.sizeLabel')}
          value={size}
          options={rangeOptions(1, 7, (k) => `${k}×${k}`)}
          onChange={(k) => applyPreset(preset === 'custom' ? 'vertical' : preset, k)}
        />
        {/* Any edited weight makes the kernel no preset: the menu says so instead of a stale name. */}
        <Select<ShownPreset>
          label={t('conv.kernel.presetLabel')}
          hideLabel
          value={preset}
          options={[
            ...(preset === 'custom'
              ? [{ value: 'custom' as const, label: t('conv.bank.custom'), disabled: true }]
              : []),
            ...KERNEL_PRESETS.map((p) => ({ value: p, label: presetLabel(p) })),
          ]}
          onChange={(p) => p !== 'custom' && applyPreset(p, size)}
        />
      </>
    ),
    [size, preset, applyPreset],
  );
  const activationSelect = useMemo(
    () => (
      <Select
        label={t('conv.kernel.activation')}
        ariaLabel={t('conv.kernel.activationLabel')}
        value={activation}
        options={ACTIVATIONS.map((a) => ({ value: a, label: actLabel(a) }))}
        onChange={(a: Activation) => guarded({ activation: a })}
      />
    ),
    [activation, guarded],
  );
  return (
    <fieldset className="conv-group">
      <legend>{t('conv.kernel.legend')}</legend>
      {sizeAndPreset}
      <BiasInput bias={bias} onBias={(b) => guarded({ bias: b })} onError={setError} />
      {activationSelect}
    </fieldset>
  );
});

const SlidingGroup = memo(function SlidingGroup({
  stride,
  padding,
  dilation,
  guarded,
}: {
  stride: number;
  padding: Padding;
  dilation: number;
  guarded: Guarded;
}) {
  return (
    <fieldset className="conv-group">
      <legend>{t('conv.sliding.legend')}</legend>
      <NumberSelect
        label={t('conv.sliding.stride')}
        value={stride}
        lo={1}
        hi={4}
        onChange={(v) => guarded({ stride: v })}
      />
      <Select
        label={t('conv.sliding.padding')}
        value={String(padding)}
        options={['0', '1', '2', '3', 'same'].map((v) => ({ value: v, label: v }))}
        onChange={(v) => guarded({ padding: v === 'same' ? 'same' : Number(v) })}
      />
      <NumberSelect
        label={t('conv.sliding.dilation')}
        value={dilation}
        lo={1}
        hi={3}
        onChange={(v) => guarded({ dilation: v })}
      />
    </fieldset>
  );
});

/**
 * The bias as typed text. It is not re-created when the bias changes elsewhere (link, Back button):
 * its text is refreshed in place, unless the user is typing in it.
 */
function BiasInput({
  bias,
  onBias,
  onError,
}: {
  bias: number;
  onBias: (bias: number) => void;
  onError: (m: string | null) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el) el.value = String(bias);
  }, [bias]);
  return (
    <label>
      {t('conv.kernel.bias')}{' '}
      <input
        ref={ref}
        className="conv-num"
        defaultValue={bias}
        inputMode="decimal"
        aria-label={t('conv.kernel.biasLabel')}
        onBlur={(e) => {
          const v = Number(e.target.value.replace('−', '-'));
          if (e.target.value.trim() === '' || !Number.isFinite(v) || Math.abs(v) > 1000) {
            onError(t('conv.kernel.badBias', { text: e.target.value, bias: String(bias) }));
            e.target.value = String(bias);
          } else if (v !== bias) onBias(v);
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}
