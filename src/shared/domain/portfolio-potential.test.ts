import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerSetFor } from './templates/answer-builder.ts';
import { latestTemplate } from './templates/registry.ts';
import { scoreInspection } from './scoring/index.ts';
import type { ModuleId } from './module.ts';
import type { InspectionStatus } from './inspection.ts';
import {
  contributionOf,
  emptyLabelDistribution,
  labelBuckets,
  latestFinished,
  portfolioPotential,
  potentialModules,
  woondealLevelsOf,
  type Contribution,
  type InspectionFacts,
  type LabelDistribution,
  type PortfolioComplexInput,
} from './portfolio-potential.ts';
import { ZorgClassSchema } from './scoring/zorggeschiktheid.ts';

const inspection = (overrides: Partial<InspectionFacts>): InspectionFacts => ({
  id: '01',
  module: 'optoppen-scan',
  targetLevel: 'pand',
  targetId: 'pand-1',
  status: 'finished',
  finishedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

describe('choosing the inspections that count', () => {
  it('keeps only finished inspections', () => {
    const chosen = latestFinished(
      (['planned', 'draft', 'reopened', 'finished'] as const).map((status, index) =>
        inspection({ id: `0${index}`, status, targetId: `pand-${index}` }),
      ),
    );
    expect(chosen.map((item) => item.status)).toEqual(['finished']);
  });

  it('lets the newest finished inspection per target and module win', () => {
    const chosen = latestFinished([
      inspection({ id: 'a', finishedAt: '2026-02-01T00:00:00.000Z' }),
      inspection({ id: 'b', finishedAt: '2026-03-01T00:00:00.000Z' }),
      inspection({ id: 'c', finishedAt: '2026-01-01T00:00:00.000Z' }),
      inspection({ id: 'd', module: 'ondertoppen-scan', finishedAt: '2025-01-01T00:00:00.000Z' }),
    ]);
    expect(chosen.map((item) => item.id).sort()).toEqual(['b', 'd']);
  });

  it('ignores a reopened correction until it is finished again, counting the earlier result meanwhile', () => {
    const older = inspection({ id: 'a', finishedAt: '2026-01-01T00:00:00.000Z' });
    const reopened = inspection({
      id: 'b',
      status: 'reopened',
      finishedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(latestFinished([older, reopened]).map((item) => item.id)).toEqual(['a']);
    const refinished = {
      ...reopened,
      status: 'finished' as const,
      finishedAt: '2026-03-01T00:00:00.000Z',
    };
    expect(latestFinished([older, refinished]).map((item) => item.id)).toEqual(['b']);
  });

  it('chooses the same inspections whatever the order they come in', () => {
    const statuses: InspectionStatus[] = ['planned', 'draft', 'reopened', 'finished'];
    const modules: ModuleId[] = ['optoppen-scan', 'splitsen-scan', 'zorggeschiktheid'];
    const arbitraryInspection = fc.record({
      id: fc.uuid(),
      module: fc.constantFrom(...modules),
      targetLevel: fc.constant('pand' as const),
      targetId: fc.constantFrom('p1', 'p2', 'p3'),
      status: fc.constantFrom(...statuses),
      finishedAt: fc.integer({ min: 0, max: 5 }).map((day) => `2026-01-0${day + 1}T00:00:00.000Z`),
    });
    fc.assert(
      fc.property(fc.array(arbitraryInspection, { maxLength: 30 }), (list) => {
        const forward = latestFinished(list)
          .map((item) => item.id)
          .sort();
        const backward = latestFinished([...list].reverse())
          .map((item) => item.id)
          .sort();
        expect(forward).toEqual(backward);
        // Each chosen one is finished and no finished one of its target is newer.
        for (const chosen of latestFinished(list)) {
          expect(chosen.status).toBe('finished');
          for (const other of list)
            if (
              other.status === 'finished' &&
              other.module === chosen.module &&
              other.targetId === chosen.targetId
            )
              expect(other.finishedAt <= chosen.finishedAt).toBe(true);
        }
      }),
    );
  });
});

describe('what a scored inspection contributes', () => {
  const optoppen = latestTemplate('optoppen-scan');
  const goodFlat = {
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

  it('counts the indicative dwellings of a kansrijk optoppen-scan', () => {
    const score = scoreInspection(optoppen, answerSetFor(optoppen, goodFlat), {
      inspectionDate: '2026-01-01',
    });
    // 500 m² roof × 80% net × 1 storey ÷ 50 m² = 8 dwellings.
    expect(contributionOf(score)).toEqual({
      kind: 'extra-dwellings',
      module: 'optoppen-scan',
      dwellings: 8,
    });
  });

  it('counts no dwellings for a weinig kansrijke (rood) optoppen-scan, but still counts the scan', () => {
    const score = scoreInspection(
      optoppen,
      answerSetFor(optoppen, {
        ...goodFlat,
        bouwlagen: 9,
        daktype: 'zadeldak',
        draagconstructie: 'houtskeletbouw',
        fundering: 'houten-palen',
        scheuren: 'nee',
        lift: 'nee',
        parkeren: 'onvoldoende',
      }),
      { inspectionDate: '2026-01-01' },
    );
    if (score.module !== 'optoppen-scan') throw new Error('wrong module');
    expect(score.result.light).toBe('rood');
    expect(score.result.indicativeDwellings).toBeGreaterThan(0);
    expect(contributionOf(score)).toEqual({
      kind: 'extra-dwellings',
      module: 'optoppen-scan',
      dwellings: 0,
    });
  });

  it('ignores modules the view does not count', () => {
    const energie = latestTemplate('energie-opname');
    const score = scoreInspection(energie, {}, { inspectionDate: '2026-01-01' });
    expect(contributionOf(score)).toBeUndefined();
  });

  it('counts a class for itself and every level below it', () => {
    expect(woondealLevelsOf('niet-geschikt')).toEqual([]);
    expect(woondealLevelsOf('nultreden')).toEqual(['nultreden']);
    expect(woondealLevelsOf('rolstoelgeschikt')).toEqual([
      'nultreden',
      'rollatorgeschikt',
      'rolstoelgeschikt',
    ]);
    expect(woondealLevelsOf('zorggeschikt')).toHaveLength(4);
  });
});

const complexes: PortfolioComplexInput[] = [
  { id: 'c2', complexnummer: 'C-1010', name: 'Hoogvliet', gemeente: 'Rotterdam' },
  { id: 'c1', complexnummer: 'C-1002', name: 'Zuid', gemeente: 'Rotterdam' },
  { id: 'c3', complexnummer: 'C-2001', name: 'Centrum', gemeente: 'Delft' },
  { id: 'c4', complexnummer: 'C-3001', name: 'Onbekend', gemeente: null },
];

function labels(entries: Partial<LabelDistribution>): LabelDistribution {
  return { ...emptyLabelDistribution(), ...entries };
}

describe('adding up per complex and gemeente', () => {
  const result = portfolioPotential({
    complexes,
    labelsByComplex: new Map([
      ['c1', labels({ A: 2, E: 1, geen: 1 })],
      ['c2', labels({ G: 3, B: 1 })],
      ['c3', labels({ 'A++': 1, F: 2 })],
    ]),
    contributions: [
      {
        complexId: 'c1',
        contribution: { kind: 'extra-dwellings', module: 'optoppen-scan', dwellings: 8 },
      },
      {
        complexId: 'c2',
        contribution: { kind: 'extra-dwellings', module: 'ondertoppen-scan', dwellings: 3 },
      },
      {
        complexId: 'c2',
        contribution: { kind: 'extra-dwellings', module: 'splitsen-scan', dwellings: 1 },
      },
      {
        complexId: 'c2',
        contribution: { kind: 'extra-dwellings', module: 'optoppen-scan', dwellings: 0 },
      },
      {
        complexId: 'c3',
        contribution: { kind: 'zorg', classification: 'rolstoelgeschikt', provisional: false },
      },
      {
        complexId: 'c3',
        contribution: { kind: 'zorg', classification: 'niet-geschikt', provisional: true },
      },
      {
        complexId: 'c1',
        contribution: { kind: 'zorg', classification: 'zorggeschikt', provisional: false },
      },
    ],
  });

  it('lists complexes by complexnummer with their own extra dwellings and labels', () => {
    expect(result.complexes.map((row) => row.complexnummer)).toEqual([
      'C-1002',
      'C-1010',
      'C-2001',
      'C-3001',
    ]);
    const hoogvliet = result.complexes[1];
    expect(hoogvliet?.extraDwellings).toEqual({
      'optoppen-scan': 0,
      'ondertoppen-scan': 3,
      'splitsen-scan': 1,
      total: 4,
    });
    expect(hoogvliet?.scans).toEqual({
      'optoppen-scan': 1,
      'ondertoppen-scan': 1,
      'splitsen-scan': 1,
    });
    expect(hoogvliet?.dwellings).toBe(4);
    expect(hoogvliet?.efg).toBe(3);
  });

  it('adds complexes up per gemeente, unknown gemeente last', () => {
    expect(result.gemeenten.map((row) => [row.gemeente, row.complexes, row.dwellings])).toEqual([
      ['Delft', 1, 3],
      ['Rotterdam', 2, 8],
      [null, 1, 0],
    ]);
    const rotterdam = result.gemeenten[1];
    expect(rotterdam?.extraDwellings.total).toBe(12);
    expect(rotterdam?.efg).toBe(4);
    expect(rotterdam?.labels).toMatchObject({ A: 2, B: 1, E: 1, G: 3, geen: 1 });
  });

  it('counts woondeal dwellings cumulatively per level, with provisional ones reported', () => {
    const delft = result.gemeenten[0];
    expect(delft?.woondeal).toEqual({
      assessed: 2,
      nultreden: 1,
      rollatorgeschikt: 1,
      rolstoelgeschikt: 1,
      zorggeschikt: 0,
      provisional: 1,
    });
    expect(result.total.woondeal).toMatchObject({ assessed: 3, nultreden: 2, zorggeschikt: 1 });
  });

  it('keeps contributions of a complex no longer in the portfolio under the unknown gemeente', () => {
    const orphan = portfolioPotential({
      complexes: [],
      labelsByComplex: new Map(),
      contributions: [
        {
          complexId: 'gone',
          contribution: { kind: 'extra-dwellings', module: 'optoppen-scan', dwellings: 5 },
        },
      ],
    });
    expect(orphan.gemeenten).toMatchObject([{ gemeente: null, complexes: 0 }]);
    expect(orphan.total.extraDwellings.total).toBe(5);
  });
});

describe('totals', () => {
  const arbitraryContribution: fc.Arbitrary<Contribution> = fc.oneof(
    fc.record({
      kind: fc.constant('extra-dwellings' as const),
      module: fc.constantFrom(...potentialModules),
      dwellings: fc.nat({ max: 40 }),
    }),
    fc.record({
      kind: fc.constant('zorg' as const),
      classification: fc.constantFrom(...ZorgClassSchema.options),
      provisional: fc.boolean(),
    }),
  );
  const arbitraryLabels = fc
    .array(fc.nat({ max: 50 }), { minLength: labelBuckets.length, maxLength: labelBuckets.length })
    .map(
      (counts) =>
        Object.fromEntries(
          labelBuckets.map((bucket, i) => [bucket, counts[i] ?? 0]),
        ) as LabelDistribution,
    );

  it('are the sum of the gemeenten and of the complexes, and woondeal levels never grow upwards', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryLabels, { minLength: complexes.length, maxLength: complexes.length }),
        fc.array(
          fc.record({
            complexId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
            contribution: arbitraryContribution,
          }),
          { maxLength: 40 },
        ),
        (labelList, contributions) => {
          const result = portfolioPotential({
            complexes,
            labelsByComplex: new Map(
              complexes.map((complex, i) => [complex.id, labelList[i] ?? emptyLabelDistribution()]),
            ),
            contributions,
          });
          const sum = (
            rows: { extraDwellings: { total: number }; dwellings: number; efg: number }[],
          ) => [
            rows.reduce((total, row) => total + row.extraDwellings.total, 0),
            rows.reduce((total, row) => total + row.dwellings, 0),
            rows.reduce((total, row) => total + row.efg, 0),
          ];
          const totals = [
            result.total.extraDwellings.total,
            result.total.dwellings,
            result.total.efg,
          ];
          expect(sum(result.gemeenten)).toEqual(totals);
          expect(sum(result.complexes)).toEqual(totals);
          const expectedExtra = contributions.reduce(
            (total, { contribution }) =>
              total + (contribution.kind === 'extra-dwellings' ? contribution.dwellings : 0),
            0,
          );
          expect(result.total.extraDwellings.total).toBe(expectedExtra);
          for (const row of [result.total, ...result.gemeenten]) {
            const { woondeal, extraDwellings } = row;
            expect(woondeal.assessed).toBeGreaterThanOrEqual(woondeal.nultreden);
            expect(woondeal.nultreden).toBeGreaterThanOrEqual(woondeal.rollatorgeschikt);
            expect(woondeal.rollatorgeschikt).toBeGreaterThanOrEqual(woondeal.rolstoelgeschikt);
            expect(woondeal.rolstoelgeschikt).toBeGreaterThanOrEqual(woondeal.zorggeschikt);
            expect(
              extraDwellings['optoppen-scan'] +
                extraDwellings['ondertoppen-scan'] +
                extraDwellings['splitsen-scan'],
            ).toBe(extraDwellings.total);
            expect(row.labels.E + row.labels.F + row.labels.G).toBe(row.efg);
          }
        },
      ),
    );
  });
});
