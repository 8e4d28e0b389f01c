// What every repository shares: the database, the device adapters, and the two rules that make a
// user action durable and syncable:
//   1. one readwrite transaction writes the entity AND its outbox op (and the clock/seq state),
//      so either everything is stored or nothing is;
//   2. a lost connection is reopened and the action retried once; a refused write because the
//      disk is full becomes a StorageFullError with a Dutch message.
import type { Table } from 'dexie';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import type { EntityType } from '../../shared/sync/protocol.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { sha256Hex, type HashFunction } from '../platform/crypto.ts';
import { browserStorage, type DeviceStorage } from '../platform/storage.ts';
import { SchouwDatabase, type OutboxRow, type SyncClocks } from './database.ts';
import { StorageFullError, StoreError } from './errors.ts';

export interface StoreOptions {
  /** IndexedDB database name; tests and benchmarks use their own. */
  name?: string;
  storage?: DeviceStorage;
  hash?: HashFunction;
  /** Wall clock in epoch ms; injectable so tests control time. */
  now?: () => number;
  /** The signed-in user's id, recorded as `by` in histories; undefined when unknown. */
  currentUser?: () => string | undefined;
  /**
   * Chromium's commit durability. 'strict' waits until the OS flushed the write to disk, so an
   * answer survives a power cut, not only a crash of the browser.
   */
  durability?: 'default' | 'strict' | 'relaxed';
}

/** Clock and sequence state of this device, persisted in `meta` under WRITER_KEY. */
export interface WriterState {
  clientId: string;
  /** The seq of the newest op this client created; never reused, even after acknowledgement. */
  lastSeq: number;
  /** The newest HLC this device produced or received. */
  hlc: string;
}

export const WRITER_KEY = 'writer';

/** A transaction treats usage above this share of the quota as "full" when it aborts. */
const NEARLY_FULL_SHARE = 0.98;

export interface WriteScope {
  readonly clientId: string;
  /** ISO time of this user action. */
  readonly at: string;
  readonly by: string | undefined;
  /** A fresh HLC stamp, greater than every stamp this device has produced or seen. */
  stamp(): string;
  /** Adds an outbox op (clientId, next seq) in the running transaction. */
  enqueue(
    entity: EntityType,
    id: string,
    kind: 'upsert' | 'delete',
    fields: Record<string, unknown>,
    hlc: string,
  ): Promise<void>;
}

