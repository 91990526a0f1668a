import { BACKENDS, median, type Benchmark, type BenchRow } from './context';

const BATCH = 64;

/** The wasm goal from the backend work: fast enough that a class can watch LeNet learn in seconds. */
const WASM_TARGET = { op: '>=', value: 1200, why: 'wasm on a 2-core laptop without GPU' } as const;

export const benchmark: Benchmark = {
  name: 'training',
  description:
    `LeNet-5 (relu, max pool) training throughput, Adam, batch ${BATCH} of random MNIST-shaped data, ` +
    'optimizer.minimize with one loss read-back per window, after warm-up; median of the timed windows.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const backend of BACKENDS) {
      const p = await ctx.openPage({ backend });
      try {
        const active = await p.bench((api) => api.backend());
        if (active !== backend) {
          rows.push({
            metric: `LeNet-5 train, batch ${BATCH}`,
            backend,
            value: null,
            unit: 'examples/s',
            note: `${backend} did not start (got ${active})`,
          });
          continue;
        }
        // Warm-up: compiles shaders / packs weights and tells how long one step takes here.
        const warm = await p.bench((api, batch) => api.trainSteps(3, batch), BATCH);
        const msPerStep = warm.ms / warm.steps;
        const steps = Math.max(1, Math.min(60, Math.round((ctx.quick ? 500 : 1500) / msPerStep)));
        const windows = ctx.quick ? 2 : msPerStep > 500 ? 3 : 7;
        const rates: number[] = [];
        let tensors = 0;
        for (let w = 0; w < windows; w++) {
          const t = await p.bench((api, a) => api.trainSteps(a.steps, a.batch), { steps, batch: BATCH });
          if (!Number.isFinite(t.loss)) throw new Error(`${backend}: loss became ${t.loss}`);
          rates.push(t.examplesPerSecond);
          if (w === 1) tensors = t.numTensors;
          else if (w > 1 && t.numTensors !== tensors)
            throw new Error(`${backend}: tensors leak while training`);
        }
        ctx.log(`training ${backend}: ${rates.map((r) => r.toFixed(0)).join(', ')} examples/s`);
        rows.push({
          metric: `LeNet-5 train, batch ${BATCH}`,
          backend,
          value: Math.round(median(rates)),
          unit: 'examples/s',
          target: backend === 'wasm' ? { ...WASM_TARGET } : undefined,
          note: `${windows} windows × ${steps} steps; range ${Math.round(Math.min(...rates))}–${Math.round(Math.max(...rates))}`,
        });
        if (p.errors.length > 0) throw new Error(`console errors: ${p.errors.join(' | ')}`);
      } finally {
        await p.close();
      }
    }
    return rows;
  },
};
