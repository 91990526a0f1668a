/**
 * When Draw predicts while a stroke is being drawn. The ink is painted in the pointer handler itself;
 * a prediction (read the canvas, preprocess, run LeNet, redraw the answer and every layer panel) costs
 * far more than one frame on a laptop without a GPU, so it must never sit between two pointer moves:
 *
 * - **After the frame.** A request made while drawing runs only after the next frame is painted, so
 *   the ink reaches the screen first.
 * - **One at a time, newest wins.** Requests arriving while a prediction runs are merged into one that
 *   runs afterwards with the drawing as it is then; the drawings in between are never predicted (they
 *   are stale). A run's answer is dropped when an urgent request came after it started (its drawing
 *   is out of date and the final answer is on its way) or the generation changed (a new model, the page
 *   left); while drawing, a slightly old answer is still shown, better than none.
 * - **Paced, at least `minRate` a second.** After a run that took `d` ms (from its start until its
 *   answer was painted), the next non-urgent run waits `min(2d, 1000/minRate − d)` ms (never below 0):
 *   predictions take about a third of the time while drawing and the ink the rest, yet the panels
 *   refresh at least `minRate` times a second whenever a run fits in that period. (With a pause of
 *   `d`, half the time, the 4× throttled benchmark's moves cost 1.21–1.34× those of the page drawing
 *   ink only, over its 1.25 target, at 11–13 predictions a second where 10 are asked.) A pause of a
 *   frame or more starts the next run when it ends (the moves meanwhile have had their frames); a
 *   shorter one waits for a frame.
 * - **Urgent requests** (a stroke ends, Undo, a new model) skip the pacing: the final answer should come
 *   at once. They still wait for a run in flight, whose answer is then stale and dropped.
 *
 * Pure logic with injected timers, so the unit tests drive it with a fake clock (no timed assertions).
 */

export type Cancel = () => void;

export type SchedulerClock = {
  now(): number;
  /** Calls `fn` once the next frame has been painted (rAF, then a task). */
  afterFrame(fn: () => void): Cancel;
  /** Calls `fn` after `ms` milliseconds. */
  delay(fn: () => void, ms: number): Cancel;
};

/** What a run learns about itself: `isCurrent()` turns false once its answer would be stale. */
export type RunContext = {
  /** True while no newer request or generation exists: the answer may be shown. */
  isCurrent(): boolean;
  urgent: boolean;
};

export type PredictScheduler = {
  request(opts?: { urgent?: boolean }): void;
  /** Drops every pending request and makes runs in flight stale (a new model, or unmount). */
  reset(): void;
  dispose(): void;
  /** For tests and the benchmark. */
  stats(): { runs: number; dropped: number; inFlight: boolean };
};

/** One frame at 60 Hz, ms: a pause at least this long has let a frame of ink be painted. */
const FRAME_MS = 1000 / 60;

/**
 * Free time after each millisecond of a run while drawing, when `minRate` a second allows it: 2 leaves
 * predictions a third of the time and the ink the rest.
 */
export const FREE_PER_RUN_MS = 2;

/**
 * The pause after a run that took `runMs`: `free` ms per ms of run, but at least `minRate` runs a
 * second when they fit.
 */
export function paceAfter(runMs: number, minRate: number, free = FREE_PER_RUN_MS): number {
  const period = 1000 / minRate;
  return Math.max(0, Math.min(runMs * free, period - runMs));
}

/**
 * `run` does one prediction and resolves when its answer is on screen (or was skipped because
 * `ctx.isCurrent()` was false). It must not throw; errors are its own to show.
 */
export function createPredictScheduler(
  run: (ctx: RunContext) => Promise<void>,
  clock: SchedulerClock,
  opts: { minRate?: number; free?: number } = {},
): PredictScheduler {
  const minRate = opts.minRate ?? 10;
  const free = opts.free ?? FREE_PER_RUN_MS;
  let generation = 0;
  /** Bumped by every urgent request: a run is current while no urgent request came after its start. */
  let latestUrgent = 0;
  let inFlight = false;
  let pending: { urgent: boolean } | null = null;
  let cancelTimer: Cancel | null = null;
  let nextAllowedAt = -Infinity;
  let disposed = false;
  let runs = 0;
  let dropped = 0;

  const clearTimer = () => {
    cancelTimer?.();
    cancelTimer = null;
  };

  const start = () => {
    clearTimer();
    if (!pending || inFlight || disposed) return;
    const { urgent } = pending;
    pending = null;
    inFlight = true;
    runs++;
    const gen = generation;
    const urgentSeen = latestUrgent;
    const t0 = clock.now();
    const isCurrent = () => !disposed && gen === generation && urgentSeen === latestUrgent;
    void run({ isCurrent, urgent }).finally(() => {
      if (gen !== generation) return; // reset() already cleared the slot
      inFlight = false;
      const took = clock.now() - t0;
      nextAllowedAt = clock.now() + paceAfter(took, minRate, free);
      if (!isCurrent()) dropped++;
      schedule();
    });
  };

  const schedule = () => {
    if (!pending || inFlight || disposed || cancelTimer) return;
    if (pending.urgent) {
      start();
      return;
    }
    const wait = nextAllowedAt - clock.now();
    // A pause of a frame or more already let the ink of the moves meanwhile reach the screen: the run
    // starts when it ends. Waiting for one more frame after it (up to 50 ms at 4× CPU throttling) cost
    // the panels a tenth of their refreshes while drawing. A shorter pause, or none, waits for a frame.
    cancelTimer =
      wait >= FRAME_MS
        ? clock.delay(() => {
            cancelTimer = null;
            start();
          }, wait)
        : wait > 0
          ? clock.delay(() => {
              cancelTimer = null;
              cancelTimer = clock.afterFrame(start);
            }, wait)
          : clock.afterFrame(start);
  };

  return {
    request(o = {}) {
      if (disposed) return;
      if (o.urgent) latestUrgent++;
      const urgent = Boolean(o.urgent) || Boolean(pending?.urgent);
      if (urgent && pending && !pending.urgent) clearTimer();
      pending = { urgent };
      schedule();
    },
    reset() {
      generation++;
      inFlight = false;
      pending = null;
      nextAllowedAt = -Infinity;
      clearTimer();
    },
    dispose() {
      disposed = true;
      generation++;
      pending = null;
      clearTimer();
    },
    stats: () => ({ runs, dropped, inFlight }),
  };
}

/** The browser's clock: rAF followed by a message-channel task, so the run starts after the paint. */
export function browserClock(): SchedulerClock {
  return {
    now: () => performance.now(),
    afterFrame(fn) {
      let live = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (live) fn();
      };
      const raf = requestAnimationFrame(() => channel.port2.postMessage(null));
      return () => {
        live = false;
        cancelAnimationFrame(raf);
        channel.port1.close();
      };
    },
    delay(fn, ms) {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  };
}
