// Service worker of the inspection pages (registered by /inspections/record.js with scope "/inspections/"). Network
// first; when the network is gone it answers page loads and their scripts and styles from the last copy, so that an
// officer who reloads the record page on site, offline, can still enter workers (they wait in the page's queue).
// API calls and every non-GET request always go to the network: nothing is sent or stored twice through here.
const CACHE = 'certguard-inspections-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => (await caches.match(request, { ignoreSearch: request.mode !== 'navigate' })) ?? Response.error()),
  );
});
