import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore, CompleteResult, PartialKey } from './blob-store.ts';

// Filesystem blobs under <root>: finished blobs at <root>/<aa>/<hash>, partials at
// <root>/partial/<organisation>/<hash>. A partial becomes a blob only by an atomic rename after
// its hash is verified, so a crash never leaves a wrong file under a hash name. Appends are
// fsynced before they are acknowledged, so the resume point a client is told survives kill -9.
// Only for the embedded store (one process owns the data directory); the writes of one partial
// are serialised by the caller's database lock (withPartialLock), not by this object.

const HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f-]{36}$/;

export class FsBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private blobPath(hash: string): string {
    if (!HASH.test(hash)) throw new RangeError(`invalid hash ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  private partialPath({ organisationId, hash }: PartialKey): string {
    if (!HASH.test(hash) || !UUID.test(organisationId)) throw new RangeError('invalid partial key');
    return path.join(this.root, 'partial', organisationId, hash);
  }

  async has(hash: string): Promise<boolean> {
    return (await sizeOf(this.blobPath(hash))) !== undefined;
  }

  async statPartial(key: PartialKey): Promise<number> {
    return (await sizeOf(this.partialPath(key))) ?? 0;
  }

  async append(
    key: PartialKey,
    offset: number,
    bytes: Uint8Array,
  ): Promise<number | { conflict: number }> {
    const file = this.partialPath(key);
    const current = (await sizeOf(file)) ?? 0;
    if (current !== offset) return { conflict: current };
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return current + bytes.byteLength;
  }

  async complete(key: PartialKey, expectedSize: number): Promise<CompleteResult> {
    const file = this.partialPath(key);
    const size = await sizeOf(file);
    // Never complete from someone else's finished blob: only bytes this organisation
    // uploaded count, or knowing a hash would be enough to read a photo.
    if (size === undefined) return { ok: false, reason: 'missing', actualSize: 0 };
    if (size !== expectedSize) {
      // Too few bytes may still be completed by resuming; too many can never become right.
      if (size > expectedSize) await rm(file, { force: true });
      return { ok: false, reason: 'size-mismatch', actualSize: size };
    }
    if ((await sha256File(file)) !== key.hash) {
      await rm(file, { force: true });
      return { ok: false, reason: 'hash-mismatch', actualSize: size };
    }
    const target = this.blobPath(key.hash);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(file, target);
    return { ok: true };
  }

  async read(hash: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.blobPath(hash));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(hash: string, organisationId?: string): Promise<void> {
    await rm(this.blobPath(hash), { force: true });
    if (organisationId) await rm(this.partialPath({ organisationId, hash }), { force: true });
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
