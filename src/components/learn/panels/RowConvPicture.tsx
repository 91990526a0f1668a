import type { ColorScale } from '../../canvas/colorScales';
import { cssColorOf, textColorOn } from '../../canvas/colorScales';
import { t } from '../../../i18n';
import { LearnMain } from './parts';

/** Units: one cell is 10 wide; a row's caption sits over it. */
const CELL = 10;
const CAPTION = 3.4;
const ROW = CAPTION + 1.6 + CELL;
const GAP = 2.4;
const ORANGE = '#d95f02';

/**
 * Lesson 2's row of numbers presented on a projector: the input, the kernel under the window it covers
 * and the output filled so far, as ONE drawing across the panel's width (a row of 9 cells is nine times
 * as wide as it is tall: as three separate strips the largest filled 6 % of the screen). Each cell shows
 * its number on the row's 0…8 scale, the window and the output cell it makes are outlined in orange,
 * and output cells not yet computed are grey and empty.
 */
export function RowConvPicture({
  row,
  kernel,
  out,
  pos,
  filled,
  scale,
}: {
  row: readonly number[];
  kernel: readonly number[];
  out: readonly number[];
  pos: number;
  /** How many output cells are computed (the rest are drawn empty). */
  filled: number;
  scale: ColorScale;
}) {
  const width = row.length * CELL;
  const height = 3 * ROW + 2 * GAP;
  const cells = (values: readonly number[], x0: number, y: number, shown: number) =>
    values.map((v, i) => {
      const x = x0 + i * CELL;
      const on = i < shown;
      return (
        <g key={i}>
          <rect
            x={x}
            y={y}
            width={CELL}
            height={CELL}
            fill={on ? cssColorOf(v, scale) : '#eceef1'}
            stroke="#9aa3ad"
            strokeWidth={0.15}
          />
          {on && (
            <text
              x={x + CELL / 2}
              y={y + CELL / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={4.4}
              fontWeight={700}
              fill={textColorOn(v, scale)}
            >
              {v}
            </text>
          )}
        </g>
      );
    });
  const rowY = (r: number) => r * (ROW + GAP);
  const caption = (r: number, text: string) => (
    <text x={0} y={rowY(r) + CAPTION} fontSize={CAPTION} fill="#3d4652">
      {text}
    </text>
  );
  const cellsY = (r: number) => rowY(r) + CAPTION + 1.6;
  return (
    <LearnMain aspect={(width + 2) / (height + 2)}>
      <svg
        viewBox={`-1 -1 ${width + 2} ${height + 2}`}
        role="img"
        aria-label={`${t('panels.grid1dTitle')}: ${row.join(', ')}`}
        className="learn-svg learn-main-wide"
      >
        {caption(0, `${t('panels.input')} · ${row.length}`)}
        {cells(row, 0, cellsY(0), row.length)}
        <rect
          x={pos * CELL + 0.4}
          y={cellsY(0) + 0.4}
          width={kernel.length * CELL - 0.8}
          height={CELL - 0.8}
          fill="none"
          stroke={ORANGE}
          strokeWidth={0.8}
        />
        {caption(1, `${t('panels.kernel')} · ${kernel.length}`)}
        {cells(kernel, pos * CELL, cellsY(1), kernel.length)}
        {caption(2, `${t('panels.output')} · ${out.length}`)}
        {cells(out, 0, cellsY(2), filled)}
        <rect
          x={pos * CELL + 0.4}
          y={cellsY(2) + 0.4}
          width={CELL - 0.8}
          height={CELL - 0.8}
          fill="none"
          stroke={ORANGE}
          strokeWidth={0.8}
        />
      </svg>
    </LearnMain>
  );
}
