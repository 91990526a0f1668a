// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelPaint, queuePaint } from '../../../src/components/convolution/paintQueue';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
});
afterEach(() => vi.useRealTimers());

describe('paint queue (one rAF for all bank draws)', () => {
  it('3 jobs for one key and 1 for another within a frame → 2 draws, in the next frame, the last job per key', () => {
    const drawn: string[] = [];
    const a = {};
    const b = {};
    queuePaint(a, () => drawn.push('a1'));
    queuePaint(a, () => drawn.push('a2'));
    queuePaint(b, () => drawn.push('b1'));
    queuePaint(a, () => drawn.push('a3'));
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(17);
    expect(drawn).toEqual(['a3', 'b1']);
    vi.advanceTimersByTime(100);
    expect(drawn).toHaveLength(2);
  });

  it('a cancelled job (unmounted bank) is not drawn; a job queued from a draw waits for the next frame', () => {
    const drawn: string[] = [];
    const a = {};
    queuePaint(a, () => drawn.push('gone'));
    cancelPaint(a);
    vi.advanceTimersByTime(17);
    expect(drawn).toEqual([]);
    queuePaint(a, () => {
      drawn.push('first');
      queuePaint(a, () => drawn.push('second'));
    });
    vi.advanceTimersByTime(17);
    expect(drawn).toEqual(['first']);
    vi.advanceTimersByTime(17);
    expect(drawn).toEqual(['first', 'second']);
  });
});
