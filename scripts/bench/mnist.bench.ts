import { median, type Benchmark, type BenchRow } from './context';

const COUNTS = { test: 10_000, train: 60_000 } as const;

export const benchmark: Benchmark = {
  name: 'mnist-load',
  description:
    'MNIST load time with loadMnistSplit (src/engine/data/mnist.ts): fetch the packed gzip files from the ' +
    'preview server, gunzip, parse and validate; fresh browser context each time, Cache Storage off. ' +
    'The server is local, so this is the decompress-and-parse cost, not a school network.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const repeats = ctx.quick ? 1 : 3;
    for (const split of ['test', 'train'] as const) {
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        // wasm is what the app picks here; the loader itself does not use tfjs.
        const p = await ctx.openPage({ backend: 'wasm' });
        try {
          const r = await p.bench((api, which) => api.loadMnist(which), split);
          if (r.count !== COUNTS[split]) throw new Error(`${split}: got ${r.count} digits`);
          times.push(r.ms);
        } finally {
          await p.close();
        }
      }
      ctx.log(`mnist ${split}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      rows.push({
        metric: `load MNIST ${split} set (${COUNTS[split].toLocaleString('en-US')} digits)`,
        value: Math.round(median(times)),
        unit: 'ms',
        note: `median of ${repeats}`,
      });
    }
    return rows;
  },
};
