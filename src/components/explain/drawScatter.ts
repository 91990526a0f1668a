/**
 * Pure drawing of the learned map: thousands of points coloured by class, mistakes ringed in black,
 * the chosen point marked large. `(ctx, data, opts) => void`, no React (excalidraw renderer style).
 */

/**
 * Ten class colours (Tableau 10, designed to stay apart for the common colour-vision deficiencies).
 * Classes are categories, not amounts, so neither of the app's value scales fits them.
 */
export const CLASS_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#79706e',
] as const;

export const classColor = (c: number): string => CLASS_COLORS[c % CLASS_COLORS.length] ?? '#000';

/**
 * Point radius in CSS px for a map of `count` points: small when thousands overlap, larger for a small
 * stored set's few dozen, which would otherwise be specks on a 640 px map.
 */
export function scatterRadius(count: number): number {
  if (count > 5000) return 1.6;
  if (count > 500) return 2.2;
  return count > 100 ? 3.5 : 5.5;
}

/** Margin in CSS px around the points, so the outermost ones and their rings stay inside. */
export const SCATTER_PAD = 10;

/** Where point `i` is drawn, in CSS px of a `size × size` canvas (y grows downwards). */
export function pointAt(positions: Float32Array, i: number, size: number): [x: number, y: number] {
  const span = size - 2 * SCATTER_PAD;
  return [
    SCATTER_PAD + (positions[i * 2] ?? 0) * span,
    SCATTER_PAD + (1 - (positions[i * 2 + 1] ?? 0)) * span,
  ];
}

/** The point nearest to (x, y) in CSS px within `radius`, or null. A linear scan: 10,000 points is cheap. */
export function nearestPoint(
  positions: Float32Array,
  count: number,
  size: number,
  x: number,
  y: number,
  radius: number,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < count; i++) {
    const [px, py] = pointAt(positions, i, size);
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

export type ScatterData = {
  positions: Float32Array;
  labels: Uint8Array;
  predicted: Uint8Array;
  count: number;
};

export type ScatterOptions = {
  /** Canvas side in CSS px. */
  size: number;
  dpr: number;
  /** Point radius in CSS px. */
  radius: number;
  showMistakes: boolean;
  /** Only this class in colour (the others grey), or null for all. */
  onlyClass: number | null;
  selected: number | null;
};

/** Draws the whole map; the canvas is `size·dpr` pixels square. */
export function drawScatter(ctx: CanvasRenderingContext2D, data: ScatterData, o: ScatterOptions): void {
  const { size, dpr, radius } = o;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  // Grouped by colour: one path per class is far faster than one per point.
  const draw = (c: number, color: string, alpha: number) => {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = color;
    ctx.beginPath();
    for (let i = 0; i < data.count; i++) {
      if (data.labels[i] !== c) continue;
      const [x, y] = pointAt(data.positions, i, size);
      ctx.moveTo(x + radius, y);
      ctx.arc(x, y, radius, 0, Math.PI * 2);
    }
    ctx.fill();
  };
  for (let c = 0; c < CLASS_COLORS.length; c++) {
    if (o.onlyClass !== null && c !== o.onlyClass) draw(c, '#c8c8c8', 0.5);
  }
  for (let c = 0; c < CLASS_COLORS.length; c++) {
    if (o.onlyClass === null || c === o.onlyClass) draw(c, classColor(c), 0.8);
  }
  ctx.globalAlpha = 1;
  if (o.showMistakes) {
    // A mistake: a black ring around the point, its colour the true class.
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    const r = radius + 2.5;
    for (let i = 0; i < data.count; i++) {
      if (data.labels[i] === data.predicted[i]) continue;
      if (o.onlyClass !== null && data.labels[i] !== o.onlyClass) continue;
      const [x, y] = pointAt(data.positions, i, size);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.stroke();
  }
  if (o.selected !== null && o.selected < data.count) {
    const [x, y] = pointAt(data.positions, o.selected, size);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#000';
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x - 16, y);
    ctx.lineTo(x - 11, y);
    ctx.moveTo(x + 11, y);
    ctx.lineTo(x + 16, y);
    ctx.moveTo(x, y - 16);
    ctx.lineTo(x, y - 11);
    ctx.moveTo(x, y + 11);
    ctx.lineTo(x, y + 16);
    ctx.stroke();
  }
}
