// The client sync engine (fake IndexedDB stores, the fetch transport) against the real server app
// on an embedded PGlite store, in process: the request goes through app.fetch, not a mock.
import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids.ts';
import { createSession } from '../../../src/server/auth/sessions.ts';
import { seedDemoLabels } from '../../../src/server/demo/demo-labels.ts';
import { seedDemoData } from '../../../src/server/demo/seed-demo.ts';
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { SyncEngine } from '../../../src/app/sync/engine.ts';
import { useFreshStore } from '../../server/store-fixtures.ts';
import { syncApp, user, type TestApp } from '../../server/sync-fixtures.ts';
import { startFirstDwellingInspection, testStore } from '../db/store-fixtures.ts';
import { newAction } from './harness.ts';

// Creating the first embedded PostgreSQL (initdb in WebAssembly) takes longer than a usual hook.
vi.setConfig({ hookTimeout: 60_000 });

function clientDevice(app: TestApp, name: string, token: string, pullLimit?: number) {
  const { store, context } = testStore({ name });
  const engine = new SyncEngine({
    ...(pullLimit === undefined ? {} : { pullLimit }),
    store: createSyncStore(context),
    transport: createHttpTransport({
      baseUrl: 'http://schouw.test',
      token: () => token,
      fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    }),
    setTimer: () => () => undefined,
  });
  return { store, context, engine };
}

