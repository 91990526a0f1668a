/*
 * CNN Studio service worker: after one online visit, the app runs with no network at all.
 * - install: precaches the app shell, every built asset it can find by following index.html and the
 *   chunks it imports (Vite hashes their names, so they never go stale), the web app manifest and its
 *   icons, the MNIST files, the Fashion-MNIST test split (its 26 MB training split is cached the first
 *   time Train loads it) and the pretrained model. Test splits come first. Each file is fetched on its
 *   own; a missing one never blocks the install.
 * - fetch: pages network-first (a new deploy shows up at once), the datasets' manifests network-first,
 *   every other same-origin GET cache-first, filling the cache as it goes.
 * - Nothing is cached unless it passes its check (`problemWith`): the content type fits the file
 *   (never an HTML page, such as a captive portal's login page sent with status 200, for a script or a
 *   data file), the size is the one the build or the dataset manifest recorded, and the first bytes are
 *   those of the format. A cached copy that fails the same check is thrown away and fetched again past
 *   the browser's HTTP cache, so a damaged copy costs one download, never a broken app.
 * Plain JS in public/ so that it is served as-is from the app's root. Registered by src/sw/.
 */
// Rewritten by the build with a hash of every file it outputs (scripts/vite/serviceWorkerBuildId.ts), so
// a new deploy installs a new worker, precaches afresh and deletes the old cache. Never set by hand.
const BUILD_ID = 'dev';
// Rewritten by the build with the byte size of every file it outputs (path from the app's root), so a
// truncated or swapped copy is caught before it is cached or served. Empty in dev: checks by type only.
const BUILD_FILES = {};
const CACHE = `cnn-studio-app-${BUILD_ID}`;
// Static hosts often send `Vary: Origin`; module scripts are requested with an Origin header and the
// precache without one, so matching must ignore Vary or nothing would be found offline.
const MATCH = { ignoreVary: true };
const MATCH_ANY_QUERY = { ignoreVary: true, ignoreSearch: true };
const SCOPE = self.registration.scope;
// Hashed build outputs (Vite: name-XXXXXXXX.ext); only these are followed from inside scripts.
const HASHED = /^[\w.-]+-[\w-]{8}\.(?:js|css|wasm)$/;
const REF = /["'`]((?:\.{1,2}\/)?(?:assets\/)?[\w.-]+\.(?:js|css|wasm|svg|png|woff2?))["'`]/g;
// Installing the app: the manifest's icons are not linked from index.html, so they are listed here.
const SHELL = [
  './',
  'index.html',
  'icons/icon-32.png',
  'manifest.webmanifest',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
];
const DATASETS = ['mnist', 'fashion-mnist'];

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
  const queue = SHELL.map((path) => new URL(path, SCOPE).href);
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url) || !url.startsWith(SCOPE)) continue;
    seen.add(url);
    const res = await fetchChecked(url, url.endsWith('/') || url.endsWith('.html') ? 'html' : null);
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
  const res = await fetchChecked(manifestUrl);
  if (!res) return;
  const manifest = await res
    .clone()
    .json()
    .catch(() => null);
  await cache.put(manifestUrl, res);
  dataSizes = null;
  if (!manifest || !manifest.files || !manifest.splits) return;
  const names = splits.flatMap((s) =>
    manifest.splits[s] ? [manifest.splits[s].images, manifest.splits[s].labels] : [],
  );
  for (const name of names) {
    const entry = manifest.files[name];
    if (!entry) continue;
    // The same URL the loader asks for (src/engine/data/download.ts), so the match is exact.
    const url = new URL(`data/${id}/${entry.file}?v=${String(entry.sha256).slice(0, 16)}`, SCOPE).href;
    const have = await cache.match(url, MATCH);
    if (have && !(await problemWith(have, url))) continue;
    const file = await fetchChecked(url);
    if (file) await cache.put(url, file);
  }
}

