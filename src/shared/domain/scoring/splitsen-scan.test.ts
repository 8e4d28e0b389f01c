import { describe, expect, it } from 'vitest';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { latestTemplate } from '../templates/registry.ts';
import { scoreInspection } from './index.ts';
import type { SplitsenResult } from './splitsen-scan.ts';

// The indicative extra dwelling of a splitsen-scan, which the portfolio view adds up.

const splitsen = latestTemplate('splitsen-scan');
const dwelling = (prefix: 'a' | 'b', area: number): Record<string, PlainValue> => ({
  [`${prefix}-oppervlak`]: area,
  [`${prefix}-verblijfsgebied`]: Math.ceil(area * 0.6),
  [`${prefix}-kamer-oppervlak`]: 14,
  [`${prefix}-kamer-breedte`]: 3.2,
  [`${prefix}-berging`]: 1.5,
  [`${prefix}-berging-gemeenschappelijk`]: 'ja',
  [`${prefix}-buitenruimte`]: 4,
});
const largeFlat: Record<string, PlainValue> = {
  'totaal-oppervlak': 100,
  kamers: 5,
  plafondhoogte: 2.6,
  'tweede-entree': 'ja',
  'tweede-voorzieningen': ['keuken', 'douche', 'toilet'],
  ...dwelling('a', 50),
  ...dwelling('b', 45),
};

function score(overrides: Record<string, PlainValue | undefined>): SplitsenResult {
  const values = { ...largeFlat, ...overrides };
  const defined = Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, PlainValue] => entry[1] !== undefined),
  );
  const scored = scoreInspection(splitsen, answerSetFor(splitsen, defined), {
    inspectionDate: '2025-03-01',
  });
  if (scored.module !== 'splitsen-scan') throw new Error('wrong module');
  return scored.result;
}

describe('splitsen indicative extra dwellings', () => {
  it('counts one extra dwelling when splitting is haalbaar', () => {
    const result = score({});
    expect(result.feasibility).toBe('haalbaar');
    expect(result.indicativeExtraDwellings).toBe(1);
  });

  it('counts one extra dwelling when splitting is haalbaar met aanpassingen', () => {
    const result = score({ 'b-kamer-oppervlak': 10 });
    expect(result.feasibility).toBe('haalbaar-met-aanpassingen');
    expect(result.indicativeExtraDwellings).toBe(1);
  });

  it('counts no extra dwelling when splitting is niet haalbaar', () => {
    const result = score({ 'tweede-entree': 'nee' });
    expect(result.feasibility).toBe('niet-haalbaar');
    expect(result.indicativeExtraDwellings).toBe(0);
  });

  it('gives no number while the scan is onvolledig', () => {
    const result = score({ 'b-buitenruimte': undefined });
    expect(result.feasibility).toBe('onvolledig');
    expect(result.indicativeExtraDwellings).toBeNull();
  });
});
