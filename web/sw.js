// Apostil's service worker: precaches one build's files so the page works with the network off.
//
// `scripts/postbuild.py` (a Trunk post_build hook) replaces the two placeholders below with the
// build's version (a hash of every file) and the list of files. A new deploy changes this
// file's bytes, so the browser installs the new worker beside the old one; the new worker fills
// its own cache and then WAITS. Pages keep running on the old cache (no mix of old and new
// files) until the page asks the waiting worker to take over (see register-sw.js), then reload.
'use strict';

const VERSION = '__APOSTIL_VERSION__';
const ASSETS = __APOSTIL_ASSETS__;

// Caches are named per scope so two copies at different sub-paths of one origin don't collide.
const SCOPE = self.registration.scope;
const PREFIX = 'apostil:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `cache: 'reload'` skips the HTTP cache: the files must be exactly this build's.
      cache.addAll(ASSETS.map((a) => new Request(new URL(a, SCOPE).href, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'apostil:skip-waiting') self.skipWaiting();
  else if (data.type === 'apostil:version' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // Pages: the cached index.html (any query string, the bare scope URL, or index.html).
  const isPage = req.mode === 'navigate';
  const key = isPage ? INDEX : url.origin + url.pathname;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit || fetch(req)),
    ),
  );
});
