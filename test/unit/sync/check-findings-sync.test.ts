// The findings and actions that finishing creates for failed checks are ordinary ops the server
// accepts: an inspecteur's device finishes a brandveiligheidsronde with two deviations, then
// again after a correction, and syncs; the server applies every op and team veiligheid's device
// pulls exactly two findings and two actions. App store, sync engine and the real server app on
// PGlite, in process.
import { describe, expect, it, vi } from 'vitest';
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { SyncEngine } from '../../../src/app/sync/engine.ts';
import { useFreshStore } from '../../server/store-fixtures.ts';
import { syncApp, user, type TestApp } from '../../server/sync-fixtures.ts';
import type { SignedInUser } from '../../server/support/auth.ts';
import { smallPortfolio, testClock, testStore } from '../db/store-fixtures.ts';

vi.setConfig({ hookTimeout: 60_000 });

function device(app: TestApp, name: string, who: SignedInUser) {
  const clock = testClock(Date.now());
  const { store, context } = testStore({ name, clock, currentUser: () => who.user.id });
  const engine = new SyncEngine({
    store: createSyncStore(context),
    transport: createHttpTransport({
      baseUrl: 'http://schouw.test',
      token: () => who.token,
      fetch: async (input, init) => app.fetch(new Request(input, init)),
    }),
    now: clock.now,
    setTimer: () => () => undefined,
  });
  return { store, engine };
}

describe('findings and actions of failed checks', () => {
  const fixture = useFreshStore('pglite');

  it('are accepted by the server and reach team veiligheid once, also after finishing again', async () => {
    const { store: server } = fixture();
    const { app } = await syncApp(server);
    const inspecteur = await user(server, 'inspecteur');
    const officer = await user(server, 'veiligheid', inspecteur.organisation);
    const tablet = device(app, 'tablet', inspecteur);
    const office = device(app, 'office', officer);
    const portfolio = smallPortfolio();
    await tablet.store.portfolio.importPortfolio(portfolio);
    await office.store.portfolio.importPortfolio(portfolio);
    const pand = portfolio.complexes[0]!.panden[0]!;

    const round = await tablet.store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: pand.id,
    });
    const nee = { type: 'ja-nee', value: 'nee' } as const;
    await tablet.store.answers.saveAnswer(round.id, 'scootmobielen', nee);
    await tablet.store.answers.saveAnswer(round.id, 'rookmelders-werken', nee);
    await tablet.store.inspections.finish(round.id);
    await tablet.store.inspections.reopen(round.id);
    await tablet.store.answers.saveAnswer(round.id, 'noodverlichting', {
      type: 'ja-nee',
      value: 'ja',
    });
    await tablet.store.inspections.finish(round.id);

    expect(await tablet.engine.run()).toBe('synced');
    expect(tablet.engine.status.rejected).toEqual([]);
    expect(await tablet.store.outbox.pendingCount()).toBe(0);

    expect(await office.engine.run()).toBe('synced');
    const findings = await office.store.findings.listForInspection(round.id);
    expect(findings.map((finding) => finding.questionId).sort()).toEqual([
      'rookmelders-werken',
      'scootmobielen',
    ]);
    const actions = await office.store.actions.listForInspection(round.id);
    expect(actions).toHaveLength(2);
    expect(actions.every((action) => action.ownerRole === 'veiligheid')).toBe(true);
    expect(actions.every((action) => action.history[0]?.by === inspecteur.user.id)).toBe(true);
  });
});
