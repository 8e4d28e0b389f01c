import { describe, expect, it } from 'vitest';
import {
  complexSearchTokens,
  dwellingSearchTokens,
  matchesAllTokensOf,
  normalizeSearchText,
  searchQueryTokens,
} from './search-tokens.ts';

const complex = { complexnummer: 'C-1001', name: 'Plusflat Botersloot', gemeente: 'Rotterdam' };
const dwelling = {
  vheNummer: 'C-1001-002',
  bagVerblijfsobjectId: '0599010000001002',
  straat: 'Van der Helststraat',
  postcode: '3011 HE',
  huisnummer: 100,
  huisletter: null,
  toevoeging: 'A',
  woonplaats: "'s-Gravenhage",
};

const finds = (query: string) =>
  matchesAllTokensOf(
    dwellingSearchTokens(dwelling),
    complexSearchTokens(complex),
    searchQueryTokens(query),
  );

describe('search tokens', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normalizeSearchText("  Één-Twee 's-Hertogenbosch ")).toBe('een twee s hertogenbosch');
  });

  it('finds a dwelling by any prefix of its street, woonplaats, postcode, number, VHE, BAG id or complex', () => {
    for (const query of [
      'helst',
      'van der helst',
      'grav',
      '3011',
      '3011 he',
      '3011he',
      '100',
      '100a',
      '100-a',
      '100 a',
      'c-1001-002',
      'c-1001 100a',
      's-gravenhage',
      '3011 h',
      '0599010000001002',
      'botersl',
      'plusflat 100',
      'C1001',
      'rotter',
    ])
      expect(finds(query), query).toBe(true);
  });

  it('does not find it when one typed word matches nothing', () => {
    for (const query of ['3012', '101', '100b', 'kerk', 'helst 3012', 'c-1002'])
      expect(finds(query), query).toBe(false);
  });

  it('indexes only address words on the dwelling; complex words live on the complex', () => {
    expect(dwellingSearchTokens(dwelling)).toEqual([
      '0599010000001002',
      '100a',
      '3011he',
      'a',
      'c1001002',
      'der',
      'gravenhage',
      'helststraat',
      'sgravenhage',
      'van',
    ]);
  });

  it('keeps the index small by dropping tokens that prefix another token of the same record', () => {
    const tokens = complexSearchTokens(complex);
    expect(tokens).toEqual(['1001', 'botersloot', 'c1001', 'plusflat', 'rotterdam']);
  });

  it('reads a postcode typed with a space as one word and drops punctuation inside words', () => {
    expect(searchQueryTokens('3011 he 100')).toEqual(['3011he', '100']);
    expect(searchQueryTokens('C-1001-002, Kerkstraat 12-b')).toEqual([
      'c1001002',
      'kerkstraat',
      '12b',
    ]);
  });
});
