import type { ReactNode } from 'react';
import { t } from '../../../i18n';
import { LearnPanel, num, useLearnPresentBig, useLearnScale, type PanelProps } from './common';
import { LearnMain, RangeControl } from './parts';

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
  const drawings: { w: number; h: number; body: ReactNode; stack?: boolean }[] = [
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
  const big = useLearnPresentBig();
  return (
    <LearnPanel title={t('panels.ladderTitle')} shape={t('panels.rank', { n: rank })}>
      {big ? (
        <LadderMontage rank={rank} names={names} shapes={shapes} drawings={drawings} stack={stack} />
      ) : (
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
      )}
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

type Drawing = { w: number; h: number; body: ReactNode; stack?: boolean };

/** Units of the montage's words: a name, then its rank and shape under it. */
const NAME = 15;
const SHAPE = 13;
const WORDS = NAME + 6 + SHAPE + 8;
const GAP = 28;

/**
 * Presenting on a projector: the five ranks as ONE drawing scaled to the panel's width (LearnMain), two
 * rows (scalar, vector, matrix; then the stack and the batch, whose two stacks stand side by side).
 * The ladder is a comparison, each rank one more axis than the last, so all five stay in view; as five
 * small drawings the largest filled 4 % of the screen. Its words are in the drawing and scale with it
 * (about 3 px per unit here, so 13 units come out near 40 px). Ranks still to come fade their boxes, not
 * their words.
 */
function LadderMontage({
  rank,
  names,
  shapes,
  drawings,
  stack,
}: {
  rank: number;
  names: readonly string[];
  shapes: readonly string[];
  drawings: readonly Drawing[];
  stack: (key: string) => ReactNode;
}) {
  // The batch's two stacks side by side, so the second row is no taller than one stack.
  const stackW = drawings[3]?.w ?? 108;
  const stackH = drawings[3]?.h ?? 80;
  const items: Drawing[] = [
    ...drawings.slice(0, 4),
    {
      w: 2 * stackW + GAP / 2,
      h: stackH,
      body: (
        <g>
          {[0, 1].map((b) => (
            <g key={b} transform={`translate(${b * (stackW + GAP / 2)}, 0)`}>
              {stack(`m${b}`)}
            </g>
          ))}
        </g>
      ),
    },
  ];
  // A column is as wide as its drawing or its words (about 0.6 of a unit per unit of font size).
  const wordsW = (i: number) =>
    Math.max(
      (names[i] ?? '').length * NAME * 0.6,
      `${t('panels.rank', { n: i })} · ${shapes[i]}`.length * SHAPE * 0.58,
    );
  const rows = [
    [0, 1, 2],
    [3, 4],
  ];
  let y = 0;
  let width = 0;
  const placed: { i: number; x: number; y: number; colW: number }[] = [];
  for (const row of rows) {
    let x = 0;
    let rowH = 0;
    for (const i of row) {
      const d = items[i]!;
      const colW = Math.max(d.w, wordsW(i));
      placed.push({ i, x, y, colW });
      x += colW + GAP;
      rowH = Math.max(rowH, WORDS + d.h);
    }
    width = Math.max(width, x - GAP);
    y += rowH + GAP;
  }
  const height = y - GAP;
  return (
    <LearnMain aspect={(width + 4) / (height + 4)}>
      <svg
        viewBox={`-2 -2 ${width + 4} ${height + 4}`}
        role="img"
        aria-label={t('panels.ladderTitle')}
        className="learn-svg learn-main-wide"
      >
        {placed.map(({ i, x, y: top }) => {
          const d = items[i]!;
          const shown = i <= rank;
          return (
            <g key={i} transform={`translate(${x}, ${top})`}>
              <text
                y={NAME}
                fontSize={NAME}
                fontWeight={shown ? 700 : 400}
                fill={shown ? '#111418' : '#4a5560'}
              >
                {names[i]}
              </text>
              <text y={NAME + 6 + SHAPE} fontSize={SHAPE} fill="#3d4652">
                {t('panels.rank', { n: i })} · {shapes[i]}
              </text>
              <g transform={`translate(2, ${WORDS})`} opacity={shown ? 1 : 0.12}>
                {d.body}
              </g>
            </g>
          );
        })}
      </svg>
    </LearnMain>
  );
}
