// Every store test runs against both implementations: the embedded PGlite (in a temp dir) and
// a real PostgreSQL database of its own (see test/support/postgres.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store, StoreKind } from '../../src/server/store/store.ts';
import { createTestDatabase } from '../support/postgres.ts';

export const storeKinds: readonly StoreKind[] = ['pglite', 'postgres'];

export interface StoreFixture {
  kind: StoreKind;
  store: Store;
  /** For PostgreSQL the connection URL of this test's database. */
  databaseUrl: string | undefined;
  /** For PGlite the data directory of this test's database. */
  dataDir: string | undefined;
  /** Closes `store` (PGlite allows one opener) and opens the same database again. */
  reopen(): Promise<Store>;
  /** Another, concurrent connection pool to the same database (PostgreSQL only). */
  openAnother(): Promise<Store>;
}

const tempDirs: string[] = [];

/** A new empty directory under the system temp dir, removed after the test file. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `schouw-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

// Creating a PGlite database runs initdb in WebAssembly (seconds); copying an initialised,
// closed data directory gives the same fresh database in a fraction of that.
let pgliteTemplate: Promise<string> | undefined;
function pgliteTemplateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = path.join(makeTempDir('pglite-template'), 'pglite');
    const store = await openPgliteStore(dir);
    await store.close();
    return dir;
  })();
  return pgliteTemplate;
}

// Registered when a test file imports this module (each file gets a fresh copy).
afterAll(() => {
  pgliteTemplate = undefined;
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openFresh(
  kind: StoreKind,
): Promise<{ fixture: StoreFixture; dispose(): Promise<void> }> {
  const opened: Store[] = [];
  const track = (store: Store) => {
    opened.push(store);
    return store;
  };
  const closeAll = async () => {
    for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  };

  if (kind === 'pglite') {
    const root = makeTempDir('pglite');
    const dataDir = path.join(root, 'pglite');
    cpSync(await pgliteTemplateDir(), dataDir, { recursive: true });
    const fixture: StoreFixture = {
      kind,
      store: track(await openPgliteStore(dataDir)),
      databaseUrl: undefined,
      dataDir,
      async reopen() {
        await closeAll();
        fixture.store = track(await openPgliteStore(dataDir));
        return fixture.store;
      },
      openAnother() {
        throw new Error('PGlite allows one process and one connection per data directory');
      },
    };
    return {
      fixture,
      async dispose() {
        await closeAll();
        rmSync(root, { recursive: true, force: true });
      },
    };
  }

  const database = await createTestDatabase();
  const fixture: StoreFixture = {
    kind,
    store: track(await openPostgresStore(database.url)),
    databaseUrl: database.url,
    dataDir: undefined,
    async reopen() {
      await closeAll();
      fixture.store = track(await openPostgresStore(database.url));
      return fixture.store;
    },
    async openAnother() {
      return track(await openPostgresStore(database.url));
    },
  };
  return {
    fixture,
    async dispose() {
      await closeAll();
      await database.drop();
    },
  };
}

/** Gives each test of the enclosing describe its own empty store of `kind`. */
export function useFreshStore(kind: StoreKind): () => StoreFixture {
  let current: Awaited<ReturnType<typeof openFresh>> | undefined;
  beforeEach(async () => {
    current = await openFresh(kind);
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useFreshStore: only available inside a test');
    return current.fixture;
  };
}
