/**
 * Max and average pooling written out loop by loop; the step view and the full map share `poolAt`.
 * Windows never use padding here ('valid'), like LeNet's pooling layers: a window that would hang
 * over the edge is simply not taken.
 *
 *   max:  out[oy, ox, c] = max over the size×size window at (oy·s, ox·s)
 *   avg:  out[oy, ox, c] = (sum of the window) ÷ (size·size)
 */
import { windowGeometry, type WindowGeometry } from './geometry';
import type { MapStack } from './types';

export type PoolKind = 'max' | 'avg';

export type PoolParams = { kind: PoolKind; size: number; stride: number };

export type PoolStep = {
  channel: number;
  oy: number;
  ox: number;
  window: { row: number; col: number; rows: number; cols: number };
  /** Window values in reading order, with their input positions. */
  cells: { iy: number; ix: number; value: number }[];
  /** Index into `cells` of the largest value (the first one when tied). */
  winner: number;
  sum: number;
  count: number;
  output: number;
};

export function poolGeometry(x: MapStack, p: PoolParams): WindowGeometry {
  return windowGeometry([x.shape[0], x.shape[1]], [p.size, p.size], p.stride, 1, 0);
}

function poolAt(
  x: MapStack,
  p: PoolParams,
  channel: number,
  oy: number,
  ox: number,
  visit: ((iy: number, ix: number, v: number) => void) | null,
): { value: number; winner: number; sum: number } {
  const [, w, c] = x.shape;
  let best = -Infinity;
  let winner = 0;
  let sum = 0;
  let i = 0;
  for (let ky = 0; ky < p.size; ky++) {
    const iy = oy * p.stride + ky;
    for (let kx = 0; kx < p.size; kx++, i++) {
      const ix = ox * p.stride + kx;
      const v = x.data[(iy * w + ix) * c + channel] as number;
      if (v > best) {
        best = v;
        winner = i;
      }
      sum += v;
      if (visit) visit(iy, ix, v);
    }
  }
  return { value: p.kind === 'max' ? best : sum / (p.size * p.size), winner, sum };
}

function check(x: MapStack, p: PoolParams): WindowGeometry {
  const g = poolGeometry(x, p);
  if (g.empty) throw new RangeError(g.empty);
  return g;
}

/** Pools every channel: [h, w, c] → new [oh, ow, c] stack (caller owns it; nothing to dispose). */
export function pool2d(x: MapStack, p: PoolParams): MapStack {
  const g = check(x, p);
  const oh = g.h.outSize;
  const ow = g.w.outSize;
  const c = x.shape[2];
  const out = new Float32Array(oh * ow * c);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let ch = 0; ch < c; ch++) out[(oy * ow + ox) * c + ch] = poolAt(x, p, ch, oy, ox, null).value;
  return { data: out, shape: [oh, ow, c] };
}

/** The step view of output (oy, ox) in `channel`: the same `poolAt` as `pool2d`, with the window kept. */
export function poolStep(x: MapStack, p: PoolParams, channel: number, oy: number, ox: number): PoolStep {
  const g = check(x, p);
  if (oy < 0 || ox < 0 || oy >= g.h.outSize || ox >= g.w.outSize) {
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    throw new RangeError(`output cell (${oy}, ${ox}) is outside the ${g.h.outSize}×${g.w.outSize} output`);
  }
  const cells: PoolStep['cells'] = [];
  const r = poolAt(x, p, channel, oy, ox, (iy, ix, value) => cells.push({ iy, ix, value }));
  return {
    channel,
    oy,
    ox,
    window: { row: oy * p.stride, col: ox * p.stride, rows: p.size, cols: p.size },
    cells,
    winner: r.winner,
    sum: r.sum,
    count: p.size * p.size,
    output: Math.fround(r.value),
  };
}
