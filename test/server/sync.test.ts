// Push and pull against both stores: idempotency, gaps, rejections, per-field merge, paging,
// workflow checks by role, organisation isolation and protocol versions.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/server/store/migrate.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { compareHlc } from '../../src/shared/sync/hlc.ts';
import { MAX_PUSH_BYTES } from '../../src/server/sync/sync-routes.ts';
import {
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  SeqGapErrorBodySchema,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '../../src/shared/sync/protocol.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import {
  Device,
  getPull,
  newAction,
  newInspection,
  postPush,
  pull,
  pullAll,
  push,
  pushBody,
  seedSmallPortfolio,
  stamp,
  syncApp,
  syncRowCounts,
  user,
  type TestApp,
} from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';

function postGzip(app: TestApp, who: SignedInUser, body: Uint8Array, encoding = 'gzip') {
  return app.request('/api/sync/push', {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json', 'content-encoding': encoding },
    body: new Uint8Array(body),
  });
}

describe.each(storeKinds)('sync on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('answers the same batch twice with duplicates and applies it once', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const { id, op } = newInspection(device);
    const edit = device.op('inspection', id, {
      status: 'finished',
      finishedAt: '2026-11-02T10:00:00Z',
    });

    const first = await push(app, inspector, device, [op, edit]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(first.appliedUpTo).toBe(2);
    const before = await syncRowCounts(store);

    const again = await push(app, inspector, device, [op, edit]);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.appliedUpTo).toBe(2);
    expect(await syncRowCounts(store)).toEqual(before);
    const { records } = await pullAll(app, inspector, device);
    expect(records.get(`inspection/${id}`)?.fields.status?.value).toBe('finished');
  });

  it('rejects a batch with a seq gap with 409 and writes nothing', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const a = newInspection(device).op;
    await push(app, inspector, device, [a]);
    const skipped = newInspection(device).op;
    const after = newInspection(device).op;
    expect(skipped.seq).toBe(2);
    const before = await syncRowCounts(store);

    const response = await postPush(app, inspector, pushBody(device, [after]));
    expect(response.status).toBe(409);
    expect(SeqGapErrorBodySchema.parse(await response.json())).toMatchObject({ appliedUpTo: 1 });
    expect(await syncRowCounts(store)).toEqual(before);

    const resent = await push(app, inspector, device, [skipped, after]);
    expect(resent.appliedUpTo).toBe(3);
  });

  it('answers a permanently invalid op as rejected with a Dutch reason and moves past it', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const bad = device.op('inspection', uuidv7(), { status: 'draft', favouriteColour: 'blauw' });
    const wrongType = device.op('finding', uuidv7(), { severity: 'catastrofaal' });
    const good = newInspection(device).op;

    const response = await push(app, inspector, device, [bad, wrongType, good]);
    expect(response.results).toEqual([
      // `current: null`: the server has no such record, so the device drops its copy.
      {
        seq: 1,
        status: 'rejected',
        reason: expect.stringContaining('Onbekend veld'),
        current: null,
      },
      { seq: 2, status: 'rejected', reason: expect.stringContaining('Urgentie'), current: null },
      { seq: 3, status: 'applied' },
    ]);
    expect(response.appliedUpTo).toBe(3);
    const { records, appliedUpTo } = await pullAll(app, inspector, device);
    expect(appliedUpTo).toBe(3);
    expect([...records.keys()].filter((key) => !key.startsWith('inspection/'))).toEqual([]);
    expect(records.size).toBe(1);
  });

  it('merges per field by clock, and a tombstone wins over older edits only', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const tablet = new Device('tablet');
    const phone = new Device('phone');
    const { id, op } = newInspection(tablet);
    await push(app, inspector, tablet, [op]);
    const t = Date.now() - 30_000;
    // The phone edits plannedFor later; the tablet edits status with an older clock afterwards.
    await push(app, inspector, phone, [
      {
        ...phone.op('inspection', id, { plannedFor: '2026-12-01', status: 'planned' }),
        hlc: stamp(t + 10, 'phone'),
      },
    ]);
    await push(app, inspector, tablet, [
      { ...tablet.op('inspection', id, { status: 'finished' }), hlc: stamp(t + 5, 'tablet') },
    ]);
    let record = (await pullAll(app, inspector, tablet)).records.get(`inspection/${id}`);
    expect(record?.fields.plannedFor).toEqual({ value: '2026-12-01', hlc: stamp(t + 10, 'phone') });
    expect(record?.fields.status?.value).toBe('planned');

    await push(app, inspector, phone, [
      { ...phone.remove('inspection', id), hlc: stamp(t + 20, 'phone') },
    ]);
    await push(app, inspector, tablet, [
      { ...tablet.op('inspection', id, { status: 'draft' }), hlc: stamp(t + 15, 'tablet') },
    ]);
    record = (await pullAll(app, inspector, tablet)).records.get(`inspection/${id}`);
    expect(record?.deletedHlc).toBe(stamp(t + 20, 'phone'));
    expect(record?.fields.status?.hlc).toBe(stamp(t + 15, 'tablet'));
  });

  it('pages through changes by cursor and reports the asking device’s progress', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const ops = Array.from({ length: 7 }, () => newInspection(device).op);
    await push(app, inspector, device, ops);
    const other = new Device();

    const first = await pull(app, inspector, other, 0, 3);
    expect(first.changes).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    expect(first.appliedUpTo).toBe(0);
    const all = await pullAll(app, inspector, device, 0, 3);
    expect(all.records.size).toBe(7);
    expect(all.appliedUpTo).toBe(7);
    const rest = await pull(app, inspector, device, all.cursor);
    expect(rest).toMatchObject({ changes: [], hasMore: false, nextCursor: all.cursor });
  });

  it('publishes the portfolio as pulled complex, pand and verblijfsobject records', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const beheerder = await user(store, 'beheerder');
    const { complexId, pandId, vboId } = await seedSmallPortfolio(store, beheerder.organisation.id);
    const device = new Device();
    const first = await pullAll(app, beheerder, device);
    expect(first.records.get(`complex/${complexId}`)?.fields.name?.value).toBe('Zonnehof');
    expect(first.records.get(`pand/${pandId}`)?.fields.complexId?.value).toBe(complexId);
    const vbo = first.records.get(`verblijfsobject/${vboId}`);
    expect(vbo?.fields).toMatchObject({
      pandId: { value: pandId },
      complexId: { value: complexId },
      postcode: { value: '1234 AB' },
      huisnummer: { value: 12 },
      energyLabel: { value: null },
    });

    await store.query(`UPDATE complexes SET name = 'Zonnehof-Oost' WHERE id = $1`, [complexId]);
    await store.query(`DELETE FROM verblijfsobjecten WHERE id = $1`, [vboId]);
    const next = await pullAll(app, beheerder, device, first.cursor);
    expect([...next.records.keys()].sort()).toEqual(
      [`complex/${complexId}`, `verblijfsobject/${vboId}`].sort(),
    );
    const complex = next.records.get(`complex/${complexId}`);
    expect(complex?.fields.name?.value).toBe('Zonnehof-Oost');
    const oldName = first.records.get(`complex/${complexId}`)?.fields.name?.hlc ?? '';
    expect(compareHlc(complex?.fields.name?.hlc ?? '', oldName)).toBeGreaterThan(0);
    // An unchanged field keeps its clock, so it does not override anything on the device.
    expect(complex?.fields.complexnummer).toEqual(
      first.records.get(`complex/${complexId}`)?.fields.complexnummer,
    );
    expect(next.records.get(`verblijfsobject/${vboId}`)?.deletedHlc).toBeDefined();
  });

  it('publishes a portfolio that existed before the sync migration', async () => {
    const { store } = fixture();
    await migrate(
      store,
      loadMigrations().filter((migration) => migration.version < 3),
    );
    const org = uuidv7();
    const complexId = uuidv7();
    await store.query(`INSERT INTO organisations (id, name, slug) VALUES ($1, 'Oud', 'oud')`, [
      org,
    ]);
    await store.query(
      `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'C-9', 'Oude Hof')`,
      [complexId, org],
    );
    const { app } = await syncApp(store);
    const beheerder = await user(store, 'beheerder', { id: org, name: 'Oud', slug: 'oud' });
    const { records } = await pullAll(app, beheerder, new Device());
    expect(records.get(`complex/${complexId}`)?.fields.name?.value).toBe('Oude Hof');
  });

  it('lets inspectors change only their own inspections and what belongs to them', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const anna = await user(store, 'inspecteur');
    const bram = await user(store, 'inspecteur', anna.organisation);
    const baas = await user(store, 'beheerder', anna.organisation);
    const annaTablet = new Device();
    const { id, op } = newInspection(annaTablet);
    await push(app, anna, annaTablet, [op]);

    const bramTablet = new Device();
    const result = await push(app, bram, bramTablet, [
      bramTablet.op('inspection', id, { status: 'finished' }),
      bramTablet.op('answer', `${id}/q1`, {
        inspectionId: id,
        questionId: 'q1',
        value: { type: 'boolean', value: true },
        answeredAt: '2026-11-02T09:10:00Z',
      }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(result.results[0]?.reason).toMatch(/eigen inspecties/);

    const baasTablet = new Device();
    const byBeheerder = await push(app, baas, baasTablet, [
      baasTablet.op('inspection', id, { status: 'finished' }),
    ]);
    expect(byBeheerder.results[0]?.status).toBe('applied');
  });

  it('checks action status changes as workflow transitions by role', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const veiligheid = await user(store, 'veiligheid', inspector.organisation);
    const device = new Device();
    const { id, op, created } = newAction(device);
    await push(app, inspector, device, [op]);
    const close = (d: Device, who: string) =>
      d.op('action', id, {
        status: 'afgerond',
        history: [
          created,
          { status: 'afgerond', by: who, at: '2026-11-03T09:00:00Z', note: 'Deur vervangen' },
        ],
      });

    const byInspector = await push(app, inspector, device, [close(device, inspector.user.id)]);
    expect(byInspector.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/veiligheid of beheerder/),
    });

    const other = new Device();
    const skipsStep = await push(app, veiligheid, other, [
      other.op('action', id, {
        status: 'open',
        history: [created],
      }),
    ]);
    // Same status: nothing to check, merely applied.
    expect(skipsStep.results[0]?.status).toBe('applied');
    const byVeiligheid = await push(app, veiligheid, other, [close(other, veiligheid.user.id)]);
    expect(byVeiligheid.results[0]?.status).toBe('applied');

    const reopen = await push(app, veiligheid, other, [
      other.op('action', id, {
        status: 'open',
        history: [
          created,
          {
            status: 'afgerond',
            by: veiligheid.user.id,
            at: '2026-11-03T09:00:00Z',
            note: 'Deur vervangen',
          },
          {
            status: 'open',
            by: veiligheid.user.id,
            at: '2026-11-04T09:00:00Z',
            note: 'Toch kapot',
          },
        ],
      }),
    ]);
    expect(reopen.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/beheerder/),
    });
    const state = (await pullAll(app, veiligheid, other)).records.get(`action/${id}`);
    expect(state?.fields.status?.value).toBe('afgerond');
  });

  it('sends with a rejected op the record’s server state after the whole push', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const { id, op, created: first } = newAction(device);
    await push(app, inspector, device, [op]);
    const created = (await pullAll(app, inspector, new Device())).records.get(`action/${id}`);

    const close = device.op('action', id, {
      status: 'afgerond',
      history: [first, { status: 'afgerond', by: inspector.user.id, at: '2026-11-03T09:00:00Z' }],
    });
    // Applied after the rejected op in the same push: `current` already holds it.
    const rename = device.op('action', id, { what: 'Deurdranger vervangen' });
    const unknown = device.remove('finding', uuidv7());
    const result = await push(app, inspector, device, [close, rename, unknown]);

    expect(result.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'rejected']);
    expect(result.results[1]).not.toHaveProperty('current');
    const current = result.results[0]?.current;
    expect(current?.fields.status).toEqual(created?.fields.status);
    expect(current?.fields.history).toEqual(created?.fields.history);
    expect(current?.fields.what).toEqual({ value: 'Deurdranger vervangen', hlc: rename.hlc });
    expect(current?.deletedHlc).toBeUndefined();
    expect(result.results[2]).toMatchObject({ status: 'rejected', current: null });
    // Exactly what a pull sends: the device can take it as the server's version.
    const pulled = (await pullAll(app, inspector, new Device())).records.get(`action/${id}`);
    expect(current?.fields).toEqual(pulled?.fields);

    // The same push again, as after a lost answer: the rejections are told again, with state.
    const again = await push(app, inspector, device, [close, rename, unknown]);
    expect(again.results).toEqual([
      { seq: close.seq, status: 'duplicate', reason: result.results[0]?.reason, current },
      { seq: rename.seq, status: 'duplicate' },
      { seq: unknown.seq, status: 'duplicate', reason: result.results[2]?.reason, current: null },
    ]);
  });

  it('keeps every organisation’s sync data to itself', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const anna = await user(store, 'inspecteur');
    const eve = await user(store, 'beheerder');
    const device = new Device();
    await push(app, anna, device, [newInspection(device).op]);

    const evePull = await pullAll(app, eve, new Device());
    expect(evePull.records.size).toBe(0);
    // Anna's device id used by another organisation: refused, and nothing is written.
    const before = await syncRowCounts(store);
    const stolen = await postPush(app, eve, pushBody(device, [newInspection(device).op]));
    expect(stolen.status).toBe(403);
    expect(await syncRowCounts(store)).toEqual(before);
    expect((await getPull(app, eve, device, 0)).status).toBe(403);

    const anonymous = await app.request('/api/sync/pull?cursor=0', {});
    expect(anonymous.status).toBe(401);
    const anonymousPush = await app.request('/api/sync/push', { method: 'POST', body: '{}' });
    expect(anonymousPush.status).toBe(401);
  });

  it('answers update-required for unsupported protocol versions and accepts every supported one', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const newest = Math.max(...SUPPORTED_PROTOCOL_VERSIONS);
    for (const version of [0, newest + 1, 999]) {
      const response = await postPush(app, inspector, {
        ...pushBody(device, []),
        protocolVersion: version,
        ops: 'anything',
      });
      expect(response.status).toBe(426);
      expect(await response.json()).toMatchObject({
        error: 'update-required',
        message: expect.stringMatching(/app/),
      });
      expect((await getPull(app, inspector, device, 0, 10, version)).status).toBe(426);
    }
    for (const version of SUPPORTED_PROTOCOL_VERSIONS) {
      const op = newInspection(device).op;
      const response = await postPush(app, inspector, pushBody(device, [op], version));
      expect(response.status).toBe(200);
      expect((await getPull(app, inspector, device, 0, 10, version)).status).toBe(200);
    }
  });

  it('syncs a device that was offline for weeks: old clocks apply, newer server values win', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const office = new Device('office');
    const { id, op } = newInspection(office);
    await push(app, inspector, office, [op]);
    await push(app, inspector, office, [office.op('inspection', id, { plannedFor: '2026-12-24' })]);

    const weeksAgo = Date.now() - 1000 * 60 * 60 * 24 * 21;
    const field = new Device('field');
    const stale = {
      ...field.op('inspection', id, { plannedFor: '2026-11-10', status: 'finished' }),
      hlc: stamp(weeksAgo, 'field'),
    };
    const fresh = newInspection(field).op;
    const result = await push(app, inspector, field, [
      { ...stale },
      { ...fresh, hlc: stamp(weeksAgo + 1, 'field') },
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const record = (await pullAll(app, inspector, field)).records.get(`inspection/${id}`);
    expect(record?.fields.plannedFor?.value).toBe('2026-12-24');
    // status was written by the creating op, whose clock is newer than the stale edit's.
    expect(record?.fields.status?.value).toBe('draft');
  });

  it('re-stamps an op from a clock more than a day ahead with the server clock', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device('future');
    const { id, op } = newInspection(device);
    const future = stamp(Date.now() + 1000 * 60 * 60 * 24 * 365, 'future');
    const result = await push(app, inspector, device, [{ ...op, hlc: future }]);
    expect(result.results[0]).toMatchObject({
      status: 'applied',
      reason: expect.stringMatching(/klok/),
    });
    const record = (await pullAll(app, inspector, device)).records.get(`inspection/${id}`);
    expect(record?.fields.status?.hlc).not.toBe(future);
    expect(record?.fields.status?.hlc).toMatch(/-server$/);
  });
  it('accepts a gzip push like a plain one and refuses a corrupt, oversized or unknown encoding', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const ops = Array.from({ length: 20 }, () => newInspection(device).op);
    const zipped = await postGzip(app, inspector, gzipSync(JSON.stringify(pushBody(device, ops))));
    expect(zipped.status).toBe(200);
    expect(
      PushResponseSchema.parse(await zipped.json()).results.every((r) => r.status === 'applied'),
    ).toBe(true);
    expect((await pullAll(app, inspector, device)).records.size).toBe(20);
    const before = await syncRowCounts(store);

    const next = pushBody(device, [newInspection(device).op]);
    const corrupt = await postGzip(app, inspector, gzipSync(JSON.stringify(next)).subarray(0, 30));
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toMatchObject({ error: 'invalid-gzip' });
    // A few KB on the wire that would inflate past the limit: refused without inflating it all.
    const bomb = gzipSync(JSON.stringify({ ...next, padding: ' '.repeat(MAX_PUSH_BYTES + 1024) }));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const oversized = await postGzip(app, inspector, bomb);
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({
      message: expect.stringMatching(/kleinere delen/),
    });
    const brotli = await postGzip(app, inspector, gzipSync(JSON.stringify(next)), 'br');
    expect(brotli.status).toBe(415);
    expect(await syncRowCounts(store)).toEqual(before);
  });

  it('compresses a pull answer for a device that accepts gzip, and not for one that does not', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    await push(
      app,
      inspector,
      device,
      Array.from({ length: 30 }, () => newInspection(device).op),
    );
    const query = new URLSearchParams({
      clientId: device.clientId,
      cursor: '0',
      limit: '500',
      protocolVersion: String(PROTOCOL_VERSION),
      schemaVersion: '1',
    });
    const plain = await app.request(`/api/sync/pull?${query}`, { headers: inspector.headers });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const plainText = await plain.text();
    const zipped = await app.request(`/api/sync/pull?${query}`, {
      headers: { ...inspector.headers, 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(plainText.length / 3);
    const unzipped = PullResponseSchema.parse(JSON.parse(gunzipSync(bytes).toString('utf8')));
    const expected = PullResponseSchema.parse(JSON.parse(plainText));
    expect(unzipped.changes).toEqual(expected.changes);
    expect(unzipped.changes).toHaveLength(30);
    const refused = await app.request(`/api/sync/pull?${query}`, {
      headers: { ...inspector.headers, 'Accept-Encoding': 'gzip;q=0, deflate' },
    });
    expect(refused.headers.get('Content-Encoding')).toBeNull();
    expect(PullResponseSchema.parse(await refused.json()).changes).toEqual(expected.changes);
  });

  it('refuses protocol 1 once protocol 3 is current: update-required, nothing applied', async () => {
    // Protocol 2 (the previous app) is served: test/server/photo-notes.test.ts pushes its ops.
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([PROTOCOL_VERSION - 1, PROTOCOL_VERSION]);
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const oldApp = new Device('oldapp');
    const response = await postPush(
      app,
      inspector,
      pushBody(oldApp, [newInspection(oldApp).op], PROTOCOL_VERSION - 2),
    );
    expect(response.status).toBe(426);
    const { rows } = await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sync_records',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
