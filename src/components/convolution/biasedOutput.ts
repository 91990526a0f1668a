import type { Activation, ConvParams, MapStack } from '../../engine';

/**
 * The bank's maps from its weighted sums: `act(sum + bias[f])` for every cell of every filter. The
 * explorer keeps the sums (a convolution with bias 0 and no activation) and redoes only this step when
 * the bias or the activation changes: at 4× CPU throttling the 16 convolutions were about a third of
 * the work of a bias change. Same numbers as `conv2d` with the bias and activation, up to the last bit
 * of a float32 (the sum is rounded once before the bias is added). Returns a new stack; nothing to dispose.
 *
 * One loop per activation with the bias read once: calling `activate` (a switch on its name) and
 * looking the bias up for each of a 16-filter bank's 12,544 cells was ~2 ms of a bias change at 4×
 * CPU throttling (traced); the formulas are the engine's (src/engine/ops/activation.ts).
 */
export function withBiasAndActivation(
  sums: MapStack,
  bias: ConvParams['bias'],
  activation: Activation,
): MapStack {
  const outC = sums.shape[2];
  const src = sums.data;
  const n = src.length;
  const out = new Float32Array(n);
  const biases = new Float64Array(outC);
  for (let f = 0; f < outC; f++) biases[f] = typeof bias === 'number' ? bias : (bias[f] ?? 0);
  // Filters are the innermost axis (HWC): cell i belongs to filter i % outC, counted by f.
  let f = 0;
  switch (activation) {
    case 'none':
      for (let i = 0; i < n; i++) {
        out[i] = (src[i] as number) + (biases[f] as number);
        if (++f === outC) f = 0;
      }
      break;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = (src[i] as number) + (biases[f] as number);
        out[i] = v > 0 ? v : 0;
        if (++f === outC) f = 0;
      }
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        out[i] = Math.tanh((src[i] as number) + (biases[f] as number));
        if (++f === outC) f = 0;
      }
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        out[i] = 1 / (1 + Math.exp(-((src[i] as number) + (biases[f] as number))));
        if (++f === outC) f = 0;
      }
      break;
  }
  return { data: out, shape: sums.shape };
}
