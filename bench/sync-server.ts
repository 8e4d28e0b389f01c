// The sync server under load, over loopback (127.0.0.1 only), on a throwaway real PostgreSQL
// cluster (started like the server tests' global setup; PGlite when no PostgreSQL is installed,
// and the note says which).
//   (a) Push throughput: 10,000 ops (each a new action) through the real HTTP server in pushes of
//       500, against raw multi-row INSERTs of the equivalent 10,000 rows into a table shaped like
//       sync_records (same columns and indexes, no triggers or foreign keys), 500 per statement.
//   (b) 200 simulated devices at once: each with a pre-created session token (sign-in and its
//       scrypt are not measured) pushes 5 ops and then pulls; every request's latency is kept.
// Run: `npm run bench -- sync-server` (or `npx tsx bench/run.ts sync-server`).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createApp } from '../src/server/app.ts';
import { FsBlobStore } from '../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../src/server/store/migrate.ts';
import { openPgliteStore } from '../src/server/store/pglite-store.ts';
import { openPostgresStore } from '../src/server/store/postgres-store.ts';
import type { Queryable, Store } from '../src/server/store/store.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { formatHlc } from '../src/shared/sync/hlc.ts';
import { MAX_OPS_PER_PUSH, PROTOCOL_VERSION, type Op } from '../src/shared/sync/protocol.ts';
import {
  createOrganisation,
  createSignedInUser,
  type SignedInUser,
} from '../test/server/support/auth.ts';
import startPostgres from '../test/support/postgres-global-setup.ts';
import type { Benchmark, Measurement } from './support/benchmark.ts';

const THROUGHPUT_OPS = 10_000;
const BATCH = MAX_OPS_PER_PUSH; // 500
const DEVICES = 200;
const OPS_PER_DEVICE = 5;
const REQUEST_TIMEOUT_MS = 30_000;
// The schema version the current app sends (database.ts CURRENT_SCHEMA_VERSION); the server
// only records it.
const SCHEMA_VERSION = 2;

/** A device's ops: each creates a new open action, with a clock that only moves forward. */
function actionOps(count: number, clientId: string, node: string, startSeq = 1): Op[] {
  const wall = Date.now() - 60_000;
  return Array.from({ length: count }, (_, index) => ({
    clientId,
    seq: startSeq + index,
    entity: 'action' as const,
    id: uuidv7(),
    hlc: formatHlc({ wallMs: wall + index, counter: 0, node }),
    kind: 'upsert' as const,
    fields: {
      moduleId: 'brandveiligheidsronde',
      what: `Actie ${index}: vluchtroute vrijmaken en brandwerende deur laten afstellen`,
      ownerRole: 'veiligheid',
      dueDate: '2026-12-01',
      status: 'open',
      // The creating device itself as author (an action made before anyone signed in).
      history: [{ status: 'open', by: clientId, at: '2026-11-02T09:00:00.000Z' }],
    },
  }));
}

async function timed(
  request: () => Promise<Response>,
): Promise<{ ms: number; ok: boolean; detail: string }> {
  const started = performance.now();
  try {
    const response = await request();
    const text = await response.text();
    return {
      ms: performance.now() - started,
      ok: response.status === 200,
      detail: response.status === 200 ? '' : `${response.status} ${text.slice(0, 200)}`,
    };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, detail: String(error) };
  }
}

function pushText(clientId: string, ops: Op[]): string {
  return JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId,
    ops,
  });
}

