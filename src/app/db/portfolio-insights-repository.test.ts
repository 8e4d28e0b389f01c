import { describe, expect, it } from 'vitest';
import type { ModuleId, TargetLevel } from '../../shared/domain/module.ts';
import { answerSetFor, type PlainValue } from '../../shared/domain/templates/answer-builder.ts';
import { latestTemplate } from '../../shared/domain/templates/registry.ts';
import { smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';
import { PortfolioInsightsRepository } from './portfolio-insights-repository.ts';
import type { SchouwStore } from './store.ts';

const kansrijkeFlat: Record<string, PlainValue> = {
  bouwjaar: 1965,
  bouwlagen: 4,
  daktype: 'plat',
  dakoppervlak: 500,
  draagconstructie: 'gietbeton',
  fundering: 'betonpalen',
  scheuren: 'nee',
  lift: 'ja',
  trappenhuizen: 'voldoende',
  'droge-blusleiding': 'nee',
  'extra-bouwlagen': 1,
  doelgrootte: 50,
  parkeren: 'voldoende',
};

const zorgRolstoel: Record<string, PlainValue> = {
  verdieping: 0,
  'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'],
  'opstap-woning': 0,
  'opstap-route': 1,
  deurbreedte: 0.9,
  gangbreedte: 1.2,
  'toilet-in-badkamer': 'ja',
  'badkamer-breedte': 2.2,
  'badkamer-lengte': 2.3,
  'douche-drempelvrij': 'ja',
  draairuimte: 'ja',
  'gemeenschappelijke-gangen': 'nee',
  alarmering: 'nee',
};

/** Starts an inspection, answers it through the repository and finishes it. */
async function finishedInspection(
  store: SchouwStore,
  module: ModuleId,
  targetLevel: TargetLevel,
  targetId: string,
  values: Record<string, PlainValue>,
  finish = true,
) {
  const inspection = await store.inspections.start({ module, targetLevel, targetId });
  const answers = answerSetFor(latestTemplate(module), values);
  for (const answer of Object.values(answers))
    if (answer) await store.answers.saveAnswer(inspection.id, answer.questionId, answer.value);
  if (finish) await store.inspections.finish(inspection.id);
  return inspection;
}

async function setup() {
  const { store, clock, context } = testStore();
  const portfolio = smallPortfolio();
  await store.portfolio.importPortfolio(portfolio);
  return { store, clock, context, portfolio };
}

