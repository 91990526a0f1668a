import type { Browser, Page } from 'playwright-core';

/**
 * One task of the page's main thread: wall time and the CPU time the page itself spent in it, in ms;
 * `harness` when the task was a DevTools protocol command (Playwright injecting its script, a locator
 * query, `page.evaluate`), which is the test's work, not the page's.
 */
export type MainThreadTask = { wallMs: number; cpuMs: number; harness: boolean };

/** The fields of a trace event that counting tasks reads (scripts/lib/mainThreadTrace.ts reads more). */
export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string } };
};

/**
 * The start times of the DevTools commands a thread received (`Receive mojo message` on
 * `blink.mojom.DevToolsSession`, in the `toplevel` category), sorted. A main-thread task that contains
 * one is the harness's: Playwright's injected script, its locators and `evaluate`s all come this way,
 * while its simulated input comes through the input queue like a user's and counts as the page's.
 */
export function devToolsCommandTimes(ev: readonly TraceEvent[], pid: number, tid: number): number[] {
  return ev
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.name === 'Receive mojo message' &&
        e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
    )
    .map((e) => e.ts)
    .sort((a, b) => a - b);
}

/** Whether a task (start `ts`, wall `dur`, µs) holds one of the sorted command times. */
export function isHarnessTask(task: { ts: number; dur?: number }, commandTimes: readonly number[]): boolean {
  let lo = 0;
  let hi = commandTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((commandTimes[mid] ?? 0) < task.ts) lo = mid + 1;
    else hi = mid;
  }
  const t = commandTimes[lo];
  return t !== undefined && t <= task.ts + (task.dur ?? 0);
}

/**
 * The least a trace needs for tasks and their CPU time, as the Performance panel records it: `toplevel`
 * (RunTask, and the DevTools commands that mark the harness's tasks) and `devtools.timeline`, without
 * which the trace may come without the thread names that say which thread is the page's main thread.
 */
export const TASK_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * The page's main thread: the CrRendererMain with the most tasks (others belong to idle frames or an
 * idle page of the same test), with its tasks; no tasks when the trace names none.
 */
export function pageMainThread<E extends TraceEvent>(
  ev: readonly E[],
): { pid: number; tid: number; tasks: E[] } {
  let main = { pid: 0, tid: 0, tasks: [] as E[] };
  for (const m of ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
    const tasks = ev.filter(
      (e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X',
    );
    if (tasks.length > main.tasks.length) main = { pid: m.pid, tid: m.tid, tasks };
  }
  return main;
}

/**
 * Records the page's main-thread tasks with a Chromium trace (the categories the Performance panel uses): each task's wall time, which other processes on a loaded machine stretch, and its
 * thread CPU time, which they do not. Call the returned function to stop and read them.
 */
export async function recordMainThreadTasks(
  browser: Browser,
  page: Page,
): Promise<() => Promise<MainThreadTask[]>> {
  await browser.startTracing(page, { categories: TASK_CATEGORIES });
  return async () => {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const ev = trace.traceEvents;
    const main = pageMainThread(ev);
    if (main.tasks.length === 0) {
      const threads = ev.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
      throw new Error(
        `The trace holds no main-thread task (${ev.length} events, threads ${threads.join(', ')}, ` +
          `${ev.filter((e) => e.name === 'RunTask').length} RunTask)`,
      );
    }
    const commands = devToolsCommandTimes(ev, main.pid, main.tid);
    return main.tasks.map((e) => ({
      wallMs: (e.dur ?? 0) / 1000,
      cpuMs: (e.tdur ?? 0) / 1000,
      harness: isHarnessTask(e, commands),
    }));
  };
}
