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
  useLearnPresentBig,
  useLearnScale,
  useMnistTest,
  type PanelProps,
} from './common';
import { DigitMap, DigitPicker, MapFigure, PIXELS, RangeControl } from './parts';

export { PIXELS } from './parts';

/**
 * Scalar → vector → matrix → stack → batch, drawn as nested boxes of numbers (rank 0 to 4). Each rank is
 * its own small drawing with its name and shape in HTML beside it, so the words wrap and take the page's
 * type size (20 px and more in presentation mode) instead of shrinking with a 900-unit-wide drawing, and
 * the ranks wrap onto a second row where the panel is narrow. In a stack only the front layer carries
 * numbers: the layers behind show only their edges, and numbers there would sit under the front layer.
 */
export function TensorLadderPanel({ params, setParam }: PanelProps) {
  const rank = num(params, 'rank', 4, 0, 4);
  const s = useLearnScale();
  const names = [
    t('panels.scalar'),
    t('panels.vector'),
    t('panels.matrix'),
    t('panels.cube'),
    t('panels.tensor4'),
  ];
  const shapes = ['[ ]', '[3]', '[2, 3]', '[3, 2, 3]', '[2, 3, 2, 3]'];
  const cell = 28;
  const drawMatrix = (x: number, y: number, key: string, fill: string, numbers: boolean) => (
    <g key={key}>
      {[0, 1].map((r) =>
        [0, 1, 2].map((c) => (
          <g key={`${r}${c}`}>
            <rect x={x + c * cell} y={y + r * cell} width={cell} height={cell} fill={fill} stroke="#111418" />
            {numbers && (
              <text
                x={x + c * cell + cell / 2}
                y={y + r * cell + 15}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize="12"
                fill="#111418"
              >
                {(r * 3 + c + 7) % 10}
              </text>
            )}
          </g>
        )),
      )}
    </g>
  );
  const stack = (key: string) =>
    [2, 1, 0].map((d) => drawMatrix(d * 12, d * 12, `${key}${d}`, d === 0 ? '#fff' : '#e8eef5', d === 0));
  // Each drawing's own size (units): just its boxes, with a 2-unit margin for the strokes.
  const drawings: { w: number; h: number; body: React.ReactNode; stack?: boolean }[] = [
    {
      w: cell,
      h: cell,
      body: (
        <g>
          <rect x={0} y={0} width={cell} height={cell} fill="#fff" stroke="#111418" />
          <text
            x={cell / 2}
            y={15}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize="15"
            fill="#111418"
          >
            7
          </text>
        </g>
      ),
    },
    {
      w: 3 * cell,
      h: cell,
      body: (
        <g>
          {[7, 8, 9].map((v, i) => (
            <g key={v}>
              <rect x={i * cell} y={0} width={cell} height={cell} fill="#fff" stroke="#111418" />
              <text
                x={i * cell + cell / 2}
                y={15}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize="15"
                fill="#111418"
              >
                {v}
              </text>
            </g>
          ))}
        </g>
      ),
    },
    { w: 3 * cell, h: 2 * cell, body: drawMatrix(0, 0, 'm', '#fff', true) },
    { w: 3 * cell + 24, h: 2 * cell + 24, body: <g>{stack('c')}</g>, stack: true },
    {
      w: 3 * cell + 32,
      h: 2 * cell + 24 + 80,
      body: (
        <g>
          {[1, 0].map((b) => (
            <g key={b} transform={`translate(${b * 8}, ${b * 80})`}>
              {stack(`b${b}`)}
            </g>
          ))}
        </g>
      ),
      stack: true,
    },
  ];
  return (
    <LearnPanel title={t('panels.ladderTitle')} shape={t('panels.rank', { n: rank })}>
      <div className="learn-ladder">
        {drawings.map((d, i) => (
          // Ranks still to come fade their drawing only: their words stay readable (contrast).
          <figure key={i} className={`learn-ladder-step${i <= rank ? '' : ' upcoming'}`}>
            <figcaption>
              <strong>{names[i]}</strong>
              <span>
                {t('panels.rank', { n: i })} · {shapes[i]}
              </span>
            </figcaption>
            <svg
              width={(d.w + 4) * Math.min(s, 1.2)}
              viewBox={`-2 -2 ${d.w + 4} ${d.h + 4}`}
              role="img"
              aria-label={`${names[i]}, shape ${shapes[i]}`}
              className="learn-svg"
              {...(d.stack ? { 'data-layer-stack': '' } : {})}
            >
              {d.body}
            </svg>
          </figure>
        ))}
      </div>
      <RangeControl
        label={t('panels.showRank')}
        min={0}
        max={4}
        value={rank}
        onChange={(v) => setParam('rank', v)}
      />
    </LearnPanel>
  );
}

/** One MNIST digit as a 28×28 map, with the numbers of a 6×6 patch from its middle. */
export function MnistDigitPanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const index = num(params, 'digit', 0, 0, MNIST_COUNTS.test - 1);
  const s = useLearnScale();
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
            cellPx={Math.round(10 * s)}
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
            cellPx={Math.round(40 * s)}
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
            cellPx={Math.round(6 * s)}
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
  const digits = useMemo(
    () => (mnist.state === 'ready' ? Array.from({ length: n }, (_, i) => digitPixels(mnist.set, i)) : []),
    [mnist, n],
  );
  if (mnist.state !== 'ready') return <DigitsPending state={mnist} />;
  return (
    <LearnPanel title={tn('panels.batchTitle', n)} shape={`[${n}, 28, 28, 1]`}>
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
