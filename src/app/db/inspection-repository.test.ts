import { describe, expect, it } from 'vitest';
import { latestTemplate } from '../../shared/domain/templates/index.ts';
import {
  questionsOfType,
  smallPortfolio,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';
import { InvalidInputError, InvalidStateError, NotFoundError } from './errors.ts';
import { catalogueOf } from './template-catalogue.ts';
import { allTemplates } from '../../shared/domain/templates/index.ts';

async function withPortfolio(options: Parameters<typeof testStore>[0] = {}) {
  const harness = testStore(options);
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const pand = portfolio.complexes[0]!.panden[0]!;
  const [first, second, third] = pand.verblijfsobjecten;
  return { ...harness, portfolio, pand, first: first!, second: second!, third: third! };
}

describe('starting and resuming inspections', () => {
  it('starts a draft with the latest template version, the target and its complex', async () => {
    const { store, portfolio, first } = await withPortfolio();

    const inspection = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });

    expect(inspection).toMatchObject({
      module: 'zorggeschiktheid',
      templateId: 'zorggeschiktheid',
      templateVersion: latestTemplate('zorggeschiktheid').version,
      targetLevel: 'verblijfsobject',
      targetId: first.id,
      complexId: portfolio.complexes[0]!.id,
      status: 'draft',
      startedAt: '2025-03-01T09:00:00.000Z',
    });
    expect(await store.inspections.get(inspection.id)).toEqual(inspection);
  });

  it('refuses a module at a level it does not apply to, and a target that is not on the device', async () => {
    const { store, pand } = await withPortfolio();
    await expect(
      store.inspections.start({
        module: 'zorggeschiktheid',
        targetLevel: 'pand',
        targetId: pand.id,
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.inspections.start({
        module: 'brandveiligheidsronde',
        targetLevel: 'pand',
        targetId: '0190d0c0-0000-7000-8000-000000000000',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps an old draft on the template version it was started with after a newer version ships', async () => {
    const versionOne = catalogueOf(
      allTemplates.filter(
        (template) => !(template.id === 'zorggeschiktheid' && template.version > 1),
      ),
    );
    const { store, first, context } = await withPortfolio({ templates: versionOne });
    const draft = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    expect(draft.templateVersion).toBe(1);
    context.db.close();

    const { store: updated } = testStore({ name: 'schouw-test' });
    const resumed = await updated.inspections.resume(draft.id);
    expect(resumed.templateVersion).toBe(1);
    const fresh = await updated.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    expect(fresh.templateVersion).toBe(latestTemplate('zorggeschiktheid').version);
  });

  it('finds the open inspection of a module at a target so the UI resumes instead of duplicating', async () => {
    const { store, first } = await withPortfolio();
    const draft = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    expect(
      (await store.inspections.openFor('zorggeschiktheid', 'verblijfsobject', first.id))?.id,
    ).toBe(draft.id);
    expect(
      await store.inspections.openFor('splitsen-scan', 'verblijfsobject', first.id),
    ).toBeUndefined();
    await store.inspections.finish(draft.id);
    expect(
      await store.inspections.openFor('zorggeschiktheid', 'verblijfsobject', first.id),
    ).toBeUndefined();
  });

  it('lists "mijn planning": drafts and corrections first, then planned inspections by date', async () => {
    const { store, clock, pand, first, second } = await withPortfolio();
    const later = await store.inspections.plan({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: pand.id,
      plannedFor: '2025-04-02',
    });
    const sooner = await store.inspections.plan({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
      plannedFor: '2025-03-15',
    });
    const older = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    clock.advance(60_000);
    const newer = await store.inspections.start({
      module: 'splitsen-scan',
      targetLevel: 'verblijfsobject',
      targetId: second.id,
    });
    const finished = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: second.id,
    });
    await store.inspections.finish(finished.id);

    const planning = await store.inspections.myPlanning();

    expect(planning.map((item) => item.id)).toEqual([newer.id, older.id, sooner.id, later.id]);
  });

  it('keeps work planned for a colleague off "mijn planning" of everyone else', async () => {
    let me = 'user-planner';
    const { store, first, second } = await withPortfolio({ currentUser: () => me });
    const forColleague = await store.inspections.plan({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
      plannedFor: '2025-03-15',
      inspectorId: 'user-inspector',
    });
    const forMe = await store.inspections.plan({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: second.id,
      plannedFor: '2025-03-16',
    });

    expect((await store.inspections.myPlanning()).map((item) => item.id)).toEqual([forMe.id]);
    me = 'user-inspector';
    expect((await store.inspections.myPlanning()).map((item) => item.id)).toEqual([
      forColleague.id,
    ]);
  });

  it('lists all inspections of a target newest first', async () => {
    const { store, clock, first } = await withPortfolio();
    const one = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    clock.advance(1_000);
    const two = await store.inspections.start({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    expect(
      (await store.inspections.listForTarget('verblijfsobject', first.id)).map((item) => item.id),
    ).toEqual([two.id, one.id]);
  });

  it('finishes, refuses to reopen a draft, and reopens a finished inspection for correction', async () => {
    const { store, clock, first } = await withPortfolio();
    const draft = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    await expect(store.inspections.reopen(draft.id)).rejects.toBeInstanceOf(InvalidStateError);
    clock.advance(3_600_000);

    const finished = await store.inspections.finish(draft.id);
    expect(finished).toMatchObject({ status: 'finished', finishedAt: '2025-03-01T10:00:00.000Z' });

    expect((await store.inspections.reopen(draft.id)).status).toBe('reopened');
  });
});

describe('carry-forward between identical dwellings', () => {
  async function finishedSource() {
    const harness = await withPortfolio();
    const { store, first } = harness;
    const source = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    const questions = questionsOfType('zorggeschiktheid', 'ja-nee').slice(0, 3);
    for (const question of questions)
      await store.answers.saveAnswer(source.id, question, { type: 'ja-nee', value: 'ja' });
    await store.inspections.finish(source.id);
    return { ...harness, source, questions };
  }

  it('copies the answers of a finished inspection marked carried-forward and unconfirmed', async () => {
    const { store, source, questions, second } = await finishedSource();

    const copy = await store.inspections.startFromFinished(source.id, second.id);

    expect(copy).toMatchObject({
      targetId: second.id,
      module: 'zorggeschiktheid',
      status: 'draft',
      carriedForwardFrom: source.id,
    });
    const answers = await store.answers.answerSet(copy.id);
    expect(Object.keys(answers).sort()).toEqual([...questions].sort());
    for (const question of questions)
      expect(answers[question]).toMatchObject({
        value: { type: 'ja-nee', value: 'ja' },
        carriedForwardFrom: { inspectionId: source.id, unconfirmed: true },
      });
    expect(await store.answers.unconfirmedCount(copy.id)).toBe(3);
    expect(
      (await store.answers.history(copy.id)).every((entry) => entry.reason === 'carried-forward'),
    ).toBe(true);
  });

  it('confirms a copied answer unchanged, or by changing it, and only then lets the inspection finish', async () => {
    const { store, source, questions, second } = await finishedSource();
    const copy = await store.inspections.startFromFinished(source.id, second.id);

    await expect(store.inspections.finish(copy.id)).rejects.toThrow(
      /3 overgenomen antwoorden zijn niet bevestigd/,
    );

    const confirmed = await store.answers.confirmAnswer(copy.id, questions[0]!);
    expect(confirmed.carriedForwardFrom).toEqual({ inspectionId: source.id, unconfirmed: false });
    const changed = await store.answers.saveAnswer(copy.id, questions[1]!, {
      type: 'ja-nee',
      value: 'nee',
    });
    expect(changed.carriedForwardFrom).toEqual({ inspectionId: source.id, unconfirmed: false });
    // Saving the same value again is confirming it as it is.
    await store.answers.saveAnswer(copy.id, questions[2]!, { type: 'ja-nee', value: 'ja' });

    expect(await store.answers.unconfirmedCount(copy.id)).toBe(0);
    expect((await store.inspections.finish(copy.id)).status).toBe('finished');
    const reasons = (await store.answers.history(copy.id)).map((entry) => entry.reason);
    expect(reasons.filter((reason) => reason === 'confirmed')).toHaveLength(2);
    expect(reasons).toContain('changed');
  });

  it('leaves the source inspection untouched', async () => {
    const { store, source, second } = await finishedSource();
    const before = await store.answers.answerSet(source.id);
    const copy = await store.inspections.startFromFinished(source.id, second.id);
    await store.answers.saveAnswer(copy.id, Object.keys(before)[0]!, {
      type: 'ja-nee',
      value: 'nee',
    });
    expect(await store.answers.answerSet(source.id)).toEqual(before);
  });

  it('only copies from a finished inspection to another dwelling', async () => {
    const { store, first, second } = await withPortfolio();
    const draft = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    await expect(store.inspections.startFromFinished(draft.id, second.id)).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    await store.inspections.finish(draft.id);
    await expect(store.inspections.startFromFinished(draft.id, first.id)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('carries into the latest template version and leaves out questions it no longer has', async () => {
    const { store, context, first, second } = await withPortfolio();
    // A source made with version 1 of zorggeschiktheid, and one question v2 does not know.
    const source = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: first.id,
    });
    const question = questionsOfType('zorggeschiktheid', 'ja-nee')[0]!;
    await store.answers.saveAnswer(source.id, question, { type: 'ja-nee', value: 'nee' });
    await context.db.answers.put({
      ...(await context.db.answers.get([source.id, question]))!,
      questionId: 'vraag-uit-oude-versie',
    });
    await store.inspections.finish(source.id);

    const copy = await store.inspections.startFromFinished(source.id, second.id);

    expect(copy.templateVersion).toBe(latestTemplate('zorggeschiktheid').version);
    expect(Object.keys(await store.answers.answerSet(copy.id))).toEqual([question]);
  });
});
