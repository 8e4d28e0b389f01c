// A drawing belongs to one use of a photo (src/shared/domain/photo-note.ts): migration 0008
// splits the drawings that protocol 2 kept on the photo record (one per image hash) onto every
// answer and finding using the photo, and the server keeps accepting protocol 2's photo ops.
// Both stores.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { FsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { loadMigrations, migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { PROTOCOL_VERSION, PushResponseSchema } from '../../src/shared/sync/protocol.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import {
  Device,
  newInspection,
  postPush,
  pull,
  pullAll,
  push,
  pushBody,
  user,
  type TestApp,
} from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';

const shipped = loadMigrations();
const SPLIT = shipped.findIndex((migration) => migration.name === 'photo_notes_per_use');
const ROOF = 'ab'.repeat(32);
const PLAIN = 'cd'.repeat(32);
const layer = (text: string) => ({
  version: 1,
  shapes: [{ kind: 'text', at: [0.2, 0.3], text, color: '#e4002b' }],
});
const photoFields = (inspectionId: string) => ({
  mimeType: 'image/jpeg',
  width: 64,
  height: 48,
  bytes: 1_000,
  createdAt: '2026-11-02T09:00:00.000Z',
  inspectionId,
});

/** The app on a store migrated up to (not including) the split, as the previous server left it. */
async function appBeforeSplit(store: Store): Promise<TestApp> {
  await migrate(store, shipped.slice(0, SPLIT));
  return createApp({
    store,
    distDir: makeTempDir('dist'),
    version: 'test',
    blobs: new FsBlobStore(makeTempDir('blobs')),
    logError: () => undefined,
  });
}

async function pushOld(
  app: TestApp,
  who: SignedInUser,
  device: Device,
  ops: Parameters<typeof pushBody>[1],
) {
  const response = await postPush(app, who, pushBody(device, ops, PROTOCOL_VERSION - 1));
  expect(response.status).toBe(200);
  return PushResponseSchema.parse(await response.json());
}

describe.each(storeKinds)('photo drawings per use on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('migration 0008 gives each answer and finding using a drawn photo its own copy', async () => {
    expect(SPLIT).toBeGreaterThan(0);
    const { store } = fixture();
    const app = await appBeforeSplit(store);
    const inspector = await user(store, 'inspecteur');
    const oldApp = new Device('oldapp');
    const scan = newInspection(oldApp);
    const care = newInspection(oldApp);
    const roofFinding = uuidv7();
    const plainFinding = uuidv7();
    const ops = [
      scan.op,
      care.op,
      oldApp.op('photo', ROOF, photoFields(scan.id)),
      oldApp.op('photo', PLAIN, photoFields(care.id)),
      oldApp.op('answer', `${scan.id}/dakfoto`, {
        inspectionId: scan.id,
        questionId: 'dakfoto',
        value: { type: 'photo', value: [ROOF] },
        answeredAt: '2026-11-02T09:01:00.000Z',
      }),
      oldApp.op('answer', `${care.id}/drempel`, {
        inspectionId: care.id,
        questionId: 'drempel',
        value: { type: 'ja-nee', value: 'nee' },
        answeredAt: '2026-11-02T09:02:00.000Z',
        photoIds: [PLAIN],
      }),
      oldApp.op('finding', roofFinding, {
        inspectionId: care.id,
        location: 'Voordeur',
        description: 'Drempel',
        severity: 'gering',
        photoIds: [ROOF, PLAIN],
        createdAt: '2026-11-02T09:03:00.000Z',
      }),
      oldApp.op('finding', plainFinding, {
        inspectionId: care.id,
        location: 'Gang',
        description: 'Kabel',
        severity: 'gering',
        photoIds: [PLAIN],
        createdAt: '2026-11-02T09:04:00.000Z',
      }),
    ];
    const drawing = oldApp.op('photo', ROOF, { annotation: layer('scheur') });
    ops.push(drawing);
    const before = await pushOld(app, inspector, oldApp, ops);
    expect(before.results.filter((result) => result.status !== 'applied')).toEqual([]);
    const reader = new Device('reader');
    const { cursor } = await pullAll(app, inspector, reader);

    await migrate(store);

    // Only the two uses of the drawn photo changed; they come again in the next pull.
    const after = await pull(app, inspector, reader, cursor);
    const changed = new Map(
      after.changes.map((change) => [`${change.entity}/${change.id}`, change]),
    );
    expect([...changed.keys()].sort()).toEqual(
      [`answer/${scan.id}/dakfoto`, `finding/${roofFinding}`].sort(),
    );
    for (const change of changed.values())
      expect(change.fields.photoNotes).toEqual({
        value: { [ROOF]: { annotation: layer('scheur') } },
        // The drawing's own clock: a device's version-4 upgrade writes the same.
        hlc: drawing.hlc,
      });
    expect(changed.get(`finding/${roofFinding}`)?.fields.photoIds?.value).toEqual([ROOF, PLAIN]);
    // The photo keeps its per-hash field for apps of protocol 2.
    const everything = (await pullAll(app, inspector, new Device('fresh'))).records;
    expect(everything.get(`photo/${ROOF}`)?.fields.annotation?.value).toEqual(layer('scheur'));
    expect(everything.get(`finding/${plainFinding}`)?.fields.photoNotes).toBeUndefined();
    expect(everything.get(`answer/${care.id}/drempel`)?.fields.photoNotes).toBeUndefined();
  });

  it('keeps accepting protocol 2 photo drawings, and takes per-use notes from protocol 3', async () => {
    const { store } = fixture();
    const app = await appBeforeSplit(store);
    await migrate(store);
    const inspector = await user(store, 'inspecteur');
    const oldApp = new Device('oldapp');
    const scan = newInspection(oldApp);
    const finding = uuidv7();
    const setUp = await pushOld(app, inspector, oldApp, [
      scan.op,
      oldApp.op('photo', ROOF, photoFields(scan.id)),
      oldApp.op('finding', finding, {
        inspectionId: scan.id,
        location: 'Dak',
        description: 'Lekkage',
        severity: 'ernstig',
        photoIds: [ROOF],
        createdAt: '2026-11-02T09:03:00.000Z',
      }),
      oldApp.op('photo', ROOF, { annotation: layer('oud') }),
    ]);
    expect(setUp.results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);

    const newApp = new Device('newapp');
    const notes = { [ROOF]: { annotation: layer('dakrand'), caption: 'Dakrand bij de lift' } };
    const result = await push(app, inspector, newApp, [
      newApp.op('finding', finding, { photoNotes: notes }),
      newApp.op('finding', finding, { photoNotes: { nietEenHash: { caption: 'x' } } }),
      newApp.op('finding', finding, { photoNotes: { [ROOF]: { caption: 'x'.repeat(301) } } }),
      newApp.op('finding', finding, {
        photoNotes: { [ROOF]: { annotation: { version: 1, shapes: [{ kind: 'laser' }] } } },
      }),
    ]);
    expect(result.results.map((item) => item.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const records = (await pullAll(app, inspector, new Device('reader'))).records;
    expect(records.get(`finding/${finding}`)?.fields.photoNotes?.value).toEqual(notes);
    expect(records.get(`photo/${ROOF}`)?.fields.annotation?.value).toEqual(layer('oud'));
  });
});