describe('sync against the real server', () => {
  const fixture = useFreshStore('pglite');

  it('brings an action to the safety officer, who closes it, and the inspector sees it closed', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspecteur = await user(store, 'inspecteur');
    const veiligheid = await user(store, 'veiligheid', inspecteur.organisation);
    const inspector = clientDevice(app, 'inspector', inspecteur.token);
    const officer = clientDevice(app, 'officer', veiligheid.token);

    const action = await inspector.store.actions.create(newAction('Vluchtroute vrijmaken'));
    expect(await inspector.engine.run(), inspector.engine.status.problem?.detail).toBe('synced');
    expect(inspector.engine.status.rejected).toEqual([]);
    expect(await inspector.store.outbox.pendingCount()).toBe(0);

    expect(await officer.engine.run(), officer.engine.status.problem?.detail).toBe('synced');
    expect((await officer.store.actions.get(action.id))?.what).toBe('Vluchtroute vrijmaken');
    await officer.store.actions.transition(
      action.id,
      'afgerond',
      { userId: veiligheid.user.id, role: 'veiligheid' },
      'Scootmobiel verwijderd',
    );
    expect(await officer.engine.run(), officer.engine.status.problem?.detail).toBe('synced');
    expect(officer.engine.status.rejected).toEqual([]);

    expect(await inspector.engine.run()).toBe('synced');
    expect((await inspector.store.actions.get(action.id))?.status).toBe('afgerond');
  }, 60_000);

  it('uploads a photo in chunks that the server verifies, then marks it uploaded', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspecteur = await user(store, 'inspecteur');
    const device = clientDevice(app, 'inspector', inspecteur.token);
    const { context } = device;
    const data = new Uint8Array(300 * 1024).map((_, index) => index % 253).buffer;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(new Uint8Array(data)).digest('hex');
    await context.db.photos.add({
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
    await context.db.photoData.add({ hash, data });

    expect(await device.engine.run(), device.engine.status.problem?.detail).toBe('synced');

    expect(device.engine.status.refusedPhotos).toEqual([]);
    expect((await context.db.photos.get(hash))?.uploaded).toBe(1);
    const stored = await app.request(`/api/photos/${hash}`, { headers: inspecteur.headers });
    expect(stored.status).toBe(200);
    expect((await stored.arrayBuffer()).byteLength).toBe(data.byteLength);
  }, 60_000);

  it('lets the safety officer download, verified, the photo the inspector uploaded', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspecteur = await user(store, 'inspecteur');
    const veiligheid = await user(store, 'veiligheid', inspecteur.organisation);
    const inspector = clientDevice(app, 'inspector', inspecteur.token);
    const officer = clientDevice(app, 'officer', veiligheid.token);
    const { inspection } = await startFirstDwellingInspection(inspector.store);
    const data = new Uint8Array(300 * 1024).map((_, index) => (index * 7) % 251).buffer;
    const photo = await inspector.store.photos.addPhoto(
      { data, mimeType: 'image/jpeg', width: 40, height: 30 },
      { inspectionId: inspection.id },
    );

    expect(await inspector.engine.run(), inspector.engine.status.problem?.detail).toBe('synced');
    expect(inspector.engine.status.rejected).toEqual([]);
    expect(await officer.engine.run(), officer.engine.status.problem?.detail).toBe('synced');

    expect(officer.engine.status.corruptPhotos).toEqual([]);
    const original = await officer.store.photos.original(photo.hash);
    expect(new Uint8Array(original?.data ?? new ArrayBuffer(0))).toEqual(new Uint8Array(data));
    expect((await officer.context.db.photos.get(photo.hash))?.uploaded).toBe(1);
  }, 60_000);

  it('stores the pulled portfolio so the device can browse and search it', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const beheerder = await user(store, 'beheerder');
    const org = beheerder.organisation.id;
    const [complexId, pandId, vboId] = [uuidv7(), uuidv7(), uuidv7()];
    await store.query(
      `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'C-1', 'Zonnehof')`,
      [complexId, org],
    );
    await store.query(
      `INSERT INTO panden (id, organisation_id, complex_id, bouwjaar) VALUES ($1, $2, $3, 1968)`,
      [pandId, org, complexId],
    );
    await store.query(
      `INSERT INTO verblijfsobjecten (id, organisation_id, pand_id, vhe_nummer, postcode, huisnummer)
       VALUES ($1, $2, $3, 'C-1-001', '1234 AB', 12)`,
      [vboId, org, pandId],
    );
    const device = clientDevice(app, 'beheerder', beheerder.token);

    expect(await device.engine.run(), device.engine.status.problem?.detail).toBe('synced');

    const complexes = await device.store.portfolio.listComplexes();
    expect(complexes.map((complex) => [complex.name, complex.dwellingCount])).toEqual([
      ['Zonnehof', 1],
    ]);
    const found = await device.store.portfolio.search('1234AB 12');
    expect(JSON.stringify(found)).toContain(vboId);

    await store.query(`DELETE FROM verblijfsobjecten WHERE id = $1`, [vboId]);
    expect(await device.engine.run()).toBe('synced');
    expect((await device.store.portfolio.listComplexes())[0]?.dwellingCount).toBe(0);
  }, 60_000);

  it('gives a fresh device of a signed-in demo user the whole demo portfolio in its first sync', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    await seedDemoData(store);
    await seedDemoLabels(store);
    const { rows } = await store.query<{ id: string }>(
      `SELECT id FROM users WHERE email = 'inspecteur@demo.schouw.nl'`,
    );
    const session = await createSession(store, rows[0]?.id ?? '');
    // Small pages, so the portfolio arrives over many pulls in one cycle.
    const device = clientDevice(app, 'demo-inspecteur', session.token, 40);
    expect(await device.store.portfolio.info()).toBeUndefined();
    // A search before the first sync finds nothing, and must not be remembered after it.
    expect((await device.store.portfolio.search('Botersloot')).complexes).toEqual([]);

    expect(await device.engine.run(), device.engine.status.problem?.detail).toBe('synced');

    expect(
      (await device.store.portfolio.search('Botersloot')).complexes.map((c) => c.complexnummer),
    ).toEqual(['C-1001']);
    expect(await device.store.portfolio.info()).toEqual({
      complexes: 5,
      panden: 5,
      dwellings: 242,
    });
    const complexes = await device.store.portfolio.listComplexes();
    expect(complexes.find((complex) => complex.complexnummer === 'C-1001')).toMatchObject({
      name: 'Plusflat Botersloot',
      dwellingCount: 32,
    });
    const found = await device.store.portfolio.search('C-1001-002');
    expect(found.dwellings[0]?.dwelling).toMatchObject({
      vheNummer: 'C-1001-002',
      postcode: '3011 HE',
      energyLabel: { class: 'G' },
    });
  }, 120_000);

  it('stops on an invalid token with "sign in again" and keeps the outbox', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const device = clientDevice(app, 'device', 'verlopen-token');
    await device.store.actions.create(newAction('Wacht op aanmelden'));

    expect(await device.engine.run()).toBe('blocked');

    expect(device.engine.status.blocked).toBe('unauthenticated');
    expect(await device.store.outbox.pendingCount()).toBe(1);
  }, 60_000);
});
