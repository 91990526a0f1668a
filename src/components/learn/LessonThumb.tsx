import type { ReactNode } from 'react';

/**
 * A small drawing of each lesson's idea for its card in the lesson list, so the list shows what each
 * lesson is about before it is read (and a teacher's projected list is not a wall of words). Decorative:
 * the card's title and summary say the same in words, so the drawing is hidden from screen readers.
 * Colours are the app's own: the diverging map for signed values, the grey map for non-negative ones,
 * the window's orange and the accent blue.
 */
export function LessonThumb({ id }: { id: string }) {
  const art = ART[id];
  if (!art) return null;
  return (
    <svg className="learn-thumb" viewBox="0 0 160 90" aria-hidden="true" focusable="false">
      {art}
    </svg>
  );
}

const fill = (v: string) => ({ fill: `var(${v})` });
const stroke = (v: string, width = 2) => ({ stroke: `var(${v})`, strokeWidth: width, fill: 'none' });
/** A filled shape with an outline. */
const boxed = (inside: string, edge: string, width: number) => ({ ...stroke(edge, width), ...fill(inside) });

const GREY = ['--map-seq-0', '--map-seq-2', '--map-seq-4', '--map-seq-6', '--map-seq-8'];
const SIGNED = ['--map-div-1', '--map-div-3', '--map-div-5', '--map-div-7', '--map-div-9'];

