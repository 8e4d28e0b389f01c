import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { failInterruptedRuns } from '../../src/server/import/runs.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir, useFreshStore } from './store-fixtures.ts';
import { createSignedInUser } from './support/auth.ts';

// The import API as the import page uses it: upload (the body is the file), the mapping step of a
// portfolio, progress and the problem report. Route isolation per role and organisation is in
// permissions.test.ts; the importers themselves are tested on both stores in import-*.test.ts.

const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const epSample = readFileSync(path.join(FIXTURES, 'ep-online-v2-sample.csv'));
const portfolioSample = readFileSync(path.join(FIXTURES, 'portfolio-sample.csv'), 'utf8');

interface RunBody {
  run: {
    id: string;
    kind: string;
    fileName: string;
    status: string;
    summary: Record<string, unknown>;
    error: string | null;
    problems?: { row: number; column: string | null; message: string }[];
  };
}

async function setUp(store: Store, options: { importMaxBytes?: number } = {}) {
  await migrate(store);
  await seedDemoData(store);
  const { rows } = await store.query<{ id: string; name: string; slug: string }>(
    'SELECT id, name, slug FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  const organisation = rows[0];
  if (!organisation) throw new Error('no demo organisation');
  const importDir = makeTempDir('imports');
  const { headers } = await createSignedInUser(store, { role: 'beheerder', organisation });
  const app = createApp({
    store,
    distDir: makeTempDir('no-dist'),
    version: 'test',
    importDir,
    // Long enough that the small test files always finish within the upload request.
    ...options,
    logError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  // duplex: a streamed body (as a browser's large upload) needs it in Node's fetch Request.
  const upload = (query: string, body: BodyInit) =>
    app.request(`/api/imports?${query}`, {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
  const get = (url: string) => app.request(url, { headers });
  return { app, headers, upload, get, importDir };
}

/** Polls the run until it is no longer running (the upload answers 202 when it takes long). */
async function finishedRun(get: (url: string) => Response | Promise<Response>, id: string) {
  for (;;) {
    const body = (await (await get(`/api/imports/${id}`)).json()) as RunBody;
    if (body.run.status !== 'running') return body.run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the import API', () => {
  const fresh = useFreshStore('pglite');

  it('imports an uploaded EP-online file, reports it, lists it, and deletes the upload', async () => {
    const { store } = fresh();
    const { upload, get, importDir } = await setUp(store);
    const response = await upload('kind=ep-online&fileName=v20261101.csv', epSample);
    expect([201, 202]).toContain(response.status);
    const created = (await response.json()) as RunBody;
    expect(created.run).toMatchObject({ kind: 'ep-online', fileName: 'v20261101.csv' });
    const run = await finishedRun(get, created.run.id);
    expect(run).toMatchObject({
      status: 'succeeded',
      summary: { rowsRead: 251, imported: 249, unmatched: 0, problemCount: 0 },
      problems: [],
    });
    const list = (await (await get('/api/imports')).json()) as { runs: RunBody['run'][] };
    expect(list.runs.map((item) => item.id)).toContain(run.id);
    expect(list.runs.every((item) => item.problems === undefined)).toBe(true);
    const labels = await store.query<{ count: number }>(
      'SELECT count(*) AS count FROM energy_labels',
    );
    expect(labels.rows[0]?.count).toBe(249);
    // The uploaded copy is removed once the import is done.
    await expect.poll(() => readdirSync(importDir)).toEqual([]);
  });

  it('reports a malformed file with a clear reason and imports nothing', async () => {
    const { store } = fresh();
    const { upload, get } = await setUp(store);
    const broken = Buffer.concat([
      epSample.subarray(0, 2000),
      Buffer.from('\nCaf\xe9;niet;utf8\n', 'latin1'),
    ]);
    const response = await upload('kind=ep-online&fileName=kapot.csv', broken);
    const run = await finishedRun(get, ((await response.json()) as RunBody).run.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/UTF-8/);
    const labels = await store.query<{ count: number }>(
      'SELECT count(*) AS count FROM energy_labels',
    );
    expect(labels.rows[0]?.count).toBe(0);
  });

  it('suggests a column mapping for a portfolio export and imports with the chosen mapping', async () => {
    const { store } = fresh();
    const { app, headers, upload, get } = await setUp(store);
    const renamed = portfolioSample.replace(
      /^complexnummer;(.*);vhe_nummer;verblijfsobject_id;/,
      'Complex nr;$1;VHE-nummer;BAG VBO-id;',
    );
    expect(renamed).not.toBe(portfolioSample);
    const preview = await app.request('/api/imports/portfolio-preview', {
      method: 'POST',
      headers,
      body: renamed.slice(0, 300),
    });
    expect(preview.status).toBe(200);
    const { columns, suggested, fields } = (await preview.json()) as {
      columns: string[];
      suggested: Record<string, string | null>;
      fields: { name: string; required: boolean }[];
    };
    expect(columns[0]).toBe('Complex nr');
    expect(suggested).toMatchObject({
      complexnummer: 'Complex nr',
      vhe_nummer: 'VHE-nummer',
      verblijfsobject_id: 'BAG VBO-id',
      postcode: 'postcode',
    });
    expect(fields.filter((field) => field.required).map((field) => field.name)).toEqual([
      'complexnummer',
      'complexnaam',
      'pand_id',
      'vhe_nummer',
    ]);

    const mapping = encodeURIComponent(
      JSON.stringify({
        complexnummer: 'Complex nr',
        vhe_nummer: 'VHE-nummer',
        verblijfsobject_id: 'BAG VBO-id',
      }),
    );
    const response = await upload(`kind=portfolio&fileName=export.csv&mapping=${mapping}`, renamed);
    const run = await finishedRun(get, ((await response.json()) as RunBody).run.id);
    // The demo organisation was seeded from this very sample: re-importing changes nothing.
    expect(run).toMatchObject({
      status: 'succeeded',
      summary: { rowsRead: 242, imported: 0, unchanged: 242 },
    });

    // Without the mapping the renamed headers are missing columns: a clear reason, nothing done.
    const unmapped = await upload('kind=portfolio&fileName=export.csv', renamed);
    const failed = await finishedRun(get, ((await unmapped.json()) as RunBody).run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Kolommen ontbreken.*complexnummer/);
  });

  it('marks a run that a stopped embedded server left running as failed, with the reason', async () => {
    const { store } = fresh();
    const { get } = await setUp(store);
    const { rows } = await store.query<{ id: string }>(
      'SELECT id FROM organisations WHERE slug = $1',
      [DEMO_ORGANISATION.slug],
    );
    const id = crypto.randomUUID();
    await store.query(
      `INSERT INTO import_runs (id, organisation_id, kind, file_name, status)
       VALUES ($1, $2, 'ep-online', 'groot.zip', 'running')`,
      [id, rows[0]?.id],
    );
    expect(await failInterruptedRuns(store)).toBe(1);
    const run = ((await (await get(`/api/imports/${id}`)).json()) as RunBody).run;
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/server stopte/) });
    expect(await failInterruptedRuns(store)).toBe(0);
  });

  it('answers 413 for a file over the limit and 400 for a bad request, with a Dutch message', async () => {
    const { store } = fresh();
    const { upload, app, headers } = await setUp(store, { importMaxBytes: 1000 });
    const big = await upload('kind=ep-online&fileName=groot.csv', epSample);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toMatch(/groter dan/);
    // Also when the size is not announced: the stream is cut off at the limit.
    const streamed = await upload(
      'kind=ep-online&fileName=groot.csv',
      new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(epSample.subarray(0, 800)));
          controller.enqueue(new Uint8Array(epSample.subarray(800, 1600)));
          controller.close();
        },
      }),
    );
    expect(streamed.status).toBe(413);

    const badKind = await upload('kind=kadaster&fileName=x.csv', 'a;b');
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { message: string }).message).toMatch(/portfolio, ep-online/);
    const empty = await upload('kind=bag&fileName=leeg.json', '');
    expect(empty.status).toBe(400);
    const mappingForBag = await upload('kind=bag&fileName=x.json&mapping=%7B%7D', '{}');
    expect(mappingForBag.status).toBe(400);
    const unknown = await app.request(`/api/imports/${crypto.randomUUID()}`, { headers });
    expect(unknown.status).toBe(404);
    const runs = await store.query('SELECT id FROM import_runs');
    expect(runs.rows).toEqual([]);
  });
});
