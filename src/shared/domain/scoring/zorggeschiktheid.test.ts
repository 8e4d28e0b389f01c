import { describe, expect, it } from 'vitest';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { getTemplate, latestTemplate } from '../templates/registry.ts';
import { scoreInspection } from './index.ts';
import type { ZorgClass, ZorgResult } from './zorggeschiktheid.ts';

const template = latestTemplate('zorggeschiktheid');

// A ground-floor-entrance flat on the 3rd floor that meets every criterion.
const zorggeschikt: Record<string, PlainValue> = {
  verdieping: 3,
  vloerhoogte: 9,
  'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'],
  'opstap-woning': 0,
  'opstap-route': 1,
  deurbreedte: 0.9,
  gangbreedte: 1.2,
  'toilet-in-badkamer': 'ja',
  'badkamer-breedte': 2.2,
  'badkamer-lengte': 2.2,
  'douche-drempelvrij': 'ja',
  steunbeugels: 'ja',
  thermostaatkraan: 'ja',
  lift: 'ja',
  'liftkooi-breedte': 1.1,
  'liftkooi-diepte': 2.1,
  'woningen-aan-lift': 24,
  'loopafstand-lift': 40,
  draairuimte: 'ja',
  'gemeenschappelijke-gangen': 'ja',
  'gemeenschappelijke-gangbreedte': 1.5,
  alarmering: 'ja',
  'gemeenschappelijke-ruimte': 'ja',
  'gemeenschappelijke-keuken': 'ja',
  'centrale-entree': 'ja',
  internet: 'ja',
  buitenruimte: 'ja',
};

function score(
  overrides: Record<string, PlainValue | undefined> = {},
  base = zorggeschikt,
): ZorgResult {
  const values = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).filter(
      (entry): entry is [string, PlainValue] => entry[1] !== undefined,
    ),
  );
  const scored = scoreInspection(template, answerSetFor(template, values), {
    inspectionDate: '2025-03-01',
  });
  if (scored.module !== 'zorggeschiktheid') throw new Error('wrong module');
  return scored.result;
}

function status(result: ZorgResult, criterionId: string) {
  return result.criteria.find((criterion) => criterion.id === criterionId)?.status;
}

