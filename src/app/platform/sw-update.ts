import { Workbox } from 'workbox-window';

/** Adapter around service-worker registration: tells when a new version waits, activates it on request. */
export interface ServiceWorkerUpdates {
  register(onUpdateWaiting: () => void): void;
  activateWaiting(): void;
}

export function browserServiceWorkerUpdates(url = '/sw.js'): ServiceWorkerUpdates {
  let workbox: Workbox | undefined;
  return {
    register(onUpdateWaiting) {
      if (!('serviceWorker' in navigator)) return;
      workbox = new Workbox(url, { type: 'classic' });
      workbox.addEventListener('waiting', onUpdateWaiting);
      // Reload only after the user accepted and the new worker took control.
      workbox.addEventListener('controlling', (event) => {
        if (event.isUpdate) window.location.reload();
      });
      void workbox.register();
    },
    activateWaiting() {
      workbox?.messageSkipWaiting();
    },
  };
}
