import { signal } from '@preact/signals';
import type { ServiceWorkerUpdates } from '../platform/sw-update.ts';

/** A newer version of the app is installed and waits for the user's consent. */
export const updateAvailable = signal(false);

let updates: ServiceWorkerUpdates | undefined;
// The user of this page chose "Nu bijwerken": the next change of controller may reload it.
let accepted = false;
// The new version already took over, accepted in another tab: this page still runs the old code.
let activatedElsewhere = false;

export function watchForUpdates(adapter: ServiceWorkerUpdates): void {
  updates = adapter;
  accepted = false;
  activatedElsewhere = false;
  updateAvailable.value = false;
  adapter.register({
    onUpdateWaiting() {
      updateAvailable.value = true;
    },
    onControllerChange(replacedController) {
      if (accepted) {
        adapter.reload();
      } else if (replacedController) {
        // Never reload behind the user's back, not even when another tab updated: ask again.
        activatedElsewhere = true;
        updateAvailable.value = true;
      }
      // Otherwise this is the first install claiming the page: nothing changed for the user.
    },
  });
}

/** The user chose "Nu bijwerken": let the new version take over, then reload into it. */
export function acceptUpdate(): void {
  if (!updates) return;
  accepted = true;
  if (activatedElsewhere) updates.reload();
  else updates.activateWaiting();
}

/** The user chose "Later": hide the offer; it returns on the next page load or a newer version. */
export function dismissUpdate(): void {
  updateAvailable.value = false;
}
