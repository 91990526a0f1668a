/// <reference lib="webworker" />
// The training worker: the page stays free to draw while LeNet trains here.
import { logicalCores, prepareThreadedWasm, threadsPossible } from '../platform/threadedWasm';
import { serveWasmFromThisOrigin } from '../platform/wasmAssets';
import { createTrainHost } from './trainHost';
import type { ToHost } from './trainProtocol';

declare const self: DedicatedWorkerGlobalScope;

serveWasmFromThisOrigin();

// A MessageChannel round-trip is a macrotask without setTimeout's 4 ms clamp, so queued messages
// (pause, a new learning rate) are handled between groups of steps at almost no cost.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

const host = createTrainHost((msg, transfer) => self.postMessage(msg, transfer ?? []), {
  inWorker: true,
  yieldNow,
  // Threads only where the worker is cross-origin isolated (the app's headers) and has cores to share.
  ...(threadsPossible() ? { threading: { cores: logicalCores(), prepare: prepareThreadedWasm } } : {}),
});
self.onmessage = (e: MessageEvent<ToHost>) => {
  void host.handle(e.data);
};
