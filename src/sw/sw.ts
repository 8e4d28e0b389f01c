/// <reference lib="webworker" />
// Schouw's service worker: precache the build, answer app navigations with the shell, leave the
// API to the network (see caching-policy.ts). Updates wait for the user: see activateOnRequest.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { APP_SHELL_URL, isAppShellNavigation } from './caching-policy.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  ({ request, url }) => isAppShellNavigation(request, url, self.location.origin),
  createHandlerBoundToURL(APP_SHELL_URL),
);
// No other route: unmatched requests (the API above all) are not answered here, so the browser
// fetches them from the network as if there were no worker.

// A new version installs in the background and then waits. It takes over only when a page sends
// SKIP_WAITING, which the page does after the user chose "Nu bijwerken": never on install, so a
// running form is never swapped under the user.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Claiming matters on the first install only: the page that installed the worker becomes
// controlled at once, so it works offline without a reload. On an update it is harmless: the
// waiting worker activates only after the user's consent, and open pages then switch anyway.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});
