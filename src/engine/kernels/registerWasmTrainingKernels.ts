/**
 * Makes a CNN train correctly and fast on the wasm backend. tfjs-backend-wasm 4.22 runs every forward
 * op LeNet-5 needs and most gradients (AvgPoolGrad, Conv2DBackpropInput, Step for ReLU, the optimizers'
 * maths), but:
 *  - it has no Conv2DBackpropFilter, so `optimizer.minimize` and `model.fit` stop at the first
 *    convolution (found by training LeNet-5 on wasm in node in every option: relu/tanh/sigmoid ×
 *    max/avg pooling × adam/sgd/momentum/rmsprop, through `minimize` and `fit`; it was the only gap);
 *  - its MaxPoolGrad loses the gradient of any window whose maximum is ≤ 0 (tanh + max pooling),
 *    which the comparison against the cpu backend in tests/unit/kernels caught;
 *  - its Conv2DBackpropInput is a plain loop, a third of a LeNet step; stride 1 now runs on XNNPACK;
 *  - its BatchMatMul is ~10× slower with a transposed operand, which every dense gradient uses.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { makeBatchMatMulWasmConfig } from './batchMatMulWasm';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm';
import { makeConv2dBackpropInputWasmConfig } from './conv2dBackpropInputWasm';
import { maxPoolGradWasmConfig } from './maxPoolGradWasm';

/** The kernels this module puts on the wasm backend. */
export const WASM_TRAINING_KERNEL_NAMES = [
  'Conv2DBackpropFilter',
  'MaxPoolGrad',
  'Conv2DBackpropInput',
] as const;

/** Built once around the shipped kernels, which they call for the cases they do not rewrite. */
const wrappers = new Map<string, KernelConfig>();
const WRAPPERS: [string, (shipped: KernelConfig) => KernelConfig][] = [
  ['Conv2DBackpropInput', makeConv2dBackpropInputWasmConfig],
  ['BatchMatMul', makeBatchMatMulWasmConfig],
];

/**
 * 'add' fills a gap and defers to a kernel tfjs already has; 'replace' overrides the shipped one.
 * Either way a second call finds our kernel in place and does nothing.
 */
function ensure(config: KernelConfig, mode: 'add' | 'replace'): void {
  const current = getKernel(config.kernelName, config.backendName);
  if (current?.kernelFunc === config.kernelFunc) return;
  if (current) {
    if (mode === 'add') return;
    unregisterKernel(config.kernelName, config.backendName);
  }
  registerKernel(config);
}

/**
 * Registers the training kernels for 'wasm'. Idempotent, and safe before (or without) the wasm
 * backend itself: the kernel registry is keyed by name, and the engine runs a kernel's setup step
 * when the backend starts. Returns nothing; nothing to dispose.
 */
export function registerWasmTrainingKernels(): void {
  ensure(conv2dBackpropFilterWasmConfig, 'add');
  ensure(maxPoolGradWasmConfig, 'replace');
  for (const [name, wrap] of WRAPPERS) {
    if (!wrappers.has(name)) {
      // A wrapper needs the shipped kernel, so it waits until tfjs-backend-wasm has registered it.
      const shipped = getKernel(name, 'wasm');
      if (shipped) wrappers.set(name, wrap(shipped));
    }
    const config = wrappers.get(name);
    if (config) ensure(config, 'replace');
  }
}
