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
  layoutUmap(job.data, job.n, job.d, {
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
