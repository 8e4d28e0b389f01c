// Fault injection in-process: lost responses, a failure before commit, duplicate and
// out-of-order requests, late commits under concurrency, and fuzzed push payloads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { MAX_RECORD_LOCKS } from '../../src/server/sync/sync-service.ts';
import type { Queryable, Store } from '../../src/server/store/store.ts';
import { MAX_OPS_PER_PUSH, PROTOCOL_VERSION, type Op } from '../../src/shared/sync/protocol.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import {
  Device,
  newInspection,
  postPush,
  pullAll,
  push,
  pushBody,
  stamp,
  syncApp,
  syncRowCounts,
  user,
} from './sync-fixtures.ts';

/**
 * A store whose transactions run `hook` before each statement and `after` once it returned (to
 * fail or stall them, also between the last statement and the commit).
 */
function faultyStore(
  inner: Store,
  hook: (sql: string) => Promise<void>,
  after: (sql: string) => Promise<void> = () => Promise.resolve(),
): Store {
  const wrap = (tx: Queryable): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      await hook(sql);
      const result = await tx.query<Row>(sql, params);
      await after(sql);
      return result;
    },
    exec: (sql) => tx.exec(sql),
  });
  return {
    kind: inner.kind,
    query: (sql, params) => inner.query(sql, params),
    exec: (sql) => inner.exec(sql),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    close: () => Promise.resolve(),
  };
}

/**
 * An app whose first statement containing `sqlFragment` waits (after it ran, before the rest of
 * its transaction) until `release()`; `untilStalled()` resolves once a request got there.
 */
