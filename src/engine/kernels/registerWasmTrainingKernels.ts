/**
 * Placeholder entry point: the wasm backend lacks some gradient kernels (Conv2DBackpropFilter at least).
 * Registering them here makes a CNN trainable on wasm. Filled in by the wasm-kernels work.
 */
export function registerWasmTrainingKernels(): void {}
