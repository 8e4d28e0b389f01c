import { describe, expect, it } from 'vitest';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { latestTemplate } from '../templates/registry.ts';
import { scoreInspection } from './index.ts';
import type { OndertoppenResult } from './ondertoppen-scan.ts';
import type { SplitsenResult } from './splitsen-scan.ts';

type Values = Record<string, PlainValue | undefined>;

function defined(values: Values): Record<string, PlainValue> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, PlainValue] => entry[1] !== undefined),
  );
}

const ondertoppen = latestTemplate('ondertoppen-scan');
const bergingen: Values = {
  ruimtetype: 'bergingen',
  vloeroppervlak: 200,
  doelgrootte: 60,
  verblijfsgebied: 40,
  'grootste-ruimte-oppervlak': 20,
  'grootste-ruimte-breedte': 3.5,
  plafondhoogte: 2.7,
  daglicht: 'ja',
  'eigen-entree': 'ja',
  voorzieningen: ['keuken', 'douche', 'toilet'],
  buitenruimte: 6,
  berging: 5,
  'berging-gemeenschappelijk': 'nee',
};

function scoreOndertoppen(overrides: Values = {}): OndertoppenResult {
  const score = scoreInspection(
    ondertoppen,
    answerSetFor(ondertoppen, defined({ ...bergingen, ...overrides })),
    {
      inspectionDate: '2025-03-01',
    },
  );
  if (score.module !== 'ondertoppen-scan') throw new Error('wrong module');
  return score.result;
}

const statusOf = (result: OndertoppenResult, id: string) =>
  result.criteria.find((criterion) => criterion.id === id)?.status;

describe('new-dwelling requirements (ondertoppen)', () => {
  it.each<[string, Values, string, 'pass' | 'fail']>([
    [
      '18 m² verblijfsgebied is enough',
      { verblijfsgebied: 18, doelgrootte: 30 },
      'verblijfsgebied-18m2',
      'pass',
    ],
    [
      '17,9 m² verblijfsgebied is too little',
      { verblijfsgebied: 17.9, doelgrootte: 30 },
      'verblijfsgebied-18m2',
      'fail',
    ],
    [
      'exactly 55% verblijfsgebied is enough',
      { verblijfsgebied: 33, doelgrootte: 60 },
      'verblijfsgebied-55pct',
      'pass',
    ],
    [
      '54,8% verblijfsgebied is too little',
      { verblijfsgebied: 32.9, doelgrootte: 60 },
      'verblijfsgebied-55pct',
      'fail',
    ],
    ['a room of 11 m² is enough', { 'grootste-ruimte-oppervlak': 11 }, 'kamer-11m2', 'pass'],
    ['a room of 10,9 m² is too small', { 'grootste-ruimte-oppervlak': 10.9 }, 'kamer-11m2', 'fail'],
    ['a room 3 m wide is wide enough', { 'grootste-ruimte-breedte': 3 }, 'kamer-3m', 'pass'],
    ['a room 2,99 m wide is too narrow', { 'grootste-ruimte-breedte': 2.99 }, 'kamer-3m', 'fail'],
    ['a ceiling of 2,6 m is high enough', { plafondhoogte: 2.6 }, 'plafondhoogte-2-6m', 'pass'],
    ['a ceiling of 2,59 m is too low', { plafondhoogte: 2.59 }, 'plafondhoogte-2-6m', 'fail'],
    ['own storage of 5 m² is enough', { berging: 5 }, 'berging', 'pass'],
    ['own storage of 4,9 m² is too little', { berging: 4.9 }, 'berging', 'fail'],
    [
      'shared storage of 1,5 m² is enough for a dwelling of 50 m²',
      { berging: 1.5, 'berging-gemeenschappelijk': 'ja', doelgrootte: 50, verblijfsgebied: 30 },
      'berging',
      'pass',
    ],
    [
      'shared storage of 1,4 m² is too little for a dwelling of 50 m²',
      { berging: 1.4, 'berging-gemeenschappelijk': 'ja', doelgrootte: 50, verblijfsgebied: 30 },
      'berging',
      'fail',
    ],
    [
      'shared storage does not count for a dwelling of 51 m²',
      { berging: 6, 'berging-gemeenschappelijk': 'ja', doelgrootte: 51, verblijfsgebied: 30 },
      'berging',
      'fail',
    ],
    ['outdoor space of 4 m² is enough', { buitenruimte: 4 }, 'buitenruimte-4m2', 'pass'],
    ['outdoor space of 3,9 m² is too little', { buitenruimte: 3.9 }, 'buitenruimte-4m2', 'fail'],
    ['no own entrance fails', { 'eigen-entree': 'nee' }, 'eigen-entree', 'fail'],
    ['a missing shower fails', { voorzieningen: ['keuken', 'toilet'] }, 'voorzieningen', 'fail'],
    ['no daylight fails', { daglicht: 'nee' }, 'daglicht', 'fail'],
  ])('%s', (_name, overrides, criterion, expected) => {
    expect(statusOf(scoreOndertoppen(overrides), criterion)).toBe(expected);
  });
});

