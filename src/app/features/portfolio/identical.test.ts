import { describe, expect, it } from 'vitest';
import type { ComplexDetail, InspectionView, PortfolioDwelling } from '../../db/index.ts';
import { carryForwardSources, isIdenticalDwelling } from './identical.ts';

function dwelling(id: string, woningtype: string | null, areaM2: number | null): PortfolioDwelling {
  return {
    id,
    pandId: 'p',
    complexId: 'c',
    vheNummer: id,
    bagVerblijfsobjectId: null,
    postcode: null,
    huisnummer: null,
    huisletter: null,
    toevoeging: null,
    woonplaats: null,
    woningtype,
    areaM2,
    floor: null,
    lift: null,
    energyLabel: null,
  };
}

function inspection(
  id: string,
  targetId: string,
  overrides: Partial<InspectionView> = {},
): InspectionView {
  return {
    id,
    module: 'zorggeschiktheid',
    templateId: 'zorggeschiktheid',
    templateVersion: 2,
    targetLevel: 'verblijfsobject',
    targetId,
    complexId: 'c',
    status: 'finished',
    finishedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

function detail(dwellings: PortfolioDwelling[], inspections: InspectionView[]): ComplexDetail {
  return {
    complex: {
      id: 'c',
      complexnummer: 'C-1',
      name: 'Test',
      gemeente: null,
      organisationId: 'o',
      dwellingCount: 0,
    },
    panden: [
      {
        pand: { id: 'p', complexId: 'c', bagPandId: null, bouwjaar: null, storeys: null },
        dwellings,
      },
    ],
    dwellingCount: dwellings.length,
    bouwjaar: null,
    labels: {},
    inspections,
    openActions: [],
  };
}

describe('identical dwellings for carry-forward', () => {
  it('calls two dwellings identical only when woningtype and area are both known and equal', () => {
    expect(
      isIdenticalDwelling(dwelling('a', 'Galerijflat', 61), dwelling('b', 'Galerijflat', 61)),
    ).toBe(true);
    expect(
      isIdenticalDwelling(dwelling('a', 'Galerijflat', 61), dwelling('b', 'Galerijflat', 62)),
    ).toBe(false);
    expect(isIdenticalDwelling(dwelling('a', null, 61), dwelling('b', null, 61))).toBe(false);
    expect(
      isIdenticalDwelling(dwelling('a', 'Galerijflat', null), dwelling('b', 'Galerijflat', null)),
    ).toBe(false);
    expect(
      isIdenticalDwelling(dwelling('a', 'Galerijflat', 61), dwelling('a', 'Galerijflat', 61)),
    ).toBe(false);
  });

  it('offers the newest finished inspection of the same module per identical dwelling', () => {
    const dwellings = [
      dwelling('target', 'Galerijflat', 61),
      dwelling('twin', 'Galerijflat', 61),
      dwelling('other', 'Galerijflat', 74),
    ];
    const sources = carryForwardSources(
      detail(dwellings, [
        inspection('old', 'twin', { finishedAt: '2025-01-01T10:00:00.000Z' }),
        inspection('new', 'twin', { finishedAt: '2026-02-01T10:00:00.000Z' }),
        inspection('draft', 'twin', { status: 'draft', finishedAt: undefined }),
        inspection('elsewhere', 'other'),
        inspection('energy', 'twin', { module: 'energie-opname', templateId: 'energie-opname' }),
        inspection('self', 'target'),
      ]),
      'target',
      'zorggeschiktheid',
    );
    expect(sources.map((source) => source.inspection.id)).toEqual(['new']);
  });

  it('offers nothing for a dwelling that is not in the complex', () => {
    expect(
      carryForwardSources(detail([], [inspection('x', 'y')]), 'target', 'zorggeschiktheid'),
    ).toEqual([]);
  });
});