/** A grid of cells, each coloured from `levels` by `pick(row, col)`. */
function cells(
  x: number,
  y: number,
  rows: number,
  cols: number,
  size: number,
  levels: readonly string[],
  pick: (r: number, c: number) => number,
): ReactNode {
  const out: ReactNode[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out.push(
        <rect
          key={`${r}-${c}`}
          x={x + c * size}
          y={y + r * size}
          width={size}
          height={size}
          style={boxed(levels[pick(r, c)] ?? levels[0]!, '--color-line', 0.5)}
        />,
      );
  return <g>{out}</g>;
}

/** A "7" drawn as a thick stroke: the MNIST test set's first digit, as on the home page. */
const SEVEN = 'M 0 0 H 26 L 10 34';
const seven = (x: number, y: number, scale = 1) => (
  <path
    d={SEVEN}
    transform={`translate(${x} ${y}) scale(${scale})`}
    style={{ ...stroke('--map-seq-8', 6 / scale), strokeLinecap: 'round', strokeLinejoin: 'round' }}
  />
);

const arrow = (x1: number, x2: number, y: number) => (
  <g style={stroke('--color-ink-soft', 2)}>
    <path d={`M ${x1} ${y} H ${x2}`} />
    <path d={`M ${x2 - 5} ${y - 4} L ${x2} ${y} L ${x2 - 5} ${y + 4}`} />
  </g>
);

const digitInk = (r: number, c: number) => (c === 3 || (r === 0 && c > 0) ? 4 : c === 2 && r < 2 ? 2 : 0);

const ART: Record<string, ReactNode> = {
  // A picture, its three colour channels, and a batch of them: more axes.
  tensors: (
    <g>
      {[0, 1, 2].map((k) => (
        <rect
          key={k}
          x={38 + k * 12}
          y={12 + k * 10}
          width={50}
          height={50}
          style={boxed(['--map-div-7', '--color-surface', '--map-div-3'][k]!, '--color-ink-soft', 1.5)}
        />
      ))}
      {seven(75, 35, 1)}
    </g>
  ),
  // Two curves, one sliding over the other; their overlap shaded.
  'convolution-of-functions': (
    <g>
      <path d="M 8 78 H 152" style={stroke('--color-line-strong', 1.5)} />
      <path d="M 60 78 C 70 78 72 40 80 40 C 88 40 90 78 100 78 Z" style={fill('--map-div-6')} />
      <path d="M 20 78 C 45 78 45 18 60 18 C 75 18 75 78 100 78" style={stroke('--map-div-8', 3)} />
      <path d="M 60 78 C 85 78 85 18 100 18 C 115 18 115 78 140 78" style={stroke('--map-div-1', 3)} />
    </g>
  ),
  // A 3×3 window on a picture, its sum written into the map.
  'sliding-filter': (
    <g>
      {cells(10, 10, 5, 5, 14, GREY, digitInk)}
      <rect x={24} y={10} width={42} height={42} style={stroke('--color-window', 3)} />
      {arrow(90, 108, 45)}
      {cells(116, 24, 3, 3, 12, SIGNED, (r, c) => (c === 1 ? 4 : c === 0 && r === 0 ? 3 : 2))}
      <rect x={128} y={24} width={12} height={12} style={stroke('--color-window', 2.5)} />
    </g>
  ),
  // Padding around the picture, and a window that jumps two cells at a time.
  'stride-padding': (
    <g>
      <rect
        x={12}
        y={8}
        width={84}
        height={74}
        style={{ ...stroke('--color-ink-muted', 1.5), strokeDasharray: '4 3' }}
      />
      {cells(24, 20, 4, 5, 12, GREY, digitInk)}
      <rect x={12} y={8} width={36} height={36} style={stroke('--color-window', 3)} />
      <rect
        x={36}
        y={8}
        width={36}
        height={36}
        style={{ ...stroke('--color-window', 2), strokeDasharray: '3 3' }}
      />
      <path d="M 30 4 Q 42 -4 54 4" style={stroke('--color-window', 2)} />
      {cells(116, 30, 3, 3, 10, SIGNED, (r, c) => (r + c) % 5)}
    </g>
  ),
  // Several filters, each finding its own stroke (|, —, \, /): their maps stack into a volume.
  'filter-stack': (
    <g>
      {[
        (_r: number, c: number) => (c === 1 ? 4 : 0),
        (r: number) => (r === 1 ? 4 : 0),
        (r: number, c: number) => (r === c ? 4 : 0),
        (r: number, c: number) => (r + c === 3 ? 4 : 0),
      ].map((pick, k) => (
        <g key={k}>{cells(30 + k * 16, 8 + k * 10, 4, 4, 11, GREY, pick)}</g>
      ))}
    </g>
  ),
  // ReLU: negative inputs to 0, positive ones kept.
  nonlinearities: (
    <g>
      <path d="M 10 60 H 150 M 80 8 V 84" style={stroke('--color-line-strong', 1.5)} />
      <path d="M 14 60 H 80 L 130 12" style={stroke('--color-accent', 4)} />
      <path
        d="M 14 80 C 60 80 60 60 80 60 C 100 60 100 40 146 40"
        style={{ ...stroke('--color-ink-muted', 2), strokeDasharray: '5 4' }}
      />
    </g>
  ),
  // Each 2×2 window keeps its largest number: a map half the size.
  pooling: (
    <g>
      {cells(
        14,
        14,
        4,
        4,
        15,
        GREY,
        (r, c) =>
          [
            [1, 4, 0, 2],
            [2, 1, 3, 0],
            [0, 2, 1, 1],
            [3, 0, 0, 4],
          ][r]![c]!,
      )}
      <rect x={14} y={14} width={30} height={30} style={stroke('--color-window', 3)} />
      {arrow(84, 102, 44)}
      {cells(
        112,
        29,
        2,
        2,
        15,
        GREY,
        (r, c) =>
          [
            [4, 3],
            [3, 4],
          ][r]![c]!,
      )}
    </g>
  ),
  // Ten scores, one per digit, that softmax turns into chances adding up to 1.
  'softmax-templates': (
    <g>
      <path d="M 10 78 H 150" style={stroke('--color-line-strong', 1.5)} />
      {[6, 4, 10, 8, 5, 7, 3, 60, 9, 12].map((h, i) => (
        <rect
          key={i}
          x={14 + i * 13.5}
          y={78 - h}
          width={10}
          height={h}
          style={fill(i === 7 ? '--color-accent' : '--color-ink-muted')}
        />
      ))}
    </g>
  ),
  // Convolution and pooling twice, then layers of numbers, then ten answers.
  lenet: (
    <g>
      {cells(6, 24, 4, 4, 10, GREY, digitInk)}
      {[0, 1, 2].map((k) => (
        <rect
          key={`a${k}`}
          x={56 + k * 5}
          y={20 + k * 5}
          width={30}
          height={30}
          style={boxed('--map-seq-2', '--color-ink-soft', 1)}
        />
      ))}
      {[0, 1, 2, 3].map((k) => (
        <rect
          key={`b${k}`}
          x={98 + k * 4}
          y={30 + k * 4}
          width={18}
          height={18}
          style={boxed('--map-seq-4', '--color-ink-soft', 1)}
        />
      ))}
      {[0, 1, 2, 3, 4].map((k) => (
        <rect
          key={`c${k}`}
          x={136}
          y={16 + k * 12}
          width={16}
          height={8}
          style={fill(k === 2 ? '--color-accent' : '--map-seq-3')}
        />
      ))}
    </g>
  ),
  // Training: the loss falling epoch by epoch; then a digit drawn for the network.
  'train-and-draw': (
    <g>
      <path d="M 10 78 H 104 M 10 78 V 10" style={stroke('--color-line-strong', 1.5)} />
      <path d="M 12 16 C 24 60 36 66 52 70 C 70 74 86 74 102 75" style={stroke('--color-accent', 3)} />
      <rect
        x={116}
        y={16}
        width={36}
        height={56}
        rx={4}
        style={boxed('--color-surface-raised', '--color-ink', 1.5)}
      />
      {seven(122, 26, 1)}
    </g>
  ),
  // Which pixels the answer depends on: a heat map over the digit.
  'what-it-looks-at': (
    <g>
      <rect x={50} y={8} width={60} height={74} style={boxed('--color-surface-raised', '--color-line', 1)} />
      <circle cx={88} cy={22} r={12} style={{ ...fill('--map-div-8'), opacity: 0.55 }} />
      <circle cx={76} cy={52} r={10} style={{ ...fill('--map-div-7'), opacity: 0.55 }} />
      <circle cx={64} cy={22} r={8} style={{ ...fill('--map-div-3'), opacity: 0.6 }} />
      {seven(60, 20, 1.4)}
    </g>
  ),
};
