import type { Arithmetic } from '../../../engine';

/**
 * Memory while training, in MB: every layer's output is kept for the backward pass and gets a
 * gradient of the same size (×2, plus the optimizer's copy of the batch's last layer ~×3), for each
 * digit of the batch; each parameter lives four times (value, gradient, Adam's two running averages).
 * Float32: 4 bytes a number. A rough upper estimate, to warn before a network too big for the computer.
 */
export function trainingMemoryMB(a: Arithmetic, batchSize: number): number {
  const activations = a.totals.activations * batchSize * 3;
  const params = a.totals.params * 4;
  return ((activations + params) * 4) / 1e6;
}

/**
 * What a training run may take here before the page warns: a quarter of the device's memory where the
 * browser says (Chrome's `navigator.deviceMemory`, in GB, capped at 8), else a quarter of 4 GB, a
 * typical school Chromebook.
 */
export function memoryBudgetMB(): number {
  const gb = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory ?? 4;
  return (Math.min(8, gb) * 1024) / 4;
}