function stallingApp(store: Store, sqlFragment: string) {
  let release!: () => void;
  const stalled = new Promise<void>((resolve) => (release = resolve));
  let stalling = false;
  const app = appOn(
    faultyStore(
      store,
      () => Promise.resolve(),
      async (sql) => {
        if (!stalling && sql.includes(sqlFragment)) {
          stalling = true;
          await stalled;
        }
      },
    ),
  );
  const untilStalled = async () => {
    while (!stalling) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { app, untilStalled, release };
}

function appOn(store: Store) {
  return createApp({
    store,
    distDir: makeTempDir('dist'),
    version: 'test',
    logError: () => undefined,
  });
}

describe.each(storeKinds)('faults on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('gives the same result when a response is lost after the commit and the client retries', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const ops = Array.from({ length: 5 }, () => newInspection(device).op);
    // The server commits; the client never sees this answer.
    expect((await postPush(app, inspector, pushBody(device, ops))).status).toBe(200);
    const afterFirst = await syncRowCounts(store);
    const retry = await push(app, inspector, device, ops);
    expect(retry.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(retry.appliedUpTo).toBe(5);
    expect(await syncRowCounts(store)).toEqual(afterFirst);
    expect((await pullAll(app, inspector, device)).records.size).toBe(5);
  });

  it('loses nothing when the connection drops before the commit, and the retry applies once', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const ops = Array.from({ length: 5 }, () => newInspection(device).op);
    const before = await syncRowCounts(store);
    // The last statement of the push (cursors and records) fails as if the connection dropped
    // before COMMIT; the op results and progress written before it must roll back too.
    const broken = appOn(
      faultyStore(store, async (sql) => {
        if (sql.includes('INSERT INTO sync_records')) throw new Error('connection terminated');
      }),
    );
    const failed = await postPush(broken, inspector, pushBody(device, ops));
    expect(failed.status).toBe(500);
    expect(await syncRowCounts(store)).toEqual(before);

    const retry = await push(app, inspector, device, ops);
    expect(retry.results.every((r) => r.status === 'applied')).toBe(true);
    const { records, appliedUpTo } = await pullAll(app, inspector, device);
    expect(records.size).toBe(5);
    expect(appliedUpTo).toBe(5);
  });

  it('handles duplicate and out-of-order requests without loss or double effects', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const ops = Array.from({ length: 6 }, () => newInspection(device).op);
    const [a, b, c, d, e, f] = ops as [Op, Op, Op, Op, Op, Op];
    // The second request overtakes the first.
    expect((await postPush(app, inspector, pushBody(device, [c, d]))).status).toBe(409);
    // Ops inside one batch may come in any order.
    expect((await push(app, inspector, device, [b, a])).appliedUpTo).toBe(2);
    expect((await push(app, inspector, device, [d, c])).appliedUpTo).toBe(4);
    // A retried overlapping batch: the known part is duplicate, the rest applies.
    const overlap = await push(app, inspector, device, [c, d, e, f]);
    expect(overlap.results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'applied',
      'applied',
    ]);
    expect(
      (await push(app, inspector, device, ops)).results.every((r) => r.status === 'duplicate'),
    ).toBe(true);
    const { records, appliedUpTo } = await pullAll(app, inspector, device);
    expect(records.size).toBe(6);
    expect(appliedUpTo).toBe(6);
    const results = await store.query('SELECT seq FROM sync_op_results ORDER BY seq');
    expect(results.rows).toEqual([1, 2, 3, 4, 5, 6].map((seq) => ({ seq })));
  });

  it('answers every malformed, oversized, wrong-type or wrong-version push with a 4xx and writes nothing', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    await push(app, inspector, device, [newInspection(device).op]);
    const before = await syncRowCounts(store);
    const template = pushBody(device, [newInspection(device).op, newInspection(device).op]);

    const wrongValue = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(null, true, [], {}, -1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })),
    );
    // Every mutation makes the body invalid for certain (the op field changes never match).
    const mutation = fc.oneof(
      fc.record({
        at: fc.constantFrom('protocolVersion', 'schemaVersion', 'clientId', 'ops'),
        value: wrongValue,
      }),
      fc.record({
        at: fc.constantFrom('seq', 'entity', 'hlc', 'kind', 'clientId', 'fields', 'id'),
        op: fc.nat({ max: 1 }),
        value: wrongValue,
      }),
      fc.record({ at: fc.constant('garbage'), value: fc.string({ maxLength: 200 }) }),
      fc.record({ at: fc.constant('json'), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ at: fc.constant('too-many'), value: fc.constant(null) }),
    );
    const isValidMutation = (m: { at: string; op?: number; value: unknown }) => {
      // Values that would happen to be valid are skipped: they are not malformed.
      if (m.at === 'schemaVersion' || m.at === 'protocolVersion')
        return !(
          typeof m.value === 'number' &&
          Number.isInteger(m.value) &&
          m.value >= 1 &&
          m.value <= PROTOCOL_VERSION
        );
      if (m.at === 'fields')
        return typeof m.value !== 'object' || m.value === null || Array.isArray(m.value);
      if (m.at === 'id')
        return !(typeof m.value === 'string' && m.value.length >= 1 && m.value.length <= 200);
      if (m.at === 'json') return true;
      return true;
    };

    await fc.assert(
      fc.asyncProperty(mutation.filter(isValidMutation), async (m) => {
        let body: string;
        if (m.at === 'garbage') body = `{${m.value}`;
        else if (m.at === 'json') body = JSON.stringify(m.value);
        else if (m.at === 'too-many') {
          const op = template.ops[0] as Op;
          const ops = Array.from({ length: MAX_OPS_PER_PUSH + 1 }, (_, i) => ({
            ...op,
            seq: i + 2,
          }));
          body = JSON.stringify({ ...template, ops });
        } else if ('op' in m) {
          const ops = template.ops.map((op, i) => (i === m.op ? { ...op, [m.at]: m.value } : op));
          body = JSON.stringify({ ...template, ops });
        } else body = JSON.stringify({ ...template, [m.at]: m.value });
        const response = await postPush(app, inspector, body);
        // A JSON value that is by chance a valid push is not expected here; count it as a failure.
        expect(response.status, body.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const answer = (await response.json()) as { error: string; message: string };
        expect(answer.message.length).toBeGreaterThan(10);
        expect(await syncRowCounts(store)).toEqual(before);
      }),
      { numRuns: 150 },
    );

    const oversized = await postPush(app, inspector, {
      ...template,
      ops: [{ ...template.ops[0], fields: { inspectorId: 'x'.repeat(5 * 1024 * 1024) } }],
    });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({
      message: expect.stringMatching(/kleinere delen/),
    });
    expect(await syncRowCounts(store)).toEqual(before);
  });
});

