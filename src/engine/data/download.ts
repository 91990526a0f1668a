/**
 * Fetching the packed MNIST files: streamed progress, gunzip with `DecompressionStream`, and a copy in
 * Cache Storage so a reload without network still has the digits. Framework-free; uses only `fetch`,
 * `caches` (when the context offers it) and streams, so it runs in a page, a worker or node.
 */

/** manifest.json as written by scripts/pack-mnist.mjs. */
export type MnistManifest = {
  version: number;
  splits: Record<'train' | 'test', { count: number; images: string; labels: string }>;
  files: Record<string, MnistManifestFile>;
};

export type MnistManifestFile = {
  file: string;
  dims: number[];
  count: number;
  rawBytes: number;
  gzBytes: number;
  sha256: string;
};

import { t } from '../../i18n';

export const MNIST_CACHE_NAME = 'cnn-studio-mnist';

/** Students are told to reload; the developer's fix belongs in the console. */
export const warnPrepareData = (): void => {
  console.warn(
    'CNN Studio: the MNIST files on this server are missing or wrong; run `npm run prepare-data`.',
  );
};

/**
 * How to repair missing or damaged MNIST files on the server, in the current language. Call it only
 * where the files are found wrong: it also tells the developer in the console.
 */
export const prepareFix = (): string => {
  warnPrepareData();
  return t('engine.download.prepareFix');
};
/** How to get MNIST when the network is gone, in the current language. */
const offlineFix = (): string => t('engine.download.offlineFix');

const fmt = (n: number) => n.toLocaleString('en-US');
const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** manifest.json arrived but is unusable: not worth falling back to a cached copy. */
class ManifestError extends Error {}

function openCache(enabled: boolean): Promise<Cache | null> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!enabled || !storage) return Promise.resolve(null);
  // Cache Storage can be refused (private windows, quota, insecure origins): then we just skip it.
  return storage.open(MNIST_CACHE_NAME).catch(() => null);
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/**
 * Fetches manifest.json from the network (revalidating), falling back to the cached copy when the
 * network fails. Throws an actionable Error when neither works.
 */
export async function fetchManifest(
  url: string,
  opts: { signal?: AbortSignal; cache?: boolean } = {},
): Promise<MnistManifest> {
  const cache = await openCache(opts.cache ?? true);
  let problem: string;
  try {
    const res = await fetch(url, { signal: opts.signal, cache: 'no-cache' });
    if (res.ok) {
      const text = await res.text();
      const manifest = parseManifest(text, url);
      await cache
        ?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }))
        .catch(() => {});
      return manifest;
    }
    problem =
      res.status === 404
        ? t('engine.download.manifestMissing', { url, fix: prepareFix() })
        : t('engine.download.manifestRefused', { url, status: String(res.status), fix: prepareFix() });
  } catch (err) {
    if (isAbort(err)) throw err;
    if (err instanceof SyntaxError || err instanceof ManifestError) throw err;
    problem = t('engine.download.unreachable', { reason: errText(err), fix: offlineFix() });
  }
  const cached = await cache?.match(url);
  if (cached) return parseManifest(await cached.text(), url);
  throw new Error(problem);
}

function parseManifest(text: string, url: string): MnistManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError(t('engine.download.manifestNotJson', { url, fix: prepareFix() }));
  }
  const m = value as Partial<MnistManifest> | null;
  if (!m || typeof m.version !== 'number' || !m.splits?.train || !m.splits.test || !m.files) {
    throw new ManifestError(t('engine.download.manifestFields', { url, fix: prepareFix() }));
  }
  return m as MnistManifest;
}

export type FetchPackedOptions = {
  /** Human name for messages: "test-images". */
  name: string;
  entry: MnistManifestFile;
  signal?: AbortSignal;
  cache?: boolean;
  /** Called with the compressed bytes received so far for this file. */
  onBytes?: (loaded: number) => void;
};

/**
 * Returns the raw (decompressed) bytes of one packed file. Tries Cache Storage first (the URL carries
 * the file's sha-256, so a cached copy is never stale), then the network. Throws an actionable Error.
 */
