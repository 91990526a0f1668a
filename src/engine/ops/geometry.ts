/**
 * Window geometry shared by convolution and pooling: how far a window reaches, how much padding
 * "same" needs, and how many output cells fit. Plain numbers only.
 *
 * out = ⌊(in + padBefore + padAfter − dil·(k−1) − 1) / stride⌋ + 1
 * With symmetric padding p this is the textbook ⌊(in + 2·p − dil·(k−1) − 1) / stride⌋ + 1.
 */
import { t } from '../../i18n';

/** A number of zero cells on every side, or 'same' (enough zeros that out = ⌈in / stride⌉, as in TensorFlow). */
export type Padding = number | 'same';

/** One axis (height or width) of a sliding window. */
export type AxisGeometry = {
  inSize: number;
  kernel: number;
  stride: number;
  dilation: number;
  padBefore: number;
  padAfter: number;
  /** How many input cells the window spans, gaps included: dil·(k−1) + 1. */
  span: number;
  /** Output cells along this axis; 0 when nothing fits. */
  outSize: number;
};

/** Both axes of a window over an input; `empty` gives a reason when the output would have no cells. */
export type WindowGeometry = {
  h: AxisGeometry;
  w: AxisGeometry;
  /** Input size including padding. */
  paddedH: number;
  paddedW: number;
  /** Plain-words reason the output is empty, or null when it has at least one cell. */
  empty: string | null;
};

export function effectiveKernel(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

/** Padding before and after along one axis; 'same' follows TensorFlow (the odd extra zero goes after). */
export function resolvePadding(
  inSize: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: Padding,
): [before: number, after: number] {
  if (padding !== 'same') return [padding, padding];
  const out = Math.ceil(inSize / stride);
  const total = Math.max(0, (out - 1) * stride + effectiveKernel(kernel, dilation) - inSize);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

export function axisGeometry(
  inSize: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: Padding,
): AxisGeometry {
  const [padBefore, padAfter] = resolvePadding(inSize, kernel, stride, dilation, padding);
  const span = effectiveKernel(kernel, dilation);
  const room = inSize + padBefore + padAfter - span;
  const outSize = room < 0 ? 0 : Math.floor(room / stride) + 1;
  return { inSize, kernel, stride, dilation, padBefore, padAfter, span, outSize };
}

/**
 * Geometry of a k×k window (square kernels; separate sizes per axis are allowed) over an h×w input.
 * Validates the settings: sizes, strides and dilations must be positive integers, padding ≥ 0.
 * Throws a RangeError with a plain-words message for invalid settings; returns `empty` (not a
 * throw) for valid settings that simply leave no room, because the UI explains that case.
 */
export function windowGeometry(
  inHW: [h: number, w: number],
  kernelHW: [kh: number, kw: number],
  stride: number,
  dilation: number,
  padding: Padding,
): WindowGeometry {
  const [inH, inW] = inHW;
  const [kh, kw] = kernelHW;
  type Setting = 'inputHeight' | 'inputWidth' | 'kernelHeight' | 'kernelWidth' | 'stride' | 'dilation';
  const posInt = (v: number, what: Setting) => {
    if (!Number.isInteger(v) || v < 1) {
      const name = t(`engine.geometry.what.${what}`);
      throw new RangeError(t('engine.geometry.notPositive', { what: name, value: String(v) }));
    }
  };
  posInt(inH, 'inputHeight');
  posInt(inW, 'inputWidth');
  posInt(kh, 'kernelHeight');
  posInt(kw, 'kernelWidth');
  posInt(stride, 'stride');
  posInt(dilation, 'dilation');
  if (padding !== 'same' && (!Number.isInteger(padding) || padding < 0)) {
    throw new RangeError(t('engine.geometry.badPadding', { value: String(padding) }));
  }
  const h = axisGeometry(inH, kh, stride, dilation, padding);
  const w = axisGeometry(inW, kw, stride, dilation, padding);
  let empty: string | null = null;
  for (const [axis, g] of [
    ['height', h],
    ['width', w],
  ] as const) {
    if (g.outSize === 0) {
      const dilated =
        g.dilation > 1 ? t('engine.geometry.dilated', { k: String(g.kernel), d: String(g.dilation) }) : '';
      const input = t(g.padBefore + g.padAfter > 0 ? 'engine.geometry.paddedInput' : 'engine.geometry.input');
      const room = String(g.inSize + g.padBefore + g.padAfter);
      const vars = { span: String(g.span), dilated, input, room };
      empty = t(axis === 'height' ? 'engine.geometry.tooTall' : 'engine.geometry.tooWide', vars);
      break;
    }
  }
  return { h, w, paddedH: inH + h.padBefore + h.padAfter, paddedW: inW + w.padBefore + w.padAfter, empty };
}

/** The formula with numbers substituted, e.g. "⌊(28 + 2·1 − 1·(3−1) − 1) / 1⌋ + 1 = 28". */
export function formulaText(g: AxisGeometry): string {
  const pad = g.padBefore === g.padAfter ? `2·${g.padBefore}` : `(${g.padBefore}+${g.padAfter})`;
  const top = g.inSize + g.padBefore + g.padAfter - g.span;
  const s = String(g.stride);
  return t('engine.geometry.formula', {
    in: String(g.inSize),
    pad,
    d: String(g.dilation),
    k: String(g.kernel),
    s,
    result: top < 0 ? t('engine.geometry.nothingFits', { top: String(top), s }) : String(g.outSize),
  });
}