function errorChain(error: unknown): { name?: unknown; message?: unknown }[] {
  const chain: { name?: unknown; message?: unknown }[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    chain.push(current as { name?: unknown });
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return chain;
}

function hasErrorName(error: unknown, names: readonly string[]): boolean {
  return errorChain(error).some(
    (item) => typeof item.name === 'string' && names.includes(item.name),
  );
}

/** The connection to IndexedDB was closed under us (browser, another tab's upgrade, eviction). */
export function isConnectionLost(error: unknown): boolean {
  return hasErrorName(error, ['DatabaseClosedError', 'InvalidStateError']);
}

export function isQuotaError(error: unknown): boolean {
  return hasErrorName(error, ['QuotaExceededError']);
}

/** Browsers report a full disk inconsistently: sometimes only as an aborted transaction. */
function isPossibleQuotaError(error: unknown): boolean {
  return hasErrorName(error, ['AbortError', 'UnknownError']);
}

/** Marks `fields` as written at `hlc` in a row's per-field clocks. */
export function withClocks(
  previous: SyncClocks['clocks'] | undefined,
  fields: Record<string, unknown>,
  hlc: string,
): Record<string, string> {
  const clocks = { ...previous };
  for (const name of Object.keys(fields)) clocks[name] = hlc;
  return clocks;
}

export class StoreContext {
  readonly db: SchouwDatabase;
  readonly storage: DeviceStorage;
  readonly hash: HashFunction;
  readonly now: () => number;
  readonly currentUser: () => string | undefined;
  private reopening: Promise<void> | undefined;

  constructor(options: StoreOptions = {}) {
    this.db = new SchouwDatabase(options.name, options.durability);
    this.storage = options.storage ?? browserStorage;
    this.hash = options.hash ?? sha256Hex;
    this.now = options.now ?? Date.now;
    this.currentUser = options.currentUser ?? (() => undefined);
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * Runs a database operation; when the connection was lost it reopens once and retries, and it
   * turns quota failures into StorageFullError. The operation must be safe to run twice after a
   * failure, which holds for one transaction: a failed transaction left nothing behind.
   */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!isConnectionLost(error)) throw await this.mapError(error);
      await this.reopen();
      try {
        return await operation();
      } catch (second) {
        throw await this.mapError(second);
      }
    }
  }

  /** One readwrite transaction over `tables` plus outbox and meta: entity, op and clock together. */
  write<T>(tables: readonly Table[], body: (scope: WriteScope) => Promise<T>): Promise<T> {
    const db = this.db;
    return this.run(() =>
      db.transaction('rw', [db.meta, db.outbox, ...tables], async () => {
        const state = await this.readWriterState();
        const clock = new HybridLogicalClock(state.clientId, this.now, state.hlc);
        let seq = state.lastSeq;
        const createdAt = this.now();
        const scope: WriteScope = {
          clientId: state.clientId,
          at: new Date(createdAt).toISOString(),
          by: this.currentUser(),
          stamp: () => clock.tick(),
          enqueue: async (entity, id, kind, fields, hlc) => {
            seq += 1;
            const row: OutboxRow = {
              clientId: state.clientId,
              seq,
              entity,
              id,
              hlc,
              kind,
              fields,
              createdAt,
            };
            await db.outbox.add(row);
          },
        };
        const result = await body(scope);
        const next: WriterState = { clientId: state.clientId, lastSeq: seq, hlc: clock.current() };
        await db.meta.put({ key: WRITER_KEY, value: next });
        return result;
      }),
    );
  }

  /** The writer state; creates this device's clientId on first use. Call inside a transaction with meta. */
  async readWriterState(): Promise<WriterState> {
    const row = await this.db.meta.get(WRITER_KEY);
    if (row) return row.value as WriterState;
    const clientId = uuidv7(this.now());
    const clock = new HybridLogicalClock(clientId, this.now);
    return { clientId, lastSeq: 0, hlc: clock.current() };
  }

  /** This device's persistent clientId (UUIDv7), created on first use. */
  clientId(): Promise<string> {
    const db = this.db;
    return this.run(() =>
      db.transaction('rw', db.meta, async () => {
        const existing = await db.meta.get(WRITER_KEY);
        if (existing) return (existing.value as WriterState).clientId;
        const state = await this.readWriterState();
        await db.meta.add({ key: WRITER_KEY, value: state });
        return state.clientId;
      }),
    );
  }

  /**
   * Fails with StorageFullError when writing `bytes` more would exceed the quota, keeping
   * `headroom` free so answers can still be saved after a photo was refused.
   */
  async ensureRoomFor(bytes: number, headroom: number): Promise<void> {
    const estimate = await this.storage.estimate().catch(() => undefined);
    if (!estimate) return;
    if (estimate.usage + bytes + headroom > estimate.quota)
      throw new StorageFullError({ neededBytes: bytes });
  }

  private async reopen(): Promise<void> {
    this.reopening ??= (async () => {
      try {
        this.db.close();
        await this.db.open();
      } finally {
        this.reopening = undefined;
      }
    })();
    await this.reopening;
  }

  private async mapError(error: unknown): Promise<unknown> {
    // Our own errors thrown inside a transaction come back as they were thrown.
    const own = errorChain(error).find((item) => item instanceof StoreError);
    if (own) return own;
    if (isQuotaError(error)) return new StorageFullError({ cause: error });
    if (isPossibleQuotaError(error)) {
      const estimate = await this.storage.estimate().catch(() => undefined);
      if (estimate && estimate.usage >= estimate.quota * NEARLY_FULL_SHARE)
        return new StorageFullError({ cause: error });
    }
    return error;
  }
}
