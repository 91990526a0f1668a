import { conv2d, kernelFromFilters, presetKernel, KERNEL_PRESETS, type MapStack } from '../../src/engine/ops';
import { median, percentile, type Benchmark, type BenchRow } from './context';

const FRAME_MS = 16.7;

/** The explicit JS maths alone: 16 filters 3×3 (and 7×7) on a 28×28 input, ReLU, in this process (V8). */
function timeMaths(k: number, repeats: number): number[] {
  const x: MapStack = {
    data: Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 255) / 255),
    shape: [28, 28, 1],
  };
  const filters = Array.from({ length: 16 }, (_, i) =>
    presetKernel(KERNEL_PRESETS[i % KERNEL_PRESETS.length] ?? 'random', k, i),
  );
  const kernel = kernelFromFilters(filters, k, k, 1);
  const params = { stride: 1, padding: 'same' as const, dilation: 1, bias: 0.1, activation: 'relu' as const };
  for (let i = 0; i < 20; i++) conv2d(x, kernel, params);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    conv2d(x, kernel, params);
    times.push(performance.now() - t0);
  }
  return times;
}

export const benchmark: Benchmark = {
  name: 'convolution',
  description:
    'Convolution explorer with a 16-filter bank on a 28×28 MNIST digit: the explicit conv2d maths alone ' +
    '(src/engine/ops, in Node), and the whole live update in the page (change the bias in the URL → every ' +
    'map recomputed, React re-rendered, canvases drawn, next frame painted).',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const k of [3, 7]) {
      const t = timeMaths(k, ctx.quick ? 50 : 300);
      ctx.log(`conv2d maths 16×${k}×${k}: median ${median(t).toFixed(3)} ms`);
      rows.push({
        metric: `conv2d maths, 16 filters ${k}×${k} on 28×28 (Node, same code as the page)`,
        value: Number(median(t).toFixed(3)),
        unit: 'ms',
        target: { op: '<=', value: FRAME_MS, why: 'one animation frame' },
        note: `median of ${t.length}; p95 ${percentile(t, 95).toFixed(3)} ms`,
      });
    }
    const p = await ctx.openPage({
      backend: 'wasm',
      hash: '#/convolution?image=mnist-test:0&kernel=1,0,-1,1,0,-1,1,0,-1&stride=1&padding=0&dilation=1&bias=0&activation=relu&step=300&filters=16',
    });
    try {
      await p.page.getByTestId('filter-bank').waitFor({ timeout: 30_000 });
      const times = await p.page.evaluate(
        async (n: number) => {
          const out: number[] = [];
          for (let i = 0; i < n; i++) {
            const bias = ((i % 9) + 1) / 10;
            const t0 = performance.now();
            const url = new URL(window.location.href);
            url.hash = url.hash.replace(/bias=[^&]*/, `bias=${bias}`);
            window.history.replaceState(null, '', url.href);
            window.dispatchEvent(new HashChangeEvent('hashchange'));
            // React commits synchronously for hashchange; wait for the frame that paints it.
            while ((document.querySelector('[data-testid="maths-bias"]')?.textContent ?? '') !== String(bias))
              await new Promise((r) => setTimeout(r, 0));
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            out.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 30));
          }
          return out;
        },
        ctx.quick ? 10 : 40,
      );
      if (p.errors.length) throw new Error(`page errors: ${p.errors.join('; ')}`);
      ctx.log(`16-filter live update: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
      rows.push({
        metric: 'live update, 16 filters 3×3 on 28×28: URL change → all maps recomputed and painted',
        value: Number(median(times.slice(3)).toFixed(1)),
        unit: 'ms',
        target: { op: '<=', value: FRAME_MS, why: 'one animation frame' },
        note: `median of ${times.length - 3} after warm-up; p95 ${percentile(times.slice(3), 95).toFixed(1)} ms; includes waiting for the next requestAnimationFrame`,
      });
    } finally {
      await p.close();
    }
    return rows;
  },
};
