// Push and pull, free of HTTP: the routes parse and authenticate, this applies. Every push runs in
// one transaction that first locks the organisation's counter row (see 0003_sync.sql): writers
// of one organisation are serialised, so cursor order equals commit order and a pull can never
// skip a change that committed late.
import {
  ActionSchema,
  may,
  applyActionTransition,
  type Action,
  type ActionStatus,
} from '../../shared/domain/index.ts';
import { ClockSkewError, HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { applyOp, isDeleted, recordValues, type RecordState } from '../../shared/sync/merge.ts';
import {
  SUPPORTED_PROTOCOL_VERSIONS,
  type EntityType,
  type Op,
  type OpResult,
  type PulledChange,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol.ts';
import type { Principal } from '../auth/principal.ts';
import type { Queryable, Store } from '../store/store.ts';
import { fieldProblems, idProblem, inspectionIdOf } from './entity-fields.ts';

/**
 * How far a device's clock may run ahead of the server's. Further ahead, the op is not refused
 * (that would lose an inspector's work because of a wrong tablet clock) but re-stamped with the
 * server's clock: it still applies, and the future stamp never wins later merges.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export const SERVER_NODE = 'server';

export type PushOutcome =
  | { kind: 'ok'; response: PushResponse }
  | { kind: 'update-required'; message: string }
  | { kind: 'seq-gap'; appliedUpTo: number; message: string }
  | { kind: 'forbidden'; message: string };

export type PullOutcome =
  | { kind: 'ok'; response: PullResponse }
  | { kind: 'update-required'; message: string }
  | { kind: 'forbidden'; message: string };

export function unsupportedVersionMessage(version: number): string | undefined {
  if (SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return undefined;
  const newest = Math.max(...SUPPORTED_PROTOCOL_VERSIONS);
  return version < newest
    ? `Deze versie van de app (protocol ${version}) is te oud voor de server. Werk de app bij; uw niet-verzonden werk blijft op dit apparaat bewaard.`
    : `Deze versie van de app (protocol ${version}) is nieuwer dan de server (${newest}). Probeer het later opnieuw; uw werk blijft op dit apparaat bewaard.`;
}

const CLIENT_OF_OTHER_ORGANISATION =
  'Dit apparaat is gekoppeld aan een andere organisatie. Meld u aan bij de juiste organisatie.';

interface StoredRecord {
  state: RecordState;
  ownerUserId: string | null;
  exists: boolean;
}

interface RecordRow {
  fields: RecordState['fields'];
  deleted_hlc: string | null;
  owner_user_id: string | null;
}

class OpRejected extends Error {}

/** Ends a push without any write: thrown inside the transaction so it rolls back. */
class PushAborted extends Error {
  constructor(readonly outcome: Exclude<PushOutcome, { kind: 'ok' }>) {
    super(outcome.message);
  }
}

/** Applies a push for `principal`; see PushOutcome for the non-2xx answers. */
export async function pushOps(
  store: Store,
  principal: Principal,
  request: PushRequest,
  now: () => number = Date.now,
): Promise<PushOutcome> {
  const unsupported = unsupportedVersionMessage(request.protocolVersion);
  if (unsupported) return { kind: 'update-required', message: unsupported };

  try {
    return await store.transaction((tx) => pushInTransaction(tx, principal, request, now));
  } catch (error) {
    if (error instanceof PushAborted) return error.outcome;
    throw error;
  }
}

async function pushInTransaction(
  tx: Queryable,
  principal: Principal,
  request: PushRequest,
  now: () => number,
): Promise<PushOutcome> {
  const ops = [...request.ops].sort((a, b) => a.seq - b.seq);
  const org = principal.organisationId;
  // The lock that serialises this organisation's writers; held until commit.
  await tx.query('INSERT INTO sync_counters (organisation_id) VALUES ($1) ON CONFLICT DO NOTHING', [
    org,
  ]);
  const counterRow = (
    await tx.query<{ value: number; hlc: string | null }>(
      'SELECT value, hlc FROM sync_counters WHERE organisation_id = $1 FOR UPDATE',
      [org],
    )
  ).rows[0];
  if (!counterRow) throw new Error('sync counter row missing after insert');
  let cursor = counterRow.value;

  await tx.query(
    `INSERT INTO sync_clients (client_id, organisation_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (client_id) DO NOTHING`,
    [request.clientId, org, principal.userId],
  );
  const client = (
    await tx.query<{ organisation_id: string; applied_up_to: number }>(
      'SELECT organisation_id, applied_up_to FROM sync_clients WHERE client_id = $1 FOR UPDATE',
      [request.clientId],
    )
  ).rows[0];
  if (!client) throw new Error('sync client row missing after insert');
  if (client.organisation_id !== org) {
    throw new PushAborted({ kind: 'forbidden', message: CLIENT_OF_OTHER_ORGANISATION });
  }

  // Check the whole batch before writing anything: a gap answers 409 without side effects.
  let expected = client.applied_up_to + 1;
  for (const op of ops) {
    if (op.seq < expected) continue;
    if (op.seq !== expected) {
      throw new PushAborted({
        kind: 'seq-gap',
        appliedUpTo: client.applied_up_to,
        message: `Ontbrekende wijziging: verwacht volgnummer ${expected}, ontvangen ${op.seq}. Verstuur opnieuw vanaf ${client.applied_up_to + 1}.`,
      });
    }
    expected += 1;
  }

  const clock = new HybridLogicalClock(SERVER_NODE, now, counterRow.hlc ?? undefined);
  // I/O is batched per push: record states are read in bulk up front, the ops are decided in
  // memory in seq order (later ops see earlier ones' effects through `records`), and the
  // changes and op results are written with one statement each at the end. Same transaction
  // and lock, so the outcome is that of applying the ops one by one.
  const records = new Map<string, StoredRecord>();
  const recordKey = (entity: string, id: string): string => `${entity}\u0000${id}`;
  const toStored = (row: RecordRow | undefined): StoredRecord =>
    row
      ? {
          state:
            row.deleted_hlc === null
              ? { fields: row.fields }
              : { fields: row.fields, deletedHlc: row.deleted_hlc },
          ownerUserId: row.owner_user_id,
          exists: true,
        }
      : { state: { fields: {} }, ownerUserId: null, exists: false };
  /** Reads the not yet cached records of `keys` in one query. */
  const preload = async (keys: { entity: string; id: string }[]): Promise<void> => {
    const missing = new Map<string, { entity: string; id: string }>();
    for (const key of keys) {
      const k = recordKey(key.entity, key.id);
      if (!records.has(k)) missing.set(k, key);
    }
    if (missing.size === 0) return;
    const { rows } = await tx.query<RecordRow & { entity: string; id: string }>(
      `SELECT s.entity, s.id, s.fields, s.deleted_hlc, s.owner_user_id
       FROM jsonb_to_recordset($2::jsonb) AS k(entity text, id text)
       JOIN sync_records s ON s.organisation_id = $1 AND s.entity = k.entity AND s.id = k.id`,
      [org, JSON.stringify([...missing.values()])],
    );
    const found = new Map(rows.map((row) => [recordKey(row.entity, row.id), row]));
    for (const k of missing.keys()) records.set(k, toStored(found.get(k)));
  };
  const load = async (entity: EntityType | 'inspection', id: string): Promise<StoredRecord> => {
    const cached = records.get(recordKey(entity, id));
    if (cached) return cached;
    await preload([{ entity, id }]);
    const loaded = records.get(recordKey(entity, id));
    if (!loaded) throw new Error('record missing after load');
    return loaded;
  };

  const fresh = ops.filter((op) => op.seq > client.applied_up_to);
  await preload(fresh.map((op) => ({ entity: op.entity, id: op.id })));
  // The inspections the ownership checks will ask for, as far as they can be known now; one
  // that only an earlier op of this push names is still loaded on demand.
  if (principal.role !== 'beheerder') {
    const inspections: { entity: string; id: string }[] = [];
    for (const op of fresh) {
      if (
        op.entity === 'action' ||
        op.entity === 'inspection' ||
        op.entity === 'efgCase' ||
        op.entity === 'roundSchedule'
      )
        continue;
      const stored = records.get(recordKey(op.entity, op.id));
      const values = { ...(stored ? recordValues(stored.state) : {}), ...op.fields };
      const inspectionId = inspectionIdOf(op.entity, op.id, values);
      if (inspectionId !== undefined) inspections.push({ entity: 'inspection', id: inspectionId });
    }
    await preload(inspections);
  }
  // Each changed record's latest state and cursor, in the order of its latest change.
  const changed = new Map<
    string,
    { entity: string; id: string; state: RecordState; owner: string | null; cursor: number }
  >();
  const outcomes: { op: Op; result: OpResult }[] = [];

  const results: OpResult[] = [];
  let appliedUpTo = client.applied_up_to;
  for (const op of ops) {
    if (op.seq <= appliedUpTo) {
      results.push({ seq: op.seq, status: 'duplicate' });
      continue;
    }
    let result: OpResult;
    try {
      const note = await applyOne(op);
      result = note
        ? { seq: op.seq, status: 'applied', reason: note }
        : { seq: op.seq, status: 'applied' };
    } catch (error) {
      if (!(error instanceof OpRejected)) throw error;
      result = { seq: op.seq, status: 'rejected', reason: error.message };
    }
    results.push(result);
    outcomes.push({ op, result });
    appliedUpTo = op.seq;
  }

  if (changed.size > 0) {
    await tx.query(
      `INSERT INTO sync_records (organisation_id, entity, id, fields, deleted_hlc, owner_user_id, cursor)
       SELECT $1, r.entity, r.id, r.fields, r.deleted_hlc, r.owner_user_id, r.cursor
       FROM jsonb_to_recordset($2::jsonb)
         AS r(entity text, id text, fields jsonb, deleted_hlc text, owner_user_id uuid, cursor bigint)
       ON CONFLICT (organisation_id, entity, id) DO UPDATE
         SET fields = EXCLUDED.fields, deleted_hlc = EXCLUDED.deleted_hlc,
             cursor = EXCLUDED.cursor, updated_at = now()`,
      [
        org,
        JSON.stringify(
          [...changed.values()].map((change) => ({
            entity: change.entity,
            id: change.id,
            fields: change.state.fields,
            deleted_hlc: change.state.deletedHlc ?? null,
            owner_user_id: change.owner,
            cursor: change.cursor,
          })),
        ),
      ],
    );
  }
  if (outcomes.length > 0) {
    await tx.query(
      `INSERT INTO sync_op_results (client_id, seq, entity, record_id, status, reason, user_id)
       SELECT $1, r.seq, r.entity, r.record_id, r.status, r.reason, $3
       FROM jsonb_to_recordset($2::jsonb)
         AS r(seq bigint, entity text, record_id text, status text, reason text)`,
      [
        request.clientId,
        JSON.stringify(
          outcomes.map(({ op, result }) => ({
            seq: op.seq,
            entity: op.entity,
            record_id: op.id,
            status: result.status,
            reason: result.reason ?? null,
          })),
        ),
        principal.userId,
      ],
    );
  }

  const response: PushResponse = { results, appliedUpTo, serverHlc: clock.tick() };
  await tx.query('UPDATE sync_counters SET value = $2, hlc = $3 WHERE organisation_id = $1', [
    org,
    cursor,
    clock.current(),
  ]);
  await tx.query(
    `UPDATE sync_clients SET applied_up_to = $2, user_id = $3, updated_at = now()
     WHERE client_id = $1`,
    [request.clientId, appliedUpTo, principal.userId],
  );
  return { kind: 'ok', response };

  /** Applies one op or throws OpRejected; returns an optional note for an applied op. */
  async function applyOne(op: Op): Promise<string | undefined> {
    const badId = idProblem(op.entity, op.id);
    if (badId) throw new OpRejected(badId);
    if (op.kind === 'upsert') {
      const problems = fieldProblems(op.entity, op.fields);
      if (problems.length > 0) throw new OpRejected(problems.slice(0, 3).join(' '));
    } else if (Object.keys(op.fields).length > 0) {
      throw new OpRejected('Een verwijdering mag geen velden bevatten.');
    }

    const record = await load(op.entity, op.id);
    const before = recordValues(record.state);
    if (!record.exists && op.kind === 'delete') {
      throw new OpRejected(`Onbekend record ${op.entity} ${op.id}: er is niets te verwijderen.`);
    }
    await checkOwnership(op, record, { ...before, ...op.fields });

    // Fold the device clock into the server clock; a stamp too far ahead is re-stamped.
    let stamp = op.hlc;
    let note: string | undefined;
    try {
      clock.receive(op.hlc, MAX_CLOCK_SKEW_MS);
    } catch (error) {
      if (!(error instanceof ClockSkewError)) throw error;
      stamp = clock.tick();
      note = `Tijdstempel van het apparaat lag te ver in de toekomst (${error.message}); de servertijd is gebruikt. Controleer de klok van dit apparaat.`;
    }
    const next = applyOp(record.state, { kind: op.kind, hlc: stamp, fields: op.fields });
    if (op.entity === 'action' && op.kind === 'upsert' && next !== record.state) {
      checkAction(op.id, record, before, recordValues(next));
    }
    if (next === record.state) return note;

    cursor += 1;
    const owner = record.exists ? record.ownerUserId : principal.userId;
    const key = recordKey(op.entity, op.id);
    records.set(key, { state: next, ownerUserId: owner, exists: true });
    // Re-inserted so the map keeps the order of each record's latest change.
    changed.delete(key);
    changed.set(key, { entity: op.entity, id: op.id, state: next, owner, cursor });
    return note;
  }

  async function checkOwnership(
    op: Op,
    record: StoredRecord,
    values: Record<string, unknown>,
  ): Promise<void> {
    if (principal.role === 'beheerder') return;
    if (op.entity === 'efgCase') {
      if (!may(principal.role, 'efg.status.wijzigen')) {
        throw new OpRejected('Alleen duurzaamheid of beheerder mag een EFG-dossier wijzigen.');
      }
      return;
    }
    if (op.entity === 'roundSchedule') {
      if (!may(principal.role, 'brandronde.plannen')) {
        throw new OpRejected('Alleen veiligheid of beheerder mag het rondeschema wijzigen.');
      }
      return;
    }
    if (op.entity === 'action') {
      // Actions belong to the team, not to one inspector: anyone may create one and move it
      // on (the transition rules decide); only its creator may delete it.
      if (op.kind === 'delete' && record.ownerUserId !== principal.userId) {
        throw new OpRejected(
          'Alleen wie de actie aanmaakte of een beheerder mag haar verwijderen.',
        );
      }
      return;
    }
    const inspectionId = inspectionIdOf(op.entity, op.id, values);
    if (inspectionId === undefined) {
      throw new OpRejected(`Bij ${op.entity} ontbreekt de inspectie waar het bij hoort.`);
    }
    const inspection = op.entity === 'inspection' ? record : await load('inspection', inspectionId);
    if (!inspection.exists) {
      if (op.entity === 'inspection') return; // a new inspection is its creator's
      throw new OpRejected(`De inspectie ${inspectionId} is onbekend bij de server.`);
    }
    const assigned = recordValues(inspection.state).inspectorId;
    if (inspection.ownerUserId !== principal.userId && assigned !== principal.userId) {
      throw new OpRejected(
        'U mag alleen uw eigen inspecties (met hun antwoorden, bevindingen en foto’s) wijzigen.',
      );
    }
  }

  function checkAction(
    id: string,
    record: StoredRecord,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    const merged = ActionSchema.safeParse({ ...after, id });
    if (!merged.success) {
      throw new OpRejected(
        `Ongeldige actie na deze wijziging: ${merged.error.issues[0]?.message ?? 'onbekende fout'}`,
      );
    }
    const wasLive = record.exists && !isDeleted(record.state);
    if (!wasLive) {
      if (merged.data.status !== 'open' && record.exists === false) {
        throw new OpRejected('Een nieuwe actie begint met status open.');
      }
      return;
    }
    const previous = ActionSchema.safeParse({ ...before, id });
    if (!previous.success || previous.data.status === merged.data.status) return;
    checkTransition(previous.data, merged.data);
  }

  function checkTransition(previous: Action, next: Action): void {
    const step = next.history.at(-1);
    const to: ActionStatus = next.status;
    const outcome = applyActionTransition(
      previous,
      to,
      { userId: principal.userId, role: principal.role },
      step?.at ?? new Date(now()).toISOString(),
      step?.note,
    );
    if (!outcome.ok) throw new OpRejected(outcome.error);
  }
}

interface ChangeRow {
  entity: PulledChange['entity'];
  id: string;
  fields: PulledChange['fields'];
  deleted_hlc: string | null;
  cursor: number;
}

/** The organisation's changes after `cursor`, oldest first, and the asking device's progress. */
export async function pullChanges(
  store: Store,
  principal: Principal,
  request: PullRequest,
  now: () => number = Date.now,
): Promise<PullOutcome> {
  const unsupported = unsupportedVersionMessage(request.protocolVersion);
  if (unsupported) return { kind: 'update-required', message: unsupported };
  return store.transaction(async (tx: Queryable) => {
    // One snapshot for progress and changes, so "applied up to N" and the changes agree.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const client = (
      await tx.query<{ organisation_id: string; applied_up_to: number }>(
        'SELECT organisation_id, applied_up_to FROM sync_clients WHERE client_id = $1',
        [request.clientId],
      )
    ).rows[0];
    if (client && client.organisation_id !== principal.organisationId) {
      return { kind: 'forbidden', message: CLIENT_OF_OTHER_ORGANISATION } as const;
    }
    const { rows } = await tx.query<ChangeRow>(
      `SELECT entity, id, fields, deleted_hlc, cursor FROM sync_records
       WHERE organisation_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`,
      [principal.organisationId, request.cursor, request.limit + 1],
    );
    const counter = (
      await tx.query<{ hlc: string | null }>(
        'SELECT hlc FROM sync_counters WHERE organisation_id = $1',
        [principal.organisationId],
      )
    ).rows[0];
    const hasMore = rows.length > request.limit;
    const page = rows.slice(0, request.limit);
    const changes: PulledChange[] = page.map((row) => {
      const change: PulledChange = {
        cursor: row.cursor,
        entity: row.entity,
        id: row.id,
        fields: row.fields,
      };
      if (row.deleted_hlc !== null) change.deletedHlc = row.deleted_hlc;
      return change;
    });
    const serverHlc = new HybridLogicalClock(SERVER_NODE, now, counter?.hlc ?? undefined).tick();
    const response: PullResponse = {
      changes,
      nextCursor: page.at(-1)?.cursor ?? request.cursor,
      hasMore,
      appliedUpTo: client?.applied_up_to ?? 0,
      serverHlc,
    };
    return { kind: 'ok', response } as const;
  });
}