/** A push as the app sends it; `body` gzip bytes (Content-Encoding: gzip) or plain JSON text. */
function pushRequest(origin: string, who: SignedInUser, body: string | Uint8Array<ArrayBuffer>) {
  const gzipped = typeof body !== 'string';
  return fetch(`${origin}/api/sync/push`, {
    method: 'POST',
    headers: {
      ...who.headers,
      'content-type': 'application/json',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** 10,000 ops in pushes of BATCH, one after the other; the bodies are made before timing. */
async function timedPushes(
  origin: string,
  who: SignedInUser,
  bodies: (string | Uint8Array<ArrayBuffer>)[],
): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const result = await timed(() => pushRequest(origin, who, body));
    if (!result.ok) throw new Error(`push failed: ${result.detail}`);
  }
  return performance.now() - started;
}

function batches(clientId: string, ops: Op[]): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < ops.length; start += BATCH)
    bodies.push(pushText(clientId, ops.slice(start, start + BATCH)));
  return bodies;
}

/** A first pull (cursor 0), as a device that just pushed its work asks for everyone else's. */
function pullQuery(clientId: string): string {
  return new URLSearchParams({
    clientId,
    cursor: '0',
    limit: '500',
    protocolVersion: String(PROTOCOL_VERSION),
    schemaVersion: String(SCHEMA_VERSION),
  }).toString();
}

interface DeviceRequests {
  headers: Record<string, string>;
  pushBody: string;
  pullQuery: string;
}

interface BurstResult {
  pushes: number[];
  pulls: number[];
  errors: string[];
}

// Plain JavaScript for the worker thread: every device pushes, then pulls, all at once.
const DEVICES_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { origin, devices, timeoutMs } = workerData;
const result = { pushes: [], pulls: [], errors: [] };
async function timed(list, url, init) {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) result.errors.push(response.status + ' ' + text.slice(0, 200));
  } catch (error) {
    result.errors.push(String(error));
  }
  list.push(performance.now() - started);
}
Promise.all(
  devices.map(async (device) => {
    await timed(result.pushes, origin + '/api/sync/push', {
      method: 'POST',
      headers: device.headers,
      body: device.pushBody,
    });
    await timed(result.pulls, origin + '/api/sync/pull?' + device.pullQuery, {
      headers: { authorization: device.headers.authorization },
    });
  }),
).then(() => parentPort.postMessage(result));
`;

function runDevices(origin: string, devices: DeviceRequests[]): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(DEVICES_WORKER, {
      eval: true,
      workerData: { origin, devices, timeoutMs: REQUEST_TIMEOUT_MS },
    });
    worker.once('message', (result: BurstResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms);

interface Database {
  kind: 'postgres' | 'pglite';
  store: Store;
  close(): Promise<void>;
}

/** A throwaway PostgreSQL cluster with one fresh database, or PGlite when none is installed. */
async function openDatabase(dir: string): Promise<Database> {
  let adminUrl: string | undefined;
  let stopCluster: (() => void) | undefined;
  try {
    // The server tests' global setup starts the cluster and "provides" its admin URL.
    const project = {
      provide: (_key: string, value: string) => {
        adminUrl = value;
      },
    } as unknown as TestProject;
    stopCluster = await startPostgres(project);
  } catch (error) {
    console.error(`  PostgreSQL unavailable, using PGlite: ${String(error).split('\n')[0]}`);
  }
  if (!adminUrl || !stopCluster) {
    const store = await openPgliteStore(join(dir, 'pglite'));
    return { kind: 'pglite', store, close: () => store.close() };
  }
  const name = `schouw_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The name is hex digits generated here, so interpolating it is safe.
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openPostgresStore(url.toString());
  const stop = stopCluster;
  return {
    kind: 'postgres',
    store,
    close: async () => {
      await store.close();
      stop();
    },
  };
}

/** Counts the statements the server sends, inside transactions too. */
function countingStore(store: Store): { store: Store; statements: { count: number } } {
  const statements = { count: 0 };
  const counted = (target: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.count += 1;
      return target.query(sql, params);
    },
    exec: (sql) => {
      statements.count += 1;
      return target.exec(sql);
    },
  });
  return {
    statements,
    store: {
      ...counted(store),
      kind: store.kind,
      transaction: (fn) => store.transaction((tx) => fn(counted(tx))),
      close: () => store.close(),
    },
  };
}

