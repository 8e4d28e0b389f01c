import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  MAX_PHOTO_BYTES,
  PHOTO_CHUNK_BYTES,
  PhotoCompleteRequestSchema,
  PhotoHashSchema,
  type PhotoUploadConflictBody,
  type PhotoUploadStatus,
} from '../../shared/sync/protocol.ts';
import { errorResponse, readJson } from '../auth/errors.ts';
import { requireAuth, type AuthEnv } from '../auth/middleware.ts';
import type { Queryable, Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';
import { withPartialLock } from './partial-lock.ts';

// Resumable, content-addressed photo upload. Which organisation may read a photo is recorded in
// photo_blobs: knowing a hash is not enough, an organisation must have uploaded the bytes itself.
// Chunk writes and completion of one upload run under a database lock (withPartialLock), so
// concurrent or repeated calls through any server node see each other's result: every complete
// of a stored photo answers success, however many arrive at once.

type PhotoContext = Context<AuthEnv>;

interface PhotoRow {
  size: number;
  mime_type: string;
}

async function ownedPhoto(db: Queryable, organisationId: string, hash: string) {
  const { rows } = await db.query<PhotoRow>(
    'SELECT size, mime_type FROM photo_blobs WHERE organisation_id = $1 AND hash = $2',
    [organisationId, hash],
  );
  return rows[0];
}

function badHash(c: PhotoContext): Response {
  return errorResponse(c, 400, 'invalid-hash', 'Een foto-id is een SHA-256 in hex (64 tekens).');
}

/** HEAD/GET photos, upload status, chunks and completion, mounted at /api/photos. */
export function photoRoutes(store: Store, blobs: BlobStore) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));
  routes.use('/:hash/*', async (c, next) => {
    if (!PhotoHashSchema.safeParse(c.req.param('hash')).success) return badHash(c);
    await next();
  });

  const status = async (c: PhotoContext, hash: string): Promise<PhotoUploadStatus> => {
    const key = { organisationId: c.get('principal').organisationId, hash };
    const owned = await ownedPhoto(store, key.organisationId, hash);
    if (owned && (await blobs.has(hash)))
      return { hash, receivedBytes: owned.size, complete: true };
    return { hash, receivedBytes: await blobs.statPartial(key), complete: false };
  };

  // Hono answers HEAD with the GET route (a HEAD route is never reached), so HEAD ("does the
  // server hold it?") is handled here without reading the bytes.
  routes.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!PhotoHashSchema.safeParse(hash).success) return badHash(c);
    const owned = await ownedPhoto(store, c.get('principal').organisationId, hash);
    if (c.req.method === 'HEAD') {
      if (!owned || !(await blobs.has(hash))) return c.body(null, 404);
      c.header('Content-Length', String(owned.size));
      c.header('Content-Type', owned.mime_type);
      return c.body(null, 200);
    }
    const bytes = owned && (await blobs.read(hash));
    if (!owned || !bytes) {
      return errorResponse(c, 404, 'not-found', 'Deze foto staat (nog) niet op de server.');
    }
    c.header('Content-Type', owned.mime_type);
    return c.body(new Uint8Array(bytes), 200);
  });

  routes.get('/:hash/upload', async (c) => c.json(await status(c, c.req.param('hash'))));

  routes.put(
    '/:hash/chunks',
    bodyLimit({
      maxSize: PHOTO_CHUNK_BYTES,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'chunk-too-large',
          `Een deel van een foto mag hoogstens ${PHOTO_CHUNK_BYTES / 1024} kB zijn.`,
        ),
    }),
    async (c) => {
      const hash = c.req.param('hash');
      const offsetText = c.req.query('offset') ?? '';
      if (!/^\d{1,9}$/.test(offsetText)) {
        return errorResponse(
          c,
          400,
          'invalid-offset',
          'Geef de positie (offset) als geheel getal.',
        );
      }
      const offset = Number(offsetText);
      const current = await status(c, hash);
      if (current.complete) return c.json(current);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) {
        return errorResponse(c, 400, 'empty-chunk', 'Het deel van de foto is leeg.');
      }
      if (bytes.byteLength > PHOTO_CHUNK_BYTES) {
        return errorResponse(c, 413, 'chunk-too-large', 'Dit deel van de foto is te groot.');
      }
      if (offset + bytes.byteLength > MAX_PHOTO_BYTES) {
        return errorResponse(
          c,
          413,
          'photo-too-large',
          `Een foto mag hoogstens ${MAX_PHOTO_BYTES / 1024 / 1024} MB zijn.`,
        );
      }
      const key = { organisationId: c.get('principal').organisationId, hash };
      const appended = await withPartialLock(store, key, (tx) =>
        blobs.append(key, offset, bytes, tx),
      );
      if (typeof appended !== 'number') {
        const conflict: PhotoUploadConflictBody = {
          error: 'offset-mismatch',
          message: `De server heeft ${appended.conflict} bytes van deze foto; ga verder vanaf daar.`,
          receivedBytes: appended.conflict,
        };
        return c.json(conflict, 409);
      }
      const next: PhotoUploadStatus = { hash, receivedBytes: appended, complete: false };
      return c.json(next);
    },
  );

  routes.post('/:hash/complete', async (c) => {
    const hash = c.req.param('hash');
    const body = await readJson(c, PhotoCompleteRequestSchema);
    if (!body.ok) return body.response;
    const principal = c.get('principal');
    const current = await status(c, hash);
    if (current.complete) return c.json(current);
    const key = { organisationId: principal.organisationId, hash };
    const result = await withPartialLock(store, key, async (tx) => {
      // A complete that waited for the lock may find the photo stored by the one before it.
      const stored = await ownedPhoto(tx, key.organisationId, hash);
      if (stored && (await blobs.has(hash, tx))) return { ok: true, size: stored.size } as const;
      const completed = await blobs.complete(key, body.data.size, tx);
      if (!completed.ok) return completed;
      await tx.query(
        `INSERT INTO photo_blobs (organisation_id, hash, size, mime_type, uploaded_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, hash) DO NOTHING`,
        [principal.organisationId, hash, body.data.size, body.data.mimeType, principal.userId],
      );
      return { ok: true, size: body.data.size } as const;
    });
    if (!result.ok) {
      if (result.reason === 'hash-mismatch') {
        return errorResponse(
          c,
          422,
          'hash-mismatch',
          'De ontvangen foto klopt niet met haar id (SHA-256); de upload is verworpen. Verstuur de foto opnieuw.',
        );
      }
      if (result.actualSize < body.data.size) {
        const incomplete: PhotoUploadConflictBody = {
          error: 'upload-incomplete',
          message: `De server heeft pas ${result.actualSize} van ${body.data.size} bytes; ga verder met uploaden.`,
          receivedBytes: result.actualSize,
        };
        return c.json(incomplete, 409);
      }
      return errorResponse(
        c,
        422,
        'size-mismatch',
        `De server ontving ${result.actualSize} bytes, niet ${body.data.size}; de upload is verworpen.`,
      );
    }
    const done: PhotoUploadStatus = { hash, receivedBytes: result.size, complete: true };
    return c.json(done);
  });

  return routes;
}
