import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// Gradients are registered by tfjs-layers in the app; these tests use tfjs-core alone.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { expect } from 'vitest';
import { expectNoLeaks } from '../../support/noLeaks';

/** Helpers for running the same gradient on the cpu (reference) and wasm backends. */

export type BackendUnderTest = 'cpu' | 'wasm';

export async function useBackend(name: BackendUnderTest): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
  await tf.ready();
}

/** Deterministic values in [-1, 1) from a small LCG, so both backends see identical inputs. */
export function seededValues(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

export type Input = { values: Float32Array; shape: number[] };

export function seededInput(shape: number[], seed: number): Input {
  return {
    values: seededValues(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  };
}

/**
 * Gradients of `f` with respect to every input, computed on `backend`, read back as plain arrays.
 * Asserts that neither the engine nor the backend keeps anything afterwards.
 */
export async function gradsOn(
  backend: BackendUnderTest,
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: Input[],
): Promise<Float32Array[]> {
  await useBackend(backend);
  return expectNoLeaks(
    async () => {
      const xs = inputs.map((i) => tf.tensor(i.values, i.shape));
      const gs = tf.grads(f)(xs);
      const out = await Promise.all(gs.map((g) => g.data<'float32'>()));
      tf.dispose([...xs, ...gs]);
      return out;
    },
    { backendData: true },
  );
}

/** Largest |a−b|, scaled by the reference's largest magnitude (at least 1). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] ?? NaN) - (expected[i] ?? NaN)));
    scale = Math.max(scale, Math.abs(expected[i] ?? 0));
  }
  return Number.isNaN(diff) ? Infinity : diff / scale;
}

/** Fails unless wasm and cpu agree on every gradient of `f`. */
export async function expectWasmGradsMatchCpu(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: Input[],
  tolerance = 1e-5,
): Promise<void> {
  const reference = await gradsOn('cpu', f, inputs);
  const actual = await gradsOn('wasm', f, inputs);
  expect(actual.length).toBe(reference.length);
  reference.forEach((ref, i) => {
    expect(relativeError(actual[i] ?? new Float32Array(), ref), `gradient ${i}`).toBeLessThan(tolerance);
  });
}
