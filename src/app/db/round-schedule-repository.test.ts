import { describe, expect, it } from 'vitest';
import { smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';
import { NotFoundError } from './errors.ts';

const veiligheid = { userId: 'veil-1', role: 'veiligheid' as const };
// The test clock starts on 1 March 2025.
const TODAY = '2025-03-01';

function jpeg(seed: number, size = 2_000): ArrayBuffer {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (seed * 31 + index * 7) % 256;
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  return bytes.buffer;
}

async function withPortfolio() {
  const harness = testStore();
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const panden = portfolio.complexes.flatMap((complex) =>
    complex.panden.map((pand) => ({ ...pand, complexId: complex.id })),
  );
  return { ...harness, portfolio, panden };
}

/** A round as the sync brings it when it was finished (here: written straight into the table). */
async function finishRound(
  harness: Awaited<ReturnType<typeof withPortfolio>>,
  pandId: string,
  finishedAt: string,
) {
  const round = await harness.store.inspections.start({
    module: 'brandveiligheidsronde',
    targetLevel: 'pand',
    targetId: pandId,
  });
  await harness.context.db.inspections.update(round.id, { status: 'finished', finishedAt });
  return round;
}

describe('saving a round schedule', () => {
  it('creates one schedule per pand, with the pand’s complex, and its outbox op in the same write', async () => {
    const { store, panden } = await withPortfolio();
    const pand = panden[0]!;
    const before = await store.outbox.peekBatch(100);

    const saved = await store.roundSchedules.save({
      pandId: pand.id,
      frequency: 'per-kwartaal',
      startsOn: '2025-01-15',
      active: true,
    });
    expect(saved).toEqual({
      id: pand.id,
      pandId: pand.id,
      complexId: pand.complexId,
      frequency: 'per-kwartaal',
      startsOn: '2025-01-15',
      active: true,
      note: '',
    });
    const ops = (await store.outbox.peekBatch(100)).slice(before.length);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ entity: 'roundSchedule', id: pand.id, kind: 'upsert' });
    expect(await store.roundSchedules.get(pand.id)).toEqual(saved);
  });

  it('sends only the changed fields, and nothing when nothing changed', async () => {
    const { store, panden } = await withPortfolio();
    const pand = panden[0]!;
    const input = {
      pandId: pand.id,
      frequency: 'per-kwartaal' as const,
      startsOn: '2025-01-15',
      active: true,
    };
    await store.roundSchedules.save(input);
    const count = (await store.outbox.peekBatch(100)).length;

    await store.roundSchedules.save({ ...input, active: false, note: '  Renovatie  ' });
    await store.roundSchedules.save({ ...input, active: false, note: 'Renovatie' });
    const ops = (await store.outbox.peekBatch(100)).slice(count);
    expect(ops.map((op) => op.fields)).toEqual([{ active: false, note: 'Renovatie' }]);
    expect(await store.roundSchedules.list()).toHaveLength(1);
  });

  it('refuses an unknown pand and an invalid date, writing nothing', async () => {
    const { store, panden } = await withPortfolio();
    await expect(
      store.roundSchedules.save({
        pandId: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
        frequency: 'jaarlijks',
        startsOn: '2025-01-15',
        active: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      store.roundSchedules.save({
        pandId: panden[0]!.id,
        frequency: 'jaarlijks',
        startsOn: '2025-02-30',
        active: true,
      }),
    ).rejects.toThrow(/Ongeldige datum/);
    expect(await store.roundSchedules.list()).toEqual([]);
    expect(await store.outbox.peekBatch(100)).toEqual([]);
  });
});

describe('due and overdue rounds', () => {
  it('sorts buildings into overdue, due soon, planned and paused from their last finished round', async () => {
    const harness = await withPortfolio();
    const { store, panden } = harness;
    const [a, b, c, d] = panden;
    const plan = (pandId: string, startsOn: string, active = true) =>
      store.roundSchedules.save({ pandId, frequency: 'per-kwartaal', startsOn, active });
    await plan(a!.id, '2025-01-01');
    await plan(b!.id, '2025-03-10');
    await plan(c!.id, '2024-06-01');
    await plan(d!.id, '2024-01-01', false);
    // c's last round, 1 February 2025: the next is due 1 May 2025.
    await finishRound(harness, c!.id, '2025-02-01T10:00:00Z');
    await finishRound(harness, c!.id, '2024-11-01T10:00:00Z');
    const open = await store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: a!.id,
    });

    const overview = await store.roundSchedules.overview(TODAY);
    expect(overview.overdue.map((item) => item.building.pandId)).toEqual([a!.id]);
    expect(overview.overdue[0]).toMatchObject({
      state: { status: 'overdue', dueOn: '2025-01-01', daysLeft: -59 },
      openRound: { id: open.id },
      building: { complexId: a!.complexId, dwellingCount: 4 },
    });
    expect(overview.overdue[0]?.building.complexnummer).toBeTruthy();
    expect(overview.overdue[0]?.building.firstDwelling).toBeDefined();
    expect(overview.dueSoon.map((item) => item.building.pandId)).toEqual([b!.id]);
    expect(overview.planned).toMatchObject([
      { lastRoundOn: '2025-02-01', state: { dueOn: '2025-05-01' }, openRound: undefined },
    ]);
    expect(overview.paused.map((item) => item.building.pandId)).toEqual([d!.id]);
  });
});

