/// <reference lib="webworker" />
/**
 * The map's UMAP layout, off the page's thread so the page stays responsive during the ~half a minute
 * it takes. Pure JavaScript (umap-js, bundled by Vite): no tfjs, no network.
 */
import { layoutUmap } from '../engine/explain/umapLayout';
import type { FromUmapWorker, UmapJob } from './umapProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromUmapWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

scope.onmessage = (e: MessageEvent<UmapJob>) => {
  const job = e.data;
  // Pixels come as bytes: a quarter of the copy, and the conversion costs the page nothing.
  const data = job.data instanceof Uint8Array ? new Float32Array(job.data.length) : job.data;
  if (job.data instanceof Uint8Array)
    for (let i = 0; i < data.length; i++) data[i] = (job.data[i] as number) / 255;
  layoutUmap(data, job.n, job.d, {
    seed: job.seed,
    nNeighbors: job.nNeighbors,
    nEpochs: job.nEpochs,
    pcaDims: job.pcaDims,
    onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
  }).then(
    (positions) => post({ type: 'done', positions }, [positions.buffer]),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
