import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computePoolTf,
  pool2d,
  poolGeometry,
  poolStep,
  type MapStack,
  type PoolKind,
} from '../../../src/engine/ops';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const x4: MapStack = {
  data: Float32Array.from([1, 3, 2, 4, 5, 6, 1, 0, 7, 2, 9, 8, 0, 1, 3, 4]),
  shape: [4, 4, 1],
};

describe('pool2d against hand-computed values', () => {
  it('x=[4,4,1] max size=2 s=2 → [2,2,1] = [6 4; 7 9]', () => {
    const y = pool2d(x4, { kind: 'max', size: 2, stride: 2 });
    expect(y.shape).toEqual([2, 2, 1]);
    expect(Array.from(y.data)).toEqual([6, 4, 7, 9]);
  });

  it('x=[4,4,1] avg size=2 s=2 → [3.75 1.75; 2.5 6]', () => {
    expect(Array.from(pool2d(x4, { kind: 'avg', size: 2, stride: 2 }).data)).toEqual([3.75, 1.75, 2.5, 6]);
  });

  it('x=[4,4,1] max size=3 s=1 → [2,2,1] overlapping windows', () => {
    expect(Array.from(pool2d(x4, { kind: 'max', size: 3, stride: 1 }).data)).toEqual([9, 9, 9, 9]);
  });

  it('x=[4,4,1] size=2 s=3 → [1,2,1]? no: ⌊(4−2)/3⌋+1 = 1 → [1,1,1]', () => {
    expect(pool2d(x4, { kind: 'max', size: 2, stride: 3 }).shape).toEqual([1, 1, 1]);
  });

  it('refuses a window bigger than the map', () => {
    expect(poolGeometry(x4, { kind: 'max', size: 5, stride: 1 }).empty).toMatch(/does not fit/);
    expect(() => pool2d(x4, { kind: 'max', size: 5, stride: 1 })).toThrow(/does not fit/);
  });

  it('x=[2,2,2] pools each channel separately', () => {
    const x: MapStack = { data: Float32Array.from([1, -1, 2, -2, 3, -3, 4, -4]), shape: [2, 2, 2] };
    expect(Array.from(pool2d(x, { kind: 'max', size: 2, stride: 2 }).data)).toEqual([4, -1]);
  });
});

describe('poolStep', () => {
  it('x=[4,4,1] max size=2 s=2 at (1,1): window, winner 9, sum ÷ count', () => {
    const s = poolStep(x4, { kind: 'max', size: 2, stride: 2 }, 0, 1, 1);
    expect(s.window).toEqual({ row: 2, col: 2, rows: 2, cols: 2 });
    expect(s.cells.map((c) => c.value)).toEqual([9, 8, 3, 4]);
    expect(s.winner).toBe(0);
    expect(s.output).toBe(9);
    const a = poolStep(x4, { kind: 'avg', size: 2, stride: 2 }, 0, 1, 1);
    expect([a.sum, a.count, a.output]).toEqual([24, 4, 6]);
  });

  it('every step output equals the full map', () => {
    for (const kind of ['max', 'avg'] as PoolKind[]) {
      const p = { kind, size: 3, stride: 1 };
      const map = pool2d(x4, p);
      for (let oy = 0; oy < 2; oy++)
        for (let ox = 0; ox < 2; ox++) expect(poolStep(x4, p, 0, oy, ox).output).toBe(map.data[oy * 2 + ox]);
    }
  });
});

describe('pool2d equals tfjs cpu', () => {
  it('x=[h,w,c] h,w∈{5,8,13,28} c∈{1,3} size 2–4 stride 1–4, max and avg', async () => {
    let seed = 3;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    let compared = 0;
    await expectNoLeaks(async () => {
      for (const [h, w] of [
        [5, 5],
        [8, 13],
        [28, 28],
      ] as const)
        for (const c of [1, 3])
          for (const size of [2, 3, 4])
            for (const stride of [1, 2, 3, 4])
              for (const kind of ['max', 'avg'] as PoolKind[]) {
                const x: MapStack = { data: Float32Array.from({ length: h * w * c }, rnd), shape: [h, w, c] };
                const p = { kind, size, stride };
                const ours = pool2d(x, p);
                const t = computePoolTf(x, p);
                expect(t.shape).toEqual(ours.shape);
                const theirs = await t.data();
                t.dispose();
                for (let i = 0; i < theirs.length; i++)
                  expect(ours.data[i]).toBeCloseTo(theirs[i] as number, 5);
                compared++;
              }
    });
    expect(compared).toBe(144);
  });
});
