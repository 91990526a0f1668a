import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activate,
  computeConv2dTf,
  conv2d,
  conv2dChannelSums,
  convGeometry,
  convStep,
  kernelFromFilters,
  padInput,
  type ConvParams,
  type MapStack,
  type Padding,
} from '../../../src/engine/ops';
import { expectNoLeaks } from '../../support/noLeaks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const base: ConvParams = { stride: 1, padding: 0, dilation: 1, bias: 0, activation: 'none' };
const grey = (h: number, w: number, f: (r: number, c: number) => number): MapStack => {
  const data = new Float32Array(h * w);
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) data[r * w + c] = f(r, c);
  return { data, shape: [h, w, 1] };
};
const ones = (n: number) => kernelFromFilters([new Float32Array(n * n).fill(1)], n, n, 1);
const ramp7 = grey(7, 7, (r, c) => r * 7 + c);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-4) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) {
      throw new Error(`element ${i}: got ${a}, expected ${e}`);
    }
  }
}

describe('conv2d against hand-computed values', () => {
  it('x=[7,7,1] k=3 s=1 p=0 → [5,5,1]: all-ones kernel sums each 3×3 block (9 × centre)', () => {
    const y = conv2d(ramp7, ones(3), base);
    expect(y.shape).toEqual([5, 5, 1]);
    const expected: number[] = [];
    for (let oy = 0; oy < 5; oy++) for (let ox = 0; ox < 5; ox++) expected.push(9 * ((oy + 1) * 7 + ox + 1));
    expectClose(y.data, expected);
  });

  it('x=[7,7,1] k=3 vertical-edge kernel [1 0 −1] on a left→right ramp gives −6 everywhere', () => {
    const k = kernelFromFilters([[1, 0, -1, 1, 0, -1, 1, 0, -1]], 3, 3, 1);
    const y = conv2d(ramp7, k, base);
    expectClose(y.data, new Array(25).fill(-6));
  });

  it('x=[7,7,1] k=3 s=2 p=0 → [3,3,1]', () => {
    const y = conv2d(ramp7, ones(3), { ...base, stride: 2 });
    expect(y.shape).toEqual([3, 3, 1]);
    const expected: number[] = [];
    for (let oy = 0; oy < 3; oy++)
      for (let ox = 0; ox < 3; ox++) expected.push(9 * ((2 * oy + 1) * 7 + 2 * ox + 1));
    expectClose(y.data, expected);
  });

  it('x=[3,3,1] k=3 s=1 p=1 → [3,3,1]: the zero border makes the corners small', () => {
    const x = grey(3, 3, (r, c) => r * 3 + c + 1);
    const y = conv2d(x, ones(3), { ...base, padding: 1 });
    expectClose(y.data, [12, 21, 16, 27, 45, 33, 24, 39, 28]);
  });

  it('x=[5,5,1] k=3 d=2 → [1,1,1]: the kernel reads every other cell', () => {
    const x = grey(5, 5, (r, c) => r * 5 + c);
    const y = conv2d(x, ones(3), { ...base, dilation: 2 });
    expect(y.shape).toEqual([1, 1, 1]);
    expectClose(y.data, [108]);
  });

  it('x=[2,2,3] RGB k=2 → [1,1,1]: the three channel sums add up, then bias and ReLU', () => {
    // Channel-major, row-major: R then G then B.
    const x: MapStack = { data: Float32Array.from([1, 1, 0, 2, 1, 1, 3, 1, 0, 4, 1, 1]), shape: [2, 2, 3] };
    const k = kernelFromFilters([[1, 1, 1, 1, 2, 2, 2, 2, -1, -1, -1, -1]], 2, 2, 3);
    const p: ConvParams = { ...base, bias: 0.5, activation: 'relu' };
    expectClose(
      conv2dChannelSums(x, k, p, 0).map((m) => m[0] as number),
      [10, 8, -2],
    );
    expectClose(conv2d(x, k, p).data, [16.5]);
    expectClose(conv2d(x, k, { ...p, bias: -20 }).data, [0]);
  });

  it('activations: none, relu, tanh, sigmoid of a known sum', () => {
    const x = grey(1, 1, () => 0.5);
    const k = kernelFromFilters([[2]], 1, 1, 1);
    const y = (activation: ConvParams['activation']) =>
      conv2d(x, k, { ...base, bias: -2, activation }).data[0];
    expect(y('none')).toBeCloseTo(-1, 6);
    expect(y('relu')).toBe(0);
    expect(y('tanh')).toBeCloseTo(Math.tanh(-1), 6);
    expect(y('sigmoid')).toBeCloseTo(1 / (1 + Math.E), 6);
    expect(activate('relu', 3)).toBe(3);
  });

  it('several filters: x=[7,7,1] k=3 with 2 filters and per-filter bias → [5,5,2]', () => {
    const k = kernelFromFilters([new Float32Array(9).fill(1), [0, 0, 0, 0, 1, 0, 0, 0, 0]], 3, 3, 1);
    const y = conv2d(ramp7, k, { ...base, bias: [1, -1] });
    expect(y.shape).toEqual([5, 5, 2]);
    expect(y.data[0]).toBe(9 * 8 + 1);
    expect(y.data[1]).toBe(8 - 1);
  });

  it('refuses an empty output and a channel mismatch with a reason', () => {
    expect(() =>
      conv2d(
        grey(3, 3, () => 1),
        ones(5),
        base,
      ),
    ).toThrow(/does not fit/);
    const rgb: MapStack = { data: new Float32Array(27), shape: [3, 3, 3] };
    expect(() => conv2d(rgb, ones(3), base)).toThrow(/3 channel/);
  });
});

