import type { Page } from 'playwright-core';
import { median, type Benchmark, type BenchRow } from './context';

/** Installs a long-task counter and returns a reader (main thread tasks over 50 ms). */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __trainLong: number[] };
    w.__trainLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__trainLong.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __trainLong: number[] }).__trainLong.slice());
}

async function clickTrainWhenReady(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Train', exact: true });
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Train');
      return b && !b.disabled;
    },
    null,
    { timeout: 120_000 },
  );
  await button.click();
}

const text = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).textContent();

/** Samples the examples/s readout every 500 ms for `ms` after a 3 s warm-up. */
async function sampleThroughput(page: Page, ms: number): Promise<number[]> {
  await page.waitForTimeout(3000);
  const out: number[] = [];
  for (let t = 0; t < ms; t += 500) {
    out.push(Number(await text(page, 'throughput')));
    await page.waitForTimeout(500);
  }
  return out.filter((v) => v > 0);
}

/** Lesson 10's "Quick run" as a class would press it: click → the epoch's test accuracy on screen. */
async function lessonQuickRun(ctx: Parameters<Benchmark['run']>[0]): Promise<BenchRow> {
  const p = await ctx.openPage({ hash: 'learn?lesson=train-and-draw&step=1' });
  try {
    const quick = p.page.getByRole('button', { name: 'Quick run: 1 epoch', exact: true });
    await p.page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('button')].find(
          (x) => x.textContent === 'Quick run: 1 epoch',
        );
        return b && !b.disabled;
      },
      null,
      { timeout: 120_000 },
    );
    const t0 = Date.now();
    await quick.click();
    await p.page.waitForFunction(
      () => /^\d+\.\d\d%$/.test(document.querySelector('[data-testid="test-accuracy"]')?.textContent ?? ''),
      null,
      { timeout: 180_000, polling: 250 },
    );
    const seconds = (Date.now() - t0) / 1000;
    const acc = (await text(p.page, 'test-accuracy')) ?? '';
    if (p.errors.length) throw new Error(`console errors: ${p.errors.join(' | ')}`);
    return {
      metric: 'lesson 10 quick run: click → test accuracy on screen (1 epoch, 60,000 digits)',
      value: Math.round(seconds * 10) / 10,
      unit: 's',
      target: { op: '<=', value: 30, why: 'a class waits for it mid-lesson' },
      note: `test accuracy ${acc}`,
    };
  } finally {
    await p.close();
  }
}

export const benchmark: Benchmark = {
  name: 'train-tab',
  description:
    'The Train tab as a student uses it: default settings (2 epochs, Adam, batch 64, cosine), training in the ' +
    'worker on the auto backend, examples/s read from the page with the live panels shown and hidden, ' +
    'time from the Train click to ≥99.0% test accuracy, and main-thread long tasks (>50 ms) while training; ' +
    'and lesson 10’s quick run (1 epoch on 60,000 digits, inside the lesson): time from the click to its ' +
    'test accuracy.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const windowMs = ctx.quick ? 4000 : 12000;
    const rate: Record<'shown' | 'hidden', number | null> = { shown: null, hidden: null };
    for (const mode of ['hidden', 'shown'] as const) {
      const p = await ctx.openPage({ hash: `train${mode === 'hidden' ? '?panels=0' : ''}` });
      try {
        await clickTrainWhenReady(p.page);
        const longTasks = await watchLongTasks(p.page);
        const samples = await sampleThroughput(p.page, windowMs);
        rate[mode] = samples.length ? median(samples) : null;
        rows.push({
          metric: `training examples/s, live panels ${mode}`,
          value: rate[mode] === null ? null : Math.round(rate[mode]),
          unit: 'examples/s',
          target: { op: '>=', value: 1500, why: 'issue 4: a class sees LeNet learn in about a minute' },
          ...(samples.length ? {} : { note: 'no throughput readings' }),
        });
        if (mode === 'shown') {
          const lt = await longTasks();
          rows.push({
            metric: 'main-thread long tasks while training (panels shown)',
            value: lt.length,
            unit: `tasks > 50 ms in ${Math.round((windowMs + 3000) / 1000)} s`,
            target: { op: '<=', value: 0, why: 'the page must never freeze' },
            ...(lt.length ? { note: `durations ${lt.join(', ')} ms` } : {}),
          });
        }
        if (p.errors.length) throw new Error(`console errors: ${p.errors.join(' | ')}`);
      } finally {
        await p.close();
      }
    }
    rows.push({
      metric: 'cost of the live panels',
      value:
        rate.shown !== null && rate.hidden ? Math.round((1 - rate.shown / rate.hidden) * 1000) / 10 : null,
      unit: '% of throughput',
      target: { op: '<=', value: 10 },
    });

    // TRAIN_BENCH_SPEED_ONLY=1 skips the long accuracy run while tuning the panels.
    if (ctx.quick || process.env.TRAIN_BENCH_SPEED_ONLY) {
      rows.push({
        metric: 'time to ≥99.0% test accuracy',
        value: null,
        unit: 's',
        note: 'skipped (--quick or TRAIN_BENCH_SPEED_ONLY)',
      });
      return rows;
    }
    rows.push(await lessonQuickRun(ctx));
    const p = await ctx.openPage({ hash: 'train' });
    try {
      await clickTrainWhenReady(p.page);
      const t0 = Date.now();
      let reached: number | null = null;
      let last = '';
      // 15 minutes: on a loaded shared machine two epochs take far longer than the 1–2 quiet minutes.
      while (Date.now() - t0 < 900_000) {
        last = (await text(p.page, 'test-accuracy')) ?? '';
        const acc = parseFloat(last);
        if (acc >= 99.0) {
          reached = (Date.now() - t0) / 1000;
          break;
        }
        const status = (await text(p.page, 'train-backend')) ?? '';
        if (/· (done|stopped|diverged|error)/.test(status)) break;
        await p.page.waitForTimeout(1000);
      }
      rows.push({
        metric: 'time to ≥99.0% test accuracy (defaults, 60,000 digits)',
        value: reached === null ? null : Math.round(reached),
        unit: 's',
        target: { op: '<=', value: 120, why: 'issue 4 (aim: 60 s)' },
        ...(reached === null
          ? { note: `not reached; last test accuracy ${last}` }
          : { note: `reached ${last}` }),
      });
    } finally {
      await p.close();
    }
    return rows;
  },
};
