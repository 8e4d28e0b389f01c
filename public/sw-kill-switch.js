// Emergency service worker: deploy this file AS /sw.js when a broken worker has shipped (see the
// README, "Kill switch"). Browsers look for updates at the registered URL, so it must be there.
// It is the one worker that takes over without asking, because the old one is the fault. It
// deletes the precached app shell and answers no requests, so every page loads from the network
// again. It does not touch IndexedDB: the user's unsent work stays on the device. It does not
// unregister itself either: the app registers /sw.js on every start, so an unregistering worker
// would be installed again and again. Ship a fixed build later; it replaces this worker normally.
/* global self, caches */
self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('workbox-')).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});
