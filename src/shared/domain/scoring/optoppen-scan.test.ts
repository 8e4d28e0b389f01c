import { describe, expect, it } from 'vitest';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { latestTemplate } from '../templates/registry.ts';
import { scoreInspection, type InspectionScore } from './index.ts';
import type { OptoppenResult } from './optoppen-scan.ts';
import { trafficLight } from './potential.ts';

const template = latestTemplate('optoppen-scan');

// A post-war four-storey flat with a flat roof: the textbook candidate.
const candidate: Record<string, PlainValue> = {
  bouwjaar: 1965,
  bouwlagen: 4,
  'hoogste-vloer': 8,
  verdiepingshoogte: 3,
  daktype: 'plat',
  dakoppervlak: 500,
  draagconstructie: 'gietbeton',
  fundering: 'betonpalen',
  scheuren: 'nee',
  lift: 'nee',
  trappenhuizen: 'twee-of-meer',
  'droge-blusleiding': 'nee',
  'extra-bouwlagen': 1,
  doelgrootte: 50,
  parkeren: 'voldoende',
};

function scored(
  overrides: Record<string, PlainValue | undefined> = {},
): InspectionScore & { result: OptoppenResult } {
  const values = Object.fromEntries(
    Object.entries({ ...candidate, ...overrides }).filter(
      (entry): entry is [string, PlainValue] => entry[1] !== undefined,
    ),
  );
  const score = scoreInspection(template, answerSetFor(template, values), {
    inspectionDate: '2025-03-01',
  });
  if (score.module !== 'optoppen-scan') throw new Error('wrong module');
  return score;
}

describe('optoppen potential', () => {
  it('ranks a post-war low flat with a flat roof as groen with full marks', () => {
    const { result } = scored({ lift: 'ja' });
    expect(result.score).toBe(100);
    expect(result.light).toBe('groen');
    expect(result.blockingIssues).toEqual([]);
  });

  it.each<[string, Record<string, PlainValue>, string[]]>([
    ['a new highest floor of exactly 12,5 m needs no lift', { 'hoogste-vloer': 9.5 }, []],
    [
      'a new highest floor of 12,51 m without lift is blocked',
      { 'hoogste-vloer': 9.51 },
      ['Hoogste vloer komt boven 12,5 m (12,51 m): lift vereist.'],
    ],
    ['an existing lift removes the lift block', { 'hoogste-vloer': 9.51, lift: 'ja' }, []],
    [
      'a new highest floor of exactly 20 m needs no brandweerlift',
      { 'hoogste-vloer': 17, lift: 'ja' },
      [],
    ],
    [
      'a new highest floor above 20 m needs droge blusleiding and brandweerlift',
      { 'hoogste-vloer': 17.01, lift: 'ja' },
      ['Hoogste vloer komt boven 20 m (20,01 m): droge blusleiding en brandweerlift vereist.'],
    ],
    [
      'crossing both thresholds gives two blocking issues',
      { 'hoogste-vloer': 16, 'extra-bouwlagen': 2 },
      [
        'Hoogste vloer komt boven 12,5 m (22 m): lift vereist.',
        'Hoogste vloer komt boven 20 m (22 m): droge blusleiding en brandweerlift vereist.',
      ],
    ],
    [
      'a building already above 20 m with droge blusleiding is a warning, not a block',
      { 'hoogste-vloer': 21, lift: 'ja', 'droge-blusleiding': 'ja' },
      [],
    ],
  ])('%s', (_name, overrides, blocking) => {
    expect(scored(overrides).result.blockingIssues).toEqual(blocking);
  });

  it('lowers the traffic light one step per blocking issue', () => {
    expect(scored({ 'hoogste-vloer': 9.5 }).result.light).toBe('groen');
    expect(scored({ 'hoogste-vloer': 9.51 }).result.light).toBe('oranje');
    expect(scored({ 'hoogste-vloer': 16, 'extra-bouwlagen': 2 }).result.light).toBe('rood');
  });

  it('estimates the current highest floor from the storeys when it is not answered', () => {
    const score = scored({ 'hoogste-vloer': undefined, bouwlagen: 4, verdiepingshoogte: 3 });
    expect(score.result.newHighestFloorM).toBe(12);
    expect(
      score.explanation.some((entry) => entry.detail.includes('geschat uit 4 bouwlagen')),
    ).toBe(true);
  });

  it('assumes 3 m per storey when the storey height is not answered, and says so', () => {
    const score = scored({ verdiepingshoogte: undefined, 'hoogste-vloer': 9.5 });
    expect(score.result.newHighestFloorM).toBe(12.5);
    expect(
      score.explanation.some((entry) => entry.detail.includes('gerekend met 3 m per bouwlaag')),
    ).toBe(true);
  });

  it('estimates extra dwellings from the roof area, net share, storeys and target size', () => {
    expect(scored().result.indicativeDwellings).toBe(8); // 500 x 0,8 x 1 / 50
    expect(scored({ 'extra-bouwlagen': 2, doelgrootte: 65 }).result.indicativeDwellings).toBe(12); // 800 / 65
  });

  it('gives no dwelling estimate without roof area and says it was not answered', () => {
    const score = scored({ dakoppervlak: undefined });
    expect(score.result.indicativeDwellings).toBeNull();
    expect(
      score.explanation.some((entry) =>
        entry.detail.includes('Dakoppervlak (bruto): niet beantwoord'),
      ),
    ).toBe(true);
  });

  it('ranks weaker candidates lower, and unanswered factors as zero', () => {
    const weak = scored({
      bouwjaar: 1930,
      bouwlagen: 8,
      daktype: 'zadeldak',
      fundering: 'houten-palen',
    }).result.score;
    const missing = scored({ bouwjaar: undefined }).result.score;
    expect(weak).toBeLessThan(scored().result.score);
    expect(missing).toBe(scored().result.score - 15);
  });

  it('always carries the disclaimer that a constructeur must judge feasibility', () => {
    const score = scoreInspection(template, {}, { inspectionDate: '2025-03-01' });
    expect(score.explanation.at(-1)?.rule.id).toBe('quickscan.constructeur');
    if (score.module === 'optoppen-scan') expect(score.result.disclaimer).toContain('constructeur');
  });
});

describe('trafficLight', () => {
  it.each<[number, number, string]>([
    [65, 0, 'groen'],
    [64, 0, 'oranje'],
    [40, 0, 'oranje'],
    [39, 0, 'rood'],
    [100, 1, 'oranje'],
    [100, 2, 'rood'],
    [50, 1, 'rood'],
    [10, 5, 'rood'],
  ])('score %i with %i blocking issues is %s', (score, blocking, light) => {
    expect(trafficLight(score, blocking)).toBe(light);
  });
});
