// Helpers for the sync and photo server tests: an app on a fresh store with signed-in users, and
// op/push/pull builders that speak the fixed protocol.
import { createApp } from '../../src/server/app.ts';
import { DbBlobStore } from '../../src/server/blobs/db-blob-store.ts';
import { FsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import type { Role } from '../../src/shared/domain/role.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { formatHlc } from '../../src/shared/sync/hlc.ts';
import {
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  type Op,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol.ts';
import { makeTempDir } from './store-fixtures.ts';
import { createSignedInUser, type SignedInUser } from './support/auth.ts';

export type TestApp = ReturnType<typeof createApp>;

/** Photo bytes on disk (the embedded default) or in the database (with DATABASE_URL). */
export type BlobKind = 'fs' | 'db';

export async function syncApp(
  store: Store,
  blobKind: BlobKind = 'fs',
): Promise<{ app: TestApp; blobDir: string }> {
  await migrate(store);
  const blobDir = makeTempDir('blobs');
  const app = createApp({
    store,
    distDir: makeTempDir('dist'),
    version: 'test',
    blobs: blobKind === 'db' ? new DbBlobStore(store) : new FsBlobStore(blobDir),
    logError: () => undefined,
  });
  return { app, blobDir };
}

export async function user(
  store: Store,
  role: Role,
  organisation?: SignedInUser['organisation'],
): Promise<SignedInUser> {
  return createSignedInUser(store, organisation ? { role, organisation } : { role });
}

/** An HLC stamp at `wallMs` from device `node`. */
export function stamp(wallMs: number, node = 'dev', counter = 0): string {
  return formatHlc({ wallMs, counter, node });
}

/** A device: its client id, next seq and a clock that only moves forward. */
export class Device {
  readonly clientId = uuidv7();
  private seq = 0;
  private wall = Date.now() - 60_000;
  constructor(readonly node = `d${Math.random().toString(36).slice(2, 8)}`) {}

  op(
    entity: Op['entity'],
    id: string,
    fields: Record<string, unknown>,
    kind: Op['kind'] = 'upsert',
  ): Op {
    this.seq += 1;
    this.wall += 1;
    return {
      clientId: this.clientId,
      seq: this.seq,
      entity,
      id,
      hlc: stamp(this.wall, this.node),
      kind,
      fields,
    };
  }

  remove(entity: Op['entity'], id: string): Op {
    return this.op(entity, id, {}, 'delete');
  }
}

export function pushBody(device: Device, ops: Op[], protocolVersion = PROTOCOL_VERSION) {
  return { protocolVersion, schemaVersion: 1, clientId: device.clientId, ops };
}

export async function postPush(app: TestApp, who: SignedInUser, body: unknown): Promise<Response> {
  return app.request('/api/sync/push', {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function push(
  app: TestApp,
  who: SignedInUser,
  device: Device,
  ops: Op[],
): Promise<PushResponse> {
  const response = await postPush(app, who, pushBody(device, ops));
  if (response.status !== 200) throw new Error(`push ${response.status}: ${await response.text()}`);
  return PushResponseSchema.parse(await response.json());
}

export async function getPull(
  app: TestApp,
  who: SignedInUser,
  device: Device,
  cursor: number,
  limit = 500,
  protocolVersion = PROTOCOL_VERSION,
): Promise<Response> {
  const query = new URLSearchParams({
    clientId: device.clientId,
    cursor: String(cursor),
    limit: String(limit),
    protocolVersion: String(protocolVersion),
    schemaVersion: '1',
  });
  return app.request(`/api/sync/pull?${query}`, { headers: who.headers });
}

export async function pull(
  app: TestApp,
  who: SignedInUser,
  device: Device,
  cursor = 0,
  limit = 500,
): Promise<PullResponse> {
  const response = await getPull(app, who, device, cursor, limit);
  if (response.status !== 200) throw new Error(`pull ${response.status}: ${await response.text()}`);
  return PullResponseSchema.parse(await response.json());
}

/** Every change after `cursor`, page by page: the records' final states keyed entity/id. */
export async function pullAll(
  app: TestApp,
  who: SignedInUser,
  device: Device,
  cursor = 0,
  limit = 500,
): Promise<{
  records: Map<string, PullResponse['changes'][number]>;
  cursor: number;
  appliedUpTo: number;
}> {
  const records = new Map<string, PullResponse['changes'][number]>();
  for (;;) {
    const page = await pull(app, who, device, cursor, limit);
    for (const change of page.changes) records.set(`${change.entity}/${change.id}`, change);
    cursor = page.nextCursor;
    if (!page.hasMore) return { records, cursor, appliedUpTo: page.appliedUpTo };
  }
}

/** Row counts of every sync table: "no partial write" means these do not change. */
export async function syncRowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'sync_records',
    'sync_clients',
    'sync_op_results',
    'sync_counters',
    'photo_blobs',
  ]) {
    const { rows } = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? -1;
  }
  const { rows } = await store.query<{ v: number | null }>(
    'SELECT max(value) AS v FROM sync_counters',
  );
  counts.maxCursor = rows[0]?.v ?? 0;
  return counts;
}

/** One complex (C-1 Zonnehof) with one pand and one verblijfsobject (1234 AB 12), as the importer leaves them. */
export async function seedSmallPortfolio(store: Store, organisationId: string) {
  const [complexId, pandId, vboId] = [uuidv7(), uuidv7(), uuidv7()];
  await store.query(
    `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'C-1', 'Zonnehof')`,
    [complexId, organisationId],
  );
  await store.query(
    `INSERT INTO panden (id, organisation_id, complex_id, bouwjaar) VALUES ($1, $2, $3, 1968)`,
    [pandId, organisationId, complexId],
  );
  await store.query(
    `INSERT INTO verblijfsobjecten (id, organisation_id, pand_id, vhe_nummer, postcode, huisnummer)
       VALUES ($1, $2, $3, 'C-1-001', '1234 AB', 12)`,
    [vboId, organisationId, pandId],
  );
  return { complexId, pandId, vboId };
}

export function newInspection(device: Device, inspectorId?: string) {
  const id = uuidv7();
  const fields: Record<string, unknown> = {
    module: 'brandveiligheidsronde',
    templateId: 'brandveiligheidsronde',
    templateVersion: 1,
    targetLevel: 'pand',
    targetId: uuidv7(),
    complexId: uuidv7(),
    status: 'draft',
    startedAt: '2026-11-02T09:00:00Z',
  };
  if (inspectorId) fields.inspectorId = inspectorId;
  return { id, op: device.op('inspection', id, fields) };
}

/**
 * A new open action. Its first step names the device that made it (as the app does before anyone
 * signed in); `created` is that step, for tests that send the whole history again.
 */
export function newAction(
  device: Device,
  moduleId = 'brandveiligheidsronde',
  extra: Record<string, unknown> = {},
) {
  const id = uuidv7();
  const created = { status: 'open', by: device.clientId, at: '2026-11-02T09:00:00Z' };
  return {
    id,
    created,
    op: device.op('action', id, {
      moduleId,
      what: 'Brandwerende deur herstellen',
      ownerRole: 'veiligheid',
      dueDate: '2026-12-01',
      status: 'open',
      history: [created],
      ...extra,
    }),
  };
}
