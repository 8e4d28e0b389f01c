// Sync over loopback: a device with 10,000 outbox ops and 200 photos syncs with the real server
// (Hono on a local port, embedded PGlite, blobs on disk) through the app's fetch transport and
// sync engine; a second device then pulls everything. Reports wall time and the bytes on the wire
// (request bodies as sent, gzip for large pushes; response bodies as the server sent them, gzip
// when the client's fetch accepts it, as Node's and every browser's does; HTTP headers not
// counted) next to the gzip size of the raw changes. The devices use fake-indexeddb in Node, so
// local store time is not Chromium's.
// Run: `npm run bench -- sync` (or `npx tsx bench/run.ts sync`).
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import { createSyncStore } from '../src/app/db/sync-store.ts';
import { createStoreWithContext } from '../src/app/db/store.ts';
import { createHttpTransport, GZIP_PUSH_MIN_CHARS } from '../src/app/platform/http.ts';
import { fixedStorage } from '../src/app/platform/storage.ts';
import { SyncEngine } from '../src/app/sync/engine.ts';
import { createApp } from '../src/server/app.ts';
import { FsBlobStore } from '../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../src/server/store/migrate.ts';
import { openPgliteStore } from '../src/server/store/pglite-store.ts';
import type { Op } from '../src/shared/sync/protocol.ts';
import { createSignedInUser } from '../test/server/support/auth.ts';
import type { Benchmark, Measurement } from './support/benchmark.ts';

const ACTIONS = 2_000;
const UPDATES_PER_ACTION = 4; // 2,000 creates + 8,000 updates = 10,000 ops
const PHOTOS = 200;
const PHOTO_BYTES = 150 * 1024; // random bytes: as incompressible as a JPEG

interface Wire {
  sent: number;
  received: number;
  requests: number;
}

/** Response body bytes as the server writes them (after compression), for all requests. */
const served = { bytes: 0 };

/** The app's handler, counting each response body's bytes as they leave it. */
function countingHandler(handler: (request: Request) => Response | Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request);
    if (!response.body) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        served.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), response);
  };
}

/** Counts request bodies and requests; `received` is taken from `served` around each phase. */
function countingFetch(wire: Wire): typeof fetch {
  return async (input, init) => {
    wire.requests += 1;
    const body = init?.body;
    if (typeof body === 'string') wire.sent += Buffer.byteLength(body);
    else if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) wire.sent += body.byteLength;
    return fetch(input, init);
  };
}

/** Runs one phase and sets `wire.received` to the response bytes the server sent meanwhile. */
async function phase<T>(wire: Wire, run: () => Promise<T>): Promise<T> {
  const before = served.bytes;
  try {
    return await run();
  } finally {
    wire.received = served.bytes - before;
  }
}

