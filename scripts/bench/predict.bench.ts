import { BACKENDS, median, percentile, type Benchmark, type BenchRow } from './context';

/** A drawn digit should be classified within one 60 Hz frame, so predictions can follow the pen. */
const TARGET = { op: '<=', value: 16, why: 'one frame at 60 Hz' } as const;

export const benchmark: Benchmark = {
  name: 'predict',
  description:
    'Single-image LeNet-5 prediction latency: pixels in, 10 probabilities read back; ' +
    'median and 95th percentile over repeated calls after warm-up.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const backend of BACKENDS) {
      const p = await ctx.openPage({ backend });
      try {
        const active = await p.bench((api) => api.backend());
        if (active !== backend) {
          rows.push({
            metric: 'predict 1 image (median)',
            backend,
            value: null,
            unit: 'ms',
            note: `${backend} did not start`,
          });
          continue;
        }
        const n = ctx.quick ? 20 : 100;
        const times = await p.bench(async (api, count) => {
          for (let i = 0; i < 10; i++) await api.predictOnce();
          const out: number[] = [];
          for (let i = 0; i < count; i++) out.push(await api.predictOnce());
          return out;
        }, n);
        ctx.log(
          `predict ${backend}: median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
        );
        const note = `${n} calls`;
        rows.push({
          metric: 'predict 1 image (median)',
          backend,
          value: round2(median(times)),
          unit: 'ms',
          note,
        });
        rows.push({
          metric: 'predict 1 image (p95)',
          backend,
          value: round2(percentile(times, 95)),
          unit: 'ms',
          target: { ...TARGET },
          note,
        });
        if (p.errors.length > 0) throw new Error(`console errors: ${p.errors.join(' | ')}`);
      } finally {
        await p.close();
      }
    }
    return rows;
  },
};

const round2 = (v: number) => Math.round(v * 100) / 100;
