import type { Queryable } from '../store/store.ts';

// Photo bytes behind one interface: the filesystem store for the embedded default, the database
// store (db-blob-store.ts) with DATABASE_URL so every node serves every photo. Blobs are
// content-addressed (SHA-256 hex); an unfinished upload is a partial kept per organisation, so
// two organisations uploading the same photo never mix bytes.
//
// Callers serialise the writes of one partial (append, complete) with withPartialLock, a
// database lock every server node sees, and pass its transaction as `db`: the database store
// then writes in that transaction, the filesystem store ignores it.

export interface PartialKey {
  organisationId: string;
  hash: string;
}

export type CompleteResult =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'size-mismatch' | 'hash-mismatch'; actualSize: number };

export interface BlobStore {
  /** True when the finished blob with this hash is stored. */
  has(hash: string, db?: Queryable): Promise<boolean>;
  /** Bytes received so far of an unfinished upload (0 when there is none). */
  statPartial(key: PartialKey, db?: Queryable): Promise<number>;
  /**
   * Appends `bytes` at `offset`, which must equal the partial's current size; returns the new
   * size, or `{ conflict: currentSize }` when the offset does not match (a retried chunk changes
   * nothing).
   */
  append(
    key: PartialKey,
    offset: number,
    bytes: Uint8Array,
    db?: Queryable,
  ): Promise<number | { conflict: number }>;
  /**
   * Verifies the partial's size and SHA-256 and, when both match, makes it the finished blob.
   * A partial that fails verification is discarded.
   */
  complete(key: PartialKey, expectedSize: number, db?: Queryable): Promise<CompleteResult>;
  /** The finished blob's bytes, or undefined when it is not stored. */
  read(hash: string, db?: Queryable): Promise<Uint8Array | undefined>;
  /** Removes a finished blob and any partials of it for `organisationId`. */
  delete(hash: string, organisationId?: string, db?: Queryable): Promise<void>;
}
