import type { Page } from 'playwright-core';
import { median, percentile, type Benchmark, type BenchRow, type BackendName } from './context';

/** The budget: a stroke's end to the answer and every layer panel drawn. */
const TARGET = { op: '<=', value: 30, why: 'issue 5: stroke end → prediction + all panels' } as const;

/** Digit-like strokes in canvas pixels (280×280): "1", "7", "0", "4"-ish, at a few sizes and places. */
const STROKES: [number, number][][] = [
  [
    [140, 40],
    [140, 240],
  ],
  [
    [70, 50],
    [210, 50],
    [120, 240],
  ],
  [
    [140, 40],
    [90, 80],
    [80, 160],
    [120, 230],
    [180, 200],
    [200, 120],
    [170, 50],
    [140, 40],
  ],
  [
    [60, 60],
    [60, 160],
    [200, 160],
  ],
  [
    [40, 200],
    [100, 200],
    [70, 260],
  ],
];

async function strokeOn(page: Page, pts: [number, number][]): Promise<void> {
  const box = await page.getByLabel('Drawing canvas').boundingBox();
  if (!box) throw new Error('no drawing canvas');
  const at = ([x, y]: [number, number]) =>
    [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280] as const;
  const [x0, y0] = at(pts[0] ?? [0, 0]);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const p of pts.slice(1)) {
    const [x, y] = at(p);
    await page.mouse.move(x, y, { steps: 6 });
  }
  await page.mouse.up();
}

export const benchmark: Benchmark = {
  name: 'draw',
  description:
    'Draw page: time from a mouse stroke’s end to the prediction and every layer panel (conv1 … output) ' +
    'redrawn, measured in the page (pointerup → after the panels’ canvas effects); warm-up strokes dropped.',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const backends: BackendName[] = ['wasm', 'webgl'];
    for (const backend of backends) {
      const p = await ctx.openPage({ backend, hash: 'draw' });
      try {
        const page = p.page;
        await page
          .getByTestId('draw-model')
          .filter({ hasText: /LeNet|model you trained|imported/ })
          .waitFor();
        const strokes = ctx.quick ? 10 : 40;
        const warm = 4;
        for (let i = 0; i < strokes + warm; i++) {
          if (i % STROKES.length === 0) await page.getByRole('button', { name: 'Clear' }).click();
          const before = await page.evaluate(() => window.__cnnDraw?.latencies.length ?? 0);
          await strokeOn(page, STROKES[i % STROKES.length] ?? []);
          // One stroke at a time: wait for its answer so each latency belongs to one stroke.
          await page.waitForFunction((n) => (window.__cnnDraw?.latencies.length ?? 0) > n, before, {
            timeout: 15_000,
          });
          await page.waitForTimeout(60);
        }
        const all = await page.evaluate(() => window.__cnnDraw?.latencies ?? []);
        const times = all.slice(warm);
        if (times.length < strokes)
          throw new Error(`only ${times.length} of ${strokes} strokes were measured`);
        ctx.log(
          `draw ${backend}: median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
        );
        const note =
          `${times.length} strokes, headless Chromium, 1366×768` +
          (backend === 'webgl' ? '; WebGL is SwiftShader (software) here, so the app itself picks wasm' : '');
        rows.push({
          metric: 'stroke end → all panels (median)',
          backend,
          value: round1(median(times)),
          unit: 'ms',
          note,
        });
        rows.push({
          metric: 'stroke end → all panels (p95)',
          backend,
          value: round1(percentile(times, 95)),
          unit: 'ms',
          ...(backend === 'wasm' ? { target: { ...TARGET } } : {}),
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

const round1 = (v: number) => Math.round(v * 10) / 10;
