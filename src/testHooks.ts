/**
 * Hooks browser tests use to cause what they cannot cause from outside the page: functions on
 * `window.__cnnStudioTest`. Loaded only when the page URL has `?testhooks` (src/startApp.ts imports
 * this module lazily), so students never download it.
 */
import { send } from './components/train/trainSession';
import * as tf from '@tensorflow/tfjs-core';
import { loseWebGLContext } from './engine/backend';
import type { BackendProbeResult } from './engine/backendProbe';
import type { ThreadProbeResult } from './engine/threadProbe';
import { lastProbe, lastThreadProbe } from './state/backendProbeCache';

export type TestHooks = {
  /** Tells the training host to lose its WebGL context for real (on other backends: fail a step). */
  simulateBackendLoss(): void;
  /** Loses the page's own WebGL context (Draw, lessons); false when the page does not run on WebGL. */
  losePageWebGLContext(): boolean;
  /** The page's live tensor count (`tf.memory().numTensors`), for leak checks around a refused input. */
  numTensors(): number;
  /** The training backend measurement of this page load (null when none ran). */
  trainBackendProbe(): { result: BackendProbeResult; cached: boolean } | null;
  /** The training worker's wasm thread choice of this page load (null when none was made). */
  trainThreads(): { result: ThreadProbeResult; cached: boolean; threads: number } | null;
};

export function installTestHooks(): void {
  const hooks: TestHooks = {
    simulateBackendLoss: () => send({ type: 'simulateBackendLoss' }),
    losePageWebGLContext: loseWebGLContext,
    numTensors: () => tf.memory().numTensors,
    trainBackendProbe: lastProbe,
    trainThreads: lastThreadProbe,
  };
  (window as unknown as { __cnnStudioTest: TestHooks }).__cnnStudioTest = hooks;
}
