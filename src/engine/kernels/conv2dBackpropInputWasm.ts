/**
 * A faster Conv2DBackpropInput for the wasm backend. The one tfjs-backend-wasm 4.22 ships is a plain
 * C++ loop: 9 ms of a 27 ms LeNet training step (batch 64) goes to conv2's input gradient. For stride 1
 * the input gradient is itself a forward convolution, which XNNPACK runs several times faster:
 *
 *   dx[b, i, j, ci] = Σ_{kh, kw, co} dy[b, i − kh + padTop, j − kw + padLeft, co] · W[kh, kw, ci, co]
 *                   = conv2d(dy, W rotated 180° with in/out channels swapped, padding kh−1−padTop …)
 *
 * Strided convolutions would need dy spread out with zeros first; those (and any padding the
 * rewrite cannot express) go to the shipped kernel, which this one keeps and calls.
 */
import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runWasmKernel } from './conv2dBackpropFilterWasm';

type KernelArgs = {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropInputAttrs;
};

/**
 * Builds the replacement around the kernel tfjs ships (`shipped`), which handles what the rewrite
 * does not. The shipped kernel's setup step is kept, so it is ready whenever the backend starts.
 */
export function makeConv2dBackpropInputWasmConfig(shipped: KernelConfig): KernelConfig {
  function conv2dBackpropInput(args: KernelArgs): TensorInfo {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
    const format = backend_util.convertConv2DDataFormat(dataFormat);
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    const { filterHeight: kh, filterWidth: kw, inHeight, inWidth, outHeight, outWidth } = info;
    const { top, left } = info.padInfo;
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    const padBottom = inHeight - outHeight + top;
    const padRight = inWidth - outWidth + left;
    const rewritable =
      format === 'channelsLast' &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      dy.dtype === 'float32' &&
      Math.min(padTop, padLeft, padBottom, padRight) >= 0;
    if (!rewritable) return shipped.kernelFunc(args as never) as TensorInfo;

    const flipped = runWasmKernel('Reverse', { x: filter }, { dims: [0, 1] }, backend);
    const swapped = runWasmKernel('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] }, backend);
    backend.disposeData(flipped.dataId);
    const dx = runWasmKernel(
      'Conv2D',
      { x: dy, filter: swapped },
      {
        strides: [1, 1],
        pad: [
          [0, 0],
          [padTop, padBottom],
          [padLeft, padRight],
          [0, 0],
        ],
        dilations: [1, 1],
        dataFormat: 'NHWC',
      },
      backend,
    );
    backend.disposeData(swapped.dataId);
    return dx;
  }

  return {
    kernelName: Conv2DBackpropInput,
    backendName: 'wasm',
    setupFunc: shipped.setupFunc,
    kernelFunc: conv2dBackpropInput as unknown as KernelFunc, // KernelFunc types backend loosely
  };
}
