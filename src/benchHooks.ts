/**
 * Hooks for `npm run bench` (scripts/bench.ts): functions on `window.__cnnStudioBench` that time the
 * real production build from inside the page. Loaded only when the page URL has `?bench`
 * (src/startApp.ts imports this module lazily), so students never download it.
 *
 * Every hook returns plain numbers; tensors stay inside and are disposed here. The timed training loop
 * mirrors src/engine/train/trainer.ts: `optimizer.minimize` on a LeNet-5 batch, one read-back per
 * group of steps rather than per step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import {
  buildLeNet,
  LENET_DEFAULTS,
  loadMnistSplit,
  parseBackendName,
  computeGradCam,
  computeOcclusionMap,
  computeSaliency,
  computeSmoothGrad,
  computeTopPatches,
  describeNetwork,
  loadModelFromUrl,
  type LeNetConfig,
  type MnistSplit,
  type Network,
} from './engine';
import { appStore } from './state/appStore';
import { clearLearnedMaps, computeLearnedMap } from './state/learnedMap';
import { mnistBaseUrl } from './state/mnistService';
import { pretrainedModelUrl } from './state/modelStore';

export type TrainTiming = {
  backend: string;
  steps: number;
  batch: number;
  /** Wall time for all steps including the final read-back of the loss. */
  ms: number;
  examplesPerSecond: number;
  loss: number;
  numTensors: number;
};

export type BenchApi = {
  /** Resolves once the app has picked its backend at start-up; returns its name. */
  ready(): Promise<string>;
  backend(): string;
  /** Switches backend (disposing the cached models); returns the backend actually active. */
  setBackend(name: string): Promise<string>;
  /** Runs `steps` Adam steps of LeNet-5 on random MNIST-shaped data; the model persists across calls. */
  trainSteps(steps: number, batch: number, config?: Partial<LeNetConfig>): Promise<TrainTiming>;
  /** One single-image prediction, from pixels to probabilities read back; returns milliseconds. */
  predictOnce(): Promise<number>;
  /** Downloads, decompresses and parses one MNIST split without Cache Storage; returns ms and count. */
  loadMnist(split: MnistSplit): Promise<{ ms: number; count: number }>;
  /**
   * One Explain map of MNIST test digit `digit` with the shipped LeNet-5 (loaded once): milliseconds
   * from pixels to values read back. Occlusion uses `patch` and `stride`.
   */
  explainOnce(method: ExplainBenchMethod, digit: number, patch?: number, stride?: number): Promise<number>;
  /** Top-9 patches of every filter of the shipped LeNet-5 over the 10,000 test digits: milliseconds. */
  topPatchesOnce(): Promise<number>;
  /**
   * The learned map (UMAP of raw pixels and of the last hidden layer, in two workers) of the first
   * `count` test digits with the shipped LeNet-5, no cache: total milliseconds, the features step, and
   * the longest main-thread task seen meanwhile (PerformanceObserver 'longtask'; 0 if none over 50 ms).
   */
  learnedMapOnce(
    count: number,
  ): Promise<{ ms: number; featuresMs: number; longestTaskMs: number; longTasks: number }>;
  numTensors(): number;
  /** Threads the wasm backend runs on (1 = single-threaded). */
  wasmThreads(): number;
  /** Disposes everything the hooks hold. */
  reset(): void;
};

type TrainSession = {
  key: string;
  model: tfl.Sequential;
  optimizer: tf.Optimizer;
  xs: tf.Tensor4D;
  ys: tf.Tensor2D;
};

export type ExplainBenchMethod = 'gradient' | 'smoothgrad' | 'gradcam' | 'occlusion';

let session: TrainSession | null = null;
let explainer: { backend: string; net: Network } | null = null;
let predictor: { backend: string; model: tfl.Sequential } | null = null;

function disposeAll(): void {
  if (session) {
    session.model.dispose();
    session.optimizer.dispose();
    tf.dispose([session.xs, session.ys]);
    session = null;
  }
  predictor?.model.dispose();
  predictor = null;
  explainer?.net.model.dispose();
  explainer = null;
}

async function explainNet(): Promise<Network> {
  if (explainer?.backend !== tf.getBackend()) {
    explainer?.net.model.dispose();
    const loaded = await loadModelFromUrl(pretrainedModelUrl());
    explainer = { backend: tf.getBackend(), net: describeNetwork(loaded.model) };
  }
  return explainer.net;
}

function seededUniform(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32;
  }
  return out;
}

