import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend, initBackend, LENET_DEFAULTS, type BackendName } from '../../../src/engine';
import {
  pickFastest,
  probeBackends,
  probeKey,
  timeTrainingSteps,
  usableCache,
  type BackendProbeResult,
} from '../../../src/engine/backendProbe';
import { parseProbe } from '../../../src/state/backendProbeCache';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
});

describe('pickFastest: the backend with the most examples/s wins', () => {
  it('picks wasm over a slower WebGL and says by how much', () => {
    const r = pickFastest(
      [
        { backend: 'wasm', examplesPerSec: 3000 },
        { backend: 'webgl', examplesPerSec: 200 },
      ],
      'wasm',
    );
    expect(r.winner).toBe('wasm');
    expect(r.margin).toBeCloseTo(15, 5);
  });
  it('picks WebGL when it measured faster, whatever order they ran in', () => {
    const r = pickFastest(
      [
        { backend: 'wasm', examplesPerSec: 1100 },
        { backend: 'webgl', examplesPerSec: 4400 },
      ],
      'wasm',
    );
    expect(r).toEqual({ winner: 'webgl', margin: 4 });
  });
  it('ignores a backend that did not start; the fallback wins when none ran', () => {
    expect(
      pickFastest(
        [
          { backend: 'wasm', examplesPerSec: null },
          { backend: 'webgl', examplesPerSec: 500 },
        ],
        'wasm',
      ),
    ).toEqual({ winner: 'webgl', margin: null });
    expect(pickFastest([{ backend: 'webgl', examplesPerSec: null }], 'wasm')).toEqual({
      winner: 'wasm',
      margin: null,
    });
  });
});

describe('probe cache', () => {
  const key = probeKey({ renderer: 'ANGLE (Intel UHD 620)', cores: 4, arch: LENET_DEFAULTS, batch: 128 });
  const result: BackendProbeResult = {
    key,
    winner: 'webgl',
    margin: 1.4,
    timings: [
      { backend: 'wasm', examplesPerSec: 2000 },
      { backend: 'webgl', examplesPerSec: 2800 },
    ],
    measuredAt: '2026-11-29T18:00:00.000Z',
  };
  it('is used only for the same device and model size', () => {
    expect(usableCache(result, key)).toBe(result);
    const otherBatch = probeKey({
      renderer: 'ANGLE (Intel UHD 620)',
      cores: 4,
      arch: LENET_DEFAULTS,
      batch: 64,
    });
    const otherGpu = probeKey({ renderer: 'SwiftShader', cores: 4, arch: LENET_DEFAULTS, batch: 128 });
    const wider = probeKey({
      renderer: 'ANGLE (Intel UHD 620)',
      cores: 4,
      arch: { ...LENET_DEFAULTS, filters1: 16 },
      batch: 128,
    });
    for (const k of [otherBatch, otherGpu, wider]) expect(usableCache(result, k)).toBeNull();
    expect(usableCache(null, key)).toBeNull();
  });
  it('round-trips through storage text and refuses malformed text', () => {
    expect(parseProbe(JSON.stringify(result))).toEqual(result);
    expect(parseProbe('{not json')).toBeNull();
    expect(parseProbe(JSON.stringify({ ...result, winner: 'gpu' }))).toBeNull();
    expect(
      parseProbe(JSON.stringify({ ...result, timings: [{ backend: 'wasm', examplesPerSec: 'x' }] })),
    ).toBeNull();
    expect(parseProbe(null)).toBeNull();
  });
});

describe('probeBackends (real training steps on wasm and cpu, in node)', () => {
  it('times each candidate, leaves the faster active, drops the slow one early, and leaks nothing', async () => {
    const activated: BackendName[] = [];
    const activate = async (n: BackendName) => {
      activated.push(n);
      return activateBackend(n);
    };
    const r = await expectNoLeaks(() =>
      probeBackends(['wasm', 'cpu'], LENET_DEFAULTS, 8, 'test-key', activate),
    );
    const wasm = r.timings.find((x) => x.backend === 'wasm');
    const cpu = r.timings.find((x) => x.backend === 'cpu');
    expect(wasm?.examplesPerSec).toBeGreaterThan(0);
    expect(cpu?.examplesPerSec).toBeGreaterThan(0);
    // The decision follows the measured numbers (whichever they are), and the winner is left active.
    expect(r.winner).toBe(pickFastest(r.timings, 'wasm').winner);
    expect(tf.getBackend()).toBe(r.winner);
    expect(activated.at(-1)).toBe(r.winner);
    expect(r.key).toBe('test-key');
    await activateBackend('wasm');
  }, 120_000);

  it('a backend that cannot start is recorded as such and never wins', async () => {
    const r = await probeBackends(['webgl', 'wasm'], LENET_DEFAULTS, 16, 'k', async (n) =>
      n === 'webgl' ? false : activateBackend(n),
    );
    expect(r.timings[0]).toEqual({ backend: 'webgl', examplesPerSec: null, note: 'did not start' });
    expect(r.winner).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  }, 60_000);

  it('timeTrainingSteps stops after the first step slower than the give-up limit', async () => {
    let clock = 0;
    // Every call to now() advances 100 ms of fake time: each step "takes" 100 ms > 50 ms limit.
    const r = await timeTrainingSteps(LENET_DEFAULTS, 8, {
      warmup: 0,
      steps: 3,
      giveUpMsPerStep: 50,
      now: () => (clock += 100),
    });
    expect(r.steps).toBe(1);
    expect(r.examplesPerSec).toBeGreaterThan(0);
  });
});
