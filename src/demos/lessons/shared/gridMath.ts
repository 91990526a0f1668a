/**
 * The small, exact arithmetic the lessons show with real numbers: plain arrays, no tensors, so a step
 * can be recomputed on every slider move and tested as a table. Row-major `h × w` grids throughout.
 */

export type Grid = { values: Float32Array; h: number; w: number };

export type ConvSettings = { stride: number; padding: number; dilation: number };

export const NO_STRIDE: ConvSettings = { stride: 1, padding: 0, dilation: 1 };

/** out = ⌊(in + 2·pad − dil·(k−1) − 1) / stride⌋ + 1, or 0 when the window does not fit once. */
export function outputSize(inSize: number, k: number, s: ConvSettings): number {
  const room = inSize + 2 * s.padding - s.dilation * (k - 1) - 1;
  return room < 0 ? 0 : Math.floor(room / s.stride) + 1;
}

export function grid(h: number, w: number, values?: ArrayLike<number>): Grid {
  const g = new Float32Array(h * w);
  if (values) g.set(Array.from(values).slice(0, h * w));
  return { values: g, h, w };
}

/** Value at (r, c) of the zero-padded input; outside the real data it is 0. */
export function at(g: Grid, r: number, c: number): number {
  if (r < 0 || c < 0 || r >= g.h || c >= g.w) return 0;
  return g.values[r * g.w + c] ?? 0;
}

/** The k×k window at output cell (or, oc): its top-left in padded coordinates and every input cell it reads. */
export function windowCells(
  outRow: number,
  outCol: number,
  k: number,
  s: ConvSettings,
): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      cells.push({
        row: outRow * s.stride + i * s.dilation - s.padding,
        col: outCol * s.stride + j * s.dilation - s.padding,
      });
    }
  }
  return cells;
}

/**
 * Cross-correlation as CNNs compute it (no kernel flip): out(r,c) = Σᵢⱼ in(r·s + i·d − p, c·s + j·d − p) · k(i,j) + bias.
 * `kernel` is k×k, row-major.
 */
export function conv2d(input: Grid, kernel: ArrayLike<number>, k: number, s = NO_STRIDE, bias = 0): Grid {
  const oh = outputSize(input.h, k, s);
  const ow = outputSize(input.w, k, s);
  const out = new Float32Array(oh * ow);
  for (let r = 0; r < oh; r++) {
    for (let c = 0; c < ow; c++) {
      let sum = bias;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          sum +=
            at(input, r * s.stride + i * s.dilation - s.padding, c * s.stride + j * s.dilation - s.padding) *
            (kernel[i * k + j] ?? 0);
        }
      }
      out[r * ow + c] = sum;
    }
  }
  return { values: out, h: oh, w: ow };
}

/** The products under the window at one output cell, and their sum: what the maths panel prints. */
export function windowProducts(
  input: Grid,
  kernel: ArrayLike<number>,
  k: number,
  outRow: number,
  outCol: number,
  s = NO_STRIDE,
): { inputs: number[]; weights: number[]; products: number[]; sum: number } {
  const inputs: number[] = [];
  const weights: number[] = [];
  const products: number[] = [];
  let sum = 0;
  windowCells(outRow, outCol, k, s).forEach(({ row, col }, i) => {
    const x = at(input, row, col);
    const wgt = kernel[i] ?? 0;
    inputs.push(x);
    weights.push(wgt);
    products.push(x * wgt);
    sum += x * wgt;
  });
  return { inputs, weights, products, sum };
}

export type PoolKind = 'max' | 'avg';

/** Pooling with a size×size window and the given stride (no padding): max or mean of each window. */
export function pool2d(input: Grid, size: number, stride: number, kind: PoolKind): Grid {
  const oh = outputSize(input.h, size, { stride, padding: 0, dilation: 1 });
  const ow = outputSize(input.w, size, { stride, padding: 0, dilation: 1 });
  const out = new Float32Array(oh * ow);
  for (let r = 0; r < oh; r++) {
    for (let c = 0; c < ow; c++) {
      let best = -Infinity;
      let sum = 0;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const v = at(input, r * stride + i, c * stride + j);
          if (v > best) best = v;
          sum += v;
        }
      }
      out[r * ow + c] = kind === 'max' ? best : sum / (size * size);
    }
  }
  return { values: out, h: oh, w: ow };
}

/** Row, column of the largest value in the pooling window at (outRow, outCol): the cell max pooling keeps. */
export function poolWinner(input: Grid, size: number, stride: number, outRow: number, outCol: number) {
  let best = { row: outRow * stride, col: outCol * stride, value: -Infinity };
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const row = outRow * stride + i;
      const col = outCol * stride + j;
      const v = at(input, row, col);
      if (v > best.value) best = { row, col, value: v };
    }
  }
  return best;
}

export type ActivationName = 'relu' | 'tanh' | 'sigmoid';

export const ACTIVATIONS: Record<ActivationName, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  tanh: (x) => Math.tanh(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
};

export function mapGrid(g: Grid, f: (x: number) => number): Grid {
  return { values: g.values.map(f), h: g.h, w: g.w };
}