function trainSession(batch: number, config: LeNetConfig): TrainSession {
  const key = `${tf.getBackend()}|${batch}|${JSON.stringify(config)}`;
  if (session?.key === key) return session;
  disposeAll();
  const labels = Int32Array.from(seededUniform(batch, 7), (u) => Math.floor(u * 10));
  session = {
    key,
    model: buildLeNet(config, 1),
    optimizer: tf.train.adam(1e-3),
    xs: tf.tensor4d(seededUniform(batch * 784, 3), [batch, 28, 28, 1]),
    ys: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10) as tf.Tensor2D),
  };
  return session;
}

const api: BenchApi = {
  async ready() {
    while (appStore.get().backend.state === 'starting') {
      await new Promise((r) => setTimeout(r, 50));
    }
    return tf.getBackend();
  },
  backend: () => tf.getBackend(),
  async setBackend(name) {
    const wanted = parseBackendName(name);
    if (!wanted) throw new Error(`unknown backend ${name}`);
    disposeAll();
    await tf.setBackend(wanted);
    await tf.ready();
    return tf.getBackend();
  },
  async trainSteps(steps, batch, config = {}) {
    const s = trainSession(batch, { ...LENET_DEFAULTS, ...config });
    const t0 = performance.now();
    let loss: tf.Scalar | null = null;
    for (let i = 0; i < steps; i++) {
      loss?.dispose();
      loss = s.optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(s.ys, s.model.apply(s.xs, { training: true }) as tf.Tensor),
        true,
      );
    }
    const value = loss ? ((await loss.data())[0] ?? NaN) : NaN;
    loss?.dispose();
    const ms = performance.now() - t0;
    return {
      backend: tf.getBackend(),
      steps,
      batch,
      ms,
      examplesPerSecond: (steps * batch * 1000) / ms,
      loss: value,
      numTensors: tf.memory().numTensors,
    };
  },
  async predictOnce() {
    if (predictor?.backend !== tf.getBackend()) {
      predictor?.model.dispose();
      predictor = { backend: tf.getBackend(), model: buildLeNet(LENET_DEFAULTS, 2) };
    }
    const pixels = seededUniform(784, Math.floor(performance.now()));
    const t0 = performance.now();
    const probs = tf.tidy(() => predictor!.model.predict(tf.tensor4d(pixels, [1, 28, 28, 1])) as tf.Tensor);
    await probs.data();
    const ms = performance.now() - t0;
    probs.dispose();
    return ms;
  },
  async loadMnist(split) {
    const t0 = performance.now();
    const set = await loadMnistSplit(split, { baseUrl: mnistBaseUrl(), cache: false });
    return { ms: performance.now() - t0, count: set.count };
  },
  numTensors: () => tf.memory().numTensors,
  wasmThreads: () => (tf.getBackend() === 'wasm' ? getThreadsCount() : 1),
  async explainOnce(method, digit, patch = 4, stride = 1) {
    const net = await explainNet();
    const test = await loadMnistSplit('test', { baseUrl: mnistBaseUrl() });
    const pixels = Float32Array.from(test.images.subarray(digit * 784, (digit + 1) * 784), (b) => b / 255);
    const t0 = performance.now();
    if (method === 'gradient') await computeSaliency(net, pixels);
    else if (method === 'smoothgrad') await computeSmoothGrad(net, pixels, { sigma: 0.15, samples: 16 });
    else if (method === 'gradcam') await computeGradCam(net, pixels);
    else await computeOcclusionMap(net, pixels, { patch, stride });
    return performance.now() - t0;
  },
  async topPatchesOnce() {
    const net = await explainNet();
    const test = await loadMnistSplit('test', { baseUrl: mnistBaseUrl() });
    const t0 = performance.now();
    await computeTopPatches(net, test.count, (i, out) => {
      for (let j = 0; j < 784; j++) out[j] = (test.images[i * 784 + j] as number) / 255;
    });
    return performance.now() - t0;
  },
  async learnedMapOnce(count) {
    const net = await explainNet();
    const test = await loadMnistSplit('test', { baseUrl: mnistBaseUrl() });
    clearLearnedMaps();
    let longestTaskMs = 0;
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, e.duration);
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    let featuresMs = 0;
    try {
      await computeLearnedMap(net, 'bench', test, {
        count,
        onProgress: (p) => {
          if (p.stage !== 'features' && featuresMs === 0) featuresMs = performance.now() - t0;
        },
      });
    } finally {
      observer.disconnect();
    }
    return { ms: performance.now() - t0, featuresMs, longestTaskMs, longTasks };
  },
  reset: disposeAll,
};

/** Puts the bench API on `window.__cnnStudioBench`. */
export function installBenchHooks(): void {
  (window as unknown as { __cnnStudioBench: BenchApi }).__cnnStudioBench = api;
}
