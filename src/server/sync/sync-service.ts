// Push and pull, free of HTTP: the routes parse and authenticate, this applies. Every push runs in
// one transaction that takes its locks in one fixed order, so pushes never deadlock:
//   1. the device's sync_clients row (pushes of one device apply one after the other);
//   2. transaction advisory locks: the organisation's push lock (shared; exclusive for a push of
//      more than MAX_RECORD_LOCKS records), then one per record the push may write, in ascending
//      key order (two pushes touching the same record merge one after the other: no lost update,
//      also for a record that does not exist yet); the records are read only once these are held;
//   3. last, the organisation's counter row (see 0003_sync.sql), in the same statement that
//      writes the changed records with their cursors, just before commit.
// Reading, merging and checking happen under 1 and 2 only, so pushes of one organisation that
// touch different records run side by side and queue on the counter lock only for that last
// statement and the commit. Cursors are still taken under a lock held until commit, so cursor
// order equals commit order and a pull can never skip a change that committed late.
import { createHash } from 'node:crypto';
import { ActionSchema, may, roundScheduleProblem } from '../../shared/domain/index.ts';
import { syncedEntities } from '../../shared/sync/entities.ts';
import { ClockSkewError, HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { applyOp, isDeleted, recordValues, type RecordState } from '../../shared/sync/merge.ts';
import {
  SUPPORTED_PROTOCOL_VERSIONS,
  type EntityType,
  type Op,
  type OpResult,
  type PulledEntityType,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol.ts';
import { jsonProblem, storableText, textProblem } from '../../shared/text-safety.ts';
import type { Principal } from '../auth/principal.ts';
import type { Queryable, Store } from '../store/store.ts';
import {
  actionProblem,
  fixedFieldProblem,
  mayWriteActionStep,
  opFieldsProblem,
} from './authority.ts';
import { fieldProblems, idProblem, inspectionIdOf } from './entity-fields.ts';
import { efgCaseOpProblem } from './efg-rules.ts';

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
  /** `json` is the PullResponse as JSON text: the changes come as text straight from the database. */
  | { kind: 'ok'; json: string }
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
const CLIENT_OF_OTHER_USER =
  'Dit apparaatnummer hoort bij een andere gebruiker; de server neemt er niets onder aan. Meld u af en weer aan, dan krijgt dit apparaat een eigen nummer.';

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

/** The entities a device speaking `protocolVersion` does not know: never sent to it. */
export function entitiesUnknownTo(protocolVersion: number): PulledEntityType[] {
  return Object.entries(syncedEntities)
    .filter(([, spec]) => spec.since > protocolVersion)
    .map(([entity]) => entity as PulledEntityType);
}

/**
 * Why an op of `entity` cannot come from a device speaking `protocolVersion`. Rejected per op
 * (like any other invalid op), so a tampered or buggy old app never blocks its own queue.
 */
function entityVersionProblem(entity: EntityType, protocolVersion: number): string | undefined {
  const since = syncedEntities[entity].since;
  return since > protocolVersion
    ? `Het recordtype ${entity} bestaat pas sinds protocolversie ${since}; deze app spreekt versie ${protocolVersion}. Werk de app bij.`
    : undefined;
}

/**
 * Why an op's id or fields cannot be stored (NUL, a lone surrogate, too deep or too large; see
 * text-safety.ts). Judged before any of the op reaches a query, so such an op is refused on its
 * own and never fails the whole push (the same 500 on every retry would stop the device's sync).
 */
function opTextProblem(op: Op): string | undefined {
  const badId = textProblem(op.id);
  return badId ? `Ongeldige id: ${badId}` : jsonProblem(op.fields);
}

/**
 * Most records a push locks one by one. A larger push (a device back after days offline) takes
 * the organisation's push lock exclusively instead: PostgreSQL's lock table is shared and
 * bounded (max_locks_per_transaction × connections), so ten 500-op pushes must not hold 5,000
 * locks between them.
 */
export const MAX_RECORD_LOCKS = 64;

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The advisory locks of a push, in the order it takes them (every push does, so two pushes never
 * wait on each other in a circle): the organisation's push lock as (int, int) key, shared by
 * small pushes and exclusive for large ones, then for a small push one bigint key per record,
 * ascending. Keys are 64-bit hashes of organisation, entity and id (a collision only makes two
 * pushes queue needlessly); the two key forms never collide in PostgreSQL.
 */
function pushLocks(org: string, ops: readonly Op[]) {
  const keys = new Set<bigint>();
  for (const op of ops)
    keys.add(sha256(`${org}\u0000${op.entity}\u0000${op.id}`).readBigInt64BE(0));
  const orgKey = sha256(org);
  const exclusive = keys.size > MAX_RECORD_LOCKS;
  return {
    orgLock: exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared',
    orgKey: [orgKey.readInt32BE(0), orgKey.readInt32BE(4)] as const,
    records: exclusive ? [] : [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String),
  };
}

/** Takes the record locks of a small push, one row per key in array order. */
async function lockRecords(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    'SELECT pg_advisory_xact_lock(k::bigint) FROM jsonb_array_elements_text($1::jsonb) AS k',
    [JSON.stringify(keys)],
  );
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
  const unsafe = new Map<number, string>();
  for (const op of ops) {
    const problem = opTextProblem(op);
    if (problem) unsafe.set(op.seq, problem);
  }
  const org = principal.organisationId;
  const locks = pushLocks(org, ops);
  // Lock 1: the device's row, created on its first push; the update locks an existing one.
  // Then (RETURNING runs after the row is locked) the organisation's push lock. A device id
  // belongs to the user who first pushed under it (device ids are readable in every pulled
  // clock); only a row whose user was deleted is taken over.
  const client = (
    await tx.query<{ organisation_id: string; user_id: string; applied_up_to: number }>(
      `INSERT INTO sync_clients AS c (client_id, organisation_id, user_id) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET user_id = coalesce(c.user_id, EXCLUDED.user_id)
       RETURNING c.organisation_id, c.user_id, c.applied_up_to,
         ${locks.orgLock}($4::int, $5::int)::text`,
      [request.clientId, org, principal.userId, ...locks.orgKey],
    )
  ).rows[0];
  if (!client) throw new Error('sync client row missing after upsert');
  if (client.organisation_id !== org) {
    throw new PushAborted({ kind: 'forbidden', message: CLIENT_OF_OTHER_ORGANISATION });
  }
  if (client.user_id !== principal.userId) {
    throw new PushAborted({ kind: 'forbidden', message: CLIENT_OF_OTHER_USER });
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

  const fresh = ops.filter((op) => op.seq > client.applied_up_to);
  // Lock 2: every record this push may write (or, for a large push, the whole organisation's
  // pushes), before any of them is read.
  await lockRecords(tx, fresh.length === 0 ? [] : locks.records);
  // Read after the record locks: a push that wrote one of these records before us has committed
  // its clock too, so a re-stamp here can never repeat its stamp on the same record.
  const counterHlc = (
    await tx.query<{ hlc: string | null }>(
      'SELECT hlc FROM sync_counters WHERE organisation_id = $1',
      [org],
    )
  ).rows[0]?.hlc;
  const clock = new HybridLogicalClock(SERVER_NODE, now, counterHlc ?? undefined);
  // The cursor offsets of this push's changes (1, 2, ...): the base, the organisation's counter,
  // is only read under its lock in the final statement.
  let cursor = 0;
  // I/O is batched per push: record states are read in bulk up front, the ops are decided in
  // memory in seq order (later ops see earlier ones' effects through `records`), and the
  // changes and op results are written with one statement each at the end. The records are
  // locked throughout, so the outcome is that of applying the ops one by one.
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

  await preload(
    fresh.filter((op) => !unsafe.has(op.seq)).map((op) => ({ entity: op.entity, id: op.id })),
  );
  // The inspections the ownership checks will ask for, as far as they can be known now; one
  // that only an earlier op of this push names is still loaded on demand.
  if (principal.role !== 'beheerder') {
    const inspections: { entity: string; id: string }[] = [];
    for (const op of fresh) {
      if (
        unsafe.has(op.seq) ||
        op.entity === 'inspection' ||
        syncedEntities[op.entity].ownership !== 'inspection'
      )
        continue;
      // The stored record's inspection when there is one: ownership is judged on that.
      const stored = records.get(recordKey(op.entity, op.id));
      const values = stored?.exists ? recordValues(stored.state) : op.fields;
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
      const badText = unsafe.get(op.seq);
      if (badText) throw new OpRejected(badText);
      const tooNew = entityVersionProblem(op.entity, request.protocolVersion);
      if (tooNew) throw new OpRejected(tooNew);
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
  // A rejected op's record as this push commits it: the device takes it in place of the refused
  // values, whose newer clocks would otherwise win every later merge. Not for a kind the
  // device's protocol does not know.
  const withCurrent: { op: Op; result: OpResult }[] = outcomes.filter(
    ({ result }) => result.status === 'rejected',
  );
  // A retry after a lost answer: the device never learnt which ops were refused, so a duplicate
  // that was rejected says so again.
  const retried = new Map(
    ops.filter((op) => op.seq <= client.applied_up_to).map((o) => [o.seq, o]),
  );
  if (retried.size > 0) {
    const { rows } = await tx.query<{ seq: string | number; reason: string | null }>(
      `SELECT seq, reason FROM sync_op_results
       WHERE client_id = $1 AND status = 'rejected'
         AND seq IN (SELECT k::bigint FROM jsonb_array_elements_text($2::jsonb) AS k)`,
      [request.clientId, JSON.stringify([...retried.keys()])],
    );
    for (const row of rows) {
      const op = retried.get(Number(row.seq));
      const index = results.findIndex((result) => result.seq === Number(row.seq));
      if (!op || index < 0) continue;
      const result: OpResult = { seq: op.seq, status: 'duplicate', reason: row.reason ?? '' };
      results[index] = result;
      withCurrent.push({ op, result });
    }
  }
  for (const { op, result } of withCurrent) {
    if (entityVersionProblem(op.entity, request.protocolVersion)) continue;
    // An id the store cannot hold names no stored record.
    if (textProblem(op.id)) {
      result.current = null;
      continue;
    }
    const record = await load(op.entity, op.id);
    result.current = record.exists ? record.state : null;
  }

  // The op results and the device's progress: still outside the counter lock.
  await tx.query(
    `WITH results AS (
       INSERT INTO sync_op_results (client_id, seq, entity, record_id, status, reason, user_id)
       SELECT $1, r.seq, r.entity, r.record_id, r.status, r.reason, $3
       FROM jsonb_to_recordset($2::jsonb)
         AS r(seq bigint, entity text, record_id text, status text, reason text)
     )
     UPDATE sync_clients SET applied_up_to = $4, updated_at = now()
     WHERE client_id = $1`,
    [
      request.clientId,
      JSON.stringify(
        outcomes.map(({ op, result }) => ({
          seq: op.seq,
          entity: op.entity,
          record_id: storableText(op.id),
          status: result.status,
          reason: result.reason === undefined ? null : storableText(result.reason),
        })),
      ),
      principal.userId,
      appliedUpTo,
    ],
  );
  if (changed.size === 0) {
    // Nothing to publish: no cursor, so no counter lock at all.
    return { kind: 'ok', response: { results, appliedUpTo, serverHlc: clock.tick() } };
  }

  // Lock 3, the counter row, taken by this statement and held until the commit right after it:
  // it reserves `cursor` cursors after the organisation's counter, writes the changed records
  // with them and keeps the later of the stored and this push's clock (stamps of equal length,
  // so byte order is clock order).
  const written = (
    await tx.query<{ hlc: string; written: number }>(
      `WITH counter AS (
         INSERT INTO sync_counters AS c (organisation_id, value, hlc) VALUES ($1, $2::bigint, $3::text)
         ON CONFLICT (organisation_id) DO UPDATE
           SET value = c.value + $2::bigint,
               hlc = CASE WHEN c.hlc IS NULL OR c.hlc COLLATE "C" < $3::text COLLATE "C"
                          THEN $3::text ELSE c.hlc END
         RETURNING c.value - $2::bigint AS base, c.hlc
       ), changes AS (
         INSERT INTO sync_records
           (organisation_id, entity, id, fields, deleted_hlc, owner_user_id, cursor)
         SELECT $1, r.entity, r.id, r.fields, r.deleted_hlc, r.owner_user_id, counter.base + r.pos
         FROM counter, jsonb_to_recordset($4::jsonb)
           AS r(entity text, id text, fields jsonb, deleted_hlc text, owner_user_id uuid, pos bigint)
         ON CONFLICT (organisation_id, entity, id) DO UPDATE
           SET fields = EXCLUDED.fields, deleted_hlc = EXCLUDED.deleted_hlc,
               cursor = EXCLUDED.cursor, updated_at = now()
         RETURNING 1
       )
       SELECT counter.hlc, (SELECT count(*) FROM changes)::int AS written FROM counter`,
      [
        org,
        cursor,
        clock.tick(),
        JSON.stringify(
          [...changed.values()].map((change) => ({
            entity: change.entity,
            id: change.id,
            fields: change.state.fields,
            deleted_hlc: change.state.deletedHlc ?? null,
            owner_user_id: change.owner,
            pos: change.cursor,
          })),
        ),
      ],
    )
  ).rows[0];
  if (written?.written !== changed.size) throw new Error('sync records write incomplete');
  return { kind: 'ok', response: { results, appliedUpTo, serverHlc: written.hlc } };

  /** Applies one op or throws OpRejected; returns an optional note for an applied op. */
  async function applyOne(op: Op): Promise<string | undefined> {
    const badId = idProblem(op.entity, op.id);
    if (badId) throw new OpRejected(badId);
    if (op.kind === 'upsert') {
      const problems = fieldProblems(op.entity, op.fields);
      if (problems.length > 0) throw new OpRejected(problems.slice(0, 3).join(' '));
      const derived = opFieldsProblem(op.entity, op.id, op.fields, principal.userId);
      if (derived) throw new OpRejected(derived);
    } else if (Object.keys(op.fields).length > 0) {
      throw new OpRejected('Een verwijdering mag geen velden bevatten.');
    }

    const record = await load(op.entity, op.id);
    const before = recordValues(record.state);
    if (!record.exists && op.kind === 'delete') {
      throw new OpRejected(`Onbekend record ${op.entity} ${op.id}: er is niets te verwijderen.`);
    }
    await checkOwnership(op, record);

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
    // Fixed fields and workflows are judged against the record as stored before this op (earlier
    // ops of this push were each checked the same way), never against what this op sets.
    if (record.exists && next !== record.state) {
      const fixed = fixedFieldProblem(op.entity, before, recordValues(next));
      if (fixed) throw new OpRejected(fixed);
    }
    if (op.entity === 'action' && op.kind === 'upsert' && next !== record.state) {
      const problem = actionProblem(
        op.id,
        record.exists ? before : undefined,
        recordValues(next),
        { userId: principal.userId, role: principal.role },
        op.clientId,
      );
      if (problem) throw new OpRejected(problem);
    }
    if (op.entity === 'efgCase' && next !== record.state) {
      const stored = record.exists && !isDeleted(record.state) ? before : undefined;
      const problem = efgCaseOpProblem(op, stored, recordValues(next), principal);
      if (problem) throw new OpRejected(problem);
    }
    if (op.entity === 'roundSchedule' && op.kind === 'upsert' && next !== record.state) {
      const problem = roundScheduleProblem({ ...recordValues(next), id: op.id });
      if (problem) throw new OpRejected(problem);
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

  /**
   * Whether the pusher may write this record at all: the entity's writers (registry), then for
   * an inspection's records the inspection's owner or assigned inspector. Judged on the STORED
   * record (a finding or photo never moves to the pusher's own inspection: its inspectionId is
   * fixed), and for a new record on the op's values.
   */
  async function checkOwnership(op: Op, record: StoredRecord): Promise<void> {
    const spec = syncedEntities[op.entity];
    if (!may(principal.role, spec.writers.permission)) throw new OpRejected(spec.writers.refusal);
    if (principal.role === 'beheerder') return;
    if (spec.ownership === 'team') {
      // Actions belong to the team, not to one inspector: anyone may create one and move it
      // on (the transition rules decide); only its creator may delete it.
      if (
        op.entity === 'action' &&
        op.kind === 'delete' &&
        record.ownerUserId !== principal.userId
      ) {
        throw new OpRejected(
          'Alleen wie de actie aanmaakte of een beheerder mag haar verwijderen.',
        );
      }
      return;
    }
    const values = record.exists ? recordValues(record.state) : op.fields;
    if (op.entity === 'photo' && typeof values.actionId === 'string') {
      await checkEvidencePhoto(record, values, values.actionId);
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

  /**
   * An evidence photo of an action step: actions belong to the team, so it need not be the
   * inspection's inspector who takes it, but only someone who may add a step to that action now,
   * and only with the action's own inspection (never someone else's inspection via any action).
   * Once stored, the photo is its maker's.
   */
  async function checkEvidencePhoto(
    record: StoredRecord,
    values: Record<string, unknown>,
    actionId: string,
  ): Promise<void> {
    if (record.exists) {
      if (record.ownerUserId !== principal.userId)
        throw new OpRejected('Alleen wie deze foto bij de actie maakte, mag haar wijzigen.');
      return;
    }
    const stored = await load('action', actionId);
    if (!stored.exists || isDeleted(stored.state))
      throw new OpRejected(`De actie ${actionId} van deze foto is onbekend bij de server.`);
    const action = ActionSchema.safeParse({ ...recordValues(stored.state), id: actionId });
    if (!action.success) throw new OpRejected(`De actie ${actionId} van deze foto is ongeldig.`);
    if (action.data.inspectionId === undefined || values.inspectionId !== action.data.inspectionId)
      throw new OpRejected('Een foto bij een actie hoort bij de inspectie van die actie.');
    if (values.questionId !== undefined || values.findingId !== undefined)
      throw new OpRejected('Een foto bij een actie hoort niet ook bij een vraag of bevinding.');
    if (!mayWriteActionStep(principal.role, action.data))
      throw new OpRejected(
        'U mag geen stap aan deze actie toevoegen, en dus ook geen foto bij een stap.',
      );
  }
}

interface PullRow {
  /** Null for a device that never pushed. */
  client_organisation: string | null;
  client_user: string | null;
  applied_up_to: number | null;
  counter_hlc: string | null;
  /** Rows read: the page plus one when there is more. */
  fetched: number;
  last_cursor: number | null;
  /** The page's changes as comma-separated JSON objects, in cursor order; null when empty. */
  changes: string | null;
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
  // One statement, so one snapshot: the device's progress ("applied up to N"), the clock and the
  // changes agree, without a transaction's extra round trips. PostgreSQL writes the page as JSON
  // text, so Node neither parses the stored fields nor serialises them again (most of a pull's
  // CPU time when many devices pull at once). One row more than the limit tells `hasMore`.
  // An older app's pull leaves out the entities it cannot parse (its schema would refuse the
  // whole page). Its cursor still moves past them, so the updated app must pull from the start
  // once (merging is idempotent) to receive them.
  const row = (
    await store.query<PullRow>(
      `WITH fetched AS (
         SELECT cursor, CASE WHEN deleted_hlc IS NULL
             THEN json_build_object('cursor', cursor, 'entity', entity, 'id', id, 'fields', fields)
             ELSE json_build_object('cursor', cursor, 'entity', entity, 'id', id, 'fields', fields,
                                    'deletedHlc', deleted_hlc)
           END::text AS change
         FROM sync_records
         WHERE organisation_id = $1 AND cursor > $2
           AND entity NOT IN (SELECT jsonb_array_elements_text($4::jsonb))
         ORDER BY cursor LIMIT $3::int + 1
       ), page AS (
         SELECT cursor, change FROM fetched ORDER BY cursor LIMIT $3::int
       )
       SELECT c.organisation_id AS client_organisation, c.user_id AS client_user, c.applied_up_to,
              (SELECT hlc FROM sync_counters WHERE organisation_id = $1) AS counter_hlc,
              (SELECT count(*) FROM fetched)::int AS fetched,
              (SELECT max(cursor) FROM page) AS last_cursor,
              (SELECT string_agg(change, ',' ORDER BY cursor) FROM page) AS changes
       FROM (SELECT 1) AS one LEFT JOIN sync_clients c ON c.client_id = $5`,
      [
        principal.organisationId,
        request.cursor,
        request.limit,
        JSON.stringify(entitiesUnknownTo(request.protocolVersion)),
        request.clientId,
      ],
    )
  ).rows[0];
  if (!row) throw new Error('pull query returned no row');
  if (row.client_organisation !== null && row.client_organisation !== principal.organisationId) {
    return { kind: 'forbidden', message: CLIENT_OF_OTHER_ORGANISATION };
  }
  if (row.client_user !== null && row.client_user !== principal.userId) {
    return { kind: 'forbidden', message: CLIENT_OF_OTHER_USER };
  }
  const serverHlc = new HybridLogicalClock(SERVER_NODE, now, row.counter_hlc ?? undefined).tick();
  const rest: Omit<PullResponse, 'changes'> = {
    nextCursor: row.last_cursor ?? request.cursor,
    hasMore: row.fetched > request.limit,
    appliedUpTo: row.applied_up_to ?? 0,
    serverHlc,
  };
  const json = `{"changes":[${row.changes ?? ''}],${JSON.stringify(rest).slice(1)}`;
  return { kind: 'ok', json };
}
