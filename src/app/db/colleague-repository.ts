// The organisation's user directory as the device last fetched it (GET /api/users/directory),
// kept in `meta` so histories can name colleagues offline. It lives in the work database on
// purpose: clearing the device at sign-out removes it with everything else of that user.
import { DirectoryUserSchema, type DirectoryUser } from '../../shared/auth.ts';
import { live, type Live } from './live.ts';
import type { StoreContext } from './store-context.ts';

const COLLEAGUES_KEY = 'colleagues';

export interface ColleagueDirectory {
  /** The organisation the list belongs to; a list of another organisation is never shown. */
  organisationId: string;
  users: readonly DirectoryUser[];
  /** ISO time the server gave this list. */
  fetchedAt: string;
}

function parseDirectory(value: unknown): ColleagueDirectory | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as Partial<Record<keyof ColleagueDirectory, unknown>>;
  if (typeof row.organisationId !== 'string' || typeof row.fetchedAt !== 'string') return undefined;
  const users = DirectoryUserSchema.array().safeParse(row.users);
  // A damaged row is treated as "no list yet": names fall back to "een collega".
  return users.success
    ? { organisationId: row.organisationId, users: users.data, fetchedAt: row.fetchedAt }
    : undefined;
}

export class ColleagueRepository {
  constructor(private readonly context: StoreContext) {}

  /** Replaces the kept list with the server's newest answer. */
  replace(organisationId: string, users: readonly DirectoryUser[]): Promise<void> {
    const { db } = this.context;
    const value: ColleagueDirectory = {
      organisationId,
      users: [...users],
      fetchedAt: this.context.nowIso(),
    };
    return this.context.run(async () => {
      await db.meta.put({ key: COLLEAGUES_KEY, value });
    });
  }

  get(): Promise<ColleagueDirectory | undefined> {
    const { db } = this.context;
    return this.context.run(async () => parseDirectory((await db.meta.get(COLLEAGUES_KEY))?.value));
  }

  /** The kept list, again after every change (a refresh in this or another tab, a clear). */
  watch(): Live<ColleagueDirectory | undefined> {
    const { db } = this.context;
    return live(async () => parseDirectory((await db.meta.get(COLLEAGUES_KEY))?.value));
  }
}
