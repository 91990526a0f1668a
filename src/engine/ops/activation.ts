import { t } from '../../i18n';

/** The squashing step after the weighted sum: what a neuron passes on. */
export type Activation = 'none' | 'relu' | 'tanh' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = ['none', 'relu', 'tanh', 'sigmoid'];

/**
 * none: v · ReLU: max(0, v) · tanh: (e^v − e^−v)/(e^v + e^−v) · sigmoid: 1/(1 + e^−v). One value;
 * `activateArray` below is the same formulas for a whole array (tests hold the two equal).
 */
export function activate(kind: Activation, v: number): number {
  switch (kind) {
    case 'none':
      return v;
    case 'relu':
      return v > 0 ? v : 0;
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
  }
}

/** Float32 or float64 values: what `activateArray` reads and writes. */
export type FloatArray = Float32Array | Float64Array;

/** Adding −0 leaves every value as it is (−0 included, which + 0 would turn into +0). */
const NO_BIAS = Float64Array.of(-0);

/**
 * `out[i] = activate(kind, pre[i] + bias[i % bias.length])` for every i: the same formulas, one loop
 * per activation (a switch and a call per value was ~2 ms of the explorer's 12,544-cell update at 4×
 * CPU throttling). `bias` is one value per channel when channels are the innermost axis (HWC), as a
 * conv layer's bias per filter; leave it out for `activate(kind, pre[i])`. The sum is in float64.
 * Writes into `out`, which the caller owns and passes in (`out` may be `pre` itself, to work in
 * place); nothing is allocated, and `pre` and `bias` are only read. With `out` a Float32Array the
 * result is rounded once, on storing, exactly as `Math.fround(activate(...))`. Returns `out`. Throws
 * RangeError when the lengths differ or `bias` is empty.
 */
export function activateArray<O extends FloatArray>(
  kind: Activation,
  pre: FloatArray,
  out: O,
  bias: ArrayLike<number> = NO_BIAS,
): O {
  const n = pre.length;
  const m = bias.length;
  if (out.length !== n || m === 0) {
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    throw new RangeError(`activateArray: ${n} values in, room for ${out.length} out, ${m} biases`);
  }
  const b = Float64Array.from(bias);
  // c counts the channel of cell i (i % m) without a division per cell.
  let c = 0;
  switch (kind) {
    case 'none':
      for (let i = 0; i < n; i++) {
        out[i] = (pre[i] as number) + (b[c] as number);
        if (++c === m) c = 0;
      }
      break;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = (pre[i] as number) + (b[c] as number);
        out[i] = v > 0 ? v : 0;
        if (++c === m) c = 0;
      }
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        out[i] = Math.tanh((pre[i] as number) + (b[c] as number));
        if (++c === m) c = 0;
      }
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        out[i] = 1 / (1 + Math.exp(-((pre[i] as number) + (b[c] as number))));
        if (++c === m) c = 0;
      }
      break;
  }
  return out;
}

/** The formula in plain text, for the maths panel, in the current language. */
export function activationFormula(kind: Activation): string {
  return t(`engine.activation.${kind}`);
}
