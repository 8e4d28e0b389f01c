// The sync loop's state as signals for the UI, and the one way the UI asks for a sync: a request
// that returns at once (no UI handler ever awaits the network).
import { computed, signal } from '@preact/signals';
import type { SyncEngine, SyncStatus } from '../sync/engine.ts';

/** Undefined until the engine started (storage loads after the shell). */
export const syncStatus = signal<SyncStatus | undefined>(undefined);

/** The server refused this app version: the UI offers the update (the outbox stays). */
export const syncUpdateRequired = computed(() => syncStatus.value?.blocked === 'update-required');

/** The server refused the token: ask the user to sign in again (the outbox stays). */
export const syncNeedsSignIn = computed(() => syncStatus.value?.blocked === 'unauthenticated');

let engine: SyncEngine | undefined;

/** Follows `next` into the signals above; returns unsubscribe. */
export function trackSyncEngine(next: SyncEngine): () => void {
  engine = next;
  const stop = next.subscribe((status) => {
    syncStatus.value = status;
  });
  return () => {
    stop();
    if (engine === next) engine = undefined;
  };
}

/** "Nu synchroniseren": starts a cycle in the background. */
export function syncNow(): void {
  engine?.requestSync('manual');
}

/** After signing in again. */
export function resumeSync(): void {
  engine?.resume();
}
