import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/**
 * Runs `fn` (sync or async) and fails the test if it leaves tensors behind: `tf.memory().numTensors`
 * and the engine's data buffers must be back where they started. Whatever `fn` returns is passed
 * through, so return plain values (numbers, typed arrays), not tensors: a returned tensor counts as a
 * leak, on purpose.
 *
 * `backendData: true` also counts the active backend's own data ids, which catches kernels that
 * allocate intermediates on the backend without ever making engine tensors. Only use it when `fn`
 * does not switch backends.
 */
export async function expectNoLeaks<T>(
  fn: () => T | Promise<T>,
  opts: { backendData?: boolean } = {},
): Promise<T> {
  const before = tf.memory();
  const dataIdsBefore = opts.backendData ? tf.backend().numDataIds() : 0;
  const result = await fn();
  const after = tf.memory();
  expect(after.numTensors, 'tensors leaked').toBe(before.numTensors);
  expect(after.numDataBuffers, 'data buffers leaked').toBe(before.numDataBuffers);
  if (opts.backendData) {
    expect(tf.backend().numDataIds(), 'backend data leaked').toBe(dataIdsBefore);
  }
  return result;
}
