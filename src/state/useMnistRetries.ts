import { useSyncExternalStore } from 'react';
import { mnistRetries, onMnistRetry } from './mnistService';

/**
 * The number of Try agains so far: put it in the dependencies of an effect that loads digits, and the
 * effect asks again after the status bar's Try again (the service shares the new download).
 */
export function useMnistRetries(): number {
  return useSyncExternalStore(onMnistRetry, mnistRetries, mnistRetries);
}
