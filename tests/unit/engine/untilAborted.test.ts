import { describe, expect, it } from 'vitest';
import { untilAborted } from '../../../src/engine/untilAborted';

const stopped = () => new Error('stopped');

describe('untilAborted', () => {
  it('gives up on a promise that never settles once the signal aborts (a read on a lost WebGL context)', async () => {
    const c = new AbortController();
    const never = new Promise<number>(() => {});
    const raced = untilAborted(never, c.signal, stopped);
    setTimeout(() => c.abort(), 5);
    await expect(raced).rejects.toThrow('stopped');
  });

  it('passes values and errors through when nothing aborts, and rejects at once if already aborted', async () => {
    const c = new AbortController();
    await expect(untilAborted(Promise.resolve(7), c.signal, stopped)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error('boom')), c.signal, stopped)).rejects.toThrow('boom');
    await expect(untilAborted(Promise.resolve(7), undefined, stopped)).resolves.toBe(7);
    c.abort();
    await expect(untilAborted(Promise.resolve(7), c.signal, stopped)).rejects.toThrow('stopped');
  });
});
