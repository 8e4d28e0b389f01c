import { signal } from '@preact/signals';
import type { ServiceWorkerUpdates } from '../platform/sw-update.ts';

/** A newer version of the app is installed and waits for the user's consent. */
export const updateAvailable = signal(false);

let updates: ServiceWorkerUpdates | undefined;

export function watchForUpdates(adapter: ServiceWorkerUpdates): void {
  updates = adapter;
  adapter.register(() => {
    updateAvailable.value = true;
  });
}

export function acceptUpdate(): void {
  updates?.activateWaiting();
}

export function dismissUpdate(): void {
  updateAvailable.value = false;
}
