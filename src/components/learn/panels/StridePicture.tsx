import type { ReactNode } from 'react';
import { LearnMain, MainDrawing, SwatchKey } from './parts';
import { t, tn } from '../../../i18n';
import { useLearnPresentBig, useLearnRoom } from './common';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { COARSE_POINTER } from '../../shell/useFitZoom';

const PAD_FILL = '#d5dae0';
const PIXEL_FILL = '#ffffff';
const WINDOW = '#d95f02';
const NEXT = '#2166ac';
const CENTRE = '#b2182b';

/**
 * Stride, padding and dilation on a 2-D picture: the input as a grid with its ring of zero padding
 * cells, the first window (and its taps, spread out by dilation), the next window one stride along,
 * and a dot in the middle of every window position: one dot per output cell, so the dots form the
 * output's grid. With `hide` (a question) only the grid and the first window are drawn.
 */
export function StridePicture({
  inSize,
  k,
  stride,
  pad,
  dil,
  out,
  hide,
  scale,
}: {
  inSize: number;
  k: number;
  stride: number;
  pad: number;
  dil: number;
  out: number;
  hide: boolean;
  /** The lesson's scale: above 1 when presenting. */
  scale: number;
}) {
  const big = useLearnPresentBig();
  const room = useLearnRoom();
  // Under a finger the presented stage is never zoomed down (useFitZoom) and scrolls instead.
  const coarse = useMediaQuery(COARSE_POINTER);
  const padded = inSize + 2 * pad;
  const m = 4;
  // The drawing at its own size, never wider than the panel (a CSS-shrunk drawing shrinks its text).
  const cell = Math.max(
    6,
    Math.min(
      Math.min(30, Math.floor(320 / padded)) * scale,
      room ? Math.floor((room - 2 * m) / padded) : Infinity,
    ),
  );
  const span = dil * (k - 1) + 1;
  const size = padded * cell;
  // Presented below a projector's size with a mouse the picture gets about 300 px of the screen, and a
  // zero needs a cell of about 28 px to be written at the 20 px floor without touching its neighbours:
  // with more than 10 cells across (lesson 4's question 2, 13) the grey dashed cells and the key say "0"
  // instead. Under a finger the picture is not squeezed into the screen's height: in that room, below
  // the calculator that is not zoomed down, it was 85 px wide at 768×1024 and its zeros 4 px.
  const fillRoom = scale > 1 && !big && !coarse;
  const showZeros = cell >= 16 && !(fillRoom && padded > 10);
  const windowAt = (r: number, c: number, color: string, dash?: string) => (
    <rect
      x={m + c * cell + 1.5}
      y={m + r * cell + 1.5}
      width={span * cell - 3}
      height={span * cell - 3}
      fill="none"
      stroke={color}
      strokeWidth={3}
      strokeDasharray={dash}
    />
  );
  const key: [string, ReactNode][] = [
    [t('panels.strideKey.pixel'), <rect width={14} height={14} fill={PIXEL_FILL} stroke="#3b4450" />],
    [
      t('panels.strideKey.padding'),
      <rect width={14} height={14} fill={PAD_FILL} stroke="#3b4450" strokeDasharray="3 2" />,
    ],
    [
      t('panels.strideKey.window'),
      <rect width={14} height={14} fill="none" stroke={WINDOW} strokeWidth={3} />,
    ],
    [t('panels.strideKey.tap'), <circle cx={7} cy={7} r={4} fill={WINDOW} />],
  ];
  if (!hide) {
    key.push([
      tn('panels.strideKey.next', stride),
      <rect width={14} height={14} fill="none" stroke={NEXT} strokeWidth={3} strokeDasharray="5 3" />,
    ]);
    key.push([t('panels.strideKey.centre'), <circle cx={7} cy={7} r={4} fill={CENTRE} />]);
  }
  const label = hide
    ? t('panels.strideAltHidden', { inSize, pad })
    : t('panels.strideAlt', { inSize, pad, positions: tn('panels.positionsTitle', out) });
  const drawing = (
    <svg
      className="learn-svg"
      width={size + 2 * m}
      height={size + 2 * m}
      viewBox={`0 0 ${size + 2 * m} ${size + 2 * m}`}
      role="img"
      aria-label={label}
    >
      {Array.from({ length: padded * padded }, (_, i) => {
        const r = Math.floor(i / padded);
        const c = i % padded;
        const isPad = r < pad || c < pad || r >= pad + inSize || c >= pad + inSize;
        return (
          <g key={i} data-padding={isPad ? 1 : undefined}>
            <rect
              x={m + c * cell}
              y={m + r * cell}
              width={cell}
              height={cell}
              fill={isPad ? PAD_FILL : PIXEL_FILL}
              stroke="#3b4450"
              strokeWidth={0.75}
              strokeDasharray={isPad ? '3 2' : undefined}
            />
            {isPad && showZeros && (
              <text
                x={m + (c + 0.5) * cell}
                y={m + (r + 0.5) * cell}
                fontSize={Math.round(cell * 0.45)}
                textAnchor="middle"
                // Centred on the cell, so a zero enlarged for a projector's text floor stays inside its
                // cell (on the baseline, the top row's zeros rose past the picture's top edge).
                dominantBaseline="central"
                fill="#3b4450"
              >
                0
              </text>
            )}
          </g>
        );
      })}
      {!hide &&
        out > 0 &&
        Array.from({ length: out * out }, (_, i) => {
          const r = Math.floor(i / out) * stride;
          const c = (i % out) * stride;
          return (
            <circle
              key={i}
              cx={m + (c + span / 2) * cell}
              cy={m + (r + span / 2) * cell}
              r={Math.max(2, cell * 0.16)}
              fill={CENTRE}
            />
          );
        })}
      {out > 0 && windowAt(0, 0, WINDOW)}
      {out > 0 &&
        Array.from({ length: k * k }, (_, i) => (
          <circle
            key={i}
            cx={m + (Math.floor(i / k) * dil + 0.5) * cell}
            cy={m + ((i % k) * dil + 0.5) * cell}
            r={Math.max(2, cell * 0.12)}
            fill={WINDOW}
            opacity={0.8}
          />
        ))}
      {!hide && out > 1 && windowAt(0, stride, NEXT, '6 4')}
    </svg>
  );
  return (
    <figure className="learn-stride" data-testid="stride-picture">
      {/* Presented below a projector's size (1366×768) the picture takes the height the calculator leaves
          it (presentLessons.css, lesson 4): at its own size, below the controls, formula and answer, it
          ran off the screen. On a projector LearnMain gives it the panel's height. */}
      {fillRoom ? (
        <MainDrawing aspect={1}>{drawing}</MainDrawing>
      ) : (
        <LearnMain aspect={1}>{drawing}</LearnMain>
      )}
      <figcaption>
        <SwatchKey label={t('panels.strideKey.title')} items={key} />
      </figcaption>
    </figure>
  );
}
