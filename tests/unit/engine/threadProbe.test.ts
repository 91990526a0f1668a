import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, LENET_DEFAULTS } from '../../../src/engine';
import { pickThreads, probeThreads, threadCandidates, threadProbeKey } from '../../../src/engine/threadProbe';
import { parseThreadProbe } from '../../../src/state/backendProbeCache';
import { factoryExpression } from '../../../src/platform/threadedWasm';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
});

describe('threadCandidates: 1 and powers of two up to the cores, at most 4', () => {
  it('gives [1] on one core, [1, 2] on two or three, [1, 2, 4] from four up', () => {
    expect(threadCandidates(1)).toEqual([1]);
    expect(threadCandidates(2)).toEqual([1, 2]);
    expect(threadCandidates(3)).toEqual([1, 2]);
    expect(threadCandidates(4)).toEqual([1, 2, 4]);
    expect(threadCandidates(16)).toEqual([1, 2, 4]);
  });
});

describe('pickThreads', () => {
  it('takes the most examples/s and says by how much', () => {
    const r = pickThreads([
      { threads: 1, examplesPerSec: 800 },
      { threads: 2, examplesPerSec: 1200 },
    ]);
    expect(r.chosen).toBe(2);
    expect(r.margin).toBeCloseTo(1.5);
  });
  it('keeps fewer threads when more are slower or within 3%', () => {
    expect(
      pickThreads([
        { threads: 1, examplesPerSec: 834 },
        { threads: 2, examplesPerSec: 415 },
      ]).chosen,
    ).toBe(1);
    expect(
      pickThreads([
        { threads: 1, examplesPerSec: 1000 },
        { threads: 2, examplesPerSec: 1020 },
      ]).chosen,
    ).toBe(1);
  });
  it('falls back to 1 thread when nothing was measured, and skips a count that failed', () => {
    expect(pickThreads([{ threads: 2, examplesPerSec: null }])).toEqual({ chosen: 1, margin: null });
    expect(
      pickThreads([
        { threads: 1, examplesPerSec: null },
        { threads: 2, examplesPerSec: 500 },
      ]),
    ).toEqual({ chosen: 2, margin: null });
  });
});

describe('probeThreads', () => {
  it('times every count it can resize to, marks the others failed, leaves the pool at the choice, leaks nothing', async () => {
    const sizes: number[] = [];
    // Node runs the single-threaded build: a stand-in pool that reaches 1 thread and refuses 2, as a
    // pool that could not start its pthread workers would.
    const resize = (n: number) => {
      sizes.push(n);
      return 1;
    };
    const key = threadProbeKey({ cores: 2, arch: LENET_DEFAULTS, batch: 8 });
    const r = await expectNoLeaks(() =>
      probeThreads([1, 2], LENET_DEFAULTS, 8, key, resize, { rounds: 2, steps: 1 }),
    );
    expect(r.timings[0]!.examplesPerSec).toBeGreaterThan(0);
    expect(r.timings[1]!.examplesPerSec).toBeNull();
    expect(r.chosen).toBe(1);
    expect(sizes[sizes.length - 1]).toBe(1);
    expect(r.key).toBe(key);
  });
});

describe('the kept thread measurement', () => {
  it('round-trips and refuses malformed copies', () => {
    const good = {
      key: 'threads-v1|cores=2',
      chosen: 2,
      timings: [
        { threads: 1, examplesPerSec: 900 },
        { threads: 2, examplesPerSec: null },
      ],
      margin: null,
      measuredAt: '2026-11-30T00:00:00.000Z',
    };
    expect(parseThreadProbe(JSON.stringify(good))).toEqual(good);
    expect(parseThreadProbe('{')).toBeNull();
    expect(parseThreadProbe(JSON.stringify({ ...good, chosen: 0 }))).toBeNull();
    expect(parseThreadProbe(JSON.stringify({ ...good, chosen: 1.5 }))).toBeNull();
    expect(
      parseThreadProbe(JSON.stringify({ ...good, timings: [{ threads: 2, examplesPerSec: 'x' }] })),
    ).toBeNull();
  });
});

describe('factoryExpression: the threaded glue pthread workers rebuild the module from', () => {
  it('is the unminified (() => { … })() of the installed package, which evaluates to the factory', () => {
    const glue = readFileSync(
      'node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
      'utf8',
    );
    const expr = factoryExpression(glue);
    expect(expr.startsWith('(() => {')).toBe(true);
    expect(expr.endsWith('})()')).toBe(true);
    // What a pthread worker runs: `var WasmBackendModuleThreadedSimd = <expr>` must define the factory.
    const factory: unknown = runInNewContext(
      `var WasmBackendModuleThreadedSimd = ${expr}; WasmBackendModuleThreadedSimd`,
      {},
    );
    expect(typeof factory).toBe('function');
    expect(() => factoryExpression('var X = 1;')).toThrow(/unexpected layout/);
  });
});
