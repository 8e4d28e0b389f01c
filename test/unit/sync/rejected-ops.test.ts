// A device whose op the server rejects must end up showing the server's version of that record:
// the refused values carry newer clocks than the server's, so without help no pull would ever
// replace them. The app's sync store and engine against the real server app on PGlite, in process.
import { describe, expect, it, vi } from 'vitest';
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { SyncEngine } from '../../../src/app/sync/engine.ts';
import { useFreshStore } from '../../server/store-fixtures.ts';
import { Device, pullAll, syncApp, user, type TestApp } from '../../server/sync-fixtures.ts';
import type { SignedInUser } from '../../server/support/auth.ts';
import {
  questionOfType,
  smallPortfolio,
  startFirstDwellingInspection,
  testClock,
  testStore,
  type TestClock,
} from '../db/store-fixtures.ts';
import { newAction } from './harness.ts';

// Creating the first embedded PostgreSQL (initdb in WebAssembly) takes longer than a usual hook.
vi.setConfig({ hookTimeout: 60_000 });

const MINUTE = 60_000;

/**
 * A device of `who`; `onPush` runs before each push request reaches the server ('lose-answer':
 * the server handles the push, the device gets a network error). Its clock starts at the real
 * time, as the server's does, so a device that edits later writes the newer clock.
 */
function clientDevice(
  app: TestApp,
  name: string,
  who: SignedInUser,
  clock: TestClock = testClock(Date.now()),
  onPush: () => Promise<void | 'lose-answer'> = () => Promise.resolve(),
) {
  const { store, context } = testStore({ name, clock, currentUser: () => who.user.id });
  const engine = new SyncEngine({
    store: createSyncStore(context),
    transport: createHttpTransport({
      baseUrl: 'http://schouw.test',
      token: () => who.token,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname !== '/api/sync/push') return app.fetch(request);
        if ((await onPush()) !== 'lose-answer') return app.fetch(request);
        await app.fetch(request);
        throw new TypeError('Failed to fetch');
      },
    }),
    now: clock.now,
    setTimer: () => () => undefined,
  });
  const actor = { userId: who.user.id, role: who.user.role };
  return { store, context, engine, clock, actor };
}

async function synced(device: ReturnType<typeof clientDevice>): Promise<void> {
  expect(await device.engine.run(), device.engine.status.problem?.detail).toBe('synced');
}

