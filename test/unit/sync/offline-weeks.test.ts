// A tablet that was offline for weeks on the version-1 app: its IndexedDB still has the version-1
// schema and unsynced work in the outbox. The current app opens it (upgrade to v2) and syncs it
// against the real server app in process (PGlite), and nothing may be lost or applied twice.
//
// Protocol versions: the server accepts the current protocol and the previous one. Just before
// its update the old app sent the first half of its outbox over the previous protocol and lost
// the answer; the updated app then sends everything again over the current one, and the server
// must apply each op once. (test/server/photo-notes.test.ts covers the previous protocol's ops.)
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { omit } from '../../../src/app/db/synced.ts';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { SyncEngine } from '../../../src/app/sync/engine.ts';
import { CURRENT_SCHEMA_VERSION, SchouwDatabase } from '../../../src/app/db/database.ts';
import {
  PROTOCOL_VERSION,
  PushResponseSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type PulledChange,
} from '../../../src/shared/sync/protocol.ts';
import { useFreshStore } from '../../server/store-fixtures.ts';
import {
  Device,
  postPush,
  pull,
  syncApp,
  syncRowCounts,
  user,
  type TestApp,
} from '../../server/sync-fixtures.ts';
import { questionsOfType, smallPortfolio, testClock, testStore } from '../db/store-fixtures.ts';
import { newAction } from './harness.ts';
import { SHIPPED_V1 } from '../db/shipped-schemas.ts';

// Creating the first embedded PostgreSQL (initdb in WebAssembly) takes longer than a usual hook.
vi.setConfig({ hookTimeout: 60_000 });

const DAY_MS = 24 * 60 * 60 * 1000;
const WORK_STARTED = Date.UTC(2026, 8, 1, 8, 30, 0);
const TABLET = 'schouw-offline-tablet';

/**
 * Makes the unsynced work with the app's own repositories (so every op is one the app really
 * writes) on a scratch database, then copies the rows into a raw version-1 database. The work
 * tables and the outbox rows did not change between schema v1 and v2; only the portfolio gained
 * search tokens and dwelling counts, which are stripped here as a version-1 app never wrote them.
 */
async function versionOneTabletWithWeeksOldWork() {
  const clock = testClock(WORK_STARTED);
  const scratch = testStore({ name: 'schouw-offline-scratch', clock });
  const { store } = scratch;
  const portfolio = smallPortfolio();
  await store.portfolio.importPortfolio(portfolio);
  const pand = portfolio.complexes[0]!.panden[0]!;
  const inspection = await store.inspections.start({
    module: 'brandveiligheidsronde',
    targetLevel: 'pand',
    targetId: pand.id,
  });
  const questions = questionsOfType('brandveiligheidsronde', 'ja-nee');
  expect(questions.length).toBeGreaterThanOrEqual(3);
  // Work spread over days, one answer changed a day later (two ops for one record).
  for (const [index, questionId] of questions.entries()) {
    clock.advance(10 * 60 * 1000);
    await store.answers.saveAnswer(inspection.id, questionId, {
      type: 'ja-nee',
      value: index % 2 ? 'ja' : 'nee',
    });
  }
  clock.advance(DAY_MS);
  await store.answers.saveAnswer(inspection.id, questions[0]!, { type: 'ja-nee', value: 'ja' });
  const finding = await store.findings.create(inspection.id, {
    location: 'Galerij 3e verdieping',
    description: 'Scootmobiel in vluchtroute',
    severity: 'ernstig',
  });
  clock.advance(2 * DAY_MS);
  const action = await store.actions.create({
    ...newAction('Vluchtroute vrijmaken'),
    inspectionId: inspection.id,
    findingId: finding.id,
  });

  const rows: Record<string, unknown[]> = {};
  for (const table of scratch.context.db.tables) rows[table.name] = await table.toArray();
  scratch.context.db.close();
  const strip = (row: unknown) =>
    omit(
      row as { searchTokens?: unknown; dwellingCount?: unknown },
      'searchTokens',
      'dwellingCount',
    );
  rows.complexes = rows.complexes!.map(strip);
  rows.dwellings = rows.dwellings!.map(strip);

  const old = new Dexie(TABLET);
  old.version(1).stores(SHIPPED_V1);
  await old.transaction('rw', old.tables, async () => {
    // Tables added after version 1 (efgCases, roundSchedules) did not exist on this tablet.
    for (const [table, tableRows] of Object.entries(rows))
      if (table in SHIPPED_V1) await old.table(table).bulkAdd(tableRows);
  });
  expect(old.verno).toBe(1);
  old.close();
  return { clock, inspection, questions, finding, action, outbox: rows.outbox!.length };
}

function tabletEngine(app: TestApp, token: string, now: () => number) {
  const { store, context } = testStore({ name: TABLET, clock: { now, advance: () => undefined } });
  const requests: string[] = [];
  const engine = new SyncEngine({
    store: createSyncStore(context),
    transport: createHttpTransport({
      baseUrl: 'http://schouw.test',
      token: () => token,
      fetch: (input, init) => {
        const request = new Request(input, init);
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return Promise.resolve(app.fetch(request));
      },
    }),
    now,
    setTimer: () => () => undefined,
  });
  return { store, context, engine, requests };
}

