// Production mode: the demo organisation (with its published password) is seeded only into the
// newcomer's new embedded store or when SCHOUW_DEMO=1, never into PostgreSQL unless asked, and
// never with SCHOUW_DEMO=0. Without --org, imports and exports refuse when there is no demo.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/server/cli/export-command.ts';
import { runImportCommand } from '../../src/server/cli/import-command.ts';
import type { DemoSetting } from '../../src/server/config.ts';
import { startServer } from '../../src/server/server.ts';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { makeTempDir } from './store-fixtures.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures', name);

async function organisationsAfterStart(options: {
  dataDir: string;
  databaseUrl?: string;
  demo: DemoSetting;
}): Promise<string[]> {
  const distDir = makeTempDir('no-dist');
  const server = await startServer({
    config: {
      port: 0,
      dataDir: options.dataDir,
      distDir,
      databaseUrl: options.databaseUrl,
      demo: options.demo,
    },
    distDir,
    version: 'test',
    log: () => undefined,
  });
  try {
    const { rows } = await server.store.query<{ slug: string }>(
      'SELECT slug FROM organisations ORDER BY slug',
    );
    return rows.map((row) => row.slug);
  } finally {
    await server.close();
  }
}

describe('the demo organisation on the embedded store', () => {
  it('is seeded into a new data directory and kept, not seeded again, on restart', async () => {
    const dataDir = makeTempDir('demo-new');
    expect(await organisationsAfterStart({ dataDir, demo: 'auto' })).toEqual([
      'demo-woonstichting',
    ]);
    expect(await organisationsAfterStart({ dataDir, demo: 'auto' })).toEqual([
      'demo-woonstichting',
    ]);
  });

  it('is not seeded into a data directory that existed before, unless SCHOUW_DEMO=1', async () => {
    const dataDir = makeTempDir('demo-existing');
    // A store set up before the first server start, e.g. by `npm run admin`.
    await (await openPgliteStore(path.join(dataDir, 'pglite'))).close();
    expect(await organisationsAfterStart({ dataDir, demo: 'auto' })).toEqual([]);
    expect(await organisationsAfterStart({ dataDir, demo: 'on' })).toEqual(['demo-woonstichting']);
  });

  it('is never seeded with SCHOUW_DEMO=0, not even into a new data directory', async () => {
    const dataDir = makeTempDir('demo-off');
    expect(await organisationsAfterStart({ dataDir, demo: 'off' })).toEqual([]);
    expect(await organisationsAfterStart({ dataDir, demo: 'auto' })).toEqual([]);
  });

  it('makes imports and exports without --org refuse when there is no demo', async () => {
    const dataDir = makeTempDir('demo-cli');
    await (await openPgliteStore(path.join(dataDir, 'pglite'))).close();
    const env = { SCHOUW_DATA_DIR: dataDir };
    const io = { out: () => undefined, progress: () => undefined };
    await expect(runImportCommand(['bag', fixture('bag/pand.json')], env, io)).rejects.toThrow(
      /Organisatie ontbreekt: er is geen demo-organisatie.*--org.*admin -- organisation create/,
    );
    await expect(
      runExportCommand(['efg'], env, { write: async () => undefined, progress: () => undefined }),
    ).rejects.toThrow(/Organisatie ontbreekt/);
  }, 120_000);
});

describe('the demo organisation on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is seeded only when SCHOUW_DEMO=1, and imports without --org then refuse no longer', async () => {
    const dataDir = makeTempDir('demo-pg');
    const databaseUrl = database.url;
    expect(await organisationsAfterStart({ dataDir, databaseUrl, demo: 'auto' })).toEqual([]);
    const env = { DATABASE_URL: databaseUrl };
    const io = { out: () => undefined, progress: () => undefined };
    await expect(runImportCommand(['bag', fixture('bag/pand.json')], env, io)).rejects.toThrow(
      /Organisatie ontbreekt/,
    );
    expect(await organisationsAfterStart({ dataDir, databaseUrl, demo: 'off' })).toEqual([]);
    expect(await organisationsAfterStart({ dataDir, databaseUrl, demo: 'on' })).toEqual([
      'demo-woonstichting',
    ]);
    const report = await runImportCommand(['bag', fixture('bag/pand.json')], env, io);
    expect(report.kind).toBe('bag');
  }, 120_000);
});
