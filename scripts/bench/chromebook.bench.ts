import { HASH as CONV_HASH, timeChanges } from './convolution.bench';
import { measureInk } from './ink.bench';
import { longTaskRows, longTasksOverRun } from './longtasks.bench';
import { median, percentile, type Benchmark, type BenchRow } from './context';

/** A low-end Chromebook, roughly: Chromium's DevTools CPU throttling, 4× slower main thread. */
export const THROTTLE = 4;

export const benchmark: Benchmark = {
  name: 'chromebook',
  description:
    `Chromebook profile: CDP Emulation.setCPUThrottlingRate ${THROTTLE}× on each page, then ink on #/draw ` +
    '(per-move handling against the same page drawing ink only and a page ignoring moves, same throttle, ' +
    'same run; long tasks while drawing by wall time, the ink-only page’s as the noise floor, and by ' +
    'main-thread CPU time from a trace), the convolution ' +
    'explorer’s 16-filter live update (main-thread time), and long tasks over a short training run ' +
    '(1 epoch of 6,000 digits: the epoch end, evaluation on all 10,000 test digits and saving are the ' +
    'same as in a full run; throttling slows the page, not the training worker).',
  async run(ctx) {
    const rows: BenchRow[] = [];
    rows.push(...(await measureInk(ctx, `${THROTTLE}× throttled: `, THROTTLE)).rows);

    const p = await ctx.openPage({ backend: 'wasm', hash: CONV_HASH.slice(2) });
    try {
      const cdp = await p.page.context().newCDPSession(p.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      await p.page.getByTestId('filter-bank').waitFor({ timeout: 60_000 });
      await p.page.waitForTimeout(500);
      await p.page.evaluate('globalThis.__name ??= (f) => f');
      const warm = 3;
      const n = ctx.quick ? 8 : 30;
      const times = (await p.page.evaluate(timeChanges, { n: n + warm, change: 'bias-url' as const })).slice(
        warm,
      );
      const busy = times.map((t) => (t[0] ?? 0) + (t[1] ?? 0));
      const wall = times.map((t) => t[2] ?? NaN);
      ctx.log(`16-filter update ${THROTTLE}×: busy median ${median(busy).toFixed(1)} ms`);
      rows.push({
        metric: `${THROTTLE}× throttled: explorer 16-filter update, bias changed → all maps painted (main-thread time)`,
        value: Math.round(median(busy) * 10) / 10,
        unit: 'ms',
        target: { op: '<=', value: 50, why: 'usable: no long task per change' },
        note: `median of ${busy.length}, p95 ${percentile(busy, 95).toFixed(1)} ms; wall clock to painted median ${median(wall).toFixed(1)} ms`,
      });
      if (p.errors.length) throw new Error(`page errors: ${p.errors.join('; ')}`);
    } finally {
      await p.close();
    }

    const r = await longTasksOverRun(ctx, { hash: 'train?epochs=1&train=6000&seed=1', throttle: THROTTLE });
    ctx.log(`training ${THROTTLE}×: wall ${r.wall.join(',') || 'none'}; cpu ${r.cpu.join(',') || 'none'}`);
    rows.push(
      ...longTaskRows(`${THROTTLE}× throttled, 1 epoch of 6,000: `, r).map((row) => ({
        ...row,
        metric: row.metric.replace('a default run', 'a short run'),
      })),
    );
    return rows;
  },
};