describe('late commits on PostgreSQL', () => {
  const fixture = useFreshStore('postgres');

  it('never lets a pull skip a change whose transaction commits after a later one started', async () => {
    const { store, openAnother } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const slowDevice = new Device();
    const fastDevice = new Device();
    const reader = new Device();

    // Push A stalls after the statement that took its cursors and wrote its records, before
    // its commit; push B runs on another pool meanwhile. With a plain sequence B would commit a
    // higher cursor first and a pull in between would move past A's cursor for good.
    const { app: slowApp, untilStalled, release } = stallingApp(store, 'INSERT INTO sync_records');
    const fastApp = appOn(await openAnother());

    // The organisation's counter row exists already (an earlier push), as in normal operation.
    await push(app, inspector, reader, [newInspection(reader).op]);
    const start = await pullAll(app, inspector, reader);
    const slow = postPush(slowApp, inspector, pushBody(slowDevice, [newInspection(slowDevice).op]));
    await untilStalled();
    const fast = postPush(fastApp, inspector, pushBody(fastDevice, [newInspection(fastDevice).op]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Mid-flight pull: whatever it sees, its cursor must not pass an uncommitted change.
    const middle = await pullAll(app, inspector, reader, start.cursor);
    release();
    expect((await slow).status).toBe(200);
    expect((await fast).status).toBe(200);

    const rest = await pullAll(app, inspector, reader, middle.cursor);
    const seen = new Set([...middle.records.keys(), ...rest.records.keys()]);
    const everything = await pullAll(app, inspector, reader, start.cursor);
    expect(seen).toEqual(new Set(everything.records.keys()));
    expect(seen.size).toBe(2);
  });

  it('converges under many concurrent pushes on two pools while a reader pulls incrementally', async () => {
    const { store, openAnother } = fixture();
    const { app } = await syncApp(store);
    const other = appOn(await openAnother());
    const inspector = await user(store, 'inspecteur');
    const reader = new Device();
    const seen = new Set<string>();
    let cursor = 0;
    let writing = true;
    const readLoop = (async () => {
      while (writing) {
        const page = await pullAll(app, inspector, reader, cursor);
        page.records.forEach((_, key) => seen.add(key));
        cursor = page.cursor;
      }
    })();
    const devices = Array.from({ length: 6 }, () => new Device());
    await Promise.all(
      devices.map(async (device, index) => {
        for (let round = 0; round < 5; round += 1) {
          const target = index % 2 === 0 ? app : other;
          await push(target, inspector, device, [
            newInspection(device).op,
            newInspection(device).op,
          ]);
        }
      }),
    );
    writing = false;
    await readLoop;
    const last = await pullAll(app, inspector, reader, cursor);
    last.records.forEach((_, key) => seen.add(key));
    const all = await pullAll(app, inspector, reader, 0);
    expect(all.records.size).toBe(60);
    expect(seen).toEqual(new Set(all.records.keys()));
  });
});

describe('concurrent pushes on PostgreSQL', () => {
  const fixture = useFreshStore('postgres');

  it('lets a push of other records commit while one holds its record locks, and queues a push of the same record', async () => {
    const { store, openAnother } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const setup = new Device();
    const shared = newInspection(setup);
    await push(app, inspector, setup, [shared.op]);

    // Push A stalls right after taking its record locks (before reading or writing anything).
    const {
      app: slowApp,
      untilStalled,
      release,
    } = stallingApp(store, 'pg_advisory_xact_lock(k::bigint)');
    const otherPool = appOn(await openAnother());
    const a = new Device('a');
    const slow = postPush(
      slowApp,
      inspector,
      pushBody(a, [a.op('inspection', shared.id, { plannedFor: '2026-12-01' })]),
    );
    await untilStalled();

    // A push of another record gets its cursor and commits meanwhile.
    const b = new Device('b');
    const other = await postPush(otherPool, inspector, pushBody(b, [newInspection(b).op]));
    expect(other.status).toBe(200);
    // A push of the same record waits for A's commit instead of merging into a stale read.
    const c = new Device('c');
    let sameDone = false;
    const same = postPush(
      otherPool,
      inspector,
      pushBody(c, [c.op('inspection', shared.id, { status: 'finished' })]),
    ).then((response) => {
      sameDone = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sameDone).toBe(false);
    release();
    expect((await slow).status).toBe(200);
    expect((await same).status).toBe(200);
    const record = (await pullAll(app, inspector, setup)).records.get(`inspection/${shared.id}`);
    expect(record?.fields.plannedFor?.value).toBe('2026-12-01');
    expect(record?.fields.status?.value).toBe('finished');
  });

  it('loses no update when many devices push to the same records at once, in any op order and size', async () => {
    const { store, openAnother } = fixture();
    const { app } = await syncApp(store);
    // A few milliseconds of latency after every statement, as over a real network, widen the
    // window between a push's read and its write in which another push could commit.
    const latency = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
    };
    const apps = [
      appOn(faultyStore(store, () => Promise.resolve(), latency)),
      appOn(faultyStore(await openAnother(), () => Promise.resolve(), latency)),
    ];
    const inspector = await user(store, 'inspecteur');
    const setup = new Device();
    const shared = Array.from({ length: 4 }, () => newInspection(setup));
    await push(
      app,
      inspector,
      setup,
      shared.map((inspection) => inspection.op),
    );
    // Every op sets plannedFor with a random clock: whatever order the pushes commit in, each
    // record must end with the value of the newest clock sent for it. A push that merged into a
    // state read before another push's commit would leave an older one behind.
    const newest = new Map<string, { hlc: string; value: string }>();
    const base = Date.now() - 60 * 60 * 1000;
    const devices = Array.from({ length: 10 }, (_, index) => new Device(`dev${index}`));
    await Promise.all(
      devices.map(async (device, index) => {
        for (let round = 0; round < 6; round += 1) {
          const targets = [...shared].sort(() => Math.random() - 0.5);
          const ops = targets.map((target) => {
            const value = `2026-12-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
            const op = {
              ...device.op('inspection', target.id, { plannedFor: value }),
              hlc: stamp(base + Math.floor(Math.random() * 1_000_000), device.node),
            };
            const known = newest.get(target.id);
            if (!known || op.hlc > known.hlc) newest.set(target.id, { hlc: op.hlc, value });
            return op;
          });
          // Two devices send large pushes (more records than MAX_RECORD_LOCKS), which lock the
          // organisation's pushes as a whole instead of record by record.
          if (index < 2)
            ops.push(...Array.from({ length: MAX_RECORD_LOCKS }, () => newInspection(device).op));
          const result = await push(apps[(index + round) % 2]!, inspector, device, ops);
          expect(result.results.every((r) => r.status === 'applied')).toBe(true);
        }
      }),
    );
    const { records } = await pullAll(app, inspector, setup);
    for (const { id } of shared) {
      const field = records.get(`inspection/${id}`)?.fields.plannedFor;
      expect(field).toEqual({ value: newest.get(id)?.value, hlc: newest.get(id)?.hlc });
    }
  });
});
