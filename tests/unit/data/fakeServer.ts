import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../../../src/engine/data/idx';

/** A tiny MNIST-shaped data set: digit i has label i % 10 and every pixel equal to (i * 7 + p) % 256. */
export function tinyIdx(count: number): { images: Uint8Array; labels: Uint8Array } {
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.floor(i / 784) * 7 + (i % 784)) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images: encodeIdx([count, 28, 28], pixels), labels: encodeIdx([count], labels) };
}

export type Served = Record<string, Uint8Array | string | number>;

/** Packs raw IDX files the way scripts/pack-mnist.mjs does: gzip + manifest.json. */
export function packFiles(
  sets: Partial<Record<'train' | 'test', { images: Uint8Array; labels: Uint8Array }>>,
): {
  served: Served;
  manifest: { files: Record<string, { file: string; gzBytes: number; rawBytes: number; sha256: string }> };
} {
  const files: Record<string, unknown> = {};
  const served: Served = {};
  const splits: Record<string, unknown> = {};
  for (const [split, set] of Object.entries(sets)) {
    const count = new DataView(set.labels.buffer).getUint32(4);
    splits[split] = { count, images: `${split}-images`, labels: `${split}-labels` };
    for (const [kind, raw, ext] of [
      ['images', set.images, 'idx3'],
      ['labels', set.labels, 'idx1'],
    ] as const) {
      const gz = new Uint8Array(gzipSync(raw));
      const file = `${split}-${kind}.${ext}.gz`;
      served[file] = gz;
      files[`${split}-${kind}`] = {
        file,
        dims: kind === 'images' ? [count, 28, 28] : [count],
        count,
        rawBytes: raw.length,
        gzBytes: gz.length,
        sha256: createHash('sha256').update(raw).digest('hex'),
      };
    }
  }
  // Splits missing from `sets` still get an entry so the manifest has the shape the loader checks.
  for (const split of ['train', 'test']) {
    splits[split] ??= { count: 0, images: `${split}-images`, labels: `${split}-labels` };
  }
  const manifest = { version: 1, splits, files };
  served['manifest.json'] = JSON.stringify(manifest);
  return { served, manifest: manifest as ReturnType<typeof packFiles>['manifest'] };
}

export const BASE = 'http://school.test/app/data/mnist/';

/**
 * A fetch that serves `served` (file name → body, or an HTTP status) under BASE, ignoring the query.
 * `offline: true` makes every request fail like a dropped network. `requests` logs the paths asked for.
 */
export function fakeFetch(served: Served) {
  const state = { offline: false, requests: [] as string[], chunk: 4096 };
  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    state.requests.push(url.pathname.slice(new URL(BASE).pathname.length));
    if (init?.signal?.aborted)
      return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (state.offline) return Promise.reject(new TypeError('Failed to fetch'));
    const body = url.href.startsWith(BASE)
      ? served[url.pathname.slice(new URL(BASE).pathname.length)]
      : undefined;
    if (body === undefined) return Promise.resolve(new Response('Not found', { status: 404 }));
    if (typeof body === 'number') return Promise.resolve(new Response('', { status: body }));
    if (typeof body === 'string') return Promise.resolve(new Response(body));
    // Stream in small chunks so progress reporting is exercised the way a real network does.
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) return controller.close();
        controller.enqueue(body.slice(at, at + state.chunk));
        at += state.chunk;
      },
    });
    return Promise.resolve(new Response(stream));
  };
  return { fetch: fetchImpl, state };
}

/** An in-memory Cache Storage with the subset of the API the loader uses. */
export class FakeCacheStorage {
  readonly stores = new Map<string, Map<string, Uint8Array>>();
  open(name: string): Promise<FakeCache> {
    let store = this.stores.get(name);
    if (!store) this.stores.set(name, (store = new Map<string, Uint8Array>()));
    return Promise.resolve(new FakeCache(store));
  }
}

class FakeCache {
  readonly store: Map<string, Uint8Array>;
  constructor(store: Map<string, Uint8Array>) {
    this.store = store;
  }
  async match(req: RequestInfo | URL): Promise<Response | undefined> {
    const body = this.store.get(key(req));
    return Promise.resolve(body ? new Response(body.slice()) : undefined);
  }
  async put(req: RequestInfo | URL, res: Response): Promise<void> {
    this.store.set(key(req), new Uint8Array(await res.arrayBuffer()));
  }
  delete(req: RequestInfo | URL): Promise<boolean> {
    return Promise.resolve(this.store.delete(key(req)));
  }
  keys(): Promise<Request[]> {
    return Promise.resolve([...this.store.keys()].map((u) => new Request(u)));
  }
}

function key(req: RequestInfo | URL): string {
  return typeof req === 'string' ? req : req instanceof URL ? req.href : req.url;
}