describe('convStep: one output position, same code as the full map', () => {
  it('x=[7,7,1] k=3 s=1 p=0 at (1,2): 9 products whose sum is the map value', () => {
    const k = kernelFromFilters([[1, 0, -1, 2, 0, -2, 1, 0, -1]], 3, 3, 1);
    const p: ConvParams = { ...base, bias: 0.25, activation: 'relu' };
    const s = convStep(ramp7, k, p, 0, 1, 2);
    expect(s.window).toEqual({ row: 1, col: 2, rows: 3, cols: 3 });
    expect(s.cells).toHaveLength(9);
    expect(s.cells[0]).toMatchObject({ iy: 1, ix: 2, x: 9, w: 1, product: 9, isPadding: false });
    expect(s.sum).toBe(s.cells.reduce((a, c) => a + c.product, 0));
    expect(s.sum).toBe(-8);
    expect(s.preActivation).toBe(-7.75);
    expect(s.output).toBe(0);
    const map = conv2d(ramp7, k, p);
    for (let oy = 0; oy < 5; oy++)
      for (let ox = 0; ox < 5; ox++)
        expect(convStep(ramp7, k, p, 0, oy, ox).output).toBe(map.data[oy * 5 + ox]);
  });

  it('x=[3,3,1] k=3 p=1 at (0,0): five padding cells read as zero', () => {
    const x = grey(3, 3, (r, c) => r * 3 + c + 1);
    const s = convStep(x, ones(3), { ...base, padding: 1 }, 0, 0, 0);
    expect(s.cells.filter((c) => c.isPadding)).toHaveLength(5);
    expect(s.cells.filter((c) => c.isPadding).every((c) => c.x === 0)).toBe(true);
    expect(s.sum).toBe(12);
  });

  it('x=[7,7,1] k=3 s=2 d=2 p=1 at (1,1): padded-input coordinates step by stride and dilation', () => {
    const s = convStep(ramp7, ones(3), { ...base, stride: 2, dilation: 2, padding: 1 }, 0, 1, 1);
    expect(s.window).toEqual({ row: 2, col: 2, rows: 5, cols: 5 });
    expect(s.cells.map((c) => [c.py, c.px])).toEqual([
      [2, 2],
      [2, 4],
      [2, 6],
      [4, 2],
      [4, 4],
      [4, 6],
      [6, 2],
      [6, 4],
      [6, 6],
    ]);
    expect(s.cells.map((c) => c.x)).toEqual([8, 10, 12, 22, 24, 26, 36, 38, 40]);
  });

  it('rejects a position outside the output', () => {
    expect(() => convStep(ramp7, ones(3), base, 0, 5, 0)).toThrow(/outside/);
  });

  it('padInput puts the image in the middle of a zero border', () => {
    const x = grey(2, 2, () => 1);
    const g = convGeometry(x, ones(3), { stride: 1, padding: 1, dilation: 1 });
    expect(Array.from(padInput(x, g).data)).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });
});

