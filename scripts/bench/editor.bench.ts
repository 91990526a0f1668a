import { median, percentile, type Benchmark, type BenchRow } from './context';

/**
 * The layer editor's live arithmetic (issue 11: "updates within one frame"): a student types a new
 * filter count into conv1 and the parameter count, every layer's shape and the totals must be on screen
 * by the next frame. Timed in the page from the keystroke's `keydown` to the parameter count's change
 * (work) and to the start of the first frame that shows it (the rAF after the change).
 *
 * Not "a task after that frame": the editor hands the network to the rest of the page in the task right
 * after its frame (LayerEditor's commit), so a timer queued there measures that task, not the frame.
 * Headless Chromium's Event Timing durations are no help either (200–2,300 ms for every keystroke: it
 * presents frames on demand).
 */
const FRAME_MS = 1000 / 60;

export const benchmark: Benchmark = {
  name: 'editor',
  description:
    "Train's layer editor: a filter count typed into conv1 of LeNet-5 → parameter count, shapes and totals " +
    'redrawn, timed in the page from the keystroke (keydown) to the change and to the next frame.',
  async run(ctx) {
    const p = await ctx.openPage({ backend: 'wasm', hash: 'train' });
    try {
      const field = p.page.getByTestId('layer-0-filters');
      await field.waitFor({ timeout: 60_000 });
      await p.page.getByTestId('param-count').waitFor();
      await p.page.evaluate(() => {
        const g = globalThis as unknown as { __editorTimes: number[][]; __keyAt: number };
        g.__editorTimes = [];
        g.__keyAt = 0;
        document.addEventListener('keydown', () => (g.__keyAt = performance.now()), { capture: true });
        const target = document.querySelector('[data-testid="param-count"]');
        if (!target) throw new Error('no param-count');
        new MutationObserver(() => {
          const start = g.__keyAt;
          if (!start) return;
          g.__keyAt = 0;
          const work = performance.now() - start;
          requestAnimationFrame(() => g.__editorTimes.push([work, performance.now() - start]));
        }).observe(target, { childList: true, characterData: true, subtree: true });
      });
      const n = ctx.quick ? 10 : 40;
      const warm = 5;
      for (let i = 0; i < n + warm; i++) {
        await field.click();
        await p.page.keyboard.press('Control+A');
        // One keystroke per change: 2…9 filters, never the value already there.
        await p.page.keyboard.press(String(2 + (i % 8)));
        await p.page.waitForTimeout(Number(process.env.EDITOR_GAP ?? 150));
      }
      const all = await p.page.evaluate(
        () => (globalThis as unknown as { __editorTimes: number[][] }).__editorTimes,
      );
      const work = all.slice(warm).map((x) => x[0] ?? NaN);
      const times = all.slice(warm).map((x) => x[1] ?? NaN);
      if (times.length < n / 2) throw new Error(`only ${times.length} of ${n} changes were seen`);
      ctx.log(`editor: median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
      const note = `${times.length} changes after ${warm} warm-up; LeNet-5, conv1 filters typed`;
      const rows: BenchRow[] = [
        {
          metric: 'layer editor: keystroke → new numbers in the page (median work)',
          value: Number(median(work).toFixed(1)),
          unit: 'ms',
          target: {
            op: '<=',
            value: Number(FRAME_MS.toFixed(1)),
            why: 'issue 11: the update fits in one frame',
          },
          note,
        },
        {
          metric: 'layer editor: keystroke → first frame showing it (median)',
          value: Number(median(times).toFixed(1)),
          unit: 'ms',
          target: {
            op: '<=',
            value: Number((2 * FRAME_MS).toFixed(1)),
            why: 'issue 11: within one frame (shown by the frame after the keystroke)',
          },
          note,
        },
        {
          metric: 'layer editor: keystroke → first frame showing it (p95)',
          value: Number(percentile(times, 95).toFixed(1)),
          unit: 'ms',
          note,
        },
      ];
      if (p.errors.length > 0) throw new Error(`console errors: ${p.errors.join(' | ')}`);
      return rows;
    } finally {
      await p.close();
    }
  },
};
