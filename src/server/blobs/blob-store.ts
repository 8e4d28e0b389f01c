// Photo bytes behind an interface, so the filesystem store can later be swapped for an
// S3-compatible one. Blobs are content-addressed (SHA-256 hex); an unfinished upload is a
// partial kept per organisation, so two organisations uploading the same photo never mix bytes.

export interface PartialKey {
  organisationId: string;
  hash: string;
}

export type CompleteResult =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'size-mismatch' | 'hash-mismatch'; actualSize: number };

export interface BlobStore {
  /** True when the finished blob with this hash is stored. */
  has(hash: string): Promise<boolean>;
  /** Bytes received so far of an unfinished upload (0 when there is none). */
  statPartial(key: PartialKey): Promise<number>;
  /**
   * Appends `bytes` at `offset`, which must equal the partial's current size; returns the new
   * size, or `{ conflict: currentSize }` when the offset does not match.
   */
  append(
    key: PartialKey,
    offset: number,
    bytes: Uint8Array,
  ): Promise<number | { conflict: number }>;
  /**
   * Verifies the partial's size and SHA-256 and, when both match, makes it the finished blob.
   * A partial that fails verification is discarded.
   */
  complete(key: PartialKey, expectedSize: number): Promise<CompleteResult>;
  /** The finished blob's bytes, or undefined when it is not stored. */
  read(hash: string): Promise<Uint8Array | undefined>;
  /** Removes a finished blob and any partials of it for `organisationId`. */
  delete(hash: string, organisationId?: string): Promise<void>;
}
