import { signal } from '@preact/signals';
import type { Live, OutboxSummary } from '../db/index.ts';

/** Number of local changes not yet confirmed by the server (the outbox size). */
export const pendingChanges = signal(0);

/** When the oldest unconfirmed change was made (epoch ms); undefined when nothing waits. */
export const oldestPendingAt = signal<number | undefined>(undefined);

/** Follows the outbox (store.outbox) into the signals above; returns unsubscribe. */
export function trackPendingChanges(outbox: { watchSummary(): Live<OutboxSummary> }): () => void {
  return outbox.watchSummary().subscribe((summary) => {
    pendingChanges.value = summary.count;
    oldestPendingAt.value = summary.oldestAt;
  });
}
