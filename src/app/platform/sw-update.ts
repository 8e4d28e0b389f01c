// Adapter around service-worker registration, so the update flow (state/app-update.ts) is tested
// with a fake. Written on the bare API rather than workbox-window: a tablet keeps one page open
// for days, and workbox-window stops reporting updates after the first one it calls "external"
// (any update found more than a minute after registering).

export interface ServiceWorkerEvents {
  /** A newer version is installed and waits (also when it was already waiting at page load). */
  onUpdateWaiting(): void;
  /** Another worker took control of this page; `replacedController` is false on first install. */
  onControllerChange(replacedController: boolean): void;
}

export interface ServiceWorkerUpdates {
  register(events: ServiceWorkerEvents): void;
  /** Asks the waiting worker to take over (the worker answers SKIP_WAITING by activating). */
  activateWaiting(): void;
  reload(): void;
}

const HOUR = 60 * 60 * 1000;

export function browserServiceWorkerUpdates(
  scriptUrl = '/sw.js',
  checkEveryMs = HOUR,
): ServiceWorkerUpdates {
  let registration: ServiceWorkerRegistration | undefined;

  async function start(events: ServiceWorkerEvents): Promise<void> {
    const container = navigator.serviceWorker;
    let controller = container.controller;
    container.addEventListener('controllerchange', () => {
      const replaced = controller !== null;
      controller = container.controller;
      events.onControllerChange(replaced);
    });

    const reg = await container.register(scriptUrl);
    registration = reg;
    // An installed worker waits only when an older one is active; on first install it activates.
    const announceWhenWaiting = (worker: ServiceWorker) => {
      const check = () => {
        if (worker.state === 'installed' && reg.waiting === worker && reg.active) {
          events.onUpdateWaiting();
        }
      };
      worker.addEventListener('statechange', check);
      check();
    };
    if (reg.waiting) announceWhenWaiting(reg.waiting);
    if (reg.installing) announceWhenWaiting(reg.installing);
    reg.addEventListener('updatefound', () => {
      if (reg.installing) announceWhenWaiting(reg.installing);
    });

    // Browsers look for a new worker on navigations, which a single-page app hardly makes; a
    // tablet left open all day checks hourly, when shown again and when back online.
    const checkForUpdate = () => {
      if (navigator.onLine) reg.update().catch(() => undefined);
    };
    setInterval(checkForUpdate, checkEveryMs);
    window.addEventListener('online', checkForUpdate);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') checkForUpdate();
    });
  }

  return {
    register(events) {
      if (!('serviceWorker' in navigator)) return;
      // Register after load so the worker's precaching does not compete with the first render.
      const begin = () => {
        start(events).catch((error: unknown) => {
          console.warn('Service worker registration failed; the app will not work offline', error);
        });
      };
      if (document.readyState === 'complete') begin();
      else window.addEventListener('load', begin, { once: true });
    },
    activateWaiting() {
      registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
    },
    reload() {
      window.location.reload();
    },
  };
}
