import { describe, expect, it } from 'vitest';
import { smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';
import { InspectionClosedError, InvalidInputError, InvalidStateError } from './errors.ts';

async function fireSafetyRound() {
  const harness = testStore();
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const pand = portfolio.complexes[0]!.panden[0]!;
  const inspection = await harness.store.inspections.start({
    module: 'brandveiligheidsronde',
    targetLevel: 'pand',
    targetId: pand.id,
  });
  return { ...harness, inspection, pand };
}

const finding = {
  location: 'Galerij 3e verdieping',
  description: 'Scootmobiel in vluchtroute',
  severity: 'ernstig' as const,
};

describe('findings', () => {
  it('creates, updates and deletes a finding, each with its outbox op', async () => {
    const { store, inspection } = await fireSafetyRound();
    const before = await store.outbox.pendingCount();

    const created = await store.findings.create(inspection.id, finding);
    const updated = await store.findings.update(created.id, { severity: 'direct-gevaar' });
    await store.findings.remove(created.id);

    expect(updated).toMatchObject({
      ...finding,
      severity: 'direct-gevaar',
      inspectionId: inspection.id,
      photoIds: [],
    });
    expect(await store.findings.listForInspection(inspection.id)).toEqual([]);
    const ops = (await store.outbox.peekBatch(100)).slice(before);
    expect(ops.map((op) => [op.entity, op.kind])).toEqual([
      ['finding', 'upsert'],
      ['finding', 'upsert'],
      ['finding', 'delete'],
    ]);
    expect(ops[1]!.fields).toEqual({ severity: 'direct-gevaar' });
  });

  it('refuses an empty description with the domain message', async () => {
    const { store, inspection } = await fireSafetyRound();
    await expect(
      store.findings.create(inspection.id, { ...finding, description: ' ' }),
    ).rejects.toThrow(/Vul een omschrijving van de bevinding in/);
  });

  it('creates a finding and its action in one transaction: both or neither', async () => {
    const { store, context, inspection } = await fireSafetyRound();
    const action = {
      what: 'Scootmobiel laten verwijderen',
      ownerRole: 'veiligheid' as const,
      dueDate: '2025-03-31',
    };

    const both = await store.findings.createWithAction(inspection.id, finding, action);
    expect(both.action).toMatchObject({
      findingId: both.finding.id,
      inspectionId: inspection.id,
      status: 'open',
    });
    expect((await store.actions.listForFinding(both.finding.id)).map((item) => item.id)).toEqual([
      both.action.id,
    ]);

    const findingsBefore = await context.db.findings.count();
    await expect(
      store.findings.createWithAction(inspection.id, finding, { ...action, dueDate: 'morgen' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await context.db.findings.count()).toBe(findingsBefore);
  });

  it('cannot be added to a finished inspection until it is reopened', async () => {
    const { store, inspection } = await fireSafetyRound();
    await store.inspections.finish(inspection.id);
    await expect(store.findings.create(inspection.id, finding)).rejects.toBeInstanceOf(
      InspectionClosedError,
    );
    await store.inspections.reopen(inspection.id);
    await expect(store.findings.create(inspection.id, finding)).resolves.toMatchObject(finding);
  });
});

describe('actions', () => {
  it('follows the domain transition rules, recording who changed the status and why', async () => {
    const { store, inspection, pand } = await fireSafetyRound();
    const action = await store.actions.create({
      what: 'Zelfsluitende deur repareren',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
      inspectionId: inspection.id,
      pandId: pand.id,
      moduleId: 'brandveiligheidsronde',
    });
    expect((await store.actions.listOpen()).map((item) => item.id)).toEqual([action.id]);

    await expect(
      store.actions.transition(
        action.id,
        'afgerond',
        { userId: 'insp-1', role: 'inspecteur' },
        'Gerepareerd',
      ),
    ).rejects.toBeInstanceOf(InvalidStateError);
    const done = await store.actions.transition(
      action.id,
      'afgerond',
      { userId: 'veil-1', role: 'veiligheid' },
      'Gerepareerd',
    );

    expect(done.status).toBe('afgerond');
    expect(done.history.at(-1)).toMatchObject({
      status: 'afgerond',
      by: 'veil-1',
      note: 'Gerepareerd',
    });
    expect(await store.actions.listOpen()).toEqual([]);
    const op = (await store.outbox.peekBatch(100)).at(-1)!;
    expect(Object.keys(op.fields).sort()).toEqual(['history', 'status']);
  });

  it('updates the due date and owner of an action', async () => {
    const { store } = await fireSafetyRound();
    const action = await store.actions.create({
      what: 'Blusser keuren',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
    });
    const moved = await store.actions.update(action.id, {
      dueDate: '2025-04-30',
      ownerRole: 'beheerder',
    });
    expect(moved).toMatchObject({ dueDate: '2025-04-30', ownerRole: 'beheerder', status: 'open' });
    await expect(store.actions.update(action.id, { dueDate: '30-04-2025' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
