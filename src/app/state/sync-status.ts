import { signal } from '@preact/signals';
import type { Live, OutboxSummary, Refusal } from '../db/index.ts';

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

/** Changes the server refused (per record), until a later change to the record is accepted. */
export const refusedChanges = signal<readonly Refusal[]>([]);

/** Follows store.refusals into `refusedChanges`; returns unsubscribe. */
export function trackRefusals(refusals: { watch(): Live<Refusal[]> }): () => void {
  return refusals.watch().subscribe((list) => {
    refusedChanges.value = list;
  });
}

/** The refusal of one record (e.g. an answer "<inspection>/<question>"), if the server refused it. */
export function refusalOf(entity: Refusal['entity'], id: string): Refusal | undefined {
  return refusedChanges.value.find((refusal) => refusal.entity === entity && refusal.id === id);
}
