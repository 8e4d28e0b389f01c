// Ops the server refused, kept per record with the fields they changed and the server's reason,
// so the screen where the user made the change can say "niet opgeslagen: <reason>" next to the
// server's value (adopted by the sync store), and the status bar can count them as refused. A
// later op on the same record that the server applies settles the refusal. Kept in `meta`: it is
// small, and clearing the device at sign-out removes it with the work it is about.
import { z } from 'zod';
import type { EntityType } from '../../shared/sync/protocol.ts';
import { live, type Live } from './live.ts';
import type { StoreContext } from './store-context.ts';

export const REFUSALS_KEY = 'refusals';
/** At most this many are kept (the oldest go first). */
const MAX_REFUSALS = 200;

export interface Refusal {
  entity: EntityType;
  id: string;
  /** The fields the refused op(s) changed; empty for a refused delete. */
  fields: string[];
  reason: string;
  /** ISO time the device learnt of the refusal. */
  at: string;
}

const RefusalListSchema = z.array(
  z.object({
    entity: z.string(),
    id: z.string(),
    fields: z.array(z.string()),
    reason: z.string(),
    at: z.string(),
  }),
);

export function parseRefusals(value: unknown): Refusal[] {
  const parsed = RefusalListSchema.safeParse(value);
  return parsed.success ? (parsed.data as Refusal[]) : [];
}

export interface RefusalUpdate {
  refused: readonly Omit<Refusal, 'at'>[];
  /** Records with an op the server applied in the same answer: their refusal is settled. */
  settled: readonly { entity: EntityType; id: string }[];
}

const keyOf = (entity: string, id: string) => `${entity}/${id}`;

/** The new list after a push answer (pure, for the sync store's transaction and for tests). */
export function updateRefusals(list: readonly Refusal[], update: RefusalUpdate, at: string) {
  const byKey = new Map(list.map((refusal) => [keyOf(refusal.entity, refusal.id), refusal]));
  for (const record of update.settled) byKey.delete(keyOf(record.entity, record.id));
  for (const refusal of update.refused) {
    const key = keyOf(refusal.entity, refusal.id);
    const earlier = byKey.get(key);
    const fields = [...new Set([...(earlier?.fields ?? []), ...refusal.fields])];
    byKey.delete(key);
    byKey.set(key, { ...refusal, fields, at });
  }
  return [...byKey.values()].slice(-MAX_REFUSALS);
}

export class RefusalRepository {
  constructor(private readonly context: StoreContext) {}

  list(): Promise<Refusal[]> {
    return this.context.run(() => this.read());
  }

  watch(): Live<Refusal[]> {
    return live(() => this.read());
  }

  /** The user read it and wants it gone (the record already shows the server's value). */
  dismiss(entity: EntityType, id: string): Promise<void> {
    const { db } = this.context;
    return this.context.run(() =>
      db.transaction('rw', db.meta, async () => {
        const next = updateRefusals(
          await this.read(),
          { refused: [], settled: [{ entity, id }] },
          '',
        );
        await db.meta.put({ key: REFUSALS_KEY, value: next });
      }),
    );
  }

  private async read(): Promise<Refusal[]> {
    return parseRefusals((await this.context.db.meta.get(REFUSALS_KEY))?.value);
  }
}