/** (a) The same 10,000 new records as raw INSERTs into a copy of sync_records' shape. */
async function rawInserts(store: Store, organisationId: string, ops: Op[]): Promise<number> {
  await store.exec(
    `CREATE TABLE bench_raw_records (LIKE sync_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
  );
  const started = performance.now();
  let cursor = 0;
  for (let start = 0; start < ops.length; start += BATCH) {
    const batch = ops.slice(start, start + BATCH);
    const values: unknown[] = [];
    const rows = batch.map((op, index) => {
      cursor += 1;
      const fields = Object.fromEntries(
        Object.entries(op.fields).map(([field, value]) => [field, { value, hlc: op.hlc }]),
      );
      values.push(organisationId, op.entity, op.id, JSON.stringify(fields), cursor);
      const at = index * 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5})`;
    });
    await store.query(
      `INSERT INTO bench_raw_records (organisation_id, entity, id, fields, cursor) VALUES ${rows.join(', ')}`,
      values,
    );
  }
  const ms = performance.now() - started;
  const { rows } = await store.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM bench_raw_records',
  );
  if (rows[0]?.n !== ops.length) throw new Error(`raw insert stored ${rows[0]?.n} rows`);
  return ms;
}

interface Burst extends BurstResult {
  wallMs: number;
}

async function deviceBurst(
  store: Store,
  origin: string,
  organisations: 'shared' | 'separate',
): Promise<Burst> {
  const shared = await createOrganisation(store);
  const devices: DeviceRequests[] = [];
  for (let index = 0; index < DEVICES; index += 1) {
    const organisation = organisations === 'shared' ? shared : await createOrganisation(store);
    const who = await createSignedInUser(store, { role: 'inspecteur', organisation });
    const clientId = uuidv7();
    devices.push({
      headers: { ...who.headers, 'content-type': 'application/json' },
      pushBody: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        ops: actionOps(OPS_PER_DEVICE, clientId, `dev${index}`),
      }),
      pullQuery: pullQuery(clientId),
    });
  }
  const started = performance.now();
  const result = await runDevices(origin, devices);
  return { ...result, wallMs: performance.now() - started };
}

function burstMeasurements(burst: Burst, label: string): Measurement[] {
  const pushes = [...burst.pushes].sort((a, b) => a - b);
  const pulls = [...burst.pulls].sort((a, b) => a - b);
  const all = [...pushes, ...pulls].sort((a, b) => a - b);
  const name = `(b) ${DEVICES} devices, ${label}:`;
  return [
    {
      name: `${name} latency p50`,
      value: round(percentile(all, 0.5)),
      unit: 'ms',
      note: `push p50 ${round(percentile(pushes, 0.5))}, pull p50 ${round(percentile(pulls, 0.5))}`,
    },
    {
      name: `${name} latency p99`,
      value: round(percentile(all, 0.99)),
      unit: 'ms',
      aim: { atMost: 1000 },
      note: `push p99 ${round(percentile(pushes, 0.99))}, pull p99 ${round(percentile(pulls, 0.99))}, max ${round(all.at(-1) ?? Number.NaN)}`,
    },
    {
      name: `${name} failed of ${all.length} requests`,
      value: burst.errors.length,
      unit: 'errors',
      aim: { atMost: 0 },
      note: `whole burst ${round(burst.wallMs)} ms`,
    },
  ];
}

