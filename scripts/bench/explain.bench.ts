import { median, type Benchmark, type BenchRow } from './context';

/**
 * Explain's maps with the shipped LeNet-5 on MNIST test digits: milliseconds from pixels to values
 * read back (the MNIST download is outside the timing). Medians over digits after a warm-up call.
 */
const CASES = [
  {
    method: 'gradient',
    metric: 'explain: gradient saliency, 1 image',
    target: 50,
    why: 'issue 13: ≤ 50 ms per image',
  },
  { method: 'smoothgrad', metric: 'explain: SmoothGrad 16 copies, 1 image', target: null, why: '' },
  { method: 'gradcam', metric: 'explain: Grad-CAM conv2, 1 image', target: null, why: '' },
  {
    method: 'occlusion',
    metric: 'explain: occlusion patch 4 stride 1 (625 passes)',
    target: 1000,
    why: 'issue 13: ≤ 1 s, batched',
  },
] as const;

export const benchmark: Benchmark = {
  name: 'explain',
  description:
    'Explain maps of the shipped LeNet-5 for one MNIST test digit (pixels in, values read back): gradient ' +
    'saliency, SmoothGrad, Grad-CAM, a 25×25 occlusion map (patch 4, stride 1) in batches of 128, and the ' +
    'top-9 patches of every conv filter over the 10,000 test digits.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    // EXPLAIN_BACKENDS=wasm skips SwiftShader WebGL, whose top-9 search alone takes minutes on a CPU.
    const backends = (process.env.EXPLAIN_BACKENDS ?? 'webgl,wasm')
      .split(',')
      .filter((b): b is 'webgl' | 'wasm' => b === 'webgl' || b === 'wasm');
    for (const backend of backends) {
      const p = await ctx.openPage({ backend });
      try {
        const active = await p.bench((api) => api.backend());
        for (const c of CASES) {
          if (active !== backend) {
            rows.push({
              metric: c.metric,
              backend,
              value: null,
              unit: 'ms',
              note: `${backend} did not start`,
            });
            continue;
          }
          const digits = ctx.quick
            ? [0, 1]
            : c.method === 'occlusion'
              ? [0, 1, 2, 3, 4]
              : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
          const times = await p.bench(
            async (api, arg) => {
              await api.explainOnce(arg.method, 0);
              const out: number[] = [];
              for (const d of arg.digits) out.push(await api.explainOnce(arg.method, d));
              return out;
            },
            { method: c.method, digits },
          );
          const ms = Math.round(median(times) * 10) / 10;
          ctx.log(`explain ${c.method} ${backend}: median ${ms} ms`);
          rows.push({
            metric: c.metric,
            backend,
            value: ms,
            unit: 'ms',
            ...(c.target !== null ? { target: { op: '<=' as const, value: c.target, why: c.why } } : {}),
            note: `median of ${digits.length} digits`,
          });
        }
        if (active === backend) {
          const ms = await p.bench((api) => api.topPatchesOnce());
          ctx.log(`explain top patches ${backend}: ${Math.round(ms)} ms`);
          rows.push({
            metric: 'explain: top-9 patches, every filter, 10,000 digits',
            backend,
            value: Math.round(ms),
            unit: 'ms',
            target: { op: '<=', value: 10_000, why: 'issue 13: ≤ 10 s' },
            note: 'one run, batches of 256',
          });
        }
        if (active === backend) {
          const counts = ctx.quick ? [2000] : [2000, 10000];
          for (const count of counts) {
            const r = await p.bench((api, n) => api.learnedMapOnce(n), count);
            ctx.log(
              `explain map ${count} ${backend}: ${Math.round(r.ms)} ms (features ${Math.round(r.featuresMs)} ms, ` +
                `${r.longTasks} long tasks, longest ${Math.round(r.longestTaskMs)} ms)`,
            );
            rows.push({
              metric: `explain: learned map (UMAP ×2 in workers), ${count.toLocaleString('en')} digits`,
              backend,
              value: Math.round(r.ms),
              unit: 'ms',
              ...(count === 10000
                ? { target: { op: '<=' as const, value: 60_000, why: 'issue 13: ≤ 60 s on 2 cores' } }
                : {}),
              note:
                `one run; features ${Math.round(r.featuresMs)} ms on the page; longest main-thread task ` +
                `${Math.round(r.longestTaskMs)} ms (${r.longTasks} over 50 ms)`,
            });
          }
        }
        if (p.errors.length > 0) throw new Error(`console errors: ${p.errors.join(' | ')}`);
      } finally {
        await p.close();
      }
    }
    return rows;
  },
};
