import type { Queryable, Store } from '../store/store.ts';
import type { PartialKey } from './blob-store.ts';

// The lock that serialises the writes of one unfinished upload. It is a PostgreSQL advisory
// lock held by a transaction, so it holds across every server node on one database, and it is
// released at commit or rollback (a crashed node never leaves it held). On the embedded store
// the single connection serialises the same way.

/** Runs `fn` in a transaction holding the lock of one organisation's upload of one photo. */
export function withPartialLock<T>(
  store: Store,
  { organisationId, hash }: PartialKey,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `schouw:photo:${organisationId}:${hash}`,
    ]);
    return fn(tx);
  });
}
