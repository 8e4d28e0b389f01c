// One running import per organisation, kept by the database for every server node, and the
// lease by which a run whose server died is recovered (marked failed, with the reason).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import {
  ImportRunningError,
  recoverExpiredRuns,
  reserveImportRun,
} from '../../src/server/import/runs.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { createSignedInUser } from './support/auth.ts';

const epSample = readFileSync(
  path.join(import.meta.dirname, '../fixtures/ep-online-v2-sample.csv'),
);

async function demoOrganisation(store: Store) {
  await migrate(store);
  await seedDemoData(store);
  const { rows } = await store.query<{ id: string; name: string; slug: string }>(
    'SELECT id, name, slug FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  if (!rows[0]) throw new Error('no demo organisation');
  return rows[0];
}

function importApp(store: Store) {
  return createApp({
    store,
    distDir: makeTempDir('no-dist'),
    version: 'test',
    importDir: makeTempDir('imports'),
    logError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
}

async function runningRuns(store: Store) {
  const { rows } = await store.query<{ id: string }>(
    `SELECT id FROM import_runs WHERE status = 'running'`,
  );
  return rows.map((row) => row.id);
}

describe.each(storeKinds)('import runs on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('lets one run per organisation hold the import slot until it is done', async () => {
    const { store } = fixture();
    const organisation = await demoOrganisation(store);
    const first = await reserveImportRun(store, 'ep-online', organisation.id, 'a.csv');
    await expect(
      reserveImportRun(store, 'portfolio', organisation.id, 'b.csv'),
    ).rejects.toBeInstanceOf(ImportRunningError);
    // Written straight to the table (as another node would), the database refuses it too.
    await expect(
      store.query(
        `INSERT INTO import_runs (id, organisation_id, kind, file_name, status)
         VALUES ($1, $2, 'bag', 'c.json', 'running')`,
        [crypto.randomUUID(), organisation.id],
      ),
    ).rejects.toMatchObject({ code: '23505' });
    await first.cancel();
    const second = await reserveImportRun(store, 'portfolio', organisation.id, 'b.csv');
    const run = await second.start(async () => {
      throw new Error('kapot');
    });
    await expect(run.finished).rejects.toThrow('kapot');
    const third = await reserveImportRun(store, 'bag', organisation.id, 'c.json');
    await third.cancel();
    expect(await runningRuns(store)).toEqual([]);
  });

  it('refuses a second upload while the first is still being received', async () => {
    const { store } = fixture();
    const organisation = await demoOrganisation(store);
    const { headers } = await createSignedInUser(store, { role: 'beheerder', organisation });
    // With PostgreSQL the second upload goes through another server (its own connection pool).
    const other = kind === 'postgres' ? await fixture().openAnother() : store;
    const [nodeA, nodeB] = [importApp(store), importApp(other)];
    let finishBody: () => void = () => undefined;
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(epSample));
        finishBody = () => controller.close();
      },
    });
    const first = nodeA.request('/api/imports?kind=ep-online&fileName=eerste.csv', {
      method: 'POST',
      headers,
      body: slowBody,
      duplex: 'half',
    } as RequestInit);
    await expect.poll(() => runningRuns(store)).toHaveLength(1);
    const second = await nodeB.request('/api/imports?kind=ep-online&fileName=tweede.csv', {
      method: 'POST',
      headers,
      body: new Uint8Array(epSample),
    });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      error: 'import_running',
      message: expect.stringMatching(/Er loopt al een import/),
    });
    finishBody();
    const answer = await first;
    expect([201, 202]).toContain(answer.status);
    await expect.poll(() => runningRuns(store)).toEqual([]);
    const { rows } = await store.query<{ file_name: string; status: string }>(
      'SELECT file_name, status FROM import_runs',
    );
    expect(rows).toEqual([{ file_name: 'eerste.csv', status: 'succeeded' }]);
  });
});

describe('import leases on postgres', () => {
  const fixture = useFreshStore('postgres');

  it('keeps a live run alive by its heartbeat', async () => {
    const { store } = fixture();
    const organisation = await demoOrganisation(store);
    const run = await reserveImportRun(store, 'ep-online', organisation.id, 'a.csv', {
      leaseMs: 60_000,
      heartbeatMs: 20,
    });
    // Pretend the lease ran out just now: the next heartbeat renews it before anyone recovers it.
    await store.query(
      `UPDATE import_runs SET lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [run.runId],
    );
    await expect
      .poll(async () => {
        const { rows } = await store.query<{ alive: boolean }>(
          'SELECT lease_expires_at > now() AS alive FROM import_runs WHERE id = $1',
          [run.runId],
        );
        return rows[0]?.alive;
      })
      .toBe(true);
    expect(await recoverExpiredRuns(store)).toBe(0);
    await run.cancel();
  });

  it('marks a run whose server stopped renewing its lease failed, from any node', async () => {
    const { store } = fixture();
    const organisation = await demoOrganisation(store);
    const { headers } = await createSignedInUser(store, { role: 'beheerder', organisation });
    const dead = crypto.randomUUID();
    // The run of a node that died: 'running', its lease lapsed, nobody renews it.
    await store.query(
      `INSERT INTO import_runs (id, organisation_id, kind, file_name, status, lease_expires_at)
       VALUES ($1, $2, 'ep-online', 'groot.zip', 'running', now() - interval '1 second')`,
      [dead, organisation.id],
    );
    const other = importApp(await fixture().openAnother());
    const listed = await other.request('/api/imports', { headers });
    const { runs } = (await listed.json()) as {
      runs: { id: string; status: string; error: string }[];
    };
    expect(runs.find((run) => run.id === dead)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/geen teken van leven.*niets geïmporteerd/),
    });
    const next = await other.request('/api/imports?kind=ep-online&fileName=opnieuw.csv', {
      method: 'POST',
      headers,
      body: new Uint8Array(epSample),
    });
    expect([201, 202]).toContain(next.status);
  });

  it('leaves a run with a live lease alone', async () => {
    const { store } = fixture();
    const organisation = await demoOrganisation(store);
    await store.query(
      `INSERT INTO import_runs (id, organisation_id, kind, file_name, status, lease_expires_at)
       VALUES ($1, $2, 'ep-online', 'groot.zip', 'running', now() + interval '1 minute')`,
      [crypto.randomUUID(), organisation.id],
    );
    expect(await recoverExpiredRuns(store)).toBe(0);
    await expect(
      reserveImportRun(store, 'ep-online', organisation.id, 'b.csv'),
    ).rejects.toBeInstanceOf(ImportRunningError);
  });
});
