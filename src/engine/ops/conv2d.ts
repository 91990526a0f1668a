/**
 * 2-D convolution written out loop by loop, so the step-by-step view and the full map are literally
 * the same code (`convAt`). Channels last, like tfjs; zero padding; no tensors.
 *
 * For filter f at output cell (oy, ox):
 *   sum = Σ_ky Σ_kx Σ_c  x[oy·s + ky·d − padTop, ox·s + kx·d − padLeft, c] · w[ky, kx, c, f]
 *   out = act(sum + bias[f])
 * where cells outside the input (the padding) count as 0.
 */
import { activate, activateArray, type Activation } from './activation';
import { windowGeometry, type Padding, type WindowGeometry } from './geometry';
import type { ConvKernel, MapStack } from './types';

export type ConvParams = {
  stride: number;
  padding: Padding;
  dilation: number;
  /** One bias per filter; a single number is used for every filter. */
  bias: number | ArrayLike<number>;
  activation: Activation;
};

/** One input value meeting one weight inside the window. */
export type ConvStepCell = {
  ky: number;
  kx: number;
  channel: number;
  /** Position in the padded input (0-based). */
  py: number;
  px: number;
  /** Position in the real input; outside 0..h−1 / 0..w−1 when the cell is padding. */
  iy: number;
  ix: number;
  isPadding: boolean;
  x: number;
  w: number;
  product: number;
};

/** Everything that happens at one output position, with real numbers. */
export type ConvStep = {
  filter: number;
  oy: number;
  ox: number;
  /** Top-left of the window in padded-input coordinates, and its span (gaps from dilation included). */
  window: { row: number; col: number; rows: number; cols: number };
  cells: ConvStepCell[];
  sum: number;
  bias: number;
  preActivation: number;
  output: number;
};

type Visit = (cell: ConvStepCell) => void;

export function convGeometry(
  x: MapStack,
  k: ConvKernel,
  p: Pick<ConvParams, 'stride' | 'padding' | 'dilation'>,
) {
  return windowGeometry([x.shape[0], x.shape[1]], [k.shape[0], k.shape[1]], p.stride, p.dilation, p.padding);
}

function checkShapes(x: MapStack, k: ConvKernel): void {
  // Developer errors: the explorers resolve the kernel's depth and size first, so these stay English.
  if (x.shape[2] !== k.shape[2]) {
    throw new RangeError(`the input has ${x.shape[2]} channel(s) but the kernel expects ${k.shape[2]}`);
  }
  if (x.data.length !== x.shape[0] * x.shape[1] * x.shape[2])
    throw new RangeError('input data does not match its shape');
  if (k.data.length !== k.shape[0] * k.shape[1] * k.shape[2] * k.shape[3]) {
    throw new RangeError('kernel data does not match its shape');
  }
}

function biasOf(bias: ConvParams['bias'], f: number): number {
  return typeof bias === 'number' ? bias : (bias[f] ?? 0);
}

/**
 * The weighted sum (no bias) for filter `f` at output (oy, ox). `onlyChannel` restricts it to one
 * input channel (the per-channel maps of an RGB input). `visit`, when given, sees every product.
 * This is the single place the convolution is computed.
 */
function convAt(
  x: MapStack,
  k: ConvKernel,
  g: WindowGeometry,
  f: number,
  oy: number,
  ox: number,
  onlyChannel: number,
  visit: Visit | null,
): number {
  const [h, w, c] = x.shape;
  const [kh, kw, inC, outC] = k.shape;
  const sy = g.h.stride;
  const sx = g.w.stride;
  const dil = g.h.dilation;
  const c0 = onlyChannel >= 0 ? onlyChannel : 0;
  const c1 = onlyChannel >= 0 ? onlyChannel + 1 : inC;
  let sum = 0;
  for (let ky = 0; ky < kh; ky++) {
    const py = oy * sy + ky * dil;
    const iy = py - g.h.padBefore;
    const rowInside = iy >= 0 && iy < h;
    for (let kx = 0; kx < kw; kx++) {
      const px = ox * sx + kx * dil;
      const ix = px - g.w.padBefore;
      const inside = rowInside && ix >= 0 && ix < w;
      const base = (iy * w + ix) * c;
      for (let ch = c0; ch < c1; ch++) {
        const xv = inside ? (x.data[base + ch] as number) : 0;
        const wv = k.data[((ky * kw + kx) * inC + ch) * outC + f] as number;
        const product = xv * wv;
        sum += product;
        if (visit) visit({ ky, kx, channel: ch, py, px, iy, ix, isPadding: !inside, x: xv, w: wv, product });
      }
    }
  }
  return sum;
}

