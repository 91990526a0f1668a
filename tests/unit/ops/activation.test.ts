import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activate, activateArray } from '../../../src/engine/ops';

/** Values where formulas break first: signed zeros, tiny and huge magnitudes, exp overflow, ±∞, NaN. */
const EDGES = [
  0,
  -0,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e-8,
  -1e-8,
  0.5,
  -0.5,
  1,
  -1,
  20,
  -20,
  88.8,
  -88.8,
  709.8,
  -709.8,
  710,
  -710,
  3.4028234663852886e38,
  -3.4028234663852886e38,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
];

describe('activateArray: a whole array through the same formulas as activate', () => {
  it.each(ACTIVATIONS)(
    '%s: float64 in and out equal activate(v) bit for bit, -0 and NaN included',
    (kind) => {
      const pre = Float64Array.from(EDGES);
      const out = activateArray(kind, pre, new Float64Array(pre.length));
      EDGES.forEach((v, i) => expect(Object.is(out[i], activate(kind, v)), `${kind}(${v})`).toBe(true));
      expect(Array.from(pre)).toEqual(EDGES); // only read
    },
  );

  it.each(ACTIVATIONS)(
    '%s: float32 out is activate(v) rounded once; float32 in place matches too',
    (kind) => {
      const out = activateArray(kind, Float64Array.from(EDGES), new Float32Array(EDGES.length));
      EDGES.forEach((v, i) =>
        expect(Object.is(out[i], Math.fround(activate(kind, v))), `${kind}(${v})`).toBe(true),
      );
      const inPlace = Float32Array.from(EDGES);
      const same = activateArray(kind, inPlace, inPlace);
      expect(same).toBe(inPlace);
      EDGES.forEach((v, i) =>
        expect(Object.is(inPlace[i], Math.fround(activate(kind, Math.fround(v)))), `${kind}(${v})`).toBe(
          true,
        ),
      );
    },
  );

  it.each(ACTIVATIONS)('%s: a bias per channel (channels innermost) is added in float64 first', (kind) => {
    const bias = [0.25, -3, 1e-9];
    const pre = Float32Array.from(EDGES.slice(0, 24)); // 8 cells of 3 channels
    const out = activateArray(kind, pre, new Float64Array(pre.length), bias);
    pre.forEach((v, i) => {
      const b = bias[i % 3] as number;
      expect(Object.is(out[i], activate(kind, v + b)), `${kind}(${v} + ${b})`).toBe(true);
    });
  });

  it('refuses an output of another length or an empty bias, and handles an empty array', () => {
    expect(() => activateArray('relu', new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
    expect(() => activateArray('relu', new Float32Array(3), new Float32Array(3), [])).toThrow(RangeError);
    expect(activateArray('tanh', new Float32Array(0), new Float32Array(0))).toHaveLength(0);
  });
});