async function precacheModel(cache) {
  const modelUrl = new URL('models/lenet5/model.json', SCOPE).href;
  const res = await fetchChecked(modelUrl);
  if (!res) return;
  const model = await res
    .clone()
    .json()
    .catch(() => null);
  await cache.put(modelUrl, res);
  for (const group of (model && model.weightsManifest) || []) {
    for (const path of group.paths || []) {
      const url = new URL(path, modelUrl).href;
      const file = await fetchChecked(url);
      if (file) await cache.put(url, file);
    }
  }
}

/**
 * Fetches `url` past the browser's HTTP cache (which a portal's answer may also have filled) and
 * returns the response only if it is fit to cache; null otherwise.
 */
async function fetchChecked(url, kind) {
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    const problem = await problemWith(res, url, kind);
    if (!problem) return res;
    console.warn(`CNN Studio offline copy: not caching ${url}: ${problem}`);
    return null;
  } catch {
    return null;
  }
}

/** What a file at this path must be: decides the content types and first bytes accepted. */
function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  const ext = (/\.([a-z0-9]+)$/i.exec(path) || [])[1] || '';
  switch (ext.toLowerCase()) {
    case 'js':
    case 'mjs':
      return 'script';
    case 'css':
      return 'css';
    case 'wasm':
      return 'wasm';
    case 'json':
    case 'webmanifest':
      return 'json';
    case 'png':
      return 'png';
    case 'svg':
      return 'svg';
    case 'gz':
      return 'gzip';
    default:
      return 'data';
  }
}

/** The path of `url` from the app's root, without query or hash: the key of BUILD_FILES. */
function appPath(url) {
  const u = new URL(url);
  const root = new URL(SCOPE);
  return u.pathname.startsWith(root.pathname) ? u.pathname.slice(root.pathname.length) : u.pathname;
}

// Sizes the datasets' manifests promise ({"data/mnist/test-images.idx3.gz": [gz, raw]}), read from the
// cached manifests once per worker start, and again whenever a manifest is cached or was missing.
let dataSizes = null;
function packedSizes() {
  dataSizes =
    dataSizes ||
    (async () => {
      const sizes = {};
      const cache = await caches.open(CACHE);
      for (const id of DATASETS) {
        const hit = await cache.match(new URL(`data/${id}/manifest.json`, SCOPE).href, MATCH);
        const manifest = hit ? await hit.json().catch(() => null) : null;
        if (!manifest) dataSizes = null;
        for (const entry of Object.values((manifest && manifest.files) || {})) {
          if (entry && typeof entry.file === 'string') {
            // A host may send the .gz with Content-Encoding: gzip (vite preview does); the browser then
            // hands over the raw bytes.
            sizes[`data/${id}/${entry.file}`] = [entry.gzBytes, entry.rawBytes].filter(Number.isFinite);
          }
        }
      }
      return sizes;
    })().catch(() => ({}));
  return dataSizes;
}

/** The byte sizes `url` may have, or null when neither the build nor a manifest knows it. */
async function expectedSizes(url) {
  const path = appPath(url);
  const fromData = (await packedSizes())[path];
  if (fromData && fromData.length > 0) return fromData;
  const built = BUILD_FILES[path];
  return typeof built === 'number' ? [built] : null;
}

const startsWith = (bytes, ...magic) => magic.every((b, i) => bytes[i] === b);

/**
 * Why `res` (from the network or the cache) must not be cached or served as the file at `url`, or
 * null when it is fine: an error status, a redirect (a portal's), a content type that does not fit
 * (above all an HTML page where a script or data file belongs), a size other than the recorded one,
 * or first bytes that are not the format's.
 */