describe('ondertoppen potential', () => {
  it('explains the 55% rule with a decimal comma and whole percentages', () => {
    const result = scoreOndertoppen({ verblijfsgebied: 25, doelgrootte: 40 });
    expect(result.criteria.find((c) => c.id === 'verblijfsgebied-55pct')?.detail).toBe(
      'Verblijfsgebied 25 m² is 62,5% van 40 m²; voldoet aan 55%.',
    );
  });

  it('is 100 and groen when every requirement is met, with dwellings from the floor area', () => {
    const result = scoreOndertoppen();
    expect(result).toMatchObject({
      score: 100,
      light: 'groen',
      blockingIssues: [],
      indicativeDwellings: 3,
    });
  });

  it('treats a too-low ceiling as blocking and a small room as a layout issue', () => {
    const low = scoreOndertoppen({ plafondhoogte: 2.4 });
    expect(low.blockingIssues).toEqual(['Vrije hoogte 2,4 m is minder dan 2,6 m.']);
    expect(low.light).toBe('oranje');
    const small = scoreOndertoppen({ 'grootste-ruimte-oppervlak': 9 });
    expect(small.blockingIssues).toEqual([]);
    expect(small.score).toBe(90);
  });

  it('blocks a space smaller than one dwelling of the target size', () => {
    const result = scoreOndertoppen({ vloeroppervlak: 40, doelgrootte: 45, verblijfsgebied: 30 });
    expect(result.indicativeDwellings).toBe(0);
    expect(result.blockingIssues).toContain(
      'De ruimte (40 m²) is kleiner dan één woning van 45 m².',
    );
  });

  it('counts unanswered requirements as not met and says they were not answered', () => {
    const result = scoreOndertoppen({ plafondhoogte: undefined });
    expect(statusOf(result, 'plafondhoogte-2-6m')).toBe('unanswered');
    expect(result.criteria.find((c) => c.id === 'plafondhoogte-2-6m')?.detail).toContain(
      'niet beantwoord',
    );
    expect(result.score).toBe(90);
  });
});

const splitsen = latestTemplate('splitsen-scan');
const dwelling = (prefix: 'a' | 'b', area: number): Values => ({
  [`${prefix}-oppervlak`]: area,
  [`${prefix}-verblijfsgebied`]: Math.ceil(area * 0.6),
  [`${prefix}-kamer-oppervlak`]: 14,
  [`${prefix}-kamer-breedte`]: 3.2,
  [`${prefix}-berging`]: 1.5,
  [`${prefix}-berging-gemeenschappelijk`]: 'ja',
  [`${prefix}-buitenruimte`]: 4,
});
const largeFlat: Values = {
  'totaal-oppervlak': 100,
  kamers: 5,
  plafondhoogte: 2.6,
  'tweede-entree': 'ja',
  'tweede-voorzieningen': ['keuken', 'douche', 'toilet'],
  ...dwelling('a', 50),
  ...dwelling('b', 45),
};

function scoreSplitsen(overrides: Values = {}) {
  const score = scoreInspection(
    splitsen,
    answerSetFor(splitsen, defined({ ...largeFlat, ...overrides })),
    {
      inspectionDate: '2025-03-01',
    },
  );
  if (score.module !== 'splitsen-scan') throw new Error('wrong module');
  return score as typeof score & { result: SplitsenResult };
}

describe('splitsen feasibility', () => {
  it.each<[string, Values, SplitsenResult['feasibility']]>([
    ['two compact dwellings meeting every minimum are haalbaar', {}, 'haalbaar'],
    [
      'a too-small room needs design changes',
      { 'b-kamer-oppervlak': 10 },
      'haalbaar-met-aanpassingen',
    ],
    [
      'shared storage for a dwelling above 50 m² needs design changes',
      { 'a-oppervlak': 50.5 },
      'haalbaar-met-aanpassingen',
    ],
    ['no second entrance makes it niet haalbaar', { 'tweede-entree': 'nee' }, 'niet-haalbaar'],
    [
      'no second toilet makes it niet haalbaar',
      { 'tweede-voorzieningen': ['keuken', 'douche'] },
      'niet-haalbaar',
    ],
    [
      '17 m² verblijfsgebied in B makes it niet haalbaar',
      { 'b-verblijfsgebied': 17, 'b-oppervlak': 30 },
      'niet-haalbaar',
    ],
    ['a ceiling of 2,59 m makes it niet haalbaar', { plafondhoogte: 2.59 }, 'niet-haalbaar'],
    ['an unanswered question leaves it onvolledig', { 'b-buitenruimte': undefined }, 'onvolledig'],
  ])('%s', (_name, overrides, expected) => {
    expect(scoreSplitsen(overrides).result.feasibility).toBe(expected);
  });

  it('checks both dwellings separately', () => {
    const { result } = scoreSplitsen({ 'b-kamer-breedte': 2.5 });
    const failing = result.dwellings.map((d) => [
      d.name,
      d.criteria.filter((c) => c.status === 'fail').map((c) => c.id),
    ]);
    expect(failing).toEqual([
      ['A', []],
      ['B', ['b-kamer-3m']],
    ]);
  });

  it('always notes that splitting retires the BAG object and creates new ones', () => {
    const score = scoreSplitsen();
    expect(score.result.bagNote).toContain('trekt het bestaande verblijfsobject in de BAG in');
    expect(score.explanation.some((entry) => entry.rule.id === 'bag.splitsen')).toBe(true);
  });

  it('warns when the two dwellings together are larger than the existing one', () => {
    const score = scoreSplitsen({ 'a-oppervlak': 60 });
    expect(
      score.explanation.some(
        (entry) =>
          entry.outcome === 'warn' && entry.detail.includes('groter dan de bestaande woning'),
      ),
    ).toBe(true);
  });
});
