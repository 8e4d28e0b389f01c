import path from 'node:path';
import { redactUrl, type ServerConfig } from '../config.ts';
import { DataDirError, ensureWritableDir, lockDir, type DirLock } from '../data-dir.ts';
import { isNewEmbeddedStore } from '../demo/demo-policy.ts';
import { DEMO_ORGANISATION } from '../demo/seed-demo.ts';
import { resolveOrganisation } from '../import/runs.ts';
import { openPgliteStore } from '../store/pglite-store.ts';
import { openPostgresStore } from '../store/postgres-store.ts';
import type { Queryable, Store } from '../store/store.ts';

// The store of the command-line tools (`npm run import|export|admin`): the server's own
// configuration (DATABASE_URL, else the embedded store in SCHOUW_DATA_DIR, which only one process
// may open: stop the server first).

export interface CliStore {
  store: Store;
  /** The embedded store's directory was new before this command opened it. */
  newEmbeddedStore: boolean;
  close(): Promise<void>;
}

export async function openCliStore(config: ServerConfig): Promise<CliStore> {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const store = await openPostgresStore(url).catch((error: unknown) => {
      throw new DataDirError(
        `Kan PostgreSQL niet bereiken (cannot reach PostgreSQL) ${redactUrl(url)}: ` +
          `${(error as Error).message}`,
      );
    });
    return { store, newEmbeddedStore: false, close: () => store.close() };
  }
  ensureWritableDir(config.dataDir);
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const lock: DirLock = lockDir(path.join(config.dataDir, 'pglite.lock'), pgliteDir);
  try {
    const newEmbeddedStore = isNewEmbeddedStore(pgliteDir);
    const store = await openPgliteStore(pgliteDir);
    return {
      store,
      newEmbeddedStore,
      async close() {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The organisation a command works on: `--org` when given, else the demo organisation, but only
 * when it exists. Guessing another organisation (the only one, the first one) would put a
 * corporation's data where nobody asked for it.
 */
export async function targetOrganisation(
  store: Queryable,
  org: string | undefined,
): Promise<{ id: string; slug: string; name: string }> {
  if (org !== undefined) return resolveOrganisation(store, org);
  const demo = await store.query<{ id: string; slug: string; name: string }>(
    'SELECT id, slug, name FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  if (demo.rows[0]) return demo.rows[0];
  const { rows } = await store.query<{ slug: string }>(
    'SELECT slug FROM organisations ORDER BY slug LIMIT 20',
  );
  const known =
    rows.length === 0
      ? 'er is nog geen organisatie; maak er een met npm run admin -- organisation create'
      : `bekende organisaties: ${rows.map((row) => row.slug).join(', ')}`;
  throw new Error(
    `Organisatie ontbreekt: er is geen demo-organisatie, kies er een met --org <slug> (${known}) ` +
      `(organisation missing: there is no demo organisation, name one with --org)`,
  );
}