describe('a rejected op', () => {
  const fixture = useFreshStore('pglite');

  it('brings both devices to the server’s EFG case after they changed it offline to different steps', async () => {
    const { store: server } = fixture();
    const { app } = await syncApp(server);
    const anna = await user(server, 'duurzaamheid');
    const bart = await user(server, 'duurzaamheid', anna.organisation);
    const first = clientDevice(app, 'anna', anna);
    const second = clientDevice(app, 'bart', bart);
    const portfolio = smallPortfolio();
    await first.store.portfolio.importPortfolio(portfolio);
    await second.store.portfolio.importPortfolio(portfolio);
    const dwellingId = portfolio.complexes[0]!.panden[0]!.verblijfsobjecten[0]!.id;

    await first.store.efg.changeStatus(dwellingId, { to: 'in-voorbereiding', actor: first.actor });
    await synced(first);
    await synced(second);
    expect((await second.store.efg.getCase(dwellingId))?.status).toBe('in-voorbereiding');

    // Both offline; Bart decides a little later, so his op carries the newer clock.
    first.clock.advance(MINUTE);
    await first.store.efg.changeStatus(dwellingId, {
      to: 'maatregelen-gepland',
      actor: first.actor,
    });
    second.clock.advance(2 * MINUTE);
    await second.store.efg.changeStatus(dwellingId, {
      to: 'afgevallen',
      actor: second.actor,
      drop: { reason: 'anders', note: 'Woning wordt samengevoegd' },
    });

    await synced(first);
    expect(first.engine.status.rejected).toEqual([]);
    await synced(second);

    expect(second.engine.status.rejected).toEqual([
      {
        entity: 'efgCase',
        id: dwellingId,
        reason: expect.stringMatching(/intussen gewijzigd/),
        reverted: true,
      },
    ]);
    expect(await second.store.outbox.pendingCount()).toBe(0);
    const onServer = (await pullAll(app, anna, new Device())).records.get(`efgCase/${dwellingId}`);
    expect(onServer?.fields.status?.value).toBe('maatregelen-gepland');
    const shownByBart = await second.store.efg.getCase(dwellingId);
    expect(shownByBart?.status).toBe('maatregelen-gepland');
    expect(shownByBart?.history).toEqual(onServer?.fields.history?.value);
    // The refused drop reason is gone with its clock, not only hidden.
    expect(shownByBart).not.toHaveProperty('drop');
    const row = await second.context.db.efgCases.get(dwellingId);
    expect(row?.clocks).toEqual(
      Object.fromEntries(Object.entries(onServer?.fields ?? {}).map(([k, f]) => [k, f.hlc])),
    );
    await synced(first);
    expect(await first.store.efg.getCase(dwellingId)).toEqual(shownByBart);

    // In step again: Bart's next step builds on the server's history and is applied.
    second.clock.advance(MINUTE);
    await second.store.efg.changeStatus(dwellingId, { to: 'uitgevoerd', actor: second.actor });
    await synced(second);
    expect(second.engine.status.rejected).toHaveLength(1);
    await synced(first);
    expect((await first.store.efg.getCase(dwellingId))?.status).toBe('uitgevoerd');
    expect(await first.store.efg.getCase(dwellingId)).toEqual(
      await second.store.efg.getCase(dwellingId),
    );
  }, 60_000);

  it('keeps the field of a later edit still waiting in the outbox, then pushes it', async () => {
    const { store: server } = fixture();
    const { app } = await syncApp(server);
    const inspecteur = await user(server, 'inspecteur');
    const officerUser = await user(server, 'veiligheid', inspecteur.organisation);
    let actionId = '';
    let pushesSinceOffline: number | undefined;
    let seenAtSecondPush: { status?: string; what?: string } | undefined;
    const inspector = clientDevice(app, 'inspector', inspecteur, undefined, async () => {
      if (pushesSinceOffline === undefined) return;
      pushesSinceOffline += 1;
      // The inspector edits while the first push is on its way: an op the push does not hold.
      if (pushesSinceOffline === 1)
        await inspector.store.actions.update(actionId, { what: 'Deurdranger vervangen' });
      if (pushesSinceOffline === 2) seenAtSecondPush = await inspector.store.actions.get(actionId);
    });
    const officer = clientDevice(app, 'officer', officerUser);

    const action = await inspector.store.actions.create(newAction('Brandwerende deur herstellen'));
    await synced(inspector);
    await synced(officer);
    officer.clock.advance(MINUTE);
    await officer.store.actions.transition(action.id, 'afgerond', officer.actor, 'Deur vervangen');
    await synced(officer);

    // Offline, the inspector still sees it open and starts on it: refused, it was closed.
    inspector.clock.advance(2 * MINUTE);
    await inspector.store.actions.transition(action.id, 'in-behandeling', inspector.actor);
    actionId = action.id;
    pushesSinceOffline = 0;
    await synced(inspector);
    expect(pushesSinceOffline).toBe(2);

    expect(inspector.engine.status.rejected).toEqual([
      { entity: 'action', id: action.id, reason: expect.any(String), reverted: true },
    ]);
    // Between the rejection and the push of the later edit: the server's status, the user's text.
    expect(seenAtSecondPush).toMatchObject({
      status: 'afgerond',
      what: 'Deurdranger vervangen',
    });
    expect(await inspector.store.outbox.pendingCount()).toBe(0);
    const onServer = (await pullAll(app, officerUser, new Device())).records.get(
      `action/${action.id}`,
    );
    expect(onServer?.fields.what?.value).toBe('Deurdranger vervangen');
    expect(onServer?.fields.status?.value).toBe('afgerond');
    await synced(officer);
    const shown = await inspector.store.actions.get(action.id);
    expect(shown).toMatchObject({ status: 'afgerond', what: 'Deurdranger vervangen' });
    expect(shown).toEqual(await officer.store.actions.get(action.id));
  }, 60_000);

  it('keeps an answer the server refused and has no copy of, and reports the refusal once', async () => {
    const { store: server } = fixture();
    const { app } = await syncApp(server);
    const owner = await user(server, 'inspecteur');
    const colleague = await user(server, 'inspecteur', owner.organisation);
    const ownerDevice = clientDevice(app, 'owner', owner);
    let loseAnswer = false;
    const colleagueDevice = clientDevice(app, 'colleague', colleague, undefined, () =>
      Promise.resolve(loseAnswer ? 'lose-answer' : undefined),
    );
    const { portfolio, inspection } = await startFirstDwellingInspection(ownerDevice.store);
    await colleagueDevice.store.portfolio.importPortfolio(portfolio);
    await synced(ownerDevice);
    await synced(colleagueDevice);

    // Someone else's inspection: the server refuses the colleague's answer.
    const questionId = questionOfType('zorggeschiktheid', 'ja-nee');
    await colleagueDevice.store.answers.saveAnswer(inspection.id, questionId, {
      type: 'ja-nee',
      value: 'ja',
    });
    // The server rejects it, but its answer never arrives; the retry learns it all the same.
    loseAnswer = true;
    expect(await colleagueDevice.engine.run()).toBe('failed');
    expect(colleagueDevice.engine.status.rejected).toEqual([]);
    loseAnswer = false;
    await synced(colleagueDevice);
    await synced(colleagueDevice);

    const rejected = colleagueDevice.engine.status.rejected;
    expect(rejected.map((r) => [r.entity, r.id])).toContainEqual([
      'answer',
      `${inspection.id}/${questionId}`,
    ]);
    const answerRejections = rejected.filter((r) => r.entity === 'answer');
    expect(answerRejections).toHaveLength(1);
    expect(answerRejections[0]?.reason).toMatch(/eigen inspecties/);
    // Nothing is lost: the server has no copy to show instead, so the device keeps the answer.
    expect(answerRejections[0]?.reverted).toBeUndefined();
    expect(await colleagueDevice.store.outbox.pendingCount()).toBe(0);
    const { db } = colleagueDevice.context;
    expect((await db.answers.get([inspection.id, questionId]))?.value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
    const history = await colleagueDevice.store.answers.history(inspection.id, questionId);
    expect(history.map((entry) => entry.reason)).toEqual(['answered']);
    // The inspection itself is the server's again too (an answer may have touched it).
    const serverInspection = (await pullAll(app, owner, new Device())).records.get(
      `inspection/${inspection.id}`,
    );
    const local = await db.inspections.get(inspection.id);
    expect(local?.clocks).toEqual(
      Object.fromEntries(
        Object.entries(serverInspection?.fields ?? {}).map(([k, f]) => [k, f.hlc]),
      ),
    );
  }, 60_000);
});
