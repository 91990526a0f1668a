import { BACKENDS, median, type BenchContext, type Benchmark, type BenchRow } from './context';
import { threadCandidates, threadProbeKey, type ThreadProbeResult } from '../../src/engine/threadProbe';
import { TRAIN_DEFAULTS } from '../../src/engine/train/config';

/**
 * The real trainer (Train area, training worker, MNIST) on wasm at a fixed thread count: the page is
 * given a kept thread measurement naming `threads`, as if this device had chosen it, then trains and the
 * shown examples/s is sampled every half second after a warm-up. Returns the samples' median.
 */
async function realTrainerRate(ctx: BenchContext, threads: number): Promise<number> {
  const p = await ctx.openPage({ backend: 'wasm', hash: 'learn' });
  try {
    const cores = await p.page.evaluate(() => navigator.hardwareConcurrency);
    const kept: ThreadProbeResult = {
      key: threadProbeKey({ cores, arch: TRAIN_DEFAULTS.arch, batch: TRAIN_DEFAULTS.batchSize }),
      chosen: threads,
      timings: [{ threads, examplesPerSec: 1 }],
      margin: null,
      measuredAt: new Date().toISOString(),
    };
    await p.page.evaluate((r) => {
      localStorage.setItem('cnn-studio.trainThreadProbe', JSON.stringify(r));
      location.hash = '#/train?train=60000&epochs=1';
    }, kept);
    await p.page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Train');
        return b && !b.disabled;
      },
      null,
      { timeout: 120_000 },
    );
    await p.page.locator('button:text-is("Train")').click();
    await p.page.waitForTimeout(ctx.quick ? 2000 : 4000);
    const samples: number[] = [];
    for (let i = 0; i < (ctx.quick ? 4 : 16); i++) {
      await p.page.waitForTimeout(500);
      samples.push(Number(await p.page.getByTestId('throughput').textContent()));
    }
    await p.page.locator('button:text-is("Stop")').click();
    if (p.errors.length > 0) throw new Error(`console errors: ${p.errors.join(' | ')}`);
    return median(samples.filter((x) => x > 0));
  } finally {
    await p.close();
  }
}

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
    // Threads: the real trainer at each candidate count, alternating so load hurts every count alike.
    const cores = await (async () => {
      const p = await ctx.openPage({ hash: 'learn' });
      try {
        return await p.page.evaluate(() => navigator.hardwareConcurrency);
      } finally {
        await p.close();
      }
    })();
    const counts = [...new Set([...threadCandidates(cores), 2])];
    const rates = new Map<number, number[]>(counts.map((n) => [n, []]));
    for (let round = 0; round < (ctx.quick ? 1 : 3); round++) {
      for (const n of round % 2 === 0 ? counts : [...counts].reverse()) {
        const r = await realTrainerRate(ctx, n);
        rates.get(n)!.push(r);
        ctx.log(`training wasm ${n} thread(s), real trainer: ${r.toFixed(0)} examples/s`);
      }
    }
    for (const n of counts) {
      const r = rates.get(n)!;
      rows.push({
        metric: `Real trainer (MNIST, worker), ${n} thread${n === 1 ? '' : 's'}`,
        backend: 'wasm',
        value: Math.round(median(r)),
        unit: 'examples/s',
        note: `${cores} cores; median of ${r.length} runs (${r.map((x) => Math.round(x)).join(', ')})`,
      });
    }
    return rows;
  },
};