async function problemWith(res, url, kind = kindOf(url)) {
  if (!res || !res.ok || res.status !== 200) return `status ${res ? res.status : 'none'}`;
  if (res.redirected) return `redirected to ${res.url}`;
  if (res.type !== 'basic' && res.type !== 'default') return `a ${res.type} response`;
  const type = (res.headers.get('content-type') || '').toLowerCase();
  if (kind === 'html') {
    if (!type.includes('text/html')) return `content type "${type}" for a page`;
  } else {
    if (type.includes('html')) return `an HTML page (content type "${type}") for a ${kind} file`;
    if (kind === 'script' && !/javascript|ecmascript/.test(type))
      return `content type "${type}" for a script`;
    if (kind === 'css' && !type.includes('text/css')) return `content type "${type}" for a stylesheet`;
  }
  const blob = await res.clone().blob();
  const sizes = await expectedSizes(url);
  if (sizes && !sizes.includes(blob.size)) {
    return `${blob.size} bytes where ${sizes.join(' or ')} were expected`;
  }
  if (blob.size === 0) return 'empty';
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  const first = String.fromCharCode(...head).trimStart();
  switch (kind) {
    case 'html':
      // The app's own page, not a portal's: it carries the element React renders into.
      return (await blob.text()).includes('id="root"') ? null : 'a page that is not CNN Studio';
    case 'script':
    case 'css':
      return first.startsWith('<') ? 'markup where code belongs' : null;
    case 'wasm':
      return startsWith(head, 0x00, 0x61, 0x73, 0x6d) ? null : 'not WebAssembly';
    case 'png':
      return startsWith(head, 0x89, 0x50, 0x4e, 0x47) ? null : 'not a PNG';
    case 'svg':
      return first.startsWith('<') ? null : 'not an SVG';
    case 'gzip':
      // Raw IDX (a host that decoded the gzip) starts with two zero bytes.
      return startsWith(head, 0x1f, 0x8b) || startsWith(head, 0x00, 0x00) ? null : 'not gzip';
    case 'json':
      try {
        JSON.parse(await blob.text());
        return null;
      } catch {
        return 'not JSON';
      }
    default:
      return null;
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE) || req.headers.has('range')) return;
  if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, 'html', new URL('index.html', SCOPE).href));
  } else if (/\/data\/[\w-]+\/manifest\.json/.test(req.url) || req.url.includes('/models/')) {
    event.respondWith(networkFirst(req, kindOf(req.url)));
  } else {
    event.respondWith(cacheFirst(req));
  }
});

async function networkFirst(req, kind, fallbackUrl) {
  const cache = await caches.open(CACHE);
  const key = req.url.split('#')[0];
  let res;
  try {
    res = await fetch(req);
  } catch (err) {
    const hit = await cachedCopy(cache, req, fallbackUrl);
    if (hit) return hit;
    throw err;
  }
  const problem = await problemWith(res, key, kind);
  if (!problem) {
    await cache.put(key, res.clone());
    if (key.endsWith('/manifest.json')) dataSizes = null;
    return res;
  }
  // A portal's page, an error or a damaged answer: the good copy we have serves better, if any.
  // (A navigation answered by a portal still shows the portal: a student may need to log in.)
  if (kind !== 'html' || res.ok) console.warn(`CNN Studio offline copy: not caching ${key}: ${problem}`);
  if (kind === 'html') return res;
  return (await cachedCopy(cache, req)) || res;
}

async function cachedCopy(cache, req, fallbackUrl) {
  const candidates = [
    await cache.match(req, req.mode === 'navigate' ? MATCH_ANY_QUERY : MATCH),
    fallbackUrl ? await cache.match(fallbackUrl, MATCH) : undefined,
    await cache.match(req, MATCH_ANY_QUERY),
  ];
  for (const hit of candidates) {
    if (
      hit &&
      !(await problemWith(hit, fallbackUrl || req.url, req.mode === 'navigate' ? 'html' : undefined))
    )
      return hit;
  }
  return undefined;
}

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, MATCH);
  if (hit) {
    const damage = await problemWith(hit, req.url);
    if (!damage) return hit;
    // Damaged (a portal's page, a cut-off download from an older worker, a changed file): throw it
    // away and fetch again, past the HTTP cache too, which may hold the same bad answer.
    console.warn(`CNN Studio offline copy: ${req.url} was damaged (${damage}); fetching it again`);
    await cache.delete(req, MATCH);
  }
  let res;
  try {
    res = await fetch(req, hit ? { cache: 'reload' } : undefined);
  } catch (err) {
    const stale = await cache.match(req, MATCH_ANY_QUERY);
    if (stale && !(await problemWith(stale, req.url))) return stale;
    throw err;
  }
  if (!(await problemWith(res, req.url))) await cache.put(req, res.clone());
  return res;
}