/**
 * Full convolution: input [h, w, inC] with kernel [kh, kw, inC, outC] → new stack [oh, ow, outC]
 * (the caller owns it; plain arrays, nothing to dispose). Throws RangeError for invalid settings or
 * when the output would be empty (`geometry.empty` says why).
 */
export function conv2d(x: MapStack, k: ConvKernel, p: ConvParams): MapStack {
  checkShapes(x, k);
  const g = convGeometry(x, k, p);
  if (g.empty) throw new RangeError(g.empty);
  const oh = g.h.outSize;
  const ow = g.w.outSize;
  const outC = k.shape[3];
  // Sum + bias kept in float64 and activated in one pass: rounded to float32 once, on storing.
  const pre = new Float64Array(oh * ow * outC);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let f = 0; f < outC; f++) {
        pre[(oy * ow + ox) * outC + f] = convAt(x, k, g, f, oy, ox, -1, null) + biasOf(p.bias, f);
      }
  return { data: activateArray(p.activation, pre, new Float32Array(pre.length)), shape: [oh, ow, outC] };
}

/**
 * What each input channel contributes to filter `f` (weighted sums, no bias, no activation): one new
 * oh×ow array per channel. Their element-wise sum plus the bias is the filter's map before activation.
 */
export function conv2dChannelSums(x: MapStack, k: ConvKernel, p: ConvParams, f: number): Float32Array[] {
  checkShapes(x, k);
  const g = convGeometry(x, k, p);
  if (g.empty) throw new RangeError(g.empty);
  const maps: Float32Array[] = [];
  for (let ch = 0; ch < x.shape[2]; ch++) {
    const m = new Float32Array(g.h.outSize * g.w.outSize);
    for (let oy = 0; oy < g.h.outSize; oy++)
      for (let ox = 0; ox < g.w.outSize; ox++)
        m[oy * g.w.outSize + ox] = convAt(x, k, g, f, oy, ox, ch, null);
    maps.push(m);
  }
  return maps;
}

/** The step view of output cell (oy, ox) of filter `f`: same code path as `conv2d`, with every product kept. */
export function convStep(
  x: MapStack,
  k: ConvKernel,
  p: ConvParams,
  f: number,
  oy: number,
  ox: number,
): ConvStep {
  checkShapes(x, k);
  const g = convGeometry(x, k, p);
  if (g.empty) throw new RangeError(g.empty);
  if (oy < 0 || ox < 0 || oy >= g.h.outSize || ox >= g.w.outSize) {
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    throw new RangeError(`output cell (${oy}, ${ox}) is outside the ${g.h.outSize}×${g.w.outSize} output`);
  }
  const cells: ConvStepCell[] = [];
  const sum = convAt(x, k, g, f, oy, ox, -1, (cell) => cells.push(cell));
  const bias = biasOf(p.bias, f);
  const preActivation = sum + bias;
  return {
    filter: f,
    oy,
    ox,
    window: { row: oy * g.h.stride, col: ox * g.w.stride, rows: g.h.span, cols: g.w.span },
    cells,
    sum,
    bias,
    preActivation,
    // Rounded through float32 so the panel shows exactly what the full map stores.
    output: Math.fround(activate(p.activation, preActivation)),
  };
}

/** The input surrounded by its zero padding, as a new [paddedH, paddedW, c] stack (for drawing). */
export function padInput(x: MapStack, g: WindowGeometry): MapStack {
  const [h, w, c] = x.shape;
  const ph = g.paddedH;
  const pw = g.paddedW;
  const data = new Float32Array(ph * pw * c);
  for (let y = 0; y < h; y++)
    for (let xx = 0; xx < w; xx++)
      for (let ch = 0; ch < c; ch++) {
        data[((y + g.h.padBefore) * pw + xx + g.w.padBefore) * c + ch] = x.data[(y * w + xx) * c + ch] ?? 0;
      }
  return { data, shape: [ph, pw, c] };
}
