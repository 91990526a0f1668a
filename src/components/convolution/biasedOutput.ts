import { activateArray, type Activation, type ConvParams, type MapStack } from '../../engine';

/**
 * The bank's maps from its weighted sums: `act(sum + bias[f])` for every cell of every filter. The
 * explorer keeps the sums (a convolution with bias 0 and no activation) and redoes only this step when
 * the bias or the activation changes: at 4× CPU throttling the 16 convolutions were about a third of
 * the work of a bias change. Same numbers as `conv2d` with the bias and activation, up to the last bit
 * of a float32 (the sum is rounded once before the bias is added). Returns a new stack; nothing to dispose.
 * The formulas are the engine's (`activateArray`, one pass with the bias per filter).
 */
export function withBiasAndActivation(
  sums: MapStack,
  bias: ConvParams['bias'],
  activation: Activation,
): MapStack {
  const outC = sums.shape[2];
  const biases = new Float64Array(outC);
  for (let f = 0; f < outC; f++) biases[f] = typeof bias === 'number' ? bias : (bias[f] ?? 0);
  // Filters are the innermost axis (HWC): cell i belongs to filter i % outC, the bias array's length.
  const out = activateArray(activation, sums.data, new Float32Array(sums.data.length), biases);
  return { data: out, shape: sums.shape };
}