/** Every change a fresh device pulls, page by page, without folding repeats together. */
async function pullEverything(app: TestApp, who: Awaited<ReturnType<typeof user>>) {
  const device = new Device();
  const changes: PulledChange[] = [];
  let cursor = 0;
  for (;;) {
    const page = await pull(app, who, device, cursor, 7);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
}

const valuesOf = (change: PulledChange | undefined) =>
  Object.fromEntries(
    Object.entries(change?.fields ?? {}).map(([name, state]) => [name, state.value]),
  );

describe('a tablet offline for weeks', () => {
  const fixture = useFreshStore('pglite');

  it('syncs across a schema change with nothing lost or duplicated', async () => {
    // The previous app's protocol is still accepted (see top).
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([PROTOCOL_VERSION - 1, PROTOCOL_VERSION]);
    const made = await versionOneTabletWithWeeksOldWork();
    const { store: server } = fixture();
    const { app } = await syncApp(server);
    const inspecteur = await user(server, 'inspecteur');
    const colleague = await user(server, 'veiligheid', inspecteur.organisation);

    // Three weeks later the tablet is back online with the new app.
    made.clock.advance(21 * DAY_MS);
    const tablet = tabletEngine(app, inspecteur.token, made.clock.now);
    expect(await tablet.store.outbox.pendingCount()).toBe(made.outbox);
    expect(await tablet.store.outbox.unsyncedTooOld()).toBe(true);
    const upgraded = new SchouwDatabase(TABLET);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(1);
    upgraded.close();
    const local = {
      inspection: await tablet.context.db.inspections.get(made.inspection.id),
      answers: await tablet.context.db.answers
        .where({ inspectionId: made.inspection.id })
        .toArray(),
      finding: await tablet.context.db.findings.get(made.finding.id),
      action: await tablet.context.db.actions.get(made.action.id),
    };
    expect(local.answers).toHaveLength(made.questions.length);
    const ops = await tablet.store.outbox.peekBatch(10_000);
    expect(ops).toHaveLength(made.outbox);
    const clientId = await tablet.store.outbox.clientId();

    // The old app's last push before the update, over the previous protocol: applied, answer lost.
    const sentByOldApp = ops.slice(0, Math.ceil(ops.length / 2));
    const oldPush = await postPush(app, inspecteur, {
      protocolVersion: PROTOCOL_VERSION - 1,
      schemaVersion: 1,
      clientId,
      ops: sentByOldApp,
    });
    expect(oldPush.status).toBe(200);
    const oldResult = PushResponseSchema.parse(await oldPush.json());
    expect(oldResult.results.map((result) => result.status)).toEqual(
      sentByOldApp.map(() => 'applied'),
    );
    expect(await tablet.store.outbox.pendingCount()).toBe(made.outbox);

    expect(await tablet.engine.run(), tablet.engine.status.problem?.detail).toBe('synced');

    expect(tablet.engine.status.rejected).toEqual([]);
    expect(await tablet.store.outbox.pendingCount()).toBe(0);
    // Every op applied exactly once: one result row per seq, all applied, none missing.
    const { rows: results } = await server.query<{ seq: number; status: string; n: number }>(
      `SELECT seq::int AS seq, status, count(*)::int AS n FROM sync_op_results
       WHERE client_id = $1 GROUP BY seq, status ORDER BY seq`,
      [clientId],
    );
    expect(results).toEqual(ops.map((op) => ({ seq: op.seq, status: 'applied', n: 1 })));

    // A second device sees each record exactly once, with the values the tablet holds.
    const pulled = await pullEverything(app, colleague);
    const keys = pulled.map((change) => `${change.entity}/${change.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const expectedKeys = new Set(ops.map((op) => `${op.entity}/${op.id}`));
    expect(new Set(keys)).toEqual(expectedKeys);
    const find = (key: string) => pulled.find((change) => `${change.entity}/${change.id}` === key);
    const inspectionValues = valuesOf(find(`inspection/${made.inspection.id}`));
    expect(inspectionValues).toMatchObject({
      module: 'brandveiligheidsronde',
      targetId: local.inspection!.targetId,
      status: local.inspection!.status,
    });
    for (const answer of local.answers)
      expect(valuesOf(find(`answer/${answer.inspectionId}/${answer.questionId}`))).toMatchObject({
        value: answer.value,
        answeredAt: answer.answeredAt,
      });
    expect(valuesOf(find(`answer/${made.inspection.id}/${made.questions[0]}`)).value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
    expect(valuesOf(find(`finding/${made.finding.id}`))).toMatchObject({
      description: local.finding!.description,
      severity: 'ernstig',
      inspectionId: made.inspection.id,
    });
    expect(valuesOf(find(`action/${made.action.id}`))).toMatchObject({
      what: 'Vluchtroute vrijmaken',
      status: local.action!.status,
      findingId: made.finding.id,
    });
    // The change's clock is the tablet's, from weeks ago, not the time of the push.
    const answerHlc = find(`answer/${made.inspection.id}/${made.questions[1]}`)!.fields.value!.hlc;
    expect(answerHlc).toBe(
      local.answers.find((a) => a.questionId === made.questions[1])!.clocks.value,
    );

    // Running again pushes nothing new and changes nothing on the server.
    const pushes = (requests: string[]) => requests.filter((r) => r === 'POST /api/sync/push');
    expect(pushes(tablet.requests).length).toBeGreaterThan(0);
    const before = await syncRowCounts(server);
    tablet.requests.length = 0;
    expect(await tablet.engine.run()).toBe('synced');
    expect(pushes(tablet.requests)).toEqual([]);
    expect(await syncRowCounts(server)).toEqual(before);
    expect(await tablet.store.outbox.pendingCount()).toBe(0);
    tablet.context.db.close();
  }, 60_000);
});