describe('zorggeschiktheid classification', () => {
  it('classifies a dwelling that meets every criterion as zorggeschikt', () => {
    const result = score();
    expect(result.classification).toBe('zorggeschikt');
    expect(result.provisional).toBe(false);
    expect(result.missingFor).toEqual([]);
    expect(result.adaptations).toEqual([]);
  });

  it.each<[string, Record<string, PlainValue>, ZorgClass, string]>([
    [
      'a step of exactly 2 cm is still nultreden but not zorggeschikt',
      { 'opstap-woning': 2 },
      'rolstoelgeschikt',
      'opstap-zorgwoning',
    ],
    [
      'a step of 2,1 cm is not nultreden',
      { 'opstap-woning': 2.1 },
      'niet-geschikt',
      'opstap-woning-2cm',
    ],
    [
      'a step of 1,9 cm on the route is fine everywhere',
      { 'opstap-route': 1.9 },
      'zorggeschikt',
      '',
    ],
    [
      'no bedroom on the entrance level is not nultreden',
      { 'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet'] },
      'niet-geschikt',
      'ruimten-gelijkvloers',
    ],
    [
      'an upper floor without a lift is not nultreden',
      { lift: 'nee' },
      'niet-geschikt',
      'lift-bereikbaar',
    ],
    [
      'doors of 0,75 m are rollatorgeschikt',
      { deurbreedte: 0.75 },
      'rollatorgeschikt',
      'deurbreedte-0-85m',
    ],
    ['doors of 0,74 m are only nultreden', { deurbreedte: 0.74 }, 'nultreden', 'deurbreedte-0-75m'],
    [
      'doors of exactly 0,85 m are rolstoelgeschikt',
      { deurbreedte: 0.85, gangbreedte: 1.2 },
      'zorggeschikt',
      '',
    ],
    [
      'doors of 0,84 m are not rolstoelgeschikt',
      { deurbreedte: 0.84 },
      'rollatorgeschikt',
      'deurbreedte-0-85m',
    ],
    [
      'a corridor of 0,85 m is rolstoelgeschikt but not a zorgwoning',
      { gangbreedte: 0.85 },
      'rolstoelgeschikt',
      'gangbreedte-1-2m',
    ],
    [
      'a corridor of 0,84 m is only nultreden',
      { gangbreedte: 0.84 },
      'nultreden',
      'gangbreedte-0-85m',
    ],
    [
      'a corridor of 1,19 m is not a zorgwoning',
      { gangbreedte: 1.19 },
      'rolstoelgeschikt',
      'gangbreedte-1-2m',
    ],
    [
      'a shower threshold is only nultreden',
      { 'douche-drempelvrij': 'nee' },
      'nultreden',
      'douche-drempelvrij',
    ],
    [
      'a lift cabin of 1,05 x 1,35 m without stretcher duty is enough',
      { 'liftkooi-breedte': 1.05, 'liftkooi-diepte': 1.35, 'woningen-aan-lift': 6 },
      'zorggeschikt',
      '',
    ],
    [
      'a lift cabin of 1,05 x 1,35 m for more than 6 dwellings is no stretcher lift',
      { 'liftkooi-breedte': 1.05, 'liftkooi-diepte': 1.35, 'woningen-aan-lift': 7 },
      'rollatorgeschikt',
      'brancardlift',
    ],
    [
      'a lift cabin of 1,05 x 2,05 m serves more than 6 dwellings',
      { 'liftkooi-breedte': 1.05, 'liftkooi-diepte': 2.05, 'woningen-aan-lift': 7 },
      'zorggeschikt',
      '',
    ],
    [
      'a lift cabin of 1 x 1,35 m is too narrow',
      { 'liftkooi-breedte': 1, 'liftkooi-diepte': 1.35, 'woningen-aan-lift': 4 },
      'nultreden',
      'liftkooi',
    ],
    [
      'a lift cabin measured the other way round counts the same',
      { 'liftkooi-breedte': 2.05, 'liftkooi-diepte': 1.05 },
      'zorggeschikt',
      '',
    ],
    ['90 m to the lift is fine', { 'loopafstand-lift': 90 }, 'zorggeschikt', ''],
    [
      '91 m to the lift is not rollatorgeschikt',
      { 'loopafstand-lift': 91 },
      'nultreden',
      'loopafstand-lift-90m',
    ],
    [
      'a bathroom with toilet of 2,19 x 2,2 m is not rolstoelgeschikt',
      { 'badkamer-breedte': 2.19 },
      'rollatorgeschikt',
      'sanitair',
    ],
    [
      'a separate toilet of 1,65 x 2,2 m is rolstoelgeschikt',
      { 'toilet-in-badkamer': 'nee', 'toilet-breedte': 1.65, 'toilet-lengte': 2.2 },
      'zorggeschikt',
      '',
    ],
    [
      'a separate toilet of 1,6 x 2,2 m is not',
      { 'toilet-in-badkamer': 'nee', 'toilet-breedte': 1.6, 'toilet-lengte': 2.2 },
      'rollatorgeschikt',
      'sanitair',
    ],
    [
      'no turning space is not rolstoelgeschikt',
      { draairuimte: 'nee' },
      'rollatorgeschikt',
      'draairuimte',
    ],
    [
      'a shared corridor of 1,19 m is not rolstoelgeschikt',
      { 'gemeenschappelijke-gangbreedte': 1.19 },
      'rollatorgeschikt',
      'gemeenschappelijke-gang-1-2m',
    ],
    [
      'no personal alarm is not zorggeschikt',
      { alarmering: 'nee' },
      'rolstoelgeschikt',
      'alarmering',
    ],
    [
      'no common room is not zorggeschikt',
      { 'gemeenschappelijke-ruimte': 'nee' },
      'rolstoelgeschikt',
      'gemeenschappelijke-ruimte',
    ],
    ['no internet is not zorggeschikt', { internet: 'nee' }, 'rolstoelgeschikt', 'internet'],
  ])('%s', (_name, overrides, expected, failing) => {
    const result = score(overrides);
    expect(result.classification).toBe(expected);
    if (failing) expect(status(result, failing)).toBe('fail');
  });

  it('needs no lift on the ground floor', () => {
    const result = score({ verdieping: 0, lift: undefined, vloerhoogte: undefined });
    expect(status(result, 'lift-bereikbaar')).toBe('nvt');
    expect(status(result, 'liftkooi')).toBe('nvt');
    expect(result.classification).toBe('zorggeschikt');
  });

  it('mentions the 12,5 m lift obligation when an upper floor without lift lies above it', () => {
    const at = score({ lift: 'nee', vloerhoogte: 12.5 }).criteria.find(
      (c) => c.id === 'lift-bereikbaar',
    );
    const above = score({ lift: 'nee', vloerhoogte: 12.51 }).criteria.find(
      (c) => c.id === 'lift-bereikbaar',
    );
    expect(at?.detail).not.toContain('12,5 m');
    expect(above?.detail).toContain('boven 12,5 m, waar een lift vereist is');
  });

  it('lists the exact missing criteria for every higher level', () => {
    const result = score({ deurbreedte: 0.8, alarmering: 'nee' });
    expect(result.classification).toBe('rollatorgeschikt');
    expect(
      result.missingFor.map((entry) => [entry.level, entry.criteria.map((c) => c.id)]),
    ).toEqual([
      ['rolstoelgeschikt', ['deurbreedte-0-85m']],
      ['zorggeschikt', ['alarmering']],
    ]);
  });

  it('proposes adaptations by grade, small ones first', () => {
    const result = score({
      'opstap-woning': 3,
      steunbeugels: 'nee',
      lift: 'nee',
      'gemeenschappelijke-ruimte': 'nee',
    });
    expect(result.adaptations.map((a) => [a.criterionId, a.grade])).toEqual([
      ['opstap-woning-2cm', 'kleine-aanpassing'],
      ['opstap-zorgwoning', 'kleine-aanpassing'],
      ['steunbeugels', 'kleine-aanpassing'],
      ['lift-bereikbaar', 'nieuwe-woonvorm'],
      ['gemeenschappelijke-ruimte', 'nieuwe-woonvorm'],
    ]);
  });

  it('says an unanswered criterion is not answered and marks the class provisional', () => {
    const result = score({ internet: undefined });
    expect(result.classification).toBe('rolstoelgeschikt');
    expect(result.provisional).toBe(true);
    const internet = result.criteria.find((c) => c.id === 'internet');
    expect(internet?.status).toBe('unanswered');
    expect(internet?.detail).toContain('niet beantwoord');
  });

  it('classifies an empty inspection as niet geschikt, provisionally, without throwing', () => {
    const scored = scoreInspection(template, {}, { inspectionDate: '2025-03-01' });
    if (scored.module !== 'zorggeschiktheid') throw new Error('wrong module');
    expect(scored.result.classification).toBe('niet-geschikt');
    expect(scored.result.provisional).toBe(true);
    expect(scored.explanation.some((entry) => entry.detail.includes('niet beantwoord'))).toBe(true);
  });

  it('scores a v1 inspection without the v2 advice questions', () => {
    const v1 = getTemplate('zorggeschiktheid', 1)!;
    const v1Values = Object.fromEntries(
      Object.entries(zorggeschikt).filter(
        ([id]) => id !== 'steunbeugels' && id !== 'thermostaatkraan',
      ),
    );
    const scored = scoreInspection(v1, answerSetFor(v1, v1Values), {
      inspectionDate: '2025-03-01',
    });
    if (scored.module !== 'zorggeschiktheid') throw new Error('wrong module');
    expect(scored.result.classification).toBe('zorggeschikt');
  });
});