describe('open fire-safety actions', () => {
  it('lists only fire-safety actions, by severity then due date, with their finding and building', async () => {
    const harness = await withPortfolio();
    const { store, panden } = harness;
    const pand = panden[1]!;
    const round = await store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: pand.id,
    });
    const finding = (severity: 'direct-gevaar' | 'ernstig' | 'gering', location: string) =>
      store.findings.create(round.id, {
        location,
        description: 'Deur sluit niet',
        severity,
      });
    const serious = await finding('ernstig', 'Trappenhuis B');
    const danger = await finding('direct-gevaar', 'Kelder');
    const action = (findingId: string, dueDate: string, what: string) =>
      store.actions.create({
        what,
        ownerRole: 'veiligheid',
        dueDate,
        findingId,
        inspectionId: round.id,
        moduleId: 'brandveiligheidsronde',
      });
    await action(serious.id, '2025-03-31', 'Later');
    await action(serious.id, '2025-02-15', 'Eerder');
    await action(danger.id, '2025-03-01', 'Vandaag');
    const done = await action(danger.id, '2025-03-01', 'Al gedaan');
    await store.actions.transition(done.id, 'afgerond', veiligheid, 'Opgelost');
    // Another module's action is not the safety team's list.
    await store.actions.create({
      what: 'Dakrand',
      ownerRole: 'beheerder',
      dueDate: '2025-01-01',
      moduleId: 'optoppen-scan',
    });

    const groups = await store.roundSchedules.openActions(TODAY);
    expect(groups.map((group) => group.severity)).toEqual(['direct-gevaar', 'ernstig']);
    expect(groups.map((group) => group.items.map((item) => item.action.action.what))).toEqual([
      ['Vandaag'],
      ['Eerder', 'Later'],
    ]);
    expect(groups[1]?.items.map((item) => item.overdue)).toEqual([true, false]);
    expect(groups[0]?.items[0]?.action).toMatchObject({
      ownerRole: 'veiligheid',
      finding: { location: 'Kelder' },
      building: { pandId: pand.id },
    });
  });
});

