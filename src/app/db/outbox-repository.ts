// The outbox: every local change as a protocol Op, in (clientId, seq) order, until the server
// confirms it. The sync engine (a later issue) reads batches here and acknowledges them; the UI
// shows the count and warns when the oldest change waits too long.
import Dexie from 'dexie';
import type { Op } from '../../shared/sync/protocol.ts';
import type { OutboxRow } from './database.ts';
import { live, type Live } from './live.ts';
import type { StoreContext } from './store-context.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Unsynced work older than this deserves a warning ("sync or make a backup"). */
export const UNSYNCED_WARNING_AGE_MS = 3 * DAY_MS;

export interface OutboxSummary {
  count: number;
  /** Epoch ms of the oldest unconfirmed change; undefined when nothing waits. */
  oldestAt: number | undefined;
}

/** The protocol op an outbox row carries (without its local `createdAt`). */
export function toOp(row: OutboxRow): Op {
  return {
    clientId: row.clientId,
    seq: row.seq,
    entity: row.entity,
    id: row.id,
    hlc: row.hlc,
    kind: row.kind,
    fields: row.fields,
  };
}

export class OutboxRepository {
  constructor(private readonly context: StoreContext) {}

  /** This device's persistent client id (UUIDv7), the first half of every op's (clientId, seq). */
  clientId(): Promise<string> {
    return this.context.clientId();
  }

  /** Number of changes not yet confirmed by the server. */
  pendingCount(): Promise<number> {
    const { db } = this.context;
    return this.context.run(() => db.outbox.count());
  }

  watchPendingCount(): Live<number> {
    const { db } = this.context;
    return live(() => db.outbox.count());
  }

  /** When the oldest unconfirmed change was made (epoch ms), or undefined. */
  oldestPendingAt(): Promise<number | undefined> {
    return this.context.run(() => this.readOldest());
  }

  /** How long the oldest unconfirmed change has waited, in ms; undefined when nothing waits. */
  async oldestUnsyncedAge(): Promise<number | undefined> {
    const oldest = await this.oldestPendingAt();
    return oldest === undefined ? undefined : Math.max(0, this.context.now() - oldest);
  }

  /** True when some change has waited longer than UNSYNCED_WARNING_AGE_MS. */
  async unsyncedTooOld(): Promise<boolean> {
    const age = await this.oldestUnsyncedAge();
    return age !== undefined && age > UNSYNCED_WARNING_AGE_MS;
  }

  watchSummary(): Live<OutboxSummary> {
    const { db } = this.context;
    return live(async () => ({
      count: await db.outbox.count(),
      oldestAt: await this.readOldest(),
    }));
  }

  /**
   * The oldest `limit` ops, grouped per client in seq order (the server requires each client's
   * ops without gaps). They stay in the outbox until acknowledged.
   */
  peekBatch(limit: number): Promise<Op[]> {
    const { db } = this.context;
    return this.context.run(async () => (await db.outbox.limit(limit).toArray()).map(toOp));
  }

  /**
   * Removes the ops of `clientId` (default: this device) with seq <= `seq`, once a pull confirmed
   * the server applied them. Returns how many were removed.
   */
  async acknowledgeUpTo(seq: number, clientId?: string): Promise<number> {
    const owner = clientId ?? (await this.context.clientId());
    const { db } = this.context;
    return this.context.run(() =>
      db.outbox
        .where('[clientId+seq]')
        .between([owner, Dexie.minKey], [owner, seq], true, true)
        .delete(),
    );
  }

  private async readOldest(): Promise<number | undefined> {
    const first = await this.context.db.outbox.orderBy('createdAt').first();
    return first?.createdAt;
  }
}
