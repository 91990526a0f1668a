/**
 * Reading a Chromium trace (Playwright's `browser.startTracing` / `stopTracing`) for the page's main
 * thread: which thread it is, its tasks, and which of them are the page's own work and which the
 * harness's. Shared by scripts/trace-longtasks.ts (which names what runs in each long task) and the
 * benchmarks that count long tasks by CPU time (scripts/bench/ink.bench.ts).
 */
import type { Browser, Page } from 'playwright-core';
import {
  devToolsCommandTimes,
  isHarnessTask,
  pageMainThread,
  TASK_CATEGORIES,
  type TraceEvent as TaskTraceEvent,
} from '../../tests/support/mainThreadTasks';

export { pageMainThread, TASK_CATEGORIES };

/** The fields of a trace event this code reads: those of counting tasks, and the profiler's. */
export type TraceEvent = Omit<TaskTraceEvent, 'args'> & {
  cat?: string;
  id?: string;
  args?: {
    name?: string;
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
    data?: {
      functionName?: string;
      url?: string;
      lineNumber?: number;
      type?: string;
      startTime?: number;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
};

export function traceEvents(buf: Buffer): TraceEvent[] {
  return (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
}

/**
 * The main thread's tasks over `overMs` of thread CPU time (which other processes on a loaded machine
 * do not stretch, unlike wall time), in ms, split into the page's own and the harness's (a task that
 * ran a DevTools command: Playwright's injected script, a locator, an `evaluate`).
 */
export function tasksOverCpu(
  ev: readonly TraceEvent[],
  overMs = 50,
): { page: number[]; harness: number[]; tasks: number } {
  const main = pageMainThread(ev);
  const commands = devToolsCommandTimes(ev, main.pid, main.tid);
  const page: number[] = [];
  const harness: number[] = [];
  for (const t of main.tasks) {
    const cpu = (t.tdur ?? 0) / 1000;
    if (cpu <= overMs) continue;
    (isHarnessTask(t, commands) ? harness : page).push(Math.round(cpu));
  }
  return { page, harness, tasks: main.tasks.length };
}

/** Runs `fn` while the browser records a trace of `categories`; returns its result and the events. */
export async function traced<T>(
  browser: Browser,
  page: Page,
  fn: () => Promise<T>,
  categories: string[] = TASK_CATEGORIES,
): Promise<{ result: T; events: TraceEvent[] }> {
  await browser.startTracing(page, { categories });
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await browser.stopTracing().catch(() => undefined);
    throw err;
  }
  return { result, events: traceEvents(await browser.stopTracing()) };
}
