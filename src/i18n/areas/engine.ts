/**
 * Messages the engine (src/engine) and the URL codecs (src/state) give the user: errors, warnings,
 * backend reasons and labels of engine values. The engine stays framework-free: it reads these with t().
 */
export const engine = {
  backend: {
    wasm: 'WebAssembly',
  },
};