export const benchmark: Benchmark = {
  title: `sync server: push throughput (${THROUGHPUT_OPS} ops) and ${DEVICES} devices at once, loopback`,
  async run(): Promise<Measurement[]> {
    const dir = mkdtempSync(join(tmpdir(), 'schouw-bench-sync-server-'));
    const database = await openDatabase(dir);
    const { store } = database;
    const counting = countingStore(store);
    const errors: string[] = [];
    const server = createAdaptorServer({
      fetch: createApp({
        store: counting.store,
        distDir: join(dir, 'dist'),
        version: 'bench',
        blobs: new FsBlobStore(join(dir, 'blobs')),
        logError: (error) => errors.push(String(error)),
      }).fetch,
    });
    try {
      await migrate(store);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const on = database.kind === 'postgres' ? 'PostgreSQL (throwaway cluster)' : 'PGlite';

      // (a) Push throughput against raw inserts.
      const inspector = await createSignedInUser(store, { role: 'inspecteur' });
      const clientId = uuidv7();
      const ops = actionOps(THROUGHPUT_OPS, clientId, 'bench');
      // One small push first so connections and JIT are warm for both sides alike.
      const warm = actionOps(1, uuidv7(), 'warm');
      await pushRequest(origin, inspector, pushText(warm[0]!.clientId, warm));
      await store.query('SELECT count(*) FROM sync_records');
      const statementsBefore = counting.statements.count;
      const plainBodies = batches(clientId, ops);
      const pushMs = await timedPushes(origin, inspector, plainBodies);
      const statementsPerOp = (counting.statements.count - statementsBefore) / THROUGHPUT_OPS;
      // The same workload as the app sends it: every 500-op body gzip-compressed.
      const gzipClient = uuidv7();
      const gzipBodies = batches(gzipClient, actionOps(THROUGHPUT_OPS, gzipClient, 'gzip')).map(
        (text) => new Uint8Array(gzipSync(text)),
      );
      const gzipPushMs = await timedPushes(origin, inspector, gzipBodies);
      const plainBytes = plainBodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
      const gzipBytes = gzipBodies.reduce((sum, body) => sum + body.byteLength, 0);
      const { rows: applied } = await store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_op_results WHERE client_id = $1 AND status = 'applied'`,
        [clientId],
      );
      if (applied[0]?.n !== THROUGHPUT_OPS)
        throw new Error(`server applied ${applied[0]?.n} of ${THROUGHPUT_OPS} ops`);
      const rawMs = await rawInserts(store, inspector.organisation.id, ops);

      // (b) 200 devices at once: all of one corporation (the real case; their pushes queue on
      // the organisation's counter lock), then each of its own organisation (no shared lock).
      const shared = await deviceBurst(store, origin, 'shared');
      const separate = await deviceBurst(store, origin, 'separate');
      errors.push(...shared.errors, ...separate.errors);
      for (const error of errors.slice(0, 5)) console.error(`  error: ${error}`);

      return [
        {
          name: `(a) push ${THROUGHPUT_OPS} ops via HTTP, ${BATCH} per push`,
          value: round(pushMs),
          unit: 'ms',
          note: `${Math.round((THROUGHPUT_OPS / pushMs) * 1000)} ops/s, ${on}`,
        },
        {
          name: `(a) raw INSERT of ${THROUGHPUT_OPS} equivalent rows, ${BATCH} per statement`,
          value: round(rawMs),
          unit: 'ms',
          note: `${Math.round((THROUGHPUT_OPS / rawMs) * 1000)} rows/s, table LIKE sync_records`,
        },
        {
          name: '(a) push time / raw insert time',
          value: Math.round((pushMs / rawMs) * 10) / 10,
          unit: 'x',
          aim: { atMost: 3 },
        },
        {
          name: `(a) push ${THROUGHPUT_OPS} other ops via HTTP, gzip bodies`,
          value: round(gzipPushMs),
          unit: 'ms',
          note: `${Math.round((gzipPushMs / rawMs) * 10) / 10}x raw; ${Math.round(gzipBytes / 1024)} KB sent instead of ${Math.round(plainBytes / 1024)} KB`,
        },
        {
          name: '(a) SQL statements per pushed op',
          value: Math.round(statementsPerOp * 100) / 100,
          unit: 'statements',
          note: 'server-side, BEGIN/COMMIT not counted',
        },
        ...burstMeasurements(shared, 'one organisation'),
        ...burstMeasurements(separate, 'one organisation each'),
      ];
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