/** Adds several equally sized grids cell by cell (the per-channel sum of an RGB convolution). */
export function sumGrids(grids: Grid[]): Grid {
  const first = grids[0];
  if (!first) return grid(0, 0);
  const out = new Float32Array(first.h * first.w);
  for (const g of grids) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + (g.values[i] ?? 0);
  return { values: out, h: first.h, w: first.w };
}

/** Hand-made 3×3 filters with the names the lessons use. Row-major. */
export const KERNELS = {
  vertical: [-1, 2, -1, -1, 2, -1, -1, 2, -1],
  horizontal: [-1, -1, -1, 2, 2, 2, -1, -1, -1],
  diagonal: [2, -1, -1, -1, 2, -1, -1, -1, 2],
  blur: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
} as const satisfies Record<string, readonly number[]>;

export type KernelName = keyof typeof KERNELS;

export function isKernelName(v: string): v is KernelName {
  return Object.hasOwn(KERNELS, v);
}

/** A 7×7 picture of a vertical bar (column 3) crossed by a short horizontal stroke: small enough to read every number. */
export function barPattern(): Grid {
  const g = grid(7, 7);
  for (let r = 1; r < 6; r++) g.values[r * 7 + 3] = 1;
  for (let c = 1; c < 4; c++) g.values[1 * 7 + c] = 1;
  return g;
}

/** An 8×8 map with mixed signs for pooling: a fixed pattern so every step link shows the same numbers. */
export function poolingPattern(): Grid {
  const v = [
    0.1, 0.9, 0.2, 0.0, -0.3, 0.4, 0.0, 0.1, 0.3, 0.2, 0.8, 0.1, 0.0, 1.0, 0.2, -0.2, -0.5, 0.0, 0.1, 0.6,
    0.7, 0.1, 0.0, 0.3, 0.2, 0.4, 0.0, 0.2, 0.1, 0.0, 0.5, 0.9, 0.0, 0.1, 0.7, 0.3, -0.1, 0.2, 0.1, 0.0, 0.6,
    0.0, 0.2, 0.1, 0.3, 0.8, -0.4, 0.2, 0.1, 0.3, 0.0, -0.2, 0.2, 0.1, 0.6, 0.4, 0.0, 0.2, 0.4, 0.1, 0.0, 0.3,
    0.2, 0.7,
  ];
  return grid(8, 8, v);
}

/**
 * A synthetic colour "photo" (no external files): sky fading to white, a sun, green hills and a red
 * house. Returns the three channels, each h×w in [0, 1].
 */
export function syntheticPhoto(size = 24): { r: Grid; g: Grid; b: Grid } {
  const r = grid(size, size);
  const g = grid(size, size);
  const b = grid(size, size);
  const put = (row: number, col: number, rgb: [number, number, number]) => {
    const i = row * size + col;
    r.values[i] = rgb[0];
    g.values[i] = rgb[1];
    b.values[i] = rgb[2];
  };
  const s = size / 24;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const y = row / s;
      const x = col / s;
      const hill = 15 + 3 * Math.sin(x / 4);
      let px: [number, number, number] = [0.35 + y / 60, 0.6 + y / 50, 0.95];
      if ((x - 18) ** 2 + (y - 5) ** 2 < 9) px = [1, 0.85, 0.1];
      if (y > hill) px = [0.15, 0.55 - (y - hill) / 40, 0.15];
      if (x >= 4 && x < 10 && y >= 12 && y < 18) px = [0.8, 0.1, 0.1];
      if (x >= 6 && x < 8 && y >= 15 && y < 18) px = [0.35, 0.2, 0.1];
      if (y >= 9 && y < 12 && Math.abs(x - 7) <= y - 9 + 0.5) px = [0.45, 0.15, 0.1];
      put(row, col, px);
    }
  }
  return { r, g, b };
}

/** Bell curve (Gaussian) with centre `mu` and width `sigma`, scaled to peak at 1. */
export function bell(x: number, mu: number, sigma: number): number {
  return Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma));
}

/**
 * (f ∗ g)(t) = ∫ f(τ)·g(t − τ) dτ for two bells, by the midpoint rule over [lo, hi] with n slices.
 * Symmetric bells make g(t − τ) the bell g centred at t, which is what the picture shows sliding.
 */
export function convolveBells(t: number, sigmaF: number, sigmaG: number, lo = -8, hi = 8, n = 400): number {
  const dx = (hi - lo) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const tau = lo + (i + 0.5) * dx;
    sum += bell(tau, 0, sigmaF) * bell(tau, t, sigmaG) * dx;
  }
  return sum;
}

/** Lesson 2's row of numbers and its little bell-shaped kernel. */
export const ROW_1D: readonly number[] = [0, 1, 3, 1, 0, 0, 2, 2, 0];
export const ROW_1D_KERNEL: readonly number[] = [1, 2, 1];

/** 1-D discrete convolution (as CNNs compute it, no flip, no padding): out[i] = Σⱼ x[i + j]·k[j]. */
export function conv1d(x: readonly number[], k: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + k.length <= x.length; i++) {
    let s = 0;
    for (let j = 0; j < k.length; j++) s += (x[i + j] ?? 0) * (k[j] ?? 0);
    out.push(s);
  }
  return out;
}
