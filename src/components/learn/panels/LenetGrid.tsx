import { t } from '../../../i18n';
import type { LenetRow } from './LenetPanels';

/** Three layers a row, three rows: the drawing is about as tall as it is wide. */
const PER_ROW = 3;
const CELL_W = 250;
const CELL_H = 250;
/** Height of the part of a cell where the block is drawn; the labels go below it. */
const BLOCK_ROOM = 140;

export const LENET_GRID_ASPECT = (PER_ROW * CELL_W) / (3 * CELL_H);

/**
 * LeNet-5 for a projector: the same blocks as the row drawing (height by map size, width by channels),
 * laid out three a row and read like a page (a bent arrow leads from each row's end to the next row's
 * start), each with its name, its shape and, when asked, its weights underneath. Why not the row of
 * nine: at 4:1 it fills a tenth of a projected screen whatever its scale; this shape fills the panel's
 * height beside the table, so the shapes the words talk about are read from across the room.
 */
export function LenetGrid({
  rows,
  lit,
  shapeOf,
  showParams,
}: {
  rows: readonly LenetRow[];
  lit: (r: LenetRow) => boolean;
  shapeOf: (r: LenetRow) => string;
  showParams: boolean;
}) {
  const at = (i: number) => ({
    x: (i % PER_ROW) * CELL_W + CELL_W / 2,
    y: Math.floor(i / PER_ROW) * CELL_H,
  });
  return (
    <svg
      className="learn-svg"
      viewBox={`0 0 ${PER_ROW * CELL_W} ${3 * CELL_H}`}
      role="img"
      aria-label={rows.map((r) => `${t(`panels.layers.${r.key}`)}: ${shapeOf(r)}`).join('; ')}
      data-testid="lenet-grid"
    >
      <defs>
        <marker
          id="lenet-grid-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#3b4450" />
        </marker>
      </defs>
      {rows.map((r, i) => {
        const { x, y } = at(i);
        const h = r.hw > 1 ? 20 + r.hw * 4 : Math.min(BLOCK_ROOM, 14 + r.c / 3);
        const w = r.hw > 1 ? 12 + Math.min(r.c, 16) * 3.5 : 18;
        const mid = y + 10 + BLOCK_ROOM / 2;
        const next = rows[i + 1];
        const endOfRow = i % PER_ROW === PER_ROW - 1;
        return (
          <g key={r.key} opacity={lit(r) ? 1 : 0.3}>
            <rect
              x={x - w / 2}
              y={mid - h / 2}
              width={w}
              height={h}
              fill={r.group === 'conv' ? '#fddbc7' : r.group === 'dense' ? '#d1e5f0' : '#fff'}
              stroke="#111418"
              strokeWidth={1.5}
            />
            {next && !endOfRow && (
              <line
                x1={x + 45}
                y1={mid}
                x2={x + CELL_W - 45}
                y2={mid}
                stroke="#3b4450"
                strokeWidth={2}
                markerEnd="url(#lenet-grid-arrow)"
              />
            )}
            {next && endOfRow && (
              // From under this row's last labels back to the left, then down into the next row's first
              // block: the reading order of a page.
              <path
                d={`M ${x + 60} ${mid} H ${x + 100} V ${y + CELL_H - 8} H 14 V ${y + CELL_H + 10 + BLOCK_ROOM / 2} H ${CELL_W / 2 - 40}`}
                fill="none"
                stroke="#3b4450"
                strokeWidth={2}
                markerEnd="url(#lenet-grid-arrow)"
              />
            )}
            <text x={x} y={y + 174} fontSize="19" fontWeight="700" textAnchor="middle" fill="#111418">
              {t(`panels.layersShort.${r.key}`)}
            </text>
            <text x={x} y={y + 200} fontSize="19" textAnchor="middle" fill="#111418">
              {shapeOf(r)}
            </text>
            {showParams && (
              <text x={x} y={y + 226} fontSize="19" textAnchor="middle" fill="#3b4450">
                {t('panels.weightsN', { n: r.params.toLocaleString('en-US') })}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
