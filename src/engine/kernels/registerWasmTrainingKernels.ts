/**
 * Makes a CNN train correctly and fast on the wasm backend. tfjs-backend-wasm 4.22 runs every forward
 * op LeNet-5 needs and most gradients (AvgPoolGrad, Conv2DBackpropInput, Step for ReLU, the optimizers'
 * maths), but:
 *  - it has no Conv2DBackpropFilter, so `optimizer.minimize` and `model.fit` stop at the first
 *    convolution (found by training LeNet-5 on wasm in node in every option: relu/tanh/sigmoid ×
 *    max/avg pooling × adam/sgd/momentum/rmsprop, through `minimize` and `fit`; it was the only gap);
 *  - its MaxPoolGrad loses the gradient of any window whose maximum is ≤ 0 (tanh + max pooling),
 *    which the comparison against the cpu backend in tests/unit/kernels caught.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm';
import { maxPoolGradWasmConfig } from './maxPoolGradWasm';

type Entry = {
  config: KernelConfig;
  /** 'add' fills a gap and defers to a kernel tfjs ships; 'replace' overrides a shipped kernel. */
  mode: 'add' | 'replace';
};

const ENTRIES: readonly Entry[] = [
  { config: conv2dBackpropFilterWasmConfig, mode: 'add' },
  { config: maxPoolGradWasmConfig, mode: 'replace' },
];

/** The kernels this module puts on the wasm backend. */
export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = ENTRIES.map((e) => e.config);

/**
 * Registers the training kernels for 'wasm'. Idempotent, and safe before (or without) the wasm
 * backend itself: the kernel registry is keyed by name only, and none of these kernels needs a
 * setup step. Returns nothing; nothing to dispose.
 */
export function registerWasmTrainingKernels(): void {
  for (const { config, mode } of ENTRIES) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) {
      if (mode === 'add') continue;
      unregisterKernel(config.kernelName, config.backendName);
    }
    registerKernel(config);
  }
}
