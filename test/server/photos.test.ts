// Resumable, content-addressed photo upload against both stores.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  PHOTO_CHUNK_BYTES,
  PhotoUploadConflictBodySchema,
  PhotoUploadStatusSchema,
} from '../../src/shared/sync/protocol.ts';
import { createApp } from '../../src/server/app.ts';
import type { BlobStore } from '../../src/server/blobs/blob-store.ts';
import { DbBlobStore } from '../../src/server/blobs/db-blob-store.ts';
import { FsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { StoreKind } from '../../src/server/store/store.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { syncApp, user, type BlobKind, type TestApp } from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';

function photo(bytes = PHOTO_CHUNK_BYTES * 2 + 1234) {
  const data = randomBytes(bytes);
  return { data, hash: createHash('sha256').update(data).digest('hex') };
}

function putChunk(
  app: TestApp,
  who: SignedInUser,
  hash: string,
  offset: number,
  bytes: Uint8Array,
) {
  return app.request(`/api/photos/${hash}/chunks?offset=${offset}`, {
    method: 'PUT',
    headers: { ...who.headers, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
}

function complete(
  app: TestApp,
  who: SignedInUser,
  hash: string,
  size: number,
  mimeType = 'image/jpeg',
) {
  return app.request(`/api/photos/${hash}/complete`, {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ size, mimeType }),
  });
}

async function status(app: TestApp, who: SignedInUser, hash: string) {
  const response = await app.request(`/api/photos/${hash}/upload`, { headers: who.headers });
  expect(response.status).toBe(200);
  return PhotoUploadStatusSchema.parse(await response.json());
}

async function uploadAll(app: TestApp, who: SignedInUser, data: Buffer, hash: string, from = 0) {
  for (let offset = from; offset < data.length; offset += PHOTO_CHUNK_BYTES) {
    const response = await putChunk(
      app,
      who,
      hash,
      offset,
      data.subarray(offset, offset + PHOTO_CHUNK_BYTES),
    );
    expect(response.status).toBe(200);
  }
}

const blobKinds: readonly BlobKind[] = ['fs', 'db'];
const combinations = storeKinds.flatMap((kind) =>
  blobKinds.map((blobKind): [StoreKind, BlobKind] => [kind, blobKind]),
);

describe.each(combinations)('photos on %s with %s blobs', (kind, blobKind) => {
  const fixture = useFreshStore(kind);

  /** How many finished blobs the blob store holds. */
  async function storedBlobs(blobDir: string): Promise<string[]> {
    if (blobKind === 'db') {
      const { rows } = await fixture().store.query<{ hash: string }>(
        'SELECT hash FROM blob_objects ORDER BY hash',
      );
      return rows.map((row) => row.hash);
    }
    return readdirSync(blobDir)
      .filter((dir) => dir !== 'partial')
      .flatMap((dir) => readdirSync(path.join(blobDir, dir)));
  }

  it('resumes an upload from the reported offset and verifies the hash', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store, blobKind);
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo();

    expect(
      (await app.request(`/api/photos/${hash}`, { method: 'HEAD', headers: inspector.headers }))
        .status,
    ).toBe(404);
    expect(await status(app, inspector, hash)).toEqual({ hash, receivedBytes: 0, complete: false });
    expect(
      (await putChunk(app, inspector, hash, 0, data.subarray(0, PHOTO_CHUNK_BYTES))).status,
    ).toBe(200);
    expect((await status(app, inspector, hash)).receivedBytes).toBe(PHOTO_CHUNK_BYTES);

    // A repeated or skipped chunk is refused with the offset to go on from.
    for (const offset of [0, PHOTO_CHUNK_BYTES * 2]) {
      const wrong = await putChunk(
        app,
        inspector,
        hash,
        offset,
        data.subarray(offset, offset + 10),
      );
      expect(wrong.status).toBe(409);
      expect(PhotoUploadConflictBodySchema.parse(await wrong.json())).toMatchObject({
        error: 'offset-mismatch',
        receivedBytes: PHOTO_CHUNK_BYTES,
      });
    }
    const early = await complete(app, inspector, hash, data.length);
    expect(early.status).toBe(409);
    expect(PhotoUploadConflictBodySchema.parse(await early.json())).toMatchObject({
      receivedBytes: PHOTO_CHUNK_BYTES,
    });

    await uploadAll(app, inspector, data, hash, PHOTO_CHUNK_BYTES);
    const done = await complete(app, inspector, hash, data.length);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ hash, receivedBytes: data.length, complete: true });
    expect(
      (await app.request(`/api/photos/${hash}`, { method: 'HEAD', headers: inspector.headers }))
        .status,
    ).toBe(200);
    const read = await app.request(`/api/photos/${hash}`, { headers: inspector.headers });
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await read.arrayBuffer()).equals(data)).toBe(true);
    // Completing again (a retry after a lost answer) is harmless.
    expect((await complete(app, inspector, hash, data.length)).status).toBe(200);
  });

  it('discards an upload whose bytes do not match the hash', async () => {
    const { store } = fixture();
    const { app, blobDir } = await syncApp(store, blobKind);
    const inspector = await user(store, 'inspecteur');
    const { data } = photo(1000);
    const claimed = createHash('sha256').update('iets anders').digest('hex');
    await uploadAll(app, inspector, data, claimed);
    const response = await complete(app, inspector, claimed, data.length);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: 'hash-mismatch',
      message: expect.stringMatching(/SHA-256/),
    });
    expect(await status(app, inspector, claimed)).toEqual({
      hash: claimed,
      receivedBytes: 0,
      complete: false,
    });
    expect(existsSync(path.join(blobDir, claimed.slice(0, 2), claimed))).toBe(false);
    expect(await storedBlobs(blobDir)).toEqual([]);
    const rows = await store.query('SELECT 1 FROM photo_blobs');
    expect(rows.rowCount).toBe(0);
  });

  it('refuses oversized chunks, photos and unknown types with clear 4xx answers', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store, blobKind);
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo(100);
    const big = await putChunk(app, inspector, hash, 0, new Uint8Array(PHOTO_CHUNK_BYTES + 1));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ message: expect.stringMatching(/kB/) });
    const beyond = await putChunk(app, inspector, hash, MAX_PHOTO_BYTES, data);
    expect(beyond.status).toBe(413);
    await uploadAll(app, inspector, data, hash);
    const gif = await complete(app, inspector, hash, data.length, 'image/gif');
    expect(gif.status).toBe(400);
    expect(await gif.json()).toMatchObject({ error: 'invalid_input' });
    const huge = await complete(app, inspector, hash, MAX_PHOTO_BYTES + 1);
    expect(huge.status).toBe(400);
    const badHash = await app.request('/api/photos/NIET-EEN-HASH/upload', {
      headers: inspector.headers,
    });
    expect(badHash.status).toBe(400);
    const badOffset = await app.request(`/api/photos/${hash}/chunks?offset=-1`, {
      method: 'PUT',
      headers: inspector.headers,
      body: data,
    });
    expect(badOffset.status).toBe(400);
  });

  it('answers HEAD with the size and type of a stored photo without reading its bytes', async () => {
    const { store } = fixture();
    await migrate(store);
    const files: BlobStore =
      blobKind === 'db' ? new DbBlobStore(store) : new FsBlobStore(makeTempDir('blobs'));
    const reads: string[] = [];
    const blobs: BlobStore = {
      has: (hash, db) => files.has(hash, db),
      statPartial: (key, db) => files.statPartial(key, db),
      append: (key, offset, bytes, db) => files.append(key, offset, bytes, db),
      complete: (key, size, db) => files.complete(key, size, db),
      read: (hash, db) => {
        reads.push(hash);
        return files.read(hash, db);
      },
      delete: (hash, organisationId, db) => files.delete(hash, organisationId, db),
    };
    const app = createApp({ store, distDir: makeTempDir('dist'), version: 'test', blobs });
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo(3000);
    await uploadAll(app, inspector, data, hash);
    expect((await complete(app, inspector, hash, data.length, 'image/webp')).status).toBe(200);

    const head = await app.request(`/api/photos/${hash}`, {
      method: 'HEAD',
      headers: inspector.headers,
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(data.length));
    expect(head.headers.get('content-type')).toBe('image/webp');
    expect(await head.text()).toBe('');
    expect(reads).toEqual([]);

    const get = await app.request(`/api/photos/${hash}`, { headers: inspector.headers });
    expect(Buffer.from(await get.arrayBuffer())).toEqual(data);
    expect(reads).toEqual([hash]);
  });

  it('serves a photo only to its own organisation, which must upload it itself', async () => {
    const { store } = fixture();
    const { app, blobDir } = await syncApp(store, blobKind);
    const anna = await user(store, 'inspecteur');
    const colleague = await user(store, 'veiligheid', anna.organisation);
    const eve = await user(store, 'inspecteur');
    const { data, hash } = photo(5000);
    await uploadAll(app, anna, data, hash);
    expect((await complete(app, anna, hash, data.length)).status).toBe(200);

    expect((await app.request(`/api/photos/${hash}`, { headers: colleague.headers })).status).toBe(
      200,
    );
    expect((await app.request(`/api/photos/${hash}`, { headers: eve.headers })).status).toBe(404);
    expect(
      (await app.request(`/api/photos/${hash}`, { method: 'HEAD', headers: eve.headers })).status,
    ).toBe(404);
    expect(await status(app, eve, hash)).toEqual({ hash, receivedBytes: 0, complete: false });
    // Knowing the hash is not enough: completing without bytes is refused.
    expect((await complete(app, eve, hash, data.length)).status).toBe(409);
    expect((await app.request(`/api/photos/${hash}`)).status).toBe(401);

    // Eve's own upload of the same bytes is stored once and then readable by her.
    await uploadAll(app, eve, data, hash);
    expect((await complete(app, eve, hash, data.length)).status).toBe(200);
    expect((await app.request(`/api/photos/${hash}`, { headers: eve.headers })).status).toBe(200);
    expect(await storedBlobs(blobDir)).toEqual([hash]);
  });

  it('answers success to every one of ten simultaneous completes of one upload', async () => {
    const { store } = fixture();
    const { app, blobDir } = await syncApp(store, blobKind);
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo();
    await uploadAll(app, inspector, data, hash);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => complete(app, inspector, hash, data.length)),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    for (const body of bodies) {
      expect(body).toEqual({ hash, receivedBytes: data.length, complete: true });
    }
    expect(await storedBlobs(blobDir)).toEqual([hash]);
    const read = await app.request(`/api/photos/${hash}`, { headers: inspector.headers });
    expect(Buffer.from(await read.arrayBuffer()).equals(data)).toBe(true);
  });

  it('stores a chunk sent ten times at once exactly once', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store, blobKind);
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo();
    const first = data.subarray(0, PHOTO_CHUNK_BYTES);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => putChunk(app, inspector, hash, 0, first)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const answer of answers.filter((each) => each.status === 409)) {
      expect(await answer.json()).toMatchObject({ receivedBytes: PHOTO_CHUNK_BYTES });
    }
    expect((await status(app, inspector, hash)).receivedBytes).toBe(PHOTO_CHUNK_BYTES);
    await uploadAll(app, inspector, data, hash, PHOTO_CHUNK_BYTES);
    expect((await complete(app, inspector, hash, data.length)).status).toBe(200);
    const read = await app.request(`/api/photos/${hash}`, { headers: inspector.headers });
    expect(Buffer.from(await read.arrayBuffer()).equals(data)).toBe(true);
  });
});

describe.each(storeKinds)('photo bytes in the database on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('never hands out bytes that no longer match their SHA-256', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store, 'db');
    const inspector = await user(store, 'inspecteur');
    const { data, hash } = photo();
    await uploadAll(app, inspector, data, hash);
    expect((await complete(app, inspector, hash, data.length)).status).toBe(200);
    const blobs = new DbBlobStore(store);
    expect(Buffer.from((await blobs.read(hash)) ?? []).equals(data)).toBe(true);
    // One flipped byte in a stored chunk, as a damaged disk or a bad restore would leave it.
    await store.query(
      `UPDATE blob_chunks SET data = set_byte(data, 9, get_byte(data, 9) # 255)
       WHERE hash = $1 AND start_byte = 0`,
      [hash],
    );
    await expect(blobs.read(hash)).rejects.toThrow(/damaged/);
    expect((await app.request(`/api/photos/${hash}`, { headers: inspector.headers })).status).toBe(
      500,
    );
  });
});
