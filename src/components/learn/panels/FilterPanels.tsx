import { useMemo, useState } from 'react';
import { Heatmap } from '../../canvas/Heatmap';
import { ColorLegend } from '../../canvas/ColorLegend';
import { chooseSharedScale, kernelScale } from '../../canvas/colorScales';
import { digitPixels, MNIST_COUNTS } from '../../../engine';
import {
  conv2d,
  grid,
  isKernelName,
  KERNELS,
  outputSize,
  sumGrids,
  syntheticPhoto,
} from '../../../demos/lessons/shared/gridMath';
import { t, tn } from '../../../i18n';
import { formatHash } from '../../../state/hashRoute';
import { StridePicture } from './StridePicture';
import {
  DigitsPending,
  LearnPanel,
  num,
  useLearnPresentBig,
  useLearnScale,
  useMnistTest,
  type PanelProps,
} from './common';
import { MapFigure } from './parts';
import { NumberStepper } from '../../ui';
import { PhotoFigure } from './TensorPanels';
import { VolumePicture } from './VolumePicture';
import { FilterInputPanel } from './FilterInputPanel';

/** The explorer's URL contract (issue 3): opens #/convolution on this digit with this filter. */
export function explorerHref(digit: number, kernel: readonly number[]): string {
  return formatHash('convolution', {
    image: `mnist-test:${digit}`,
    kernel: kernel.map((v) => Number(v.toFixed(4))).join(','),
    stride: '1',
    padding: '0',
    dilation: '1',
    bias: '0',
    activation: 'none',
  });
}

