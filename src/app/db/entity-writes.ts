// The three writes of a synced entity with an `id` key, each inside a running WriteScope: the row
// (with per-field clocks) and its outbox op go into the same transaction.
import type { EntityTable } from 'dexie';
import type { EntityType } from '../../shared/sync/protocol.ts';
import type { SyncClocks } from './database.ts';
import { withClocks, type WriteScope } from './store-context.ts';
import { stripClocks, type WithoutClocks } from './synced.ts';

type Row = SyncClocks & { id: string };

export async function insertEntity<T extends Row>(
  scope: WriteScope,
  table: EntityTable<T, 'id'>,
  entity: EntityType,
  record: WithoutClocks<T>,
): Promise<WithoutClocks<T>> {
  const { id, ...fields } = record as WithoutClocks<T> & { id: string };
  const hlc = scope.stamp();
  await table.add({ ...record, clocks: withClocks(undefined, fields, hlc) } as unknown as T);
  await scope.enqueue(entity, id, 'upsert', fields, hlc);
  return record;
}

export async function updateEntity<T extends Row>(
  scope: WriteScope,
  table: EntityTable<T, 'id'>,
  entity: EntityType,
  row: T,
  fields: Partial<WithoutClocks<T>>,
): Promise<WithoutClocks<T>> {
  const hlc = scope.stamp();
  const next = { ...row, ...fields, clocks: withClocks(row.clocks, fields, hlc) };
  await table.put(next);
  await scope.enqueue(entity, row.id, 'upsert', fields as Record<string, unknown>, hlc);
  return stripClocks(next);
}

/** Keeps a tombstone (the row with deletedHlc) so an older edit arriving later cannot revive it. */
export async function deleteEntity<T extends Row>(
  scope: WriteScope,
  table: EntityTable<T, 'id'>,
  entity: EntityType,
  row: T,
): Promise<void> {
  const hlc = scope.stamp();
  await table.put({ ...row, deletedHlc: hlc });
  await scope.enqueue(entity, row.id, 'delete', {}, hlc);
}