export async function fetchPackedFile(baseUrl: string, opts: FetchPackedOptions): Promise<Uint8Array> {
  const { entry } = opts;
  const url = new URL(`${entry.file}?v=${entry.sha256.slice(0, 16)}`, baseUrl).href;
  const cache = await openCache(opts.cache ?? true);
  const cached = await cache?.match(url);
  if (cached) {
    try {
      const raw = await unpack(new Uint8Array(await cached.arrayBuffer()), opts);
      opts.onBytes?.(entry.gzBytes);
      return raw;
    } catch (err) {
      if (isAbort(err)) throw err;
      // A damaged cached copy is not the user's problem: drop it and download again.
      await cache?.delete(url).catch(() => false);
    }
  }
  const gz = await download(url, opts);
  const raw = await unpack(gz, opts);
  if (cache) await store(cache, url, gz);
  return raw;
}

async function download(url: string, opts: FetchPackedOptions): Promise<Uint8Array> {
  const { name, entry } = opts;
  let res: Response;
  try {
    res = await fetch(url, { signal: opts.signal });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new Error(t('engine.download.failed', { name, reason: errText(err), fix: offlineFix() }), {
      cause: err,
    });
  }
  if (!res.ok) {
    const file = entry.file;
    throw new Error(
      res.status === 404
        ? t('engine.download.fileMissing', { name, file, fix: prepareFix() })
        : t('engine.download.fileRefused', { name, file, status: String(res.status), fix: prepareFix() }),
    );
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.length;
        opts.onBytes?.(Math.min(loaded, entry.gzBytes));
      }
    } else {
      const all = new Uint8Array(await res.arrayBuffer());
      chunks.push(all);
      loaded = all.length;
      opts.onBytes?.(Math.min(loaded, entry.gzBytes));
    }
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new Error(t('engine.download.brokeOff', { name, bytes: fmt(loaded), fix: offlineFix() }), {
      cause: err,
    });
  }
  return concat(chunks, loaded);
}

/** Gunzips, unless a host already decoded the gzip for us (some send `.gz` with Content-Encoding: gzip). */
async function unpack(bytes: Uint8Array, opts: FetchPackedOptions): Promise<Uint8Array> {
  const { name, entry } = opts;
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip && bytes.length === entry.rawBytes && bytes[0] === 0 && bytes[1] === 0) return bytes;
  if (bytes.length !== entry.gzBytes) {
    const vars = { name, expected: fmt(entry.gzBytes), got: fmt(bytes.length), fix: prepareFix() };
    throw new Error(
      bytes.length < entry.gzBytes
        ? t('engine.download.truncated', vars)
        : t('engine.download.wrongFile', vars),
    );
  }
  if (!isGzip) throw new Error(t('engine.download.notGzip', { name, fix: prepareFix() }));
  if (typeof DecompressionStream === 'undefined') {
    throw new Error(t('engine.download.noDecompression'));
  }
  opts.signal?.throwIfAborted();
  let raw: Uint8Array;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    raw = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new Error(t('engine.download.gunzipFailed', { name, reason: errText(err), fix: prepareFix() }), {
      cause: err,
    });
  }
  if (raw.length !== entry.rawBytes) {
    throw new Error(
      t('engine.download.unpackSize', {
        name,
        got: fmt(raw.length),
        expected: fmt(entry.rawBytes),
        fix: prepareFix(),
      }),
    );
  }
  return raw;
}

async function store(cache: Cache, url: string, gz: Uint8Array): Promise<void> {
  try {
    const body = new Blob([gz as Uint8Array<ArrayBuffer>]);
    await cache.put(url, new Response(body, { headers: { 'content-type': 'application/gzip' } }));
    // Older versions of the same file are dead weight (tens of MB on a school laptop): drop them.
    const path = new URL(url).pathname;
    for (const req of await cache.keys()) {
      if (req.url !== url && new URL(req.url).pathname === path) await cache.delete(req);
    }
  } catch {
    // Out of quota or storage refused: the app still works, only the offline copy is missing.
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
