// What the service worker answers and what it leaves alone. Pure, so it is tested without a worker.
//
// - Every file of the build is precached (the precache manifest Workbox injects).
// - A navigation to any app route is answered with the precached /index.html: deep links and
//   reloads work offline, the client-side router picks the page.
// - Nothing else is cached at runtime. The sync API in particular always goes to the network:
//   the app keeps its data in IndexedDB, and a cached API answer would be stale data presented
//   as current (and a cached write would be a lost write).

/** The precached document every app route is rendered from. */
export const APP_SHELL_URL = '/index.html';

const API_PATH = /^\/api(?:\/|$)/;
// A last path segment with an extension names a file (an export, a kill-switch script), not a route.
const FILE_PATH = /\/[^/]*\.[^/]+$/;

/** Same-origin requests to the sync server: never cached, never answered by the worker. */
export function isApiRequest(url: URL, origin: string): boolean {
  return url.origin === origin && API_PATH.test(url.pathname);
}

/** Navigations the worker answers with the app shell. */
export function isAppShellNavigation(
  request: { mode: RequestMode; method: string },
  url: URL,
  origin: string,
): boolean {
  return (
    request.mode === 'navigate' &&
    request.method === 'GET' &&
    url.origin === origin &&
    !isApiRequest(url, origin) &&
    !FILE_PATH.test(url.pathname)
  );
}