describe('conv2d equals tfjs cpu', () => {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const cases: [h: number, w: number, c: number, k: number, s: number, p: Padding, d: number, f: number][] =
    [];
  for (const [h, w] of [
    [7, 7],
    [12, 9],
    [28, 28],
  ] as const)
    for (const c of [1, 3])
      for (const k of [1, 2, 3, 5])
        for (const s of [1, 2, 3])
          for (const p of [0, 1, 3, 'same'] as Padding[])
            for (const d of [1, 2]) cases.push([h, w, c, k, s, p, d, 1 + ((h + k + s) % 4)]);
  const acts = ['none', 'relu', 'tanh', 'sigmoid'] as const;

  it(`${cases.length} shapes: x=[h,w,c] k=1..5 s=1..3 p=0|1|3|same d=1..2, 1–4 filters`, async () => {
    let compared = 0;
    await expectNoLeaks(async () => {
      for (const [i, [h, w, c, k, s, p, d, f]] of cases.entries()) {
        const x: MapStack = { data: Float32Array.from({ length: h * w * c }, rnd), shape: [h, w, c] };
        const kern = {
          data: Float32Array.from({ length: k * k * c * f }, rnd),
          shape: [k, k, c, f] as [number, number, number, number],
        };
        const params: ConvParams = {
          stride: s,
          padding: p,
          dilation: d,
          bias: Array.from({ length: f }, rnd),
          activation: acts[i % 4] ?? 'none',
        };
        if (convGeometry(x, kern, params).empty) continue;
        const ours = conv2d(x, kern, params);
        const t = computeConv2dTf(x, kern, params);
        const theirs = await t.data();
        expect(t.shape, `x=[${h},${w},${c}] k=${k} s=${s} p=${p} d=${d}`).toEqual(ours.shape);
        t.dispose();
        expectClose(ours.data, theirs, 1e-5);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(cases.length * 0.8);
  });

  it("'same' padding matches tfjs's own 'same' (x=[9,7,2] k=2..5 s=1..3, and d=2 with s=1)", async () => {
    await expectNoLeaks(async () => {
      for (const k of [2, 3, 4, 5])
        for (const [s, d] of [
          [1, 1],
          [2, 1],
          [3, 1],
          [1, 2],
        ] as const) {
          const x: MapStack = { data: Float32Array.from({ length: 9 * 7 * 2 }, rnd), shape: [9, 7, 2] };
          const kern = {
            data: Float32Array.from({ length: k * k * 2 }, rnd),
            shape: [k, k, 2, 1] as [number, number, number, number],
          };
          const ours = conv2d(x, kern, { ...base, stride: s, dilation: d, padding: 'same' });
          const t = tf.tidy(() =>
            tf.conv2d(tf.tensor3d(x.data, x.shape), tf.tensor4d(kern.data, kern.shape), s, 'same', 'NHWC', d),
          );
          expect(t.shape).toEqual(ours.shape);
          expectClose(ours.data, await t.data(), 1e-5);
          t.dispose();
        }
    });
  });
});
