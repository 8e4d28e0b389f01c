import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { PHOTO_CHUNK_BYTES } from '../../../src/shared/sync/protocol.ts';
import { SyncTransportError } from '../../../src/app/sync/transport.ts';
import { FakeSyncServer, type Call, type Fault } from './fake-server.ts';
import { startFirstDwellingInspection } from '../db/store-fixtures.ts';
import { newAction, testDevice, veiligheid } from './harness.ts';

/** Applies `fault` to the n-th call of kind `call` (1-based), nothing else. */
function faultOn(call: Call, n: number, fault: Fault): (seen: Call) => Fault | undefined {
  let count = 0;
  return (seen) => {
    if (seen !== call) return undefined;
    count += 1;
    return count === n ? fault : undefined;
  };
}

/** Records the offset of every photo chunk the fake server receives. */
function chunkOffsets(server: FakeSyncServer): number[] {
  const offsets: number[] = [];
  const fake = server as unknown as {
    chunk: (hash: string, offset: number, bytes: unknown) => unknown;
  };
  const chunk = fake.chunk.bind(server);
  vi.spyOn(fake, 'chunk').mockImplementation((hash, offset, bytes) => {
    offsets.push(offset);
    return chunk(hash, offset, bytes);
  });
  return offsets;
}

function photoBytes(size: number, seed: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + seed) % 251;
  return bytes.buffer;
}

/** A photo taken on `device` during an inspection it started. */
async function takePhoto(device: ReturnType<typeof testDevice>, data: ArrayBuffer) {
  const { inspection } = await startFirstDwellingInspection(device.store);
  return device.store.photos.addPhoto(
    { data, mimeType: 'image/jpeg', width: 40, height: 30 },
    { inspectionId: inspection.id },
  );
}

/** A photo row and its bytes written straight to the device's tables, not yet uploaded. */
async function storeUnsentPhoto(
  device: ReturnType<typeof testDevice>,
  hash: string,
  data: ArrayBuffer,
): Promise<void> {
  await device.context.db.photos.add({
    hash,
    inspectionId: 'inspectie-1',
    mimeType: 'image/jpeg',
    width: 10,
    height: 10,
    bytes: data.byteLength,
    createdAt: '2025-03-01T09:00:00.000Z',
    uploaded: 0,
    clocks: {},
  });
  await device.context.db.photoData.add({ hash, data });
}

