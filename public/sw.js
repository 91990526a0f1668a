/*
 * CNN Studio service worker: after one online visit, the app runs with no network at all.
 * - install: precaches the app shell, every built asset it can find by following index.html and the
 *   chunks it imports (Vite hashes their names, so they never go stale), the MNIST files, the
 *   Fashion-MNIST test split (its 26 MB training split is cached the first time Train loads it) and the
 *   pretrained model. Test splits come first. Each file is fetched on its own; a missing one never
 *   blocks the install.
 * - fetch: pages network-first (a new deploy shows up at once), the datasets' manifests network-first,
 *   every other same-origin GET cache-first, filling the cache as it goes.
 * Plain JS in public/ so that it is served as-is from the app's root. Registered by src/sw/.
 */
// Rewritten by the build with a hash of every file it outputs (scripts/vite/serviceWorkerBuildId.ts), so
// a new deploy installs a new worker, precaches afresh and deletes the old cache. Never set by hand.
const BUILD_ID = 'dev';
const CACHE = `cnn-studio-app-${BUILD_ID}`;
// Static hosts often send `Vary: Origin`; module scripts are requested with an Origin header and the
// precache without one, so matching must ignore Vary or nothing would be found offline.
const MATCH = { ignoreVary: true };
const MATCH_ANY_QUERY = { ignoreVary: true, ignoreSearch: true };
const SCOPE = self.registration.scope;
// Hashed build outputs (Vite: name-XXXXXXXX.ext); only these are followed from inside scripts.
const HASHED = /^[\w.-]+-[\w-]{8}\.(?:js|css|wasm)$/;
const REF = /["'`]((?:\.{1,2}\/)?(?:assets\/)?[\w.-]+\.(?:js|css|wasm|svg|png|woff2?))["'`]/g;

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('cnn-studio-app-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function precache() {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const queue = [
    new URL('./', SCOPE).href,
    new URL('index.html', SCOPE).href,
    new URL('favicon.svg', SCOPE).href,
  ];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url) || !url.startsWith(SCOPE)) continue;
    seen.add(url);
    const res = await fetchOk(url);
    if (!res) continue;
    const type = res.headers.get('content-type') || '';
    const scan = /html|javascript|css/.test(type);
    const text = scan ? await res.clone().text() : '';
    await cache.put(url, res);
    if (!scan) continue;
    if (type.includes('html')) {
      for (const m of text.matchAll(/(?:src|href)="([^"]+)"/g)) queue.push(new URL(m[1], url).href);
    } else {
      for (const m of text.matchAll(REF)) {
        const ref = m[1];
        const name = ref.split('/').pop();
        if (!HASHED.test(name)) continue;
        queue.push(ref.startsWith('assets/') ? new URL(ref, SCOPE).href : new URL(ref, url).href);
      }
    }
  }
  await precacheDataset(cache, 'mnist', ['test', 'train']);
  await precacheModel(cache);
  await precacheDataset(cache, 'fashion-mnist', ['test']);
}

/** A built-in dataset's manifest and the files of `splits`, in that order (test first). */
async function precacheDataset(cache, id, splits) {
  const manifestUrl = new URL(`data/${id}/manifest.json`, SCOPE).href;
  const res = await fetchOk(manifestUrl);
  if (!res) return;
  const manifest = await res
    .clone()
    .json()
    .catch(() => null);
  await cache.put(manifestUrl, res);
  if (!manifest || !manifest.files || !manifest.splits) return;
  const names = splits.flatMap((s) =>
    manifest.splits[s] ? [manifest.splits[s].images, manifest.splits[s].labels] : [],
  );
  for (const name of names) {
    const entry = manifest.files[name];
    if (!entry) continue;
    // The same URL the loader asks for (src/engine/data/download.ts), so the match is exact.
    const url = new URL(`data/${id}/${entry.file}?v=${String(entry.sha256).slice(0, 16)}`, SCOPE).href;
    if (await cache.match(url, MATCH)) continue;
    const file = await fetchOk(url);
    if (file) await cache.put(url, file);
  }
}

async function precacheModel(cache) {
  const modelUrl = new URL('models/lenet5/model.json', SCOPE).href;
  const res = await fetchOk(modelUrl);
  if (!res) return;
  const model = await res
    .clone()
    .json()
    .catch(() => null);
  await cache.put(modelUrl, res);
  for (const group of (model && model.weightsManifest) || []) {
    for (const path of group.paths || []) {
      const url = new URL(path, modelUrl).href;
      const file = await fetchOk(url);
      if (file) await cache.put(url, file);
    }
  }
}

async function fetchOk(url) {
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    return res.ok && res.status === 200 ? res : null;
  } catch {
    return null;
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE) || req.headers.has('range')) return;
  if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, new URL('index.html', SCOPE).href));
  } else if (/\/data\/[\w-]+\/manifest\.json/.test(req.url) || req.url.includes('/models/')) {
    event.respondWith(networkFirst(req));
  } else {
    event.respondWith(cacheFirst(req));
  }
});

async function networkFirst(req, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok && res.status === 200) await cache.put(req.url.split('#')[0], res.clone());
    return res;
  } catch (err) {
    const hit =
      (await cache.match(req, req.mode === 'navigate' ? MATCH_ANY_QUERY : MATCH)) ||
      (fallbackUrl && (await cache.match(fallbackUrl, MATCH))) ||
      (await cache.match(req, MATCH_ANY_QUERY));
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, MATCH);
  if (hit) return hit;
  try {
    const res = await fetch(req);
    if (res.ok && res.status === 200) await cache.put(req, res.clone());
    return res;
  } catch (err) {
    const stale = await cache.match(req, MATCH_ANY_QUERY);
    if (stale) return stale;
    throw err;
  }
}