describe('portfolio insights from the device', () => {
  it('counts the current labels of every dwelling per complex and gemeente', async () => {
    const { store, portfolio } = await setup();
    const potential = await store.portfolioInsights.potential();

    const dwellings = portfolio.complexes.flatMap((complex) =>
      complex.panden.flatMap((pand) => pand.verblijfsobjecten),
    );
    expect(potential.total.dwellings).toBe(dwellings.length);
    const expectedG = dwellings.filter((d) => d.energyLabel?.class === 'G').length;
    const expectedNone = dwellings.filter((d) => d.energyLabel === null).length;
    const expectedEfg = dwellings.filter((d) =>
      ['E', 'F', 'G'].includes(d.energyLabel?.class ?? ''),
    ).length;
    expect(potential.total.labels.G).toBe(expectedG);
    expect(potential.total.labels.geen).toBe(expectedNone);
    expect(potential.total.efg).toBe(expectedEfg);
    expect(potential.complexes).toHaveLength(portfolio.complexes.length);
    const gemeenten = new Set(portfolio.complexes.map((complex) => complex.gemeente));
    expect(potential.gemeenten.map((row) => row.gemeente).sort()).toEqual([...gemeenten].sort());
  });

  it('counts the same whatever the page size it reads dwellings in', async () => {
    const { store, context } = testStore();
    await store.portfolio.importPortfolio(smallPortfolio());
    const expected = await store.portfolioInsights.potential();
    expect(expected.total.dwellings).toBe(24);
    // 24 dwellings: one per page, pages that divide 24 exactly, pages that do not, one page.
    for (const pageSize of [1, 4, 5, 24, 25]) {
      const paged = await new PortfolioInsightsRepository(context, pageSize).potential();
      expect(paged).toEqual(expected);
    }
  });

  it('adds the indicative dwellings of a finished optoppen-scan to its complex and gemeente', async () => {
    const { store, portfolio } = await setup();
    const complex = portfolio.complexes[1]!;
    await finishedInspection(store, 'optoppen-scan', 'pand', complex.panden[0]!.id, kansrijkeFlat);

    const potential = await store.portfolioInsights.potential();
    const row = potential.complexes.find((item) => item.complexId === complex.id);
    expect(row?.extraDwellings).toEqual({
      'optoppen-scan': 8,
      'ondertoppen-scan': 0,
      'splitsen-scan': 0,
      total: 8,
    });
    expect(row?.scans['optoppen-scan']).toBe(1);
    const gemeente = potential.gemeenten.find((item) => item.gemeente === complex.gemeente);
    expect(gemeente?.extraDwellings.total).toBe(8);
    expect(potential.total.extraDwellings.total).toBe(8);
  });

  it('does not count drafts, and counts only the newest finished scan of a pand', async () => {
    const { store, clock, portfolio } = await setup();
    const pand = portfolio.complexes[0]!.panden[0]!;
    await finishedInspection(store, 'optoppen-scan', 'pand', pand.id, kansrijkeFlat);
    clock.advance(60_000);
    await finishedInspection(store, 'optoppen-scan', 'pand', pand.id, {
      ...kansrijkeFlat,
      dakoppervlak: 1000,
    });
    clock.advance(60_000);
    await finishedInspection(
      store,
      'optoppen-scan',
      'pand',
      pand.id,
      { ...kansrijkeFlat, dakoppervlak: 2000 },
      false,
    );

    const potential = await store.portfolioInsights.potential();
    // 1000 m² × 80% ÷ 50 m² = 16, from the newest finished scan; the draft does not count.
    expect(potential.total.extraDwellings['optoppen-scan']).toBe(16);
    expect(potential.total.scans['optoppen-scan']).toBe(1);
  });

  it('counts a reopened correction only once it is finished again', async () => {
    const { store, clock, portfolio } = await setup();
    const pand = portfolio.complexes[0]!.panden[0]!;
    const inspection = await finishedInspection(
      store,
      'optoppen-scan',
      'pand',
      pand.id,
      kansrijkeFlat,
    );
    clock.advance(60_000);
    await store.inspections.reopen(inspection.id);
    expect((await store.portfolioInsights.potential()).total.scans['optoppen-scan']).toBe(0);

    const template = latestTemplate('optoppen-scan');
    const corrected = answerSetFor(template, { dakoppervlak: 750 }).dakoppervlak!;
    await store.answers.saveAnswer(inspection.id, 'dakoppervlak', corrected.value);
    await store.inspections.finish(inspection.id);
    const potential = await store.portfolioInsights.potential();
    // 750 × 0,8 ÷ 50 = 12.
    expect(potential.total.extraDwellings['optoppen-scan']).toBe(12);
  });

  it('reports a finished inspection of a template version this app does not know instead of counting it', async () => {
    const { store, context, portfolio } = await setup();
    const pand = portfolio.complexes[0]!.panden[0]!;
    const inspection = await finishedInspection(
      store,
      'optoppen-scan',
      'pand',
      pand.id,
      kansrijkeFlat,
    );
    // As if a newer app on another device made it with version 999 and sync brought it here.
    await context.db.inspections.update(inspection.id, { templateVersion: 999 });

    const potential = await store.portfolioInsights.potential();
    expect(potential.unscorable).toBe(1);
    expect(potential.total.scans['optoppen-scan']).toBe(0);
  });

  it('counts zorggeschiktheid classes as woondeal levels per gemeente', async () => {
    const { store, portfolio } = await setup();
    const complex = portfolio.complexes[2]!;
    const [first, second] = complex.panden[0]!.verblijfsobjecten;
    await finishedInspection(store, 'zorggeschiktheid', 'verblijfsobject', first!.id, zorgRolstoel);
    await finishedInspection(store, 'zorggeschiktheid', 'verblijfsobject', second!.id, {
      ...zorgRolstoel,
      'opstap-woning': 10,
    });

    const potential = await store.portfolioInsights.potential();
    const row = potential.complexes.find((item) => item.complexId === complex.id);
    expect(row?.woondeal.assessed).toBe(2);
    // The first reaches at least rollatorgeschikt; the second, with a 10 cm step, not even nultreden.
    expect(row?.woondeal.nultreden).toBe(1);
    expect(row?.woondeal.rollatorgeschikt).toBe(1);
    expect(potential.total.woondeal.nultreden).toBe(1);
  });
});