describe('sync engine', () => {
  it('brings an action made on one device to another and empties the outbox', async () => {
    const server = new FakeSyncServer();
    const inspector = testDevice(server, 'inspector');
    const officer = testDevice(server, 'officer');
    const action = await inspector.store.actions.create(newAction('Vluchtroute vrijmaken'));

    expect(await inspector.engine.run()).toBe('synced');
    expect(await officer.engine.run()).toBe('synced');

    expect(await officer.store.actions.get(action.id)).toEqual(action);
    expect(await inspector.store.outbox.pendingCount()).toBe(0);
    expect(inspector.engine.status.lastSyncAt).toBe(inspector.clock.now());
    expect(inspector.engine.status.problem).toBeUndefined();
  });

  it('keeps pushed ops in the outbox until a pull confirms them', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Deur herstellen'));
    server.fault = (call) => (call === 'pull' ? { kind: 'drop-before' } : undefined);

    expect(await device.engine.run()).toBe('failed');

    expect(server.applied.size).toBe(1);
    expect(await device.store.outbox.pendingCount()).toBe(1);
    expect(device.engine.status.problem?.kind).toBe('network');
    server.fault = () => undefined;
    expect(await device.engine.run()).toBe('synced');
    expect(await device.store.outbox.pendingCount()).toBe(0);
    expect(server.mergedOps).toHaveLength(1);
  });

  it.each([
    ['before the server commits', { kind: 'drop-before' } as const],
    ['after the server commits', { kind: 'drop-after' } as const],
    ['when the request arrives twice', { kind: 'duplicate' } as const],
  ])('applies every op exactly once when the connection fails %s', async (_label, fault) => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const action = await device.store.actions.create(newAction('Brandblusser keuren'));
    await device.store.actions.update(action.id, { what: 'Brandblusser vervangen' });
    server.fault = faultOn('push', 1, fault);

    let result = await device.engine.run();
    if (fault.kind !== 'duplicate') expect(result).toBe('failed');
    result = await device.engine.run();

    expect(result).toBe('synced');
    expect(server.mergedOps.map((op) => op.seq)).toEqual([1, 2]);
    expect(server.records.get(`action:${action.id}`)?.state.fields.what?.value).toBe(
      'Brandblusser vervangen',
    );
    expect(await device.store.outbox.pendingCount()).toBe(0);
  });

  it('pushes a long outbox in batches in seq order', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const action = await device.store.actions.create(newAction('Start'));
    for (let index = 0; index < 520; index += 1)
      await device.store.actions.update(action.id, { what: `Versie ${index}` });

    expect(await device.engine.run()).toBe('synced');

    expect(server.calls.filter((call) => call === 'push')).toHaveLength(2);
    expect(server.mergedOps.map((op) => op.seq)).toEqual(
      Array.from({ length: 521 }, (_, index) => index + 1),
    );
    expect(await device.store.outbox.pendingCount()).toBe(0);
  });

  it('stops on 401, asks to sign in, keeps the outbox and resumes after signing in', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Noodverlichting testen'));
    server.fault = () => ({ kind: 'status', status: 401 });

    expect(await device.engine.run()).toBe('blocked');
    device.engine.requestSync('timer');
    device.engine.requestSync('online');
    await Promise.resolve();

    expect(device.signIn.needed).toBe(1);
    expect(device.engine.status.blocked).toBe('unauthenticated');
    expect(device.timers).toHaveLength(0);
    expect(server.calls).toEqual(['push']);
    expect(await device.store.outbox.pendingCount()).toBe(1);

    server.fault = () => undefined;
    device.engine.resume();
    expect(await device.engine.run()).toBe('synced');
    expect(device.engine.status.blocked).toBeUndefined();
    expect(await device.store.outbox.pendingCount()).toBe(0);
  });

  it('stops on 426 with "update required" and keeps the outbox', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Trapgat vrijhouden'));
    server.fault = () => ({ kind: 'status', status: 426 });

    expect(await device.engine.run()).toBe('blocked');

    expect(device.update.required).toBe(1);
    expect(device.engine.status.blocked).toBe('update-required');
    expect(device.timers).toHaveLength(0);
    expect(await device.store.outbox.pendingCount()).toBe(1);
  });

  it('heals a 409 seq gap that does not say where the server is by pulling first', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Eerste'));
    await device.store.actions.create(newAction('Tweede'));
    server.fault = faultOn('push', 1, { kind: 'status', status: 409 });

    expect(await device.engine.run()).toBe('synced');

    expect(server.calls.slice(0, 3)).toEqual(['push', 'pull', 'push']);
    expect(server.mergedOps.map((op) => op.seq)).toEqual([1, 2]);
    expect(await device.store.outbox.pendingCount()).toBe(0);
  });

  it('reports a seq gap it cannot heal and keeps the unsent ops', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Eerste'));
    expect(await device.engine.run()).toBe('synced');
    await device.store.actions.create(newAction('Tweede'));
    server.reset(); // the server lost op 1, which the device already let go

    expect(await device.engine.run()).toBe('failed');

    expect(device.engine.status.problem?.kind).toBe('seq-gap');
    expect(await device.store.outbox.pendingCount()).toBe(1);
  });

  it('backs off with full jitter on server errors and resets after a success', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device', { backoff: { baseMs: 1_000, capMs: 8_000 } });
    await device.store.actions.create(newAction('Lekkage'));
    server.fault = () => ({ kind: 'status', status: 503 });

    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await device.engine.run();
      delays.push(device.timers.at(-1)?.ms ?? -1);
    }
    // random() = 0.5: half of min(cap, base * 2^attempt).
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(device.timers).toHaveLength(1);

    // While backing off, timers and local writes wait; the retry timer runs the cycle.
    device.engine.requestSync('local-change');
    device.engine.requestSync('timer');
    await Promise.resolve();
    expect(device.engine.status.running).toBe(false);
    server.fault = () => undefined;
    device.timers[0]!.fire();
    await device.engine.run();
    expect(device.engine.status.problem).toBeUndefined();
    expect(device.timers).toHaveLength(0);

    server.fault = () => ({ kind: 'status', status: 500 });
    await device.engine.run();
    expect(device.timers.at(-1)?.ms).toBe(500);
  });

  it('runs one more cycle when asked while a cycle runs, never two at once', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.store.actions.create(newAction('Eerste'));
    let inFlight = 0;
    let maxInFlight = 0;
    const transport = server.transport();
    const counting = testDevice(server, 'device', {
      transport: {
        ...transport,
        pull: async (request) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            return await transport.pull(request);
          } finally {
            inFlight -= 1;
          }
        },
      },
    });

    const first = counting.engine.run();
    counting.engine.requestSync('manual');
    counting.engine.requestSync('manual');
    await first;

    expect(maxInFlight).toBe(1);
    expect(server.calls.filter((call) => call === 'pull')).toHaveLength(2);
  });

  it('leaves the work to another tab that holds the sync lock', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device', {
      lock: { runExclusive: () => Promise.resolve({ acquired: false }) },
    });
    await device.store.actions.create(newAction('Eerste'));

    await device.sync.setLastSyncAt(1234);

    expect(await device.engine.run()).toBe('busy');
    expect(server.calls).toEqual([]);
    expect(device.engine.status.lastSyncAt).toBe(1234);
  });

  it('uploads photos in chunks, resumes after a dropped chunk and marks them only when stored', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const data = photoBytes(PHOTO_CHUNK_BYTES * 2 + 1_000, 3);
    const hash = createHash('sha256').update(new Uint8Array(data)).digest('hex');
    await device.sync.clientId();
    await storeUnsentPhoto(device, hash, data);
    server.fault = faultOn('photoChunk', 2, { kind: 'drop-after' });
    const progress: string[] = [];
    device.engine.subscribe((status) => {
      if (status.photos) progress.push(`${status.photos.done}/${status.photos.total}`);
    });

    expect(await device.engine.run()).toBe('failed');
    expect(server.photos.get(hash)?.bytes.byteLength).toBe(PHOTO_CHUNK_BYTES * 2);
    expect(await device.sync.pendingPhotoUploads()).toHaveLength(1);

    expect(await device.engine.run()).toBe('synced');
    expect(server.calls.filter((call) => call === 'photoChunk')).toHaveLength(3);
    expect(server.photos.get(hash)?.complete).toBe(true);
    expect(await device.sync.pendingPhotoUploads()).toEqual([]);
    expect(await device.sync.photoBytes(hash)).toBeDefined();
    expect(progress.at(-1)).toBe('1/1');
  });

  it("resumes a photo upload of an earlier session at the server's offset, never from zero", async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const data = photoBytes(PHOTO_CHUNK_BYTES * 2 + 500, 4);
    const hash = createHash('sha256').update(new Uint8Array(data)).digest('hex');
    await device.sync.clientId();
    await storeUnsentPhoto(device, hash, data);
    // The first chunk arrived in an earlier session.
    server.photos.set(hash, {
      bytes: new Uint8Array(data.slice(0, PHOTO_CHUNK_BYTES)),
      complete: false,
    });
    const offsets = chunkOffsets(server);

    expect(await device.engine.run()).toBe('synced');
    expect(offsets).toEqual([PHOTO_CHUNK_BYTES, PHOTO_CHUNK_BYTES * 2]);
    expect(server.photos.get(hash)?.complete).toBe(true);
  });

  it('goes on from the server offset when completing finds bytes missing, in the same cycle', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const data = photoBytes(PHOTO_CHUNK_BYTES * 2 + 500, 6);
    const hash = createHash('sha256').update(new Uint8Array(data)).digest('hex');
    await device.sync.clientId();
    await storeUnsentPhoto(device, hash, data);
    const offsets = chunkOffsets(server);
    // The server lost the last chunk before the device asked it to complete.
    const fake = server as unknown as { complete: (...args: unknown[]) => void };
    const complete = fake.complete.bind(server);
    let lost = false;
    vi.spyOn(fake, 'complete').mockImplementation((...args) => {
      const stored = server.photos.get(hash);
      if (!lost && stored) {
        lost = true;
        server.photos.set(hash, { ...stored, bytes: stored.bytes.slice(0, PHOTO_CHUNK_BYTES * 2) });
      }
      complete(...args);
    });

    expect(await device.engine.run()).toBe('synced');
    expect(offsets).toEqual([0, PHOTO_CHUNK_BYTES, PHOTO_CHUNK_BYTES * 2, PHOTO_CHUNK_BYTES * 2]);
    expect(server.photos.get(hash)?.complete).toBe(true);
    expect(await device.sync.pendingPhotoUploads()).toEqual([]);
  });

  it('syncs a finding whose photo the server refuses, and keeps that photo on the device', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const data = photoBytes(1_000, 5);
    const wrongHash = 'a'.repeat(64);
    await storeUnsentPhoto(device, wrongHash, data);
    const action = await device.store.actions.create(newAction('Met foto'));

    expect(await device.engine.run()).toBe('synced');

    expect(server.records.has(`action:${action.id}`)).toBe(true);
    expect(device.engine.status.refusedPhotos).toEqual([wrongHash]);
    expect(await device.sync.pendingPhotoUploads()).toHaveLength(1);
  });

  it('does not upload a photo the server already has', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const data = photoBytes(500, 9);
    const hash = createHash('sha256').update(new Uint8Array(data)).digest('hex');
    server.photos.set(hash, { bytes: new Uint8Array(data), complete: true });
    await storeUnsentPhoto(device, hash, data);

    expect(await device.engine.run()).toBe('synced');

    expect(server.calls).not.toContain('photoChunk');
    expect(await device.sync.pendingPhotoUploads()).toEqual([]);
  });

  it('downloads the bytes of a photo another device uploaded, verified, without queueing it again', async () => {
    const server = new FakeSyncServer();
    const inspector = testDevice(server, 'inspector');
    const officer = testDevice(server, 'officer');
    const data = photoBytes(PHOTO_CHUNK_BYTES + 700, 11);
    const photo = await takePhoto(inspector, data);
    expect(await inspector.engine.run()).toBe('synced');
    expect(await officer.store.photos.photoThumbnails([photo.hash])).toEqual(new Map());

    expect(await officer.engine.run()).toBe('synced');

    expect(server.calls.filter((call) => call === 'photoDownload')).toHaveLength(1);
    expect(
      new Uint8Array((await officer.sync.photoBytes(photo.hash)) ?? new ArrayBuffer(0)),
    ).toEqual(new Uint8Array(data));
    expect(await officer.sync.pendingPhotoUploads()).toEqual([]);
    expect(
      (await officer.store.photos.photoThumbnails([photo.hash])).get(photo.hash),
    ).toMatchObject({ mimeType: 'image/jpeg', width: 40, height: 30 });
    expect(await officer.sync.photosMissingData(10)).toEqual([]);
    // Stored once: the next cycle neither downloads nor uploads it.
    expect(await officer.engine.run()).toBe('synced');
    expect(server.calls.filter((call) => call === 'photoDownload')).toHaveLength(1);
    expect(server.calls.filter((call) => call === 'photoChunk')).toHaveLength(2);
  });

  it('refuses downloaded bytes that do not match the hash and stores nothing', async () => {
    const server = new FakeSyncServer();
    const inspector = testDevice(server, 'inspector');
    const officer = testDevice(server, 'officer');
    const data = photoBytes(900, 13);
    const photo = await takePhoto(inspector, data);
    expect(await inspector.engine.run()).toBe('synced');
    // The server (or a proxy) hands out other bytes under this hash.
    server.photos.set(photo.hash, { bytes: new Uint8Array(photoBytes(900, 14)), complete: true });

    expect(await officer.engine.run()).toBe('synced');

    expect(server.calls).toContain('photoDownload');
    expect(officer.engine.status.corruptPhotos).toEqual([photo.hash]);
    expect(await officer.sync.photoBytes(photo.hash)).toBeUndefined();
    expect(await officer.context.db.photoThumbnails.get(photo.hash)).toBeUndefined();
    expect(await officer.store.photos.photoThumbnails([photo.hash])).toEqual(new Map());
    expect(await officer.sync.pendingPhotoUploads()).toEqual([]);
  });

  it('asks again next cycle for a photo the server does not hold yet, and survives a dropped download', async () => {
    const server = new FakeSyncServer();
    const inspector = testDevice(server, 'inspector');
    const officer = testDevice(server, 'officer');
    const data = photoBytes(1_200, 17);
    const photo = await takePhoto(inspector, data);
    const action = await inspector.store.actions.create(newAction('Met foto'));
    // The inspector's records arrive, its photo upload does not (yet).
    server.fault = (call) => (call === 'photoChunk' ? { kind: 'drop-before' } : undefined);
    expect(await inspector.engine.run()).toBe('failed');
    server.fault = () => undefined;

    expect(await officer.engine.run()).toBe('synced');
    expect(await officer.store.actions.get(action.id)).toEqual(action);
    expect(server.calls).toContain('photoDownload');
    expect(await officer.sync.photoBytes(photo.hash)).toBeUndefined();
    expect(officer.engine.status.corruptPhotos).toEqual([]);

    expect(await inspector.engine.run()).toBe('synced');
    // A dropped download fails the cycle (backoff) after push and pull already went through.
    server.fault = faultOn('photoDownload', 1, { kind: 'drop-before' });
    const later = await officer.store.actions.create(newAction('Later'));
    expect(await officer.engine.run()).toBe('failed');
    expect(officer.timers).toHaveLength(1);
    expect(server.records.has(`action:${later.id}`)).toBe(true);
    expect(await officer.sync.photoBytes(photo.hash)).toBeUndefined();

    officer.timers[0]?.fire();
    await vi.waitFor(async () => {
      expect(await officer.sync.photoBytes(photo.hash)).toBeDefined();
    });
    expect(officer.engine.status.problem).toBeUndefined();
  });

  it('keeps a newer local edit when an older remote value is pulled, and takes newer remote ones', async () => {
    const server = new FakeSyncServer();
    const inspector = testDevice(server, 'inspector');
    const officer = testDevice(server, 'officer', { clockOffsetMs: 60_000 });
    const action = await inspector.store.actions.create(newAction('Origineel'));
    await inspector.engine.run();
    await officer.engine.run();

    // The officer (clock a minute ahead) closes the action; the inspector edits its text earlier.
    await officer.store.actions.transition(action.id, 'afgerond', veiligheid, 'Opgelost');
    await inspector.store.actions.update(action.id, { what: 'Tekst van inspecteur' });
    await officer.engine.run();
    await inspector.engine.run();
    await officer.engine.run();

    const seenByInspector = await inspector.store.actions.get(action.id);
    const seenByOfficer = await officer.store.actions.get(action.id);
    expect(seenByInspector).toEqual(seenByOfficer);
    expect(seenByInspector).toMatchObject({ status: 'afgerond', what: 'Tekst van inspecteur' });
  });

  it('reports ops the server rejected for good and lets them leave the queue', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const action = await device.store.actions.create(newAction('Eerste'));
    server.reject = () => 'Overgang niet toegestaan.';

    expect(await device.engine.run()).toBe('synced');

    expect(device.engine.status.rejected).toEqual([
      { entity: 'action', id: action.id, reason: 'Overgang niet toegestaan.' },
    ]);
    expect(await device.store.outbox.pendingCount()).toBe(0);
  });
  it('keeps syncing its own work when the server refuses restored ops of another user’s device', async () => {
    const server = new FakeSyncServer();
    const colleague = testDevice(server, 'colleague');
    await colleague.store.actions.create(newAction('Van de collega'));
    const foreignClient = await colleague.sync.clientId();
    const transport = server.transport();
    const device = testDevice(server, 'device', {
      transport: {
        ...transport,
        push: (request) =>
          request.clientId === foreignClient
            ? Promise.reject(
                new SyncTransportError(
                  'refused',
                  'Dit apparaatnummer hoort bij een andere gebruiker.',
                  403,
                ),
              )
            : transport.push(request),
      },
    });
    await device.store.backup.importBackup(await colleague.store.backup.exportBackup());
    const own = await device.store.actions.create(newAction('Eigen werk'));

    expect(await device.engine.run()).toBe('synced');

    expect(server.records.has(`action:${own.id}`)).toBe(true);
    expect(device.engine.status.problem).toEqual({
      kind: 'refused',
      detail: 'Dit apparaatnummer hoort bij een andere gebruiker.',
    });
    // The refused ops stay on the device.
    expect(await device.store.outbox.pendingCount()).toBeGreaterThan(0);
  });
});
