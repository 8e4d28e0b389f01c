import { createHash } from 'node:crypto';
import type { Queryable, Store } from '../store/store.ts';
import type { BlobStore, CompleteResult, PartialKey } from './blob-store.ts';

// Photo bytes in the database (used with DATABASE_URL), so every server node serves every photo.
// A partial is its chunks keyed by offset (blob_partial_chunks); completing verifies size and
// SHA-256 and copies the chunks under the hash (blob_chunks) in one transaction, so a finished
// blob is never half there. Reads verify the SHA-256 again: damaged bytes are an error, never
// served as the photo.

type Chunk = { start_byte: number; data: Uint8Array };

export class DbBlobStore implements BlobStore {
  constructor(private readonly store: Store) {}

  /** Runs `fn` on the caller's transaction, or in a new one. */
  private inTransaction<T>(db: Queryable | undefined, fn: (tx: Queryable) => Promise<T>) {
    return db ? fn(db) : this.store.transaction(fn);
  }

  async has(hash: string, db: Queryable = this.store): Promise<boolean> {
    const { rowCount } = await db.query('SELECT 1 FROM blob_objects WHERE hash = $1', [hash]);
    return rowCount > 0;
  }

  async statPartial(key: PartialKey, db: Queryable = this.store): Promise<number> {
    const { rows } = await db.query<{ size: number }>(
      `SELECT coalesce(sum(length(data)), 0)::int8 AS size FROM blob_partial_chunks
       WHERE organisation_id = $1 AND hash = $2`,
      [key.organisationId, key.hash],
    );
    return rows[0]?.size ?? 0;
  }

  append(
    key: PartialKey,
    offset: number,
    bytes: Uint8Array,
    db?: Queryable,
  ): Promise<number | { conflict: number }> {
    return this.inTransaction(db, async (tx) => {
      const current = await this.statPartial(key, tx);
      if (current !== offset) return { conflict: current };
      // The offset is part of the key: a duplicate that slipped past the check is dropped.
      const inserted = await tx.query(
        `INSERT INTO blob_partial_chunks (organisation_id, hash, start_byte, data)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [key.organisationId, key.hash, offset, bytes],
      );
      if (inserted.rowCount === 0) return { conflict: await this.statPartial(key, tx) };
      return offset + bytes.byteLength;
    });
  }

  complete(key: PartialKey, expectedSize: number, db?: Queryable): Promise<CompleteResult> {
    return this.inTransaction(db, async (tx) => {
      const { rows } = await tx.query<Chunk>(
        `SELECT start_byte, data FROM blob_partial_chunks
         WHERE organisation_id = $1 AND hash = $2 ORDER BY start_byte`,
        [key.organisationId, key.hash],
      );
      // Never complete from someone else's finished blob: only bytes this organisation
      // uploaded count, or knowing a hash would be enough to read a photo.
      if (rows.length === 0) return { ok: false, reason: 'missing', actualSize: 0 };
      const assembled = assemble(rows);
      const size = assembled?.byteLength ?? -1;
      const discard = () =>
        tx.query('DELETE FROM blob_partial_chunks WHERE organisation_id = $1 AND hash = $2', [
          key.organisationId,
          key.hash,
        ]);
      if (assembled && size !== expectedSize) {
        // Too few bytes may still be completed by resuming; too many can never become right.
        if (size > expectedSize) await discard();
        return { ok: false, reason: 'size-mismatch', actualSize: size };
      }
      if (!assembled || sha256(assembled) !== key.hash) {
        await discard();
        return { ok: false, reason: 'hash-mismatch', actualSize: Math.max(size, 0) };
      }
      const created = await tx.query(
        'INSERT INTO blob_objects (hash, size) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [key.hash, size],
      );
      if (created.rowCount > 0) {
        await tx.query(
          `INSERT INTO blob_chunks (hash, start_byte, data)
           SELECT hash, start_byte, data FROM blob_partial_chunks
           WHERE organisation_id = $1 AND hash = $2`,
          [key.organisationId, key.hash],
        );
      }
      await discard();
      return { ok: true };
    });
  }

  async read(hash: string, db: Queryable = this.store): Promise<Uint8Array | undefined> {
    const { rows } = await db.query<Chunk & { size: number }>(
      `SELECT o.size, c.start_byte, c.data FROM blob_objects o
       JOIN blob_chunks c ON c.hash = o.hash WHERE o.hash = $1 ORDER BY c.start_byte`,
      [hash],
    );
    if (rows.length === 0) return undefined;
    const bytes = assemble(rows);
    if (!bytes || bytes.byteLength !== rows[0]?.size || sha256(bytes) !== hash) {
      throw new Error(`photo ${hash} is damaged in the database (size or SHA-256 differs)`);
    }
    return bytes;
  }

  async delete(hash: string, organisationId?: string, db: Queryable = this.store): Promise<void> {
    await db.query('DELETE FROM blob_objects WHERE hash = $1', [hash]);
    if (organisationId) {
      await db.query('DELETE FROM blob_partial_chunks WHERE organisation_id = $1 AND hash = $2', [
        organisationId,
        hash,
      ]);
    }
  }
}

/** The chunks joined in order, or undefined when they leave a gap or overlap. */
function assemble(chunks: readonly Chunk[]): Uint8Array | undefined {
  let size = 0;
  for (const chunk of chunks) {
    if (chunk.start_byte !== size) return undefined;
    size += chunk.data.byteLength;
  }
  const bytes = new Uint8Array(size);
  for (const chunk of chunks) bytes.set(chunk.data, chunk.start_byte);
  return bytes;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
