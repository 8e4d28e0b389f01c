// The sync engine's view of local storage: reading the outbox after a point, applying pulled record
// states field by field (shared/sync/merge.ts), the pull cursor, acknowledging confirmed ops and
// marking photos the server stored. Every pulled page is applied in ONE transaction together with
// its cursor and its acknowledgement, so a crash never leaves a cursor ahead of the data.
import {
  parseRefusals,
  REFUSALS_KEY,
  updateRefusals,
  type RefusalUpdate,
} from './refusal-repository.ts';
import Dexie, { type Table } from 'dexie';
import { answerIdParts, syncedEntities } from '../../shared/sync/entities.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import {
  emptyRecord,
  isDeleted,
  mergeRecordStates,
  type RecordState,
} from '../../shared/sync/merge.ts';
import type {
  EntityType,
  Op,
  PulledChange,
  ServerRecordState,
} from '../../shared/sync/protocol.ts';
import {
  CURRENT_SCHEMA_VERSION,
  SYNC_CURSOR_KEY,
  type ComplexRow,
  type DwellingRow,
  type OutboxRow,
  type PandRow,
  type SyncClocks,
} from './database.ts';
import { live, type Live } from './live.ts';
import { toOp } from './outbox-repository.ts';
import { WRITER_KEY, type StoreContext } from './store-context.ts';
import { complexSearchTokens, dwellingSearchTokens } from './search-tokens.ts';
import { getAppStoreContext } from './store.ts';
import { isTombstone, recordState, rowFromState } from './synced.ts';
import { uuidv7 } from '../../shared/ids.ts';

const LAST_SYNC_KEY = 'sync.lastSyncAt';

/** A photo whose bytes still have to reach the server. */
export interface PendingPhotoUpload {
  hash: string;
  mimeType: string;
  bytes: number;
}

export interface ApplyPullInput {
  changes: readonly PulledChange[];
  nextCursor: number;
  serverHlc: string;
  /** Ops of this device up to this seq are confirmed by the server and leave the outbox. */
  appliedUpTo: number;
}

/** A record whose op the server rejected, with the server's state of it after that push. */
export interface RejectedRecord {
  entity: EntityType;
  id: string;
  /** Null: the server has no such record. */
  current: ServerRecordState | null;
}

export interface AdoptServerStatesInput {
  /** The client whose push was answered. */
  clientId: string;
  /** The push answer's appliedUpTo: that client's ops up to it are part of `current` already. */
  appliedUpTo: number;
  serverHlc: string;
  records: readonly RejectedRecord[];
}

export interface SyncStore {
  readonly schemaVersion: number;
  clientId(): Promise<string>;
  pendingCount(): Promise<number>;
  watchPendingCount(): Live<number>;
  /** Client ids with ops in the outbox (normally only this device's; a restored backup adds more). */
  outboxClients(): Promise<string[]>;
  /** Ops of one client with seq > afterSeq, in seq order. */
  opsAfter(clientId: string, afterSeq: number, limit: number): Promise<Op[]>;
  /** Removes ops of `clientId` with seq <= `seq`. */
  acknowledgeUpTo(clientId: string, seq: number): Promise<number>;
  cursor(): Promise<number>;
  /** Merges one pulled page, stores its cursor and acknowledges confirmed ops, atomically. */
  applyPull(input: ApplyPullInput): Promise<void>;
  /**
   * After rejected ops: each record goes back to the server's state, in one transaction, except
   * the fields (and delete) of ops still waiting in the outbox, which are newer edits and will be
   * pushed. Fields the server lacks are dropped; a record the server does not have is removed
   * (photo bytes stay). Returns how many local records changed.
   */
  adoptServerStates(input: AdoptServerStatesInput): Promise<number>;
  /** Keeps the refused ops of a push answer per record, and settles records now applied. */
  noteRefusals(update: RefusalUpdate): Promise<void>;
  pendingPhotoUploads(): Promise<PendingPhotoUpload[]>;
  photoBytes(hash: string): Promise<ArrayBuffer | undefined>;
  /** Call only after the server stored and verified the bytes. */
  markPhotoUploaded(hash: string): Promise<void>;
  /**
   * Photos this device knows from a pull but holds no bytes of (taken on another device), leaving
   * out deleted ones and those in `skip`; at most `limit`.
   */
  photosMissingData(limit: number, skip?: ReadonlySet<string>): Promise<PendingPhotoUpload[]>;
  /**
   * Stores downloaded bytes the caller verified against the hash. Never queues them for upload.
   * False when the metadata row is gone or bytes were already there (nothing written).
   */
  storeDownloadedPhoto(hash: string, data: ArrayBuffer): Promise<boolean>;
  lastSyncAt(): Promise<number | undefined>;
  setLastSyncAt(at: number): Promise<void>;
  /**
   * Forgets the pull cursor and last-sync time, so the next sync pulls everything again. Call it
   * when the local work is cleared (sign-out of one user, another signs in).
   */
  resetSyncState(): Promise<void>;
}

