import { describe, expect, it } from 'vitest';
import { checkRecordIds } from '../../shared/domain/index.ts';
import { smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';

const PHOTO = 'a'.repeat(64);

async function roundWithDeviations() {
  const harness = testStore({ currentUser: () => 'user-inspecteur' });
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const pand = portfolio.complexes[0]!.panden[0]!;
  const inspection = await harness.store.inspections.start({
    module: 'brandveiligheidsronde',
    targetLevel: 'pand',
    targetId: pand.id,
  });
  const answers = harness.store.answers;
  await answers.saveAnswer(
    inspection.id,
    'scootmobielen',
    { type: 'ja-nee', value: 'nee' },
    {
      photoIds: [PHOTO],
    },
  );
  await answers.saveAnswer(inspection.id, 'rookmelders-verdiepingen', {
    type: 'ja-nee',
    value: 'nee',
  });
  await answers.saveAnswer(inspection.id, 'vluchtroutes-vrij', { type: 'ja-nee', value: 'ja' });
  return { ...harness, pand, inspection };
}

describe('finishing an inspection turns failed checks into findings with actions', () => {
  it('creates one finding and one action per failed check, in the finishing transaction', async () => {
    const { store, pand, inspection } = await roundWithDeviations();
    await store.inspections.finish(inspection.id);

    const findings = await store.findings.listForInspection(inspection.id);
    expect(findings.map((finding) => finding.questionId).sort()).toEqual([
      'rookmelders-verdiepingen',
      'scootmobielen',
    ]);
    const scooter = findings.find((finding) => finding.questionId === 'scootmobielen')!;
    expect(scooter.id).toBe(checkRecordIds(inspection.id, 'scootmobielen').findingId);
    expect(scooter.photoIds).toEqual([PHOTO]);
    expect(scooter.location).toBe('Vluchtroutes');
    const actions = await store.actions.listForInspection(inspection.id);
    expect(actions).toHaveLength(2);
    const action = actions.find((item) => item.findingId === scooter.id)!;
    expect(action).toMatchObject({
      id: checkRecordIds(inspection.id, 'scootmobielen').actionId,
      ownerRole: 'veiligheid',
      moduleId: 'brandveiligheidsronde',
      pandId: pand.id,
      status: 'open',
    });
    expect(action.what).toContain('scootmobiel');
    // Urgency hoog (code ernstig): within 30 days of 1 March 2025 (the test clock).
    const smoke = actions.find((item) => item.findingId !== scooter.id)!;
    expect(smoke.dueDate).toBe('2025-03-31');
  });

  it('finishing again after a correction updates the same records and never duplicates', async () => {
    const { store, inspection } = await roundWithDeviations();
    await store.inspections.finish(inspection.id);
    await store.inspections.reopen(inspection.id);
    await store.answers.saveAnswer(inspection.id, 'vluchtroutes-vrij', {
      type: 'ja-nee',
      value: 'nee',
    });
    await store.inspections.finish(inspection.id);

    expect(await store.findings.listForInspection(inspection.id)).toHaveLength(3);
    expect(await store.actions.listForInspection(inspection.id)).toHaveLength(3);
  });

  it('a check that passes now closes nothing by itself, and closes only when asked', async () => {
    const { store, inspection } = await roundWithDeviations();
    await store.inspections.finish(inspection.id);
    await store.inspections.reopen(inspection.id);
    await store.answers.saveAnswer(inspection.id, 'scootmobielen', { type: 'ja-nee', value: 'ja' });

    const actor = { userId: 'user-veiligheid', role: 'veiligheid' as const };
    const resolved = await store.inspections.resolvedOnFinish(inspection.id, actor);
    expect(resolved.map((item) => [item.questionId, item.mayClose])).toEqual([
      ['scootmobielen', true],
    ]);
    const asInspector = await store.inspections.resolvedOnFinish(inspection.id, {
      userId: 'user-inspecteur',
      role: 'inspecteur',
    });
    expect(asInspector[0]?.mayClose).toBe(false);

    await store.inspections.finish(inspection.id);
    const actionId = checkRecordIds(inspection.id, 'scootmobielen').actionId;
    expect((await store.actions.get(actionId))?.status).toBe('open');

    await store.inspections.reopen(inspection.id);
    await store.inspections.finish(inspection.id, { close: { actor, note: 'In orde bevonden' } });
    const closed = await store.actions.get(actionId);
    expect(closed?.status).toBe('afgerond');
    expect(closed?.history.at(-1)).toMatchObject({
      by: 'user-veiligheid',
      note: 'In orde bevonden',
    });
  });

  it('derives the same ids on every device and different ids per question', () => {
    const id = '0190d0c0-0000-7000-8000-000000000001';
    expect(checkRecordIds(id, 'a')).toEqual(checkRecordIds(id, 'a'));
    expect(checkRecordIds(id, 'a').findingId).not.toBe(checkRecordIds(id, 'b').findingId);
    expect(checkRecordIds(id, 'a').findingId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
