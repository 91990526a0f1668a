import type { Browser, Page } from 'playwright-core';

/** One task of the page's main thread: wall time and the CPU time the page itself spent in it, in ms. */
export type MainThreadTask = { wallMs: number; cpuMs: number };

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

/**
 * Records the page's main-thread tasks with a Chromium trace (the categories the Performance panel uses): each task's wall time, which other processes on a loaded machine stretch, and its
 * thread CPU time, which they do not. Call the returned function to stop and read them.
 */
export async function recordMainThreadTasks(
  browser: Browser,
  page: Page,
): Promise<() => Promise<MainThreadTask[]>> {
  // `devtools.timeline` as the Performance panel records it: with `toplevel` alone the trace may come
  // without the thread names that say which thread is the page's main thread.
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  return async () => {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const ev = trace.traceEvents;
    // The page's main thread: the CrRendererMain with the most tasks (others belong to idle frames).
    let best: MainThreadTask[] = [];
    for (const m of ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
      const tasks = ev
        .filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X')
        .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
      if (tasks.length > best.length) best = tasks;
    }
    if (best.length === 0) {
      const threads = ev.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
      throw new Error(
        `The trace holds no main-thread task (${ev.length} events, threads ${threads.join(', ')}, ` +
          `${ev.filter((e) => e.name === 'RunTask').length} RunTask)`,
      );
    }
    return best;
  };
}