type SyncedRow = SyncClocks & Record<string, unknown>;

function sameRecordState(a: RecordState, b: RecordState): boolean {
  if (a.deletedHlc !== b.deletedHlc) return false;
  const names = Object.keys(a.fields);
  if (names.length !== Object.keys(b.fields).length) return false;
  return names.every((name) => {
    const [x, y] = [a.fields[name], b.fields[name]];
    return x !== undefined && y !== undefined && x.hlc === y.hlc;
  });
}

function remoteState(change: PulledChange): RecordState {
  const fields: RecordState['fields'] = {};
  for (const [name, field] of Object.entries(change.fields))
    fields[name] = { value: field.value, hlc: field.hlc };
  return change.deletedHlc === undefined ? { fields } : { fields, deletedHlc: change.deletedHlc };
}

/** An answer's op id is "<inspectionId>/<questionId>"; inspection ids never contain a slash. */
function answerKey(id: string): [string, string] {
  const { inspectionId, questionId } = answerIdParts(id);
  return [inspectionId, questionId];
}

export function createSyncStore(context: StoreContext): SyncStore {
  const db = context.db;

  async function mergeInto(
    table: Table,
    key: unknown,
    keyFields: Record<string, unknown>,
    change: PulledChange,
    defaults: Record<string, unknown> = {},
  ): Promise<{ before: SyncedRow | undefined; after: SyncedRow }> {
    const before = (await table.get(key as string)) as SyncedRow | undefined;
    const local = before ? recordState(before) : { fields: {} };
    const merged = mergeRecordStates(local, remoteState(change));
    const after = rowFromState({ ...(before ?? defaults), ...keyFields }, merged);
    if (merged !== local || !before) await table.put(after);
    return { before, after };
  }

  /** Every table a synced record (not the portfolio) or its bookkeeping touches. */
  function recordTables(): Table[] {
    return [
      db.meta,
      db.outbox,
      db.answerHistory,
      ...Object.values(syncedEntities).map((spec) => db.table(spec.table)),
    ];
  }

  /**
   * The device's clock moved past the server's and every given record's field clocks, so later
   * local edits sort after them; `save` stores it. Runs inside the caller's transaction.
   */
  async function clockAfter(
    serverHlc: string,
    states: Iterable<{ fields: Record<string, { hlc: string }>; deletedHlc?: string | undefined }>,
  ) {
    const state = await context.readWriterState();
    const clock = new HybridLogicalClock(state.clientId, context.now, state.hlc);
    clock.receive(serverHlc);
    for (const record of states) {
      for (const field of Object.values(record.fields)) clock.receive(field.hlc);
      if (record.deletedHlc !== undefined) clock.receive(record.deletedHlc);
    }
    const save = () => db.meta.put({ key: WRITER_KEY, value: { ...state, hlc: clock.current() } });
    return { state, clock, save };
  }

  /** The local table, key and key fields of a synced record (shared/sync/entities.ts). */
  function localRecord(entity: EntityType, id: string) {
    const spec = syncedEntities[entity];
    const table = db.table(spec.table);
    switch (spec.key) {
      case 'inspection-question': {
        const [inspectionId, questionId] = answerKey(id);
        return {
          table,
          key: [inspectionId, questionId] as unknown,
          keyFields: { inspectionId, questionId } as Record<string, unknown>,
        };
      }
      case 'hash':
        return { table, key: id as unknown, keyFields: { hash: id } as Record<string, unknown> };
      case 'id':
        return { table, key: id as unknown, keyFields: { id } as Record<string, unknown> };
    }
  }

  /**
   * Replaces a record's synced fields with the server's `current`, keeping the fields and delete
   * of pending ops (`pending`). Returns whether the local row changed.
   */
  async function adoptServerState(
    record: RejectedRecord,
    pending: { fields: Set<string>; deleted: boolean },
    at: string,
    stamp: () => string,
  ): Promise<boolean> {
    // The server never accepted this record: keep what the user made (nothing is lost; the
    // rejection reason stays visible) rather than delete work the server has no copy of.
    if (record.current === null) return false;
    const { table, key, keyFields } = localRecord(record.entity, record.id);
    const before = (await table.get(key as string)) as SyncedRow | undefined;
    const local = before ? recordState(before) : emptyRecord();
    const fields: RecordState['fields'] = { ...record.current?.fields };
    for (const name of pending.fields) {
      const field = local.fields[name];
      if (field) fields[name] = field;
    }
    const deletedHlc = pending.deleted ? local.deletedHlc : record.current?.deletedHlc;
    const state: RecordState = deletedHlc === undefined ? { fields } : { fields, deletedHlc };
    let after: SyncedRow | undefined;
    if (record.current !== null || Object.keys(fields).length > 0 || deletedHlc !== undefined) {
      // Local-only properties (a photo's `uploaded`) stay; every synced field is replaced.
      const base: Record<string, unknown> = { ...before };
      for (const name of Object.keys(local.fields)) delete base[name];
      after = rowFromState({ ...base, ...keyFields }, state);
    }
    if (before && after && sameRecordState(local, state)) return false;
    if (!before && !after) return false;
    if (after) await table.put(after);
    else await table.delete(key as string);

    if (record.entity === 'answer' && before) {
      // Like a pulled change that won: the refused local value stays in the answer's history,
      // stamped now on this device (after the refused write, whatever the server's clock says).
      const newValue = after && !isDeleted(state) ? (after.value ?? null) : null;
      await noteAnswerReplaced(record.id, before, newValue, after?.answeredBy, at, stamp);
    }
    return true;
  }

  /**
   * An answer's value was replaced by the server's (a pull that won, or a refused change taken
   * back): the replaced value stays in the answer's history.
   */
  async function noteAnswerReplaced(
    id: string,
    before: SyncedRow,
    newValue: unknown,
    by: unknown,
    at: string,
    hlc: () => string,
  ): Promise<void> {
    const oldValue = (before.value ?? null) as unknown;
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) return;
    const [inspectionId, questionId] = answerKey(id);
    await db.answerHistory.add({
      id: uuidv7(context.now()),
      inspectionId,
      questionId,
      oldValue: oldValue as never,
      newValue: newValue as never,
      at,
      hlc: hlc(),
      ...(typeof by === 'string' && { by }),
      reason: 'replaced',
    });
  }

  async function applyChange(change: PulledChange, at: string): Promise<void> {
    const values = Object.fromEntries(
      Object.entries(change.fields).map(([name, field]) => [name, field.value]),
    );
    switch (change.entity) {
      case 'complex':
      case 'pand':
      case 'verblijfsobject':
        await applyPortfolioChange(change, values);
        return;
      default: {
        const { table, key, keyFields } = localRecord(change.entity, change.id);
        // A photo first seen in a pull was taken elsewhere: its bytes are not ours to upload.
        const defaults = change.entity === 'photo' ? { uploaded: 1 } : {};
        const { before, after } = await mergeInto(table, key, keyFields, change, defaults);
        if (change.entity === 'answer' && before) {
          // Someone else's newer answer won over a local one: keep the local value in the
          // history, with who wrote the winning value so the history can name them.
          const hlc = after.clocks.value ?? change.deletedHlc ?? '';
          await noteAnswerReplaced(
            change.id,
            before,
            after.value ?? null,
            after.answeredBy,
            at,
            () => hlc,
          );
        }
        return;
      }
    }
  }

  /**
   * The portfolio is server-owned: the newest pulled state replaces the local row (no local edits
   * to protect), with the search tokens and dwelling counts the device keeps beside it.
   */
  async function applyPortfolioChange(
    change: PulledChange,
    values: Record<string, unknown>,
  ): Promise<void> {
    const deleted = isDeleted(remoteState(change));
    if (change.entity === 'complex') {
      if (deleted) {
        await db.complexes.delete(change.id);
        return;
      }
      const existing = await db.complexes.get(change.id);
      const row = { dwellingCount: 0, ...existing, ...values, id: change.id } as ComplexRow;
      await db.complexes.put({ ...row, searchTokens: complexSearchTokens(row) });
      touchedComplexes.add(change.id);
    } else if (change.entity === 'pand') {
      if (deleted) {
        await db.panden.delete(change.id);
        return;
      }
      const existing = await db.panden.get(change.id);
      await db.panden.put({ ...existing, ...values, id: change.id } as PandRow);
    } else {
      const existing = await db.dwellings.get(change.id);
      if (existing) touchedComplexes.add(existing.complexId);
      if (deleted) {
        await db.dwellings.delete(change.id);
        return;
      }
      const row = { ...existing, ...values, id: change.id } as DwellingRow;
      await db.dwellings.put({ ...row, searchTokens: dwellingSearchTokens(row) });
      touchedComplexes.add(row.complexId);
    }
  }

  const touchedComplexes = new Set<string>();

  /** Dwelling counts of complexes whose dwellings changed in this page. */
  async function recountDwellings(): Promise<void> {
    for (const complexId of touchedComplexes) {
      const count = await db.dwellings.where('complexId').equals(complexId).count();
      await db.complexes.update(complexId, { dwellingCount: count });
    }
    touchedComplexes.clear();
  }

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    clientId: () => context.clientId(),
    pendingCount: () => context.run(() => db.outbox.count()),
    watchPendingCount: () => live(() => db.outbox.count()),

    outboxClients: () =>
      context.run(async () => {
        const keys = await db.outbox.toCollection().primaryKeys();
        return [...new Set(keys.map(([clientId]) => clientId))];
      }),

    opsAfter: (clientId, afterSeq, limit) =>
      context.run(async () => {
        const rows: OutboxRow[] = await db.outbox
          .where('[clientId+seq]')
          .between([clientId, afterSeq], [clientId, Dexie.maxKey], false, true)
          .limit(limit)
          .toArray();
        return rows.map(toOp);
      }),

    acknowledgeUpTo: (clientId, seq) =>
      context.run(() =>
        db.outbox
          .where('[clientId+seq]')
          .between([clientId, Dexie.minKey], [clientId, seq], true, true)
          .delete(),
      ),

    cursor: () =>
      context.run(
        async () => ((await db.meta.get(SYNC_CURSOR_KEY))?.value as number | undefined) ?? 0,
      ),

    applyPull: (input) =>
      context.run(() =>
        db.transaction(
          'rw',
          [...recordTables(), db.complexes, db.panden, db.dwellings],
          async () => {
            const at = context.nowIso();
            touchedComplexes.clear();
            for (const change of input.changes) await applyChange(change, at);
            await recountDwellings();
            // Later local edits sort after what was just pulled.
            const { state, save } = await clockAfter(input.serverHlc, input.changes);
            await save();
            await db.meta.put({ key: SYNC_CURSOR_KEY, value: input.nextCursor });
            if (input.appliedUpTo > 0)
              await db.outbox
                .where('[clientId+seq]')
                .between(
                  [state.clientId, Dexie.minKey],
                  [state.clientId, input.appliedUpTo],
                  true,
                  true,
                )
                .delete();
          },
        ),
      ),

    adoptServerStates: (input) =>
      context.run(() =>
        db.transaction('rw', recordTables(), async () => {
          const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;
          const records = new Map<string, RejectedRecord>();
          for (const record of input.records)
            records.set(recordKey(record.entity, record.id), record);
          if (records.size === 0) return 0;
          // Ops the server has not seen yet (later ones of this client, and any other client's
          // from a restored backup): their fields are the user's newer edits.
          const pending = new Map<string, { fields: Set<string>; deleted: boolean }>();
          await db.outbox
            .filter(
              (row) =>
                records.has(recordKey(row.entity, row.id)) &&
                (row.clientId !== input.clientId || row.seq > input.appliedUpTo),
            )
            .each((row) => {
              const k = recordKey(row.entity, row.id);
              const entry = pending.get(k) ?? { fields: new Set<string>(), deleted: false };
              for (const name of Object.keys(row.fields)) entry.fields.add(name);
              if (row.kind === 'delete') entry.deleted = true;
              pending.set(k, entry);
            });
          // Later local edits must sort after the server's clocks taken over here.
          const { clock, save } = await clockAfter(
            input.serverHlc,
            [...records.values()].flatMap((record) => (record.current ? [record.current] : [])),
          );
          const at = context.nowIso();
          let changed = 0;
          for (const [k, record] of records) {
            const kept = pending.get(k) ?? { fields: new Set<string>(), deleted: false };
            if (await adoptServerState(record, kept, at, () => clock.tick())) changed += 1;
          }
          await save();
          return changed;
        }),
      ),

    noteRefusals: (update) =>
      context.run(() =>
        db.transaction('rw', db.meta, async () => {
          const list = parseRefusals((await db.meta.get(REFUSALS_KEY))?.value);
          const next = updateRefusals(list, update, context.nowIso());
          if (JSON.stringify(next) !== JSON.stringify(list))
            await db.meta.put({ key: REFUSALS_KEY, value: next });
        }),
      ),

    pendingPhotoUploads: () =>
      context.run(async () => {
        const rows = await db.photos.where('uploaded').equals(0).toArray();
        const withBytes = await db.photoData.bulkGet(rows.map((row) => row.hash));
        return rows
          .filter((_, index) => withBytes[index] !== undefined)
          .map((row) => ({ hash: row.hash, mimeType: row.mimeType, bytes: row.bytes }));
      }),

    photoBytes: (hash) => context.run(async () => (await db.photoData.get(hash))?.data),

    markPhotoUploaded: (hash) =>
      context.run(() =>
        db.transaction('rw', db.photos, async () => {
          await db.photos.update(hash, { uploaded: 1 });
        }),
      ),

    photosMissingData: (limit, skip = new Set()) =>
      context.run(() =>
        db.transaction('r', [db.photos, db.photoData], async () => {
          const hashes = await db.photoData.toCollection().primaryKeys();
          const held = new Set<string>(hashes);
          // Photo metadata is small (one row per photo); the bytes are never loaded here.
          const rows = await db.photos
            .filter((row) => !held.has(row.hash) && !skip.has(row.hash) && !isTombstone(row))
            .limit(limit)
            .toArray();
          return rows.map((row) => ({ hash: row.hash, mimeType: row.mimeType, bytes: row.bytes }));
        }),
      ),

    storeDownloadedPhoto: (hash, data) =>
      context.run(() =>
        db.transaction('rw', [db.photos, db.photoData], async () => {
          const [row, existing] = await Promise.all([db.photos.get(hash), db.photoData.get(hash)]);
          if (!row || existing) return false;
          // The thumbnail is left out: photoThumbnails() falls back to the original bytes.
          await db.photoData.add({ hash, data });
          if (row.uploaded !== 1) await db.photos.update(hash, { uploaded: 1 });
          return true;
        }),
      ),

    lastSyncAt: () =>
      context.run(async () => (await db.meta.get(LAST_SYNC_KEY))?.value as number | undefined),

    resetSyncState: () => context.run(() => db.meta.bulkDelete([SYNC_CURSOR_KEY, LAST_SYNC_KEY])),

    setLastSyncAt: (at) =>
      context.run(async () => {
        await db.meta.put({ key: LAST_SYNC_KEY, value: at });
      }),
  };
}

let appSyncStore: SyncStore | undefined;

/** The sync store over the running app's database. */
export function getAppSyncStore(): SyncStore {
  appSyncStore ??= createSyncStore(getAppStoreContext());
  return appSyncStore;
}
