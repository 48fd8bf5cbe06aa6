// Service worker of the public verify page. Registered by /verify/verify.js with scope "/verify", so it controls that
// page only. It keeps the page, its scripts and styles, and the root-signed verification data (trust list, root key,
// status lists), so that the page loads and verifies QR codes (ES256, and SM2 with the vendored sm-crypto-v2) without a network. Network first, so a
// revocation published since is seen whenever the network is there; the cached copy when it is not.
// It never checks signatures itself: the page verifies every document against the root key it pins.

const CACHE = 'certguard-verify-v2';
const WELL_KNOWN = '/.well-known/certguard/';
const TRUST_LIST = `${WELL_KNOWN}trust-list.json`;
const ROOT_KEY = `${WELL_KNOWN}root-key.json`;
const STATUS = `${WELL_KNOWN}status/`;
const SHELL = ['/verify', '/verify/verify.js', '/verify/cg1.js', '/verify/cose.js', '/verify/documents.js', '/verify/encoding.js', '/verify/qr-image.js', '/verify/sm2.js', '/verify/verify.css', '/css/site.css', '/favicon.svg', '/lib/jsqr/jsQR.js', '/lib/sm-crypto-v2/sm-crypto-v2.umd.js'];
// After this long without an answer, the cached copy is served (the network answer still updates the cache).
const NETWORK_TIMEOUT_MS = 4000;
const REFRESH_EVERY_MS = 60_000;

/** The cache key: the path alone, so that "?v=…" (asp-append-version) and "?culture=…" keep one copy each. */
const keyOf = (url) => new URL(url, location.origin).pathname;

const handled = (path) =>
  path === '/verify' || path === '/favicon.svg' || path.startsWith('/verify/') || path.startsWith('/css/') || path.startsWith('/lib/') || path.startsWith(WELL_KNOWN);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    await refreshData(true);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('certguard-verify-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim(); // control the page that registered us, without a reload
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !handled(url.pathname)) return;
  event.respondWith(networkFirst(event, request, url.pathname));
});

async function networkFirst(event, request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  // Revalidated (a cheap 304 when unchanged), never a stale HTTP-cache copy after a deploy. A navigation request
  // cannot be re-sent with options; its URL can (cookies go along: same origin).
  const network = fetch(request.mode === 'navigate' ? request.url : request, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  event.waitUntil(network.then(() => {}, () => {}));
  if (!cached) return network;
  const fallback = () => cached;
  return Promise.race([
    // A server error is no better than the last good copy; a 404 (e.g. no such status list) is an answer.
    network.then((response) => (response.status >= 500 ? cached : response), fallback),
    new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS)),
  ]);
}

let lastRefresh = 0;

/**
 * Fetches the trust list, the root key and the status lists into the cache: every list cached so far (the lists of
 * certificates verified on this device) and the first list of each authority on the trust list ("{authority}-1"),
 * so that most certificates can be checked offline even before one of them was verified online.
 */
async function refreshData(force = false) {
  const cache = await caches.open(CACHE);
  if (force || Date.now() - lastRefresh > REFRESH_EVERY_MS) {
    lastRefresh = Date.now();
    await Promise.all([store(cache, ROOT_KEY), store(cache, TRUST_LIST)]);
    const lists = new Set((await cache.keys()).map((request) => keyOf(request.url)).filter((path) => path.startsWith(STATUS)));
    for (const authority of await authoritiesOf(cache)) lists.add(`${STATUS}${encodeURIComponent(`${authority}-1`)}`);
    await Promise.all([...lists].map((path) => store(cache, path)));
  }
  return summary(cache);
}

async function store(cache, path) {
  try {
    // no-cache: revalidate (the server answers 304 to an unchanged ETag), never a stale HTTP-cache copy.
    const response = await fetch(path, { cache: 'no-cache' });
    if (response.ok) await cache.put(path, response);
  } catch {
    // offline: keep what is cached
  }
}

/** The authorities named on the cached trust list (its payload read without verification: only to pick downloads). */
async function authoritiesOf(cache) {
  try {
    const envelope = await (await cache.match(TRUST_LIST)).json();
    const binary = atob(envelope.payload.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return [...new Set(payload.keys.map((key) => key.authority).filter((a) => typeof a === 'string' && /^[0-9]{6}$/.test(a)))];
  } catch {
    return [];
  }
}

async function summary(cache) {
  const paths = (await cache.keys()).map((request) => keyOf(request.url));
  return { trustList: paths.includes(TRUST_LIST), statusLists: paths.filter((path) => path.startsWith(STATUS)).length };
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'refresh') return;
  event.waitUntil(refreshData().then((held) => event.ports[0]?.postMessage(held)));
});
