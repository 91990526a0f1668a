import { describe, expect, it } from 'vitest';
import {
  createPredictScheduler,
  paceAfter,
  type RunContext,
  type SchedulerClock,
} from '../../../src/components/draw/predictScheduler';

/** A hand-driven clock: frames and timers fire only when the test says so. */
function fakeClock() {
  let now = 0;
  let frames: (() => void)[] = [];
  let timers: { at: number; fn: () => void }[] = [];
  const clock: SchedulerClock = {
    now: () => now,
    afterFrame(fn) {
      frames.push(fn);
      return () => (frames = frames.filter((f) => f !== fn));
    },
    delay(fn, ms) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  return {
    clock,
    frame() {
      const due = frames;
      frames = [];
      due.forEach((f) => f());
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.fn());
    },
    pendingFrames: () => frames.length,
    pendingTimers: () => timers.length,
  };
}

/** Runs that the test finishes by hand; each records what it was asked and whether it was current. */
function manualRuns() {
  const runs: { ctx: RunContext; finish: () => Promise<void>; id: number }[] = [];
  const run = (ctx: RunContext) =>
    new Promise<void>((resolve) => {
      runs.push({
        ctx,
        id: runs.length,
        finish: async () => {
          resolve();
          await Promise.resolve();
          await Promise.resolve();
        },
      });
    });
  return { run, runs };
}

describe('paceAfter: the pause after a run', () => {
  it('leaves twice the time a run took free (runs take a third) while that keeps 10 runs a second', () => {
    expect(paceAfter(20, 10)).toBe(40);
    expect(paceAfter(30, 10)).toBe(60);
  });
  it('shortens the pause to keep 10 a second when the run takes more than a third of 100 ms', () => {
    expect(paceAfter(40, 10)).toBe(60);
    expect(paceAfter(70, 10)).toBe(30);
    expect(paceAfter(100, 10)).toBe(0);
    expect(paceAfter(250, 10)).toBe(0);
  });
  it('a faster minimum rate shortens the period', () => {
    expect(paceAfter(30, 20)).toBe(20);
  });
  it('with one free ms per ms of run, runs take half the time', () => {
    expect(paceAfter(20, 10, 1)).toBe(20);
    expect(paceAfter(70, 10, 1)).toBe(30);
  });
});

describe('createPredictScheduler', () => {
  it('runs a drawing request only after the next frame (ink first)', () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    expect(runs).toHaveLength(0);
    c.frame();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.ctx.urgent).toBe(false);
  });

  it('after a pause of a frame or more the next run starts when the pause ends; a shorter one waits for a frame', async () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    c.frame();
    c.advance(30); // the first run takes 30 ms: a 60 ms pause follows
    await runs[0]!.finish();
    s.request();
    c.advance(59);
    expect(runs).toHaveLength(1);
    c.advance(1);
    expect(runs).toHaveLength(2); // no frame needed: the pause spanned frames
    c.advance(5); // the second run takes 5 ms: a 10 ms pause, shorter than a frame
    await runs[1]!.finish();
    s.request();
    c.advance(10);
    expect(runs).toHaveLength(2);
    expect(c.pendingFrames()).toBe(1);
    c.frame();
    expect(runs).toHaveLength(3);
  });

  it('keeps one run in flight and merges the requests meanwhile into one (stale drawings dropped)', async () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    c.frame();
    for (let i = 0; i < 20; i++) {
      s.request();
      c.frame();
    }
    expect(runs).toHaveLength(1);
    expect(s.stats().inFlight).toBe(true);
    c.advance(30);
    await runs[0]!.finish();
    // The answer to the older drawing is still shown while drawing (no urgent request came).
    expect(runs[0]!.ctx.isCurrent()).toBe(true);
    // The 20 requests became one run, after the pause the 30 ms run earned (60 ms).
    expect(runs).toHaveLength(1);
    c.advance(59);
    c.frame();
    expect(runs).toHaveLength(1);
    c.advance(1);
    c.frame();
    expect(runs).toHaveLength(2);
  });

  it('an urgent request (stroke end) skips the pacing and makes the run in flight stale', async () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    c.frame();
    s.request();
    s.request({ urgent: true });
    expect(runs[0]!.ctx.isCurrent()).toBe(false);
    c.advance(40);
    await runs[0]!.finish();
    // No frame, no pause: the urgent run starts as soon as the slot is free.
    expect(runs).toHaveLength(2);
    expect(runs[1]!.ctx.urgent).toBe(true);
    expect(runs[1]!.ctx.isCurrent()).toBe(true);
    expect(s.stats().dropped).toBe(1);
  });

  it('an urgent request with nothing in flight runs at once', () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request({ urgent: true });
    expect(runs).toHaveLength(1);
    expect(c.pendingFrames()).toBe(0);
  });

  it('keeps at least 10 runs a second while drawing continuously when a run takes 60 ms', async () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    let t = 0;
    // 1 s of drawing: a pointer move (request) and a frame every 16 ms; each run takes 60 ms.
    let finishAt = -1;
    while (t < 1000) {
      s.request();
      c.frame();
      c.advance(16);
      t += 16;
      const last = runs[runs.length - 1];
      if (last && s.stats().inFlight) {
        if (finishAt < 0) finishAt = t + 44;
        if (t >= finishAt) {
          finishAt = -1;
          await last.finish();
        }
      }
    }
    expect(runs.length).toBeGreaterThanOrEqual(9);
    expect(runs.length).toBeLessThanOrEqual(12);
  });

  it('reset() drops the pending request and makes the run in flight stale; a new run may start', async () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    c.frame();
    s.request();
    s.reset();
    expect(runs[0]!.ctx.isCurrent()).toBe(false);
    expect(c.pendingFrames()).toBe(0);
    s.request({ urgent: true });
    expect(runs).toHaveLength(2);
    await runs[0]!.finish();
    expect(runs[1]!.ctx.isCurrent()).toBe(true);
    expect(s.stats().inFlight).toBe(true);
  });

  it('dispose() stops everything: no run after it, runs in flight are stale', () => {
    const c = fakeClock();
    const { run, runs } = manualRuns();
    const s = createPredictScheduler(run, c.clock);
    s.request();
    c.frame();
    s.request();
    s.dispose();
    expect(runs[0]!.ctx.isCurrent()).toBe(false);
    c.frame();
    c.advance(1000);
    s.request({ urgent: true });
    expect(runs).toHaveLength(1);
  });
});