describe('a building’s file', () => {
  it('holds the schedule, due state and history of rounds, findings and action steps', async () => {
    const harness = await withPortfolio();
    const { store, panden } = harness;
    const pand = panden[2]!;
    await store.roundSchedules.save({
      pandId: pand.id,
      frequency: 'halfjaarlijks',
      startsOn: '2024-01-01',
      active: true,
    });
    const round = await store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: pand.id,
    });
    const finding = await store.findings.create(round.id, {
      location: 'Galerij 3',
      description: 'Brandblusser verlopen',
      severity: 'gering',
    });
    const action = await store.actions.create({
      what: 'Blusser keuren',
      ownerRole: 'veiligheid',
      dueDate: '2025-06-01',
      findingId: finding.id,
      inspectionId: round.id,
      moduleId: 'brandveiligheidsronde',
    });
    harness.clock.advance(60_000);
    await harness.context.db.inspections.update(round.id, {
      status: 'finished',
      finishedAt: '2025-03-01T09:30:00.000Z',
    });
    harness.clock.advance(60 * 60_000);
    await store.actions.transition(action.id, 'afgerond', veiligheid, 'Gekeurd');

    const file = await store.roundSchedules.building(pand.id, TODAY);
    expect(file).toMatchObject({
      schedule: { frequency: 'halfjaarlijks' },
      lastRoundOn: '2025-03-01',
      state: { status: 'planned', dueOn: '2025-09-01' },
      openRound: undefined,
    });
    expect(
      file?.events.map((event) => `${event.kind}:${'status' in event ? event.status : ''}`),
    ).toEqual(['action:afgerond', 'round:finished', 'action:open', 'finding:']);
    expect(
      await store.roundSchedules.building('0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', TODAY),
    ).toBeUndefined();
  });
});

describe('a closing photo for an action', () => {
  it('is stored for an action of a finished round and recorded in the closing step', async () => {
    const harness = await withPortfolio();
    const { store, panden } = harness;
    const round = await finishRound(harness, panden[0]!.id, '2025-02-01T10:00:00Z');
    const action = await store.actions.create({
      what: 'Deurdranger vervangen',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
      inspectionId: round.id,
      moduleId: 'brandveiligheidsronde',
    });
    // Without an action id, a finished round takes no more photos.
    await expect(
      store.photos.addPhoto(
        { data: jpeg(1), mimeType: 'image/jpeg', width: 10, height: 10 },
        { inspectionId: round.id },
      ),
    ).rejects.toThrow();

    const photo = await store.photos.addPhoto(
      { data: jpeg(2), mimeType: 'image/jpeg', width: 10, height: 10 },
      { inspectionId: round.id, actionId: action.id },
    );
    expect(photo.actionId).toBe(action.id);
    const closed = await store.actions.transition(
      action.id,
      'afgerond',
      veiligheid,
      'Vervangen en getest',
      [photo.hash],
    );
    expect(closed.history.at(-1)).toMatchObject({
      status: 'afgerond',
      note: 'Vervangen en getest',
      photoIds: [photo.hash],
    });
    const ops = await store.outbox.peekBatch(100);
    expect(ops.find((op) => op.entity === 'photo')?.fields).toMatchObject({
      actionId: action.id,
      inspectionId: round.id,
    });
  });

  it('keeps its action in a backup restored on another device', async () => {
    const harness = await withPortfolio();
    const { store, panden } = harness;
    const round = await finishRound(harness, panden[0]!.id, '2025-02-01T10:00:00Z');
    const action = await store.actions.create({
      what: 'Deurdranger vervangen',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
      inspectionId: round.id,
      moduleId: 'brandveiligheidsronde',
    });
    const photo = await store.photos.addPhoto(
      { data: jpeg(4), mimeType: 'image/jpeg', width: 10, height: 10 },
      { inspectionId: round.id, actionId: action.id },
    );
    const other = testStore({ name: 'schouw-test-other' });
    const report = await other.store.backup.importBackup(await store.backup.exportBackup());
    expect(report.problems).toEqual([]);
    expect(await other.store.photos.get(photo.hash)).toMatchObject({ actionId: action.id });
  });

  it('is refused for an unknown action', async () => {
    const harness = await withPortfolio();
    const round = await finishRound(harness, harness.panden[0]!.id, '2025-02-01T10:00:00Z');
    await expect(
      harness.store.photos.addPhoto(
        { data: jpeg(3), mimeType: 'image/jpeg', width: 10, height: 10 },
        { inspectionId: round.id, actionId: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b' },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
