import { describe, expect, it } from 'vitest';
import {
  barPattern,
  conv1d,
  conv2d,
  convolveBells,
  grid,
  KERNELS,
  outputSize,
  pool2d,
  poolingPattern,
  ROW_1D,
  ROW_1D_KERNEL,
  syntheticPhoto,
  windowProducts,
} from '../../../src/demos/lessons/shared/gridMath';
import { findLesson } from '../../../src/demos/lessons/registry';
import type { QuestionDef } from '../../../src/demos/lessons/types';

function question(lesson: string, id: string): QuestionDef {
  const q = findLesson(lesson)?.questions.find((x) => x.id === id);
  if (!q) throw new Error(`${lesson}/${id} missing`);
  return q;
}

describe('output size: out = ⌊(in + 2p − d(k−1) − 1)/s⌋ + 1 (the seeds’ examples)', () => {
  it.each([
    [30, 3, 3, 0, 1, 10],
    [7, 3, 1, 0, 1, 5],
    [28, 5, 1, 0, 1, 24],
    [7, 3, 1, 1, 1, 7],
    [7, 3, 1, 0, 2, 3],
    [9, 3, 2, 1, 1, 5],
    [2, 5, 1, 0, 1, 0],
  ])('in=%i k=%i s=%i p=%i d=%i → %i', (inSize, k, stride, padding, dilation, out) => {
    expect(outputSize(inSize, k, { stride, padding, dilation })).toBe(out);
  });
});

describe('conv2d (cross-correlation, as CNNs compute it)', () => {
  it('x=[3,3] k=2 s=1 p=0: hand-computed', () => {
    const x = grid(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const out = conv2d(x, [1, 0, 0, -1], 2);
    expect([out.h, out.w]).toEqual([2, 2]);
    expect(Array.from(out.values)).toEqual([1 - 5, 2 - 6, 4 - 8, 5 - 9]);
  });

  it('x=[7,7] bar k=3 vertical: 5×5, strongest on the bar, shape matches the formula', () => {
    const out = conv2d(barPattern(), KERNELS.vertical, 3);
    expect([out.h, out.w]).toEqual([5, 5]);
    // Row 2 (0-based) of the output, column 2: window centred on the bar column.
    expect(out.values[2 * 5 + 2]).toBe(6);
  });

  it('x=[4,4] k=3 p=1 s=2: zeros outside, 2×2 output', () => {
    const x = grid(4, 4, new Array(16).fill(1));
    const out = conv2d(x, new Array(9).fill(1), 3, { stride: 2, padding: 1, dilation: 1 });
    expect([out.h, out.w]).toEqual([2, 2]);
    expect(Array.from(out.values)).toEqual([4, 6, 6, 9]);
  });
});

describe('pooling', () => {
  it('8×8 → 4×4 max and average, first window [0.1, 0.9; 0.3, 0.2]', () => {
    const max = pool2d(poolingPattern(), 2, 2, 'max');
    const avg = pool2d(poolingPattern(), 2, 2, 'avg');
    expect([max.h, max.w]).toEqual([4, 4]);
    expect(max.values[0]).toBeCloseTo(0.9, 6);
    expect(avg.values[0]).toBeCloseTo((0.1 + 0.9 + 0.3 + 0.2) / 4, 6);
  });
});

describe('the lessons’ questions agree with the maths they show', () => {
  it('lesson 2: kernel [1,2,1] over 3,1,0 → 5', () => {
    const q = question('convolution-of-functions', 'sum');
    expect(q.kind === 'number' && q.answer).toBe(conv1d(ROW_1D, ROW_1D_KERNEL)[2]);
    expect(ROW_1D.slice(2, 5)).toEqual([3, 1, 0]);
  });

  it('lesson 3: the window at position 12 sums to the answer', () => {
    const q = question('sliding-filter', 'dotValue');
    expect(q.kind === 'number' && q.answer).toBe(windowProducts(barPattern(), KERNELS.vertical, 3, 2, 2).sum);
  });

  it('lesson 4: both sizes come from the formula', () => {
    const a = question('stride-padding', 'size32');
    const b = question('stride-padding', 'size9');
    expect(a.kind === 'number' && a.answer).toBe(outputSize(32, 5, { stride: 1, padding: 0, dilation: 1 }));
    expect(b.kind === 'number' && b.answer).toBe(outputSize(11, 3, { stride: 2, padding: 1, dilation: 1 }));
  });

  it('lesson 7: 10 → 5, and the outlined max window keeps what the question says', () => {
    const a = question('pooling', 'size');
    const b = question('pooling', 'maxOf');
    expect(a.kind === 'number' && a.answer).toBe(pool2d(grid(10, 10), 2, 2, 'max').w);
    expect(b.kind === 'number' && b.answer).toBeCloseTo(
      pool2d(poolingPattern(), 2, 2, 'max').values[Number(b.params?.pos)] ?? NaN,
      6,
    );
  });
});

describe('bells and the synthetic photo', () => {
  it('convolution of two unit bells: √π·e^(−t²/4), highest at t = 0', () => {
    for (const t of [-3, -1, 0, 1.5])
      expect(convolveBells(t, 1, 1)).toBeCloseTo(Math.sqrt(Math.PI) * Math.exp(-(t * t) / 4), 3);
  });

  it('photo is 3 channels of 24×24 in [0,1], not grey (channels differ)', () => {
    const p = syntheticPhoto(24);
    for (const c of [p.r, p.g, p.b]) {
      expect(c.values.length).toBe(576);
      expect(Math.min(...c.values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...c.values)).toBeLessThanOrEqual(1);
    }
    expect(Array.from(p.r.values)).not.toEqual(Array.from(p.b.values));
  });
});

describe('lesson maths = the explorer engine’s maths (src/engine/ops)', () => {
  it('x=[7,7,1] bar k=[3,3,1,1] vertical s=1 p=0: every cell equal', async () => {
    const { conv2d: engineConv, kernelFromFilters, stackPlanes } = await import('../../../src/engine/ops');
    const x = barPattern();
    const mine = conv2d(x, KERNELS.vertical, 3);
    const theirs = engineConv(stackPlanes([x.values], 7, 7), kernelFromFilters([KERNELS.vertical], 3, 3, 1), {
      stride: 1,
      padding: 0,
      dilation: 1,
      bias: 0,
      activation: 'none',
    });
    expect(theirs.shape).toEqual([5, 5, 1]);
    expect(Array.from(theirs.data)).toEqual(Array.from(mine.values));
  });

  it('x=[9,9,1] k=3 s=2 p=1 d=1 and x=[7,7,1] k=3 d=2: same sizes and values', async () => {
    const { conv2d: engineConv, kernelFromFilters, stackPlanes } = await import('../../../src/engine/ops');
    const x = grid(
      9,
      9,
      Array.from({ length: 81 }, (_, i) => ((i * 7) % 11) / 10),
    );
    for (const s of [
      { stride: 2, padding: 1, dilation: 1 },
      { stride: 1, padding: 0, dilation: 2 },
    ]) {
      const mine = conv2d(x, KERNELS.sobelX, 3, s);
      const theirs = engineConv(stackPlanes([x.values], 9, 9), kernelFromFilters([KERNELS.sobelX], 3, 3, 1), {
        ...s,
        bias: 0,
        activation: 'none',
      });
      expect(theirs.shape.slice(0, 2)).toEqual([mine.h, mine.w]);
      Array.from(theirs.data).forEach((v, i) => expect(v).toBeCloseTo(mine.values[i] ?? NaN, 5));
    }
  });
});
