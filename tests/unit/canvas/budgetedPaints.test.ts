import { afterEach, describe, expect, it, vi } from 'vitest';
import { queueCanvasPaint, waitingCanvasPaints } from '../../../src/components/canvas/budgetedPaints';

afterEach(() => vi.useRealTimers());

describe('budgeted canvas paints', () => {
  it('paints at once within the burst budget, but a first paint always waits for a task of its own', async () => {
    const drawn: string[] = [];
    // A quiet moment: a new burst starts, so a repaint within budget runs now.
    await new Promise((r) => setTimeout(r, 60));
    queueCanvasPaint({}, () => drawn.push('repaint'));
    expect(drawn).toEqual(['repaint']);
    queueCanvasPaint({}, () => drawn.push('first'), { first: true });
    expect(drawn).toEqual(['repaint']);
    expect(waitingCanvasPaints()).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(drawn).toEqual(['repaint', 'first']);
    expect(waitingCanvasPaints()).toBe(0);
  });

  it('keeps only the newest waiting paint per key, and a cancelled one never runs', async () => {
    const drawn: string[] = [];
    const a = {};
    const b = {};
    queueCanvasPaint(a, () => drawn.push('a1'), { first: true });
    queueCanvasPaint(a, () => drawn.push('a2'), { first: true });
    const cancelB = queueCanvasPaint(b, () => drawn.push('b'), { first: true });
    cancelB();
    await new Promise((r) => setTimeout(r, 0));
    expect(drawn).toEqual(['a2']);
  });

  it('spreads paints that overrun the budget over several tasks, and a repaint waits behind them', async () => {
    const drawn: number[] = [];
    const slow = (i: number) => () => {
      const until = performance.now() + 4;
      while (performance.now() < until) {
        // Busy on purpose: each paint costs 4 ms, the budget per task is 6 ms.
      }
      drawn.push(i);
    };
    for (let i = 0; i < 4; i++) queueCanvasPaint({}, slow(i), { first: true });
    // While paints wait, a repaint joins the queue rather than jumping ahead of them.
    queueCanvasPaint({}, () => drawn.push(99));
    await new Promise((r) => setTimeout(r, 0));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(5);
    await vi.waitFor(() => expect(drawn).toEqual([0, 1, 2, 3, 99]));
  });

  it('runs paints of things out of sight after every other waiting paint, and never at once', async () => {
    const drawn: string[] = [];
    const canvas = {};
    // A quiet moment: a repaint within budget would run now, but one out of sight always waits.
    await new Promise((r) => setTimeout(r, 60));
    queueCanvasPaint({}, () => drawn.push('hidden 1'), { later: true });
    expect(drawn).toEqual([]);
    queueCanvasPaint({}, () => drawn.push('visible'), { first: true });
    queueCanvasPaint({}, () => drawn.push('hidden 2'), { later: true });
    // A canvas that scrolled into view moves from the hidden queue to the visible one.
    queueCanvasPaint(canvas, () => drawn.push('was hidden'), { later: true });
    queueCanvasPaint(canvas, () => drawn.push('now visible'), { first: true });
    expect(waitingCanvasPaints()).toBe(4);
    await vi.waitFor(() => expect(drawn).toEqual(['visible', 'now visible', 'hidden 1', 'hidden 2']));
    expect(waitingCanvasPaints()).toBe(0);
  });
});