/** One digit through several hand-made 3×3 filters: a grid of maps, or the same maps as one volume. */
export function DigitFiltersPanel({ params }: PanelProps) {
  const mnist = useMnistTest();
  const s = useLearnScale();
  const big = useLearnPresentBig();
  const digit = num(params, 'digit', 0, 0, MNIST_COUNTS.test - 1);
  const names = String(params.filters ?? 'vertical')
    .split(',')
    .filter(isKernelName)
    .slice(0, 8);
  const hide = params.hide !== undefined;
  const volume = params.view === 'volume';
  const maps = useMemo(() => {
    if (mnist.state !== 'ready') return [];
    const input = grid(28, 28, digitPixels(mnist.set, digit));
    return names.map((n) => conv2d(input, KERNELS[n], 3));
    // names is rebuilt each render; its joined text is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mnist, digit, names.join(',')]);
  if (mnist.state !== 'ready') return <DigitsPending state={mnist} />;
  if (params.view === 'input') {
    return (
      <FilterInputPanel pixels={digitPixels(mnist.set, digit)} n={num(params, 'n', 8, 1, 16)} hide={hide} />
    );
  }
  const scale = chooseSharedScale(maps.map((m) => m.values));
  const first = names[0] ?? 'vertical';
  // On a projector the first map fills the room; the others, beside it, one below the other, smaller.
  const cell = Math.round((names.length > 2 && !volume ? (big ? 3 : 5) : 7) * s);
  const shape = `[1, 26, 26, ${names.length}]`;
  const title = hide ? t('panels.mysteryMap') : tn('panels.filtersTitle', names.length);
  return (
    <LearnPanel title={volume ? t('panels.volumeTitle') : title} shape={shape}>
      {volume ? (
        <VolumePicture
          slices={maps.map((m, i) => ({
            ...m,
            label: t('panels.mapTitle', { name: t(`panels.filterNames.${names[i] ?? 'vertical'}`) }),
          }))}
          scale={scale}
          cellPx={cell}
          label={`${t('panels.volumeTitle')} · ${shape}`}
        />
      ) : (
        // A bank of several filters: presenting on a laptop, each kernel sits beside its map
        // (presentLessons.css), so two rows of maps fit the screen's height.
        <div className={names.length > 2 ? 'learn-row learn-filter-bank' : 'learn-row'}>
          {maps.map((m, i) => {
            const name = names[i] ?? 'vertical';
            const mapName = hide
              ? t('panels.mysteryMap')
              : t('panels.mapTitle', { name: t(`panels.filterNames.${name}`) });
            return (
              <MapFigure key={name} main={i === 0} {...m} scale={scale} cellPx={cell} label={mapName}>
                {!hide && (
                  <Heatmap
                    values={KERNELS[name]}
                    w={3}
                    h={3}
                    scale={kernelScale(KERNELS[name])}
                    cellPx={Math.round((big && names.length > 2 ? 14 : 22) * s)}
                    label={`${t('panels.kernel')}: ${t(`panels.filterNames.${name}`)}`}
                  />
                )}
              </MapFigure>
            );
          })}
        </div>
      )}
      {volume && (
        <p className="learn-shape-line">{t('panels.volumeShape', { h: 26, w: 26, c: names.length })}</p>
      )}
      <ColorLegend scale={scale} />
      {!hide && (
        <p>
          <a href={explorerHref(digit, KERNELS[first])}>{t('panels.openExplorer')}</a>
        </p>
      )}
    </LearnPanel>
  );
}

type CalcKey = 'in' | 'k' | 's' | 'p' | 'd' | 'c';
const LIMITS: Record<CalcKey, [min: number, max: number, fallback: number]> = {
  in: [1, 64, 7],
  k: [1, 9, 3],
  s: [1, 5, 1],
  p: [0, 4, 0],
  d: [1, 3, 1],
  c: [1, 3, 1],
};

/** Output size for any input, filter, stride, padding and dilation, with the formula filled in and the window positions drawn. */
export function OutputSizePanel({ params, setParam }: PanelProps) {
  const v = (k: CalcKey) => num(params, k, LIMITS[k][2], LIMITS[k][0], LIMITS[k][1]);
  const [inSize, k, stride, pad, dil, ch] = [v('in'), v('k'), v('s'), v('p'), v('d'), v('c')];
  const [error, setError] = useState<string | null>(null);
  const [errorKey, setErrorKey] = useState<CalcKey | null>(null);
  const hide = params.hide !== undefined;
  const out = outputSize(inSize, k, { stride, padding: pad, dilation: dil });
  const span = dil * (k - 1) + 1;
  const padded = inSize + 2 * pad;
  const labels: Record<CalcKey, string> = {
    in: t('panels.inSize'),
    k: t('panels.kSize'),
    s: t('panels.strideLabel'),
    p: t('panels.paddingLabel'),
    d: t('panels.dilationLabel'),
    c: t('panels.channelsLabel'),
  };
  const substituted = `⌊(${inSize} + 2·${pad} − ${dil}·(${k}−1) − 1) / ${stride}⌋ + 1`;
  return (
    <LearnPanel title={t('panels.calcTitle')} shape={`${inSize}×${inSize}×${ch}`}>
      <div className="learn-calc">
        {(Object.keys(LIMITS) as CalcKey[]).map((key) => {
          const [min, max] = LIMITS[key];
          const good = (text: string) => {
            const n = Number(text);
            return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
          };
          return (
            <div key={key} className="learn-control">
              <NumberStepper
                label={labels[key]}
                min={min}
                max={max}
                value={v(key)}
                invalid={error !== null && errorKey === key}
                onTyped={(text) => {
                  setErrorKey(key);
                  setError(good(text) ? null : t('panels.badSetting', { what: labels[key], min, max }));
                }}
                onChange={(n) => {
                  if (!Number.isInteger(n)) return;
                  setError(null);
                  setParam(key, n);
                }}
                testId={`calc-${key}`}
              />
            </div>
          );
        })}
      </div>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <p className="learn-formula-line">{t('panels.formula')}</p>
      <p className="learn-formula-line learn-big" aria-live="polite">
        {substituted} = {hide ? t('panels.hidden') : out > 0 ? String(out) : '0'}
      </p>
      {out === 0 ? (
        <p className="message error learn-calc-answer" role="alert">
          {t('panels.noFit', { span, padded })}
        </p>
      ) : (
        !hide && <p className="learn-big learn-calc-answer">{t('panels.outputIs', { out })}</p>
      )}
      <StridePicture
        inSize={inSize}
        k={k}
        stride={stride}
        pad={pad}
        dil={dil}
        out={out}
        hide={hide}
        scale={useLearnScale()}
      />
    </LearnPanel>
  );
}

const RGB_KERNELS: Record<'r' | 'g' | 'b', number[]> = {
  r: [...KERNELS.vertical],
  g: [...KERNELS.horizontal],
  b: [0, 0, 0, 0, 1, 0, 0, 0, 0],
};

/** A 3×3×3 filter on the synthetic colour picture: one map per channel and their sum. */
export function RgbConvPanel() {
  const s = useLearnScale();
  const big = useLearnPresentBig();
  const photo = useMemo(() => syntheticPhoto(24), []);
  const maps = useMemo(
    () => ({
      r: conv2d(photo.r, RGB_KERNELS.r, 3),
      g: conv2d(photo.g, RGB_KERNELS.g, 3),
      b: conv2d(photo.b, RGB_KERNELS.b, 3),
    }),
    [photo],
  );
  const sum = useMemo(() => sumGrids([maps.r, maps.g, maps.b]), [maps]);
  const scale = chooseSharedScale([maps.r.values, maps.g.values, maps.b.values, sum.values]);
  // Presenting on a projector the sum fills the room (the step's point: three channel results add into
  // ONE map) and the photo and its three channel results, each beside its slice of the filter, are a
  // small column beside it that reads top-down as the sum's terms.
  const cell = Math.round((big ? 4 : 5) * s);
  const side = 24 - 3 + 1;
  return (
    <LearnPanel title={t('panels.rgbConvTitle')} shape={`24×24×3 → ${side}×${side}×1`}>
      <p className="learn-caption">{t('panels.perChannel')}</p>
      <div className="learn-row">
        <PhotoFigure photo={photo} cellPx={cell} />
        {(['r', 'g', 'b'] as const).map((c) => {
          const name = t('panels.channel', { name: t(`panels.channelNames.${c}`) });
          return (
            <figure key={c} className="learn-figure learn-channel-figure">
              <Heatmap
                values={RGB_KERNELS[c]}
                w={3}
                h={3}
                scale={kernelScale(RGB_KERNELS[c])}
                cellPx={Math.round((big ? 26 : 18) * s)}
                showNumbers
                decimals={0}
                fontPx={big ? 18 : undefined}
                label={`${t('panels.kernel')} · ${name}`}
              />
              <Heatmap
                values={maps[c].values}
                w={side}
                h={side}
                scale={scale}
                cellPx={cell}
                label={`${name} ∗ ${t('panels.kernel')}`}
              />
              <figcaption>
                {name} · {side}×{side}
              </figcaption>
            </figure>
          );
        })}
        <MapFigure
          main
          {...sum}
          scale={scale}
          cellPx={cell}
          label={t('panels.sumMap')}
          caption={`= ${t('panels.sumMap')} · ${side}×${side}`}
        />
      </div>
      <ColorLegend scale={scale} />
    </LearnPanel>
  );
}
