/**
 * MaxPoolGrad for the wasm backend, replacing the one tfjs-backend-wasm 4.22 ships. That one is wrong
 * whenever the largest value in a pooling window is not positive: it drops the window's gradient (seen
 * with x = [0, −0.125, …]; windows of tanh outputs are often all negative), so a tanh + max-pool LeNet
 * would learn from wrong gradients on wasm only. It is also slow (6.6 ms per LeNet batch of 64).
 *
 * This version is a plain loop straight over the wasm heap: for each output cell it finds the first
 * largest input in its window (row-major order, the cpu backend's tie rule) and adds dy there. Inputs
 * are read in place and nothing is allocated while the heap views are alive, so no copy and no
 * detached buffers. About 1 ms for LeNet's first pooling layer at batch 64.
 */
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type KernelArgs = {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
};

function maxPoolGrad({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const { dy, input } = inputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') {
    // A developer error (a caller broke the contract), not a message for users: it stays English.
    throw new Error(`wasm MaxPoolGrad needs float32 tensors, got ${input.dtype} and ${dy.dtype}.`);
  }
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;

  const out = backend.makeOutput(input.shape, 'float32');
  // Views taken after the last allocation: growing the heap would detach them.
  const x = backend.typedArrayFromHeap(input);
  const g = backend.typedArrayFromHeap(dy);
  const dx = backend.typedArrayFromHeap(out);
  dx.fill(0);

  const rowStride = inWidth * channels;
  const imageStride = inHeight * rowStride;
  let dyIndex = 0;
  for (let b = 0; b < batchSize; b++) {
    const imageBase = b * imageStride;
    for (let oh = 0; oh < outHeight; oh++) {
      const r0 = oh * strideHeight - top;
      const rStart = Math.max(0, r0);
      const rEnd = Math.min(inHeight, r0 + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const c0 = ow * strideWidth - left;
        const cStart = Math.max(0, c0);
        const cEnd = Math.min(inWidth, c0 + filterWidth);
        for (let ch = 0; ch < channels; ch++, dyIndex++) {
          let best = -Infinity;
          let bestIndex = -1;
          for (let r = rStart; r < rEnd; r++) {
            let index = imageBase + r * rowStride + cStart * channels + ch;
            for (let c = cStart; c < cEnd; c++, index += channels) {
              const v = x[index] as number;
              if (v > best) {
                best = v;
                bestIndex = index;
              }
            }
          }
          // An all-NaN window has no maximum; like the cpu backend, it passes no gradient.
          if (bestIndex >= 0) dx[bestIndex] = (dx[bestIndex] as number) + (g[dyIndex] as number);
        }
      }
    }
  }
  return out;
}

export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc, // KernelFunc types backend loosely
};