function device(origin: string, token: string, name: string, wire: Wire) {
  const { store, context } = createStoreWithContext({
    name,
    storage: fixedStorage({ usage: 0, quota: 100 * 1024 ** 3 }),
    durability: 'relaxed',
  });
  const sync = createSyncStore(context);
  const engine = new SyncEngine({
    store: sync,
    transport: createHttpTransport({
      baseUrl: origin,
      token: () => token,
      fetch: countingFetch(wire),
    }),
    setTimer: () => () => undefined,
  });
  return { store, context, sync, engine };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const seconds = (ms: number) => Math.round(ms / 10) / 100;

export const benchmark: Benchmark = {
  title: `sync of ${ACTIONS * (UPDATES_PER_ACTION + 1)} ops and ${PHOTOS} photos over loopback`,
  async run(): Promise<Measurement[]> {
    const dir = mkdtempSync(join(tmpdir(), 'schouw-bench-sync-'));
    const db = await openPgliteStore(join(dir, 'pglite'));
    const server = createAdaptorServer({
      fetch: countingHandler(
        createApp({
          store: db,
          distDir: join(dir, 'dist'),
          version: 'bench',
          blobs: new FsBlobStore(join(dir, 'blobs')),
          logError: (error) => console.error(error),
        }).fetch,
      ),
    });
    try {
      await migrate(db);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const inspector = await createSignedInUser(db, { role: 'inspecteur' });

      const pushWire: Wire = { sent: 0, received: 0, requests: 0 };
      const first = device(origin, inspector.token, 'bench-sync-first', pushWire);
      for (let index = 0; index < ACTIONS; index += 1) {
        const action = await first.store.actions.create({
          what: `Actie ${index}: vluchtroute vrijmaken en brandwerende deur laten afstellen`,
          ownerRole: 'veiligheid',
          dueDate: '2026-12-01',
        });
        for (let update = 0; update < UPDATES_PER_ACTION; update += 1)
          await first.store.actions.update(action.id, { what: `Actie ${index}, versie ${update}` });
      }
      const clientId = await first.sync.clientId();
      const ops: Op[] = await first.sync.opsAfter(clientId, 0, 1_000_000);
      const rawOps = Buffer.from(JSON.stringify(ops));

      let started = performance.now();
      const opsResult = await phase(pushWire, () => first.engine.run());
      const opsMs = performance.now() - started;
      if (opsResult !== 'synced')
        throw new Error(`ops sync: ${first.engine.status.problem?.detail}`);
      if (first.engine.status.rejected.length > 0)
        throw new Error(`rejected: ${first.engine.status.rejected[0]?.reason}`);
      const left = await first.store.outbox.pendingCount();
      if (left !== 0) throw new Error(`${left} ops left in the outbox`);
      const opsWire = { ...pushWire };

      let rawPhotoBytes = 0;
      for (let index = 0; index < PHOTOS; index += 1) {
        const data = randomBytes(PHOTO_BYTES);
        const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
        const hash = createHash('sha256').update(data).digest('hex');
        rawPhotoBytes += data.byteLength;
        await first.context.db.photos.add({
          hash,
          inspectionId: 'bench',
          mimeType: 'image/jpeg',
          width: 1600,
          height: 1200,
          bytes: data.byteLength,
          createdAt: new Date().toISOString(),
          uploaded: 0,
          clocks: {},
        });
        await first.context.db.photoData.add({ hash, data: buffer as ArrayBuffer });
      }
      const photoWire: Wire = { sent: 0, received: 0, requests: 0 };
      const photoDevice = device(origin, inspector.token, 'bench-sync-first', photoWire);
      started = performance.now();
      const photoResult = await phase(photoWire, () => photoDevice.engine.run());
      const photosMs = performance.now() - started;
      if (photoResult !== 'synced')
        throw new Error(`photos: ${photoDevice.engine.status.problem?.detail}`);
      if ((await photoDevice.sync.pendingPhotoUploads()).length > 0)
        throw new Error('photos left to upload');

      const pullWire: Wire = { sent: 0, received: 0, requests: 0 };
      const second = device(origin, inspector.token, 'bench-sync-second', pullWire);
      started = performance.now();
      const pullResult = await phase(pullWire, () => second.engine.run());
      const pullMs = performance.now() - started;
      if (pullResult !== 'synced') throw new Error(`pull: ${second.engine.status.problem?.detail}`);
      const pulled = await second.context.db.actions.count();
      if (pulled !== ACTIONS) throw new Error(`pulled ${pulled} actions, expected ${ACTIONS}`);

      return [
        { name: 'push + pull 10,000 ops (first device)', value: seconds(opsMs), unit: 's' },
        {
          name: 'bytes sent for the ops',
          value: kb(opsWire.sent),
          unit: 'KB',
          note: `${opsWire.requests} requests; pushes over ${GZIP_PUSH_MIN_CHARS / 1024} KB gzip`,
        },
        {
          name: 'bytes received while syncing the ops',
          value: kb(opsWire.received),
          unit: 'KB',
          note: 'push answers and pull pages, as sent (pull pages gzip)',
        },
        { name: 'raw ops as JSON', value: kb(rawOps.byteLength), unit: 'KB' },
        { name: 'raw ops as JSON, gzip', value: kb(gzipSync(rawOps).byteLength), unit: 'KB' },
        {
          name: `upload ${PHOTOS} photos of ${PHOTO_BYTES / 1024} KB`,
          value: seconds(photosMs),
          unit: 's',
        },
        {
          name: 'bytes sent for the photos',
          value: kb(photoWire.sent),
          unit: 'KB',
          note: `${photoWire.requests} requests; photo bytes ${kb(rawPhotoBytes)} KB`,
        },
        {
          name: `second device pulls ${ACTIONS} merged actions`,
          value: seconds(pullMs),
          unit: 's',
        },
        {
          name: 'bytes received by the second device',
          value: kb(pullWire.received),
          unit: 'KB',
          note: `${pullWire.requests} requests`,
        },
      ];
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
