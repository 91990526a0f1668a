import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useContentBox } from '../../canvas/useContentWidth';
import { Heatmap } from '../../canvas/Heatmap';
import { ColorLegend } from '../../canvas/ColorLegend';
import { digitLabel, digitPixels, MNIST_COUNTS } from '../../../engine';
import { syntheticPhoto } from '../../../demos/lessons/shared/gridMath';
import { t, tn } from '../../../i18n';
import {
  DigitsPending,
  LearnPanel,
  num,
  useFitCell,
  useLearnPresentBig,
  useLearnScale,
  useMnistTest,
  type PanelProps,
} from './common';
import { DigitMap, DigitPicker, MapFigure, PIXELS, RangeControl } from './parts';
import { BatchMontage } from './BatchMontage';

export { PIXELS } from './parts';

export { TensorLadderPanel } from './TensorLadderPanel';

/** One MNIST digit as a 28×28 map, with the numbers of a 6×6 patch from its middle. */
export function MnistDigitPanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const index = num(params, 'digit', 0, 0, MNIST_COUNTS.test - 1);
  const s = useLearnScale();
  // Cells as large as the panel's width allows, up to the lesson's size: presented on a 390 px phone
  // the 28×28 grid at 13 px (377 px with its border) scrolled sideways in a 328 px stage.
  const digitCell = useFitCell(28, Math.round(10 * s));
  const patchCell = useFitCell(6, Math.round(40 * s), 24);
  const pixels = useMemo(
    () => (mnist.state === 'ready' ? digitPixels(mnist.set, index) : null),
    [mnist, index],
  );
  const patch = useMemo(() => {
    if (!pixels) return null;
    const out = new Float32Array(36);
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++) out[r * 6 + c] = pixels[(r + 11) * 28 + c + 11] ?? 0;
    return out;
  }, [pixels]);
  if (mnist.state !== 'ready' || !pixels || !patch) return <DigitsPending state={mnist} />;
  const label = digitLabel(mnist.set, index);
  return (
    <LearnPanel title={t('panels.digitTitle', { i: index, label })} shape={t('panels.digitShape')}>
      <div className="learn-row">
        <div>
          <DigitMap
            main
            values={pixels}
            cellPx={digitCell}
            label={t('panels.digitTitle', { i: index, label })}
            highlights={[{ row: 11, col: 11, rows: 6, cols: 6, color: '#d95f02', width: 2 }]}
          />
          <ColorLegend scale={PIXELS} />
        </div>
        <div>
          <p className="learn-caption">{t('panels.pixelValues')}</p>
          <Heatmap
            values={patch}
            w={6}
            h={6}
            scale={PIXELS}
            cellPx={patchCell}
            showNumbers
            decimals={2}
            label={t('panels.pixelValues')}
          />
        </div>
      </div>
      <DigitPicker value={index} onChange={(v) => setParam('digit', v)} />
    </LearnPanel>
  );
}

/** Draws three channel grids as a true-colour picture (a photo, not a value map, so no colour scale). */
export const RgbCanvas = memo(function RgbCanvas({
  r,
  g,
  b,
  size,
  cellPx,
  label,
}: {
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
  size: number;
  cellPx: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = new ImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      img.data[i * 4] = Math.round((r[i] ?? 0) * 255);
      img.data[i * 4 + 1] = Math.round((g[i] ?? 0) * 255);
      img.data[i * 4 + 2] = Math.round((b[i] ?? 0) * 255);
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [r, g, b, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className="heatmap"
      style={{ width: size * cellPx, height: size * cellPx }}
      role="img"
      aria-label={label}
    />
  );
});

/**
 * The synthetic colour picture as it looks, captioned with its shape. `main`: presenting on a projector
 * it is the panel's main picture, drawn as large as its room allows (presentLessons.css).
 */
export function PhotoFigure({
  photo,
  cellPx,
  main = false,
}: {
  photo: ReturnType<typeof syntheticPhoto>;
  cellPx: number;
  main?: boolean;
}) {
  const big = useLearnPresentBig() && main;
  const canvas = (cell: number) => (
    <RgbCanvas
      r={photo.r.values}
      g={photo.g.values}
      b={photo.b.values}
      size={photo.r.w}
      cellPx={cell}
      label={t('panels.photoAlt')}
    />
  );
  return (
    <figure className="learn-figure">
      {big ? <MainPhoto size={photo.r.w} draw={canvas} /> : canvas(cellPx)}
      <figcaption className={big ? 'learn-main-caption' : undefined}>
        {photo.r.h}×{photo.r.w}×3
      </figcaption>
    </figure>
  );
}

/** The photo in its room, in quarter-pixel cells (drawn one pixel per cell, scaled up pixelated: crisp). */
function MainPhoto({ size, draw }: { size: number; draw: (cellPx: number) => ReactNode }) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const cell =
    box && box.width > 0 && box.height > 0 ? Math.floor((4 * Math.min(box.width, box.height)) / size) / 4 : 0;
  return (
    <div className="learn-main-room" ref={room}>
      {cell > 0 && draw(cell)}
    </div>
  );
}

export function RgbPhotoPanel() {
  const photo = useMemo(() => syntheticPhoto(24), []);
  const s = useLearnScale();
  const big = useLearnPresentBig();
  const channels = [
    ['r', photo.r],
    ['g', photo.g],
    ['b', photo.b],
  ] as const;
  return (
    <LearnPanel title={t('panels.photoTitle')} shape="24×24×3">
      <div className="learn-row">
        {/* Presenting on a projector the photo fills the room and its three channels are a strip beside
            it: the step says a colour picture IS three grids, so the picture is what the eye starts from. */}
        <PhotoFigure main photo={photo} cellPx={Math.round(8 * s)} />
        {channels.map(([key, grid]) => (
          <MapFigure
            key={key}
            {...grid}
            scale={PIXELS}
            cellPx={Math.round((big ? 5 : 6) * s)}
            label={t('panels.channel', { name: t(`panels.channelNames.${key}`) })}
          />
        ))}
      </div>
      <ColorLegend scale={PIXELS} />
    </LearnPanel>
  );
}

export function BatchPanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const n = num(params, 'n', 8, 1, 16);
  const s = useLearnScale();
  const big = useLearnPresentBig();
  const digits = useMemo(
    () => (mnist.state === 'ready' ? Array.from({ length: n }, (_, i) => digitPixels(mnist.set, i)) : []),
    [mnist, n],
  );
  if (mnist.state !== 'ready') return <DigitsPending state={mnist} />;
  return (
    <LearnPanel title={tn('panels.batchTitle', n)} shape={`[${n}, 28, 28, 1]`}>
      {big ? (
        <BatchMontage
          images={digits}
          w={28}
          h={28}
          scale={PIXELS}
          label={`${tn('panels.batchTitle', n)} · [${n}, 28, 28, 1]`}
        />
      ) : (
        <div className="learn-batch">
          {digits.map((d, i) => (
            <MapFigure
              key={i}
              values={d}
              w={28}
              h={28}
              scale={PIXELS}
              cellPx={Math.round(3 * s)}
              label={t('panels.batchItem', { i, label: digitLabel(mnist.set, i) })}
              caption={`n = ${i}`}
            />
          ))}
        </div>
      )}
      <p className="learn-shape-line">
        N × H × W × C = {n} × 28 × 28 × 1 = {(n * 784).toLocaleString('en-US')}
      </p>
      <RangeControl
        label={t('panels.batchSize')}
        min={1}
        max={16}
        value={n}
        onChange={(v) => setParam('n', v)}
      />
      <ColorLegend scale={PIXELS} />
    </LearnPanel>
  );
}
