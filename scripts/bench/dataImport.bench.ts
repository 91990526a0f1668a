import type { Page } from 'playwright-core';
import { makeShapesZip, SHAPE_CLASSES } from '../lib/shapesDataset';
import type { BenchContext, Benchmark, BenchRow } from './context';

/**
 * Issue 12 item 6: a 5,000-picture dataset imports, trains and stays responsive. Makes a zip of 5
 * classes × 1,000 drawn shapes with noise (32×32 grey PNGs, scripts/lib/shapesDataset.ts) in node,
 * imports it through #/data's file input in a fresh profile, then trains the default network on it in
 * #/train with the default settings for its size. Records the page's JS heap (CDP Runtime.getHeapUsage,
 * polled every 200 ms: the page only; the trainer's worker has its own heap) and long tasks (a
 * PerformanceObserver) for each phase.
 */
const PER_CLASS = 1000;
const NAME = 'shapes5k';

type Seen = { peakMB: number; peakLiveMB: number; startMB: number; endMB: number; long: number[] };
type Watch = { stop: () => Promise<Seen> };
/** A stretch of wall time (epoch ms) in which the harness, not the app, kept the page busy. */
type Span = { from: number; to: number };

/** Starts polling the page's JS heap and collecting long tasks; `stop` returns what was seen. */
async function watch(page: Page): Promise<Watch> {
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
  // A forced collection runs on the page's main thread: a long task the app did not cause.
  const forced: Span[] = [];
  const collect = async () => {
    const from = Date.now();
    await cdp.send('HeapProfiler.collectGarbage');
    forced.push({ from, to: Date.now() });
  };
  await collect();
  const startMB = await heap();
  let peakMB = startMB;
  // The used heap includes garbage not yet swept; every ~2 s a collection first shows what is alive.
  let peakLiveMB = startMB;
  let polling = true;
  const poller = (async () => {
    for (let n = 1; polling; n++) {
      peakMB = Math.max(peakMB, await heap());
      if (n % 10 === 0) {
        await collect();
        peakLiveMB = Math.max(peakLiveMB, await heap());
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await page.evaluate(() => {
    const w = window as unknown as {
      __long: { from: number; to: number }[];
      __changeAt: number[];
      __longObs?: PerformanceObserver;
    };
    w.__long = [];
    w.__changeAt = [];
    w.__longObs?.disconnect();
    w.__longObs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const from = performance.timeOrigin + e.startTime;
        w.__long.push({ from, to: from + e.duration });
      }
    });
    w.__longObs.observe({ type: 'longtask' });
    // Playwright's setInputFiles decodes the whole zip from base64 inside the page in the same task
    // that fires `change` (about a second for 5 MB): that task is the harness's, so it is left out.
    document.addEventListener('change', () => w.__changeAt.push(performance.timeOrigin + performance.now()), {
      capture: true,
      once: true,
    });
  });
  return {
    stop: async () => {
      polling = false;
      await poller;
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __long: Span[]; __changeAt: number[] };
        return { long: w.__long.slice(), changeAt: w.__changeAt.slice() };
      });
      const harness = [...forced, ...seen.changeAt.map((t) => ({ from: t, to: t }))];
      const long = seen.long
        .filter((task) => !harness.some((h) => task.from <= h.to + 5 && h.from - 5 <= task.to))
        .map((task) => Math.round(task.to - task.from));
      // What stays once garbage is collected: the import's lasting cost, apart from garbage not yet swept.
      await cdp.send('HeapProfiler.collectGarbage');
      const endMB = await heap();
      await cdp.detach();
      return { peakMB, peakLiveMB, startMB, endMB, long };
    },
  };
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Imports `zip` as `name` through the file input; resolves with the time, the heap and long tasks. */
async function importThrough(
  page: Page,
  name: string,
  zip: Uint8Array,
): Promise<Seen & { s: number; text: string }> {
  const w = await watch(page);
  const t0 = Date.now();
  await page
    .getByLabel(/Import dataset/)
    .setInputFiles({ name: `${name}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zip) });
  // This file's own result (a success naming it, or a refusal): an earlier import's result may still show.
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="import-result"]');
      return (
        !!el && (el.textContent?.includes(`Imported "${n}"`) || el.querySelector('[role="alert"]') !== null)
      );
    },
    name,
    { timeout: 600_000, polling: 100 },
  );
  const s = (Date.now() - t0) / 1000;
  const seen = await w.stop();
  const text = (await page.locator('[data-testid="import-result"]').textContent()) ?? '';
  if (!text.includes(`Imported "${name}"`)) throw new Error(`import failed: ${text}`);
  return { ...seen, s, text };
}

export const benchmark: Benchmark = {
  name: 'data-import',
  description: `A 5,000-picture dataset (${SHAPE_CLASSES.length} classes × ${PER_CLASS.toLocaleString('en-US')} noisy 32×32 grey PNG shapes made in node, scripts/lib/shapesDataset.ts) imported through #/data's file input in a fresh profile, then trained in #/train with the default network and the default settings for its size; the page's JS heap by CDP Runtime.getHeapUsage every 200 ms (the training worker's heap is not the page's), long tasks by a PerformanceObserver, leaving out the two kinds the harness itself causes (Playwright handing over the file, about a second for 5 MB, and the forced collections of the heap measurement; an app task overlapping one is left out too).`,
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const zip = makeShapesZip(PER_CLASS, 12);
    ctx.log(`zip: ${(zip.length / 1e6).toFixed(1)} MB, ${SHAPE_CLASSES.length * PER_CLASS} pictures`);
    const p = await ctx.openPage({ hash: 'data' });
    try {
      const page = p.page;
      await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor({ timeout: 60_000 });
      // The built-in datasets' galleries load when the page opens: let them finish first.
      await page.waitForFunction(() => !document.body.textContent?.includes('Loading pictures'), null, {
        timeout: 120_000,
        polling: 500,
      });
      // A fifth of the size first: if memory is bounded, the peak hardly grows with the size.
      const small = await importThrough(page, 'shapes1k', makeShapesZip(PER_CLASS / 5, 13));
      ctx.log(
        `1,000 imported in ${small.s.toFixed(1)} s, peak heap ${small.peakMB.toFixed(1)} MB, alive ${small.peakLiveMB.toFixed(1)} MB`,
      );
      const imported = await importThrough(page, NAME, zip);
      const importS = imported.s;
      const text = imported.text;
      ctx.log(
        `imported in ${importS.toFixed(1)} s (peak ${imported.peakMB.toFixed(1)} MB, alive ${imported.peakLiveMB.toFixed(1)} MB, after ${imported.endMB.toFixed(1)} MB): ${text.slice(0, 80)}`,
      );

      await page.goto(`${ctx.baseUrl}?bench#/train?dataset=${NAME}`);
      await page.waitForFunction(
        () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Train' && !b.disabled),
        null,
        { timeout: 120_000, polling: 500 },
      );
      const epochs = await page.evaluate(() =>
        new URLSearchParams(location.hash.split('?')[1]).get('epochs'),
      );
      const epochsShown = await page.getByRole('spinbutton', { name: 'Epochs' }).inputValue();
      const trainWatch = await watch(page);
      const t1 = Date.now();
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Train' && !b.disabled),
        null,
        { timeout: 1_800_000, polling: 500 },
      );
      const trainS = (Date.now() - t1) / 1000;
      const trained = await trainWatch.stop();
      const accText = (await page.locator('[data-testid="test-accuracy"]').textContent()) ?? '';
      const acc = Number.parseFloat(accText);
      ctx.log(
        `trained ${epochsShown} epochs (link: ${epochs ?? 'none'}) in ${trainS.toFixed(1)} s: ${accText}`,
      );
      if (p.errors.length > 0) throw new Error(`page errors: ${p.errors.join(' | ')}`);
      const longNote = (l: number[]) =>
        l.length === 0 ? 'none over 50 ms' : `${l.length} over 50 ms, longest ${Math.max(...l)} ms`;
      return [
        { metric: 'import 5,000 pictures: time', value: round(importS), unit: 's', note: text.slice(0, 90) },
        {
          metric: 'import: peak page JS heap',
          value: round(imported.peakMB),
          unit: 'MB',
          note: `${round(imported.startMB)} MB before, ${round(imported.endMB)} MB after (garbage collected); zip ${(zip.length / 1e6).toFixed(1)} MB`,
        },
        {
          metric: 'import: peak page JS heap alive (after a collection, every 2 s)',
          value: round(imported.peakLiveMB),
          unit: 'MB',
          note: `1,000 pictures (same page, before): ${round(small.peakLiveMB)} MB`,
        },
        {
          metric: 'import of 1,000 (same page, before): peak page JS heap',
          value: round(small.peakMB),
          unit: 'MB',
          note: `${round(small.startMB)} MB before, ${round(small.endMB)} MB after; ${round(small.s)} s; longest task ${small.long.length ? Math.max(...small.long) : 0} ms`,
        },
        {
          metric: 'import: long tasks (longest)',
          value: imported.long.length ? Math.max(...imported.long) : 0,
          unit: 'ms',
          note: longNote(imported.long),
        },
        {
          metric: 'train (default network, default epochs for the size): time',
          value: round(trainS),
          unit: 's',
          note: `${epochsShown} epochs chosen from the size`,
        },
        {
          metric: 'train: test accuracy',
          value: Number.isFinite(acc) ? acc : null,
          unit: '%',
          note: Number.isFinite(acc) ? 'held-out 20 % (1,000 pictures), split by seed' : `read "${accText}"`,
        },
        {
          metric: 'train: peak page JS heap',
          value: round(trained.peakMB),
          unit: 'MB',
          note: `${round(trained.startMB)} MB before`,
        },
        {
          metric: 'train: long tasks (longest)',
          value: trained.long.length ? Math.max(...trained.long) : 0,
          unit: 'ms',
          note: longNote(trained.long),
        },
      ];
    } finally {
      await p.close();
    }
  },
};
