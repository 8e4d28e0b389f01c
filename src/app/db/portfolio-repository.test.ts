import { describe, expect, it } from 'vitest';
import type { DemoPortfolio } from '../../shared/domain/demo-portfolio.ts';
import { generatePortfolio } from '../../../test/unit/db/portfolio-generator.ts';
import { smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';
import { InvalidInputError } from './errors.ts';
import {
  complexSearchTokens,
  dwellingSearchTokens,
  matchesAllTokensOf,
  searchQueryTokens,
} from './search-tokens.ts';

const allDwellings = (portfolio: DemoPortfolio) =>
  portfolio.complexes.flatMap((complex) =>
    complex.panden.flatMap((pand) =>
      pand.verblijfsobjecten.map((dwelling) => ({ dwelling, pand, complex })),
    ),
  );

/** The same question answered by scanning everything: what search must agree with. */
function bruteForce(
  portfolio: DemoPortfolio,
  predicate: (entry: ReturnType<typeof allDwellings>[number]) => boolean,
) {
  return allDwellings(portfolio)
    .filter(predicate)
    .map((entry) => entry.dwelling.id)
    .sort();
}

describe('importing the portfolio', () => {
  it('stores every complex, pand and dwelling of the server document and reports the counts', async () => {
    const { store } = testStore();
    const portfolio = smallPortfolio();

    const info = await store.portfolio.importPortfolio(portfolio);

    expect(info).toEqual({ complexes: 3, panden: 6, dwellings: 24 });
    expect(await store.portfolio.info()).toEqual(info);
    const complexes = await store.portfolio.listComplexes();
    expect(complexes.map((complex) => complex.complexnummer)).toEqual([
      'C-1000',
      'C-1001',
      'C-1002',
    ]);
    expect(complexes[0]).not.toHaveProperty('searchTokens');
  });

  it('replaces the previous portfolio instead of mixing two', async () => {
    const { store } = testStore();
    await store.portfolio.importPortfolio(smallPortfolio({ seed: 1 }));
    const second = smallPortfolio({ seed: 2, complexes: 1 });

    await store.portfolio.importPortfolio(second);

    expect((await store.portfolio.listComplexes()).map((complex) => complex.id)).toEqual([
      second.complexes[0]!.id,
    ]);
  });

  it('refuses an invalid document with a Dutch message and keeps the old portfolio', async () => {
    const { store } = testStore();
    await store.portfolio.importPortfolio(smallPortfolio());
    const broken = smallPortfolio() as unknown as { complexes: { id: unknown }[] };
    broken.complexes[0]!.id = 'geen-uuid';

    await expect(store.portfolio.importPortfolio(broken)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.portfolio.importPortfolio(broken)).rejects.toThrow(
      /portefeuillebestand is ongeldig: complexes.0.id/,
    );
    expect(await store.portfolio.listComplexes()).toHaveLength(3);
  });
});

// fake-indexeddb is far slower than a browser; these tests check results, not speed.
describe('search as you type on a few thousand dwellings', { timeout: 60_000 }, () => {
  const portfolio = generatePortfolio({
    complexes: 50,
    pandenPerComplex: 5,
    dwellingsPerPand: 20,
    seed: 11,
  });
  const tokensOf = new Map(
    allDwellings(portfolio).map((entry) => [
      entry.dwelling.id,
      [dwellingSearchTokens(entry.dwelling), complexSearchTokens(entry.complex)] as const,
    ]),
  );
  const matchesQuery = (id: string, query: string) =>
    matchesAllTokensOf(...tokensOf.get(id)!, searchQueryTokens(query));
  const everyMatch = (query: string) =>
    bruteForce(portfolio, (entry) => matchesQuery(entry.dwelling.id, query));

  async function searchable() {
    const { store } = testStore();
    await store.portfolio.importPortfolio(portfolio);
    return store;
  }

  it('finds the dwellings of a postcode typed with or without its space, in address order', async () => {
    const store = await searchable();
    const target = allDwellings(portfolio)[1234]!.dwelling;
    const expected = bruteForce(portfolio, ({ dwelling }) => dwelling.postcode === target.postcode);

    const withSpace = await store.portfolio.search(target.postcode!, { limit: 500 });
    const without = await store.portfolio.search(target.postcode!.replace(' ', '').toLowerCase(), {
      limit: 500,
    });

    expect(withSpace.dwellings.map((hit) => hit.dwelling.id).sort()).toEqual(expected);
    expect(without.dwellings.map((hit) => hit.dwelling.id).sort()).toEqual(expected);
    const numbers = withSpace.dwellings.map((hit) => hit.dwelling.huisnummer ?? 0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('narrows a street prefix by house number and toevoeging like the inspector types them', async () => {
    const store = await searchable();
    const { dwelling } = allDwellings(portfolio).find(
      (entry) => entry.dwelling.toevoeging === 'B',
    )!;
    const street = dwelling.straat!.split(' ').at(-1)!;
    const typed = `${street.slice(0, 5)} ${dwelling.huisnummer}-b`;
    // Brute force over the same tokens: the index, prefix ranges and limits must not lose any.
    const words = searchQueryTokens(typed);
    const expected = bruteForce(portfolio, (entry) =>
      matchesAllTokensOf(
        dwellingSearchTokens(entry.dwelling),
        complexSearchTokens(entry.complex),
        words,
      ),
    );

    const result = await store.portfolio.search(typed, { limit: 1000 });

    expect(expected.length).toBeGreaterThan(0);
    expect(result.dwellings.map((hit) => hit.dwelling.id).sort()).toEqual(expected);
    expect(result.dwellings.map((hit) => hit.dwelling.id)).toContain(dwelling.id);
    expect(result.dwellings.length).toBeLessThan(20);
  });

  it('finds a complex by complexnummer with or without the hyphen, and its dwellings with it', async () => {
    const store = await searchable();
    const complex = portfolio.complexes[17]!;

    const byNumber = await store.portfolio.search('c-1017');
    const compact = await store.portfolio.search('C1017');

    expect(byNumber.complexes.map((hit) => hit.id)).toEqual([complex.id]);
    expect(compact.complexes.map((hit) => hit.id)).toEqual([complex.id]);
    expect(byNumber.dwellings.length).toBe(50);
    expect(byNumber.dwellings.every((hit) => hit.complex?.id === complex.id)).toBe(true);
  });

  it('finds complexes by a word of their name and the woonplaats', async () => {
    const store = await searchable();
    const complex = portfolio.complexes[3]!;
    const firstWord = complex.name.split(' ')[0]!.toLowerCase();
    const expected = portfolio.complexes
      .filter(
        (item) =>
          item.name.toLowerCase().startsWith(firstWord) && item.gemeente === complex.gemeente,
      )
      .map((item) => item.id)
      .sort();

    const result = await store.portfolio.search(
      `${firstWord.slice(0, 4)} ${complex.gemeente!.slice(0, 3)}`,
    );

    expect(result.complexes.map((hit) => hit.id).sort()).toEqual(expected.slice(0, 10));
  });

  it('finds dwellings by complex name and house number together', async () => {
    const store = await searchable();
    const { dwelling, complex } = allDwellings(portfolio)[2_345]!;
    const typed = `${complex.name.split(' ')[1]} ${dwelling.huisnummer}`;

    const result = await store.portfolio.search(typed, { limit: 5_000 });

    expect(result.dwellings.map((hit) => hit.dwelling.id).sort()).toEqual(everyMatch(typed));
    expect(result.dwellings.map((hit) => hit.dwelling.id)).toContain(dwelling.id);
  });

  it('returns at most the requested number of dwellings, each matching, for a very broad query', async () => {
    const store = await searchable();
    for (const typed of ['1', 'c', 'c 1']) {
      const result = await store.portfolio.search(typed, { limit: 25 });
      const ids = result.dwellings.map((hit) => hit.dwelling.id);
      expect(ids, typed).toHaveLength(25);
      expect(new Set(ids).size, typed).toBe(25);
      expect(
        ids.every((id) => matchesQuery(id, typed)),
        typed,
      ).toBe(true);
    }
  });

  it('agrees with a scan of every dwelling for many typed prefixes', async () => {
    const store = await searchable();
    const entries = allDwellings(portfolio);
    const typedQueries = [0, 2_345, 4_999].flatMap((index) => {
      const { dwelling, complex } = entries[index]!;
      return [
        `${dwelling.straat} ${dwelling.huisnummer}${dwelling.toevoeging ?? ''}`,
        `${dwelling.postcode} ${dwelling.huisnummer}`,
        `${complex.complexnummer} ${dwelling.huisnummer}`,
        dwelling.vheNummer,
      ];
    });
    for (const query of typedQueries)
      for (let length = 2; length <= query.length; length += 4) {
        const prefix = query.slice(0, length);
        const expected = everyMatch(prefix);
        const result = await store.portfolio.search(prefix, { limit: 10_000 });
        const ids = result.dwellings.map((hit) => hit.dwelling.id).sort();
        // A query whose every word is broad returns a window of matches, all correct.
        if (expected.length > 4_000)
          expect(
            ids.every((id) => expected.includes(id)),
            prefix,
          ).toBe(true);
        else expect(ids, prefix).toEqual(expected);
      }
  });

  it('returns nothing for an empty query or words nobody has', async () => {
    const store = await searchable();
    expect(await store.portfolio.search('   ')).toEqual({ complexes: [], dwellings: [] });
    expect(await store.portfolio.search('kerkstraat zzzz')).toEqual({
      complexes: [],
      dwellings: [],
    });
  });
});

describe('the complex page', () => {
  it('shows the panden with their dwellings, bouwjaren, labels, earlier inspections and open actions', async () => {
    const { store } = testStore();
    const portfolio = smallPortfolio();
    await store.portfolio.importPortfolio(portfolio);
    const complex = portfolio.complexes[1]!;
    const pand = complex.panden[0]!;
    const inspection = await store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: pand.id,
    });
    const open = await store.actions.create({
      what: 'Brandwerende deur herstellen',
      ownerRole: 'veiligheid',
      dueDate: '2025-04-01',
      inspectionId: inspection.id,
      pandId: pand.id,
    });
    const done = await store.actions.create({
      what: 'Vluchtroute vrijmaken',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-02',
      pandId: pand.id,
    });
    await store.actions.transition(
      done.id,
      'afgerond',
      { userId: 'u1', role: 'veiligheid' },
      'Opgeruimd',
    );
    await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: portfolio.complexes[0]!.panden[0]!.verblijfsobjecten[0]!.id,
    });

    const detail = (await store.portfolio.complexDetail(complex.id))!;

    expect(detail.complex.id).toBe(complex.id);
    expect(detail.panden.map((item) => item.pand.id).sort()).toEqual(
      complex.panden.map((item) => item.id).sort(),
    );
    expect(detail.dwellingCount).toBe(8);
    expect(
      detail.panden
        .flatMap((item) => item.dwellings)
        .map((dwelling) => dwelling.id)
        .sort(),
    ).toEqual(
      complex.panden
        .flatMap((item) => item.verblijfsobjecten.map((dwelling) => dwelling.id))
        .sort(),
    );
    const years = complex.panden.map((item) => item.bouwjaar!);
    expect(detail.bouwjaar).toEqual({ min: Math.min(...years), max: Math.max(...years) });
    const labelTotal = Object.values(detail.labels).reduce((sum, count) => sum + (count ?? 0), 0);
    expect(labelTotal).toBe(8);
    expect(detail.inspections.map((item) => item.id)).toEqual([inspection.id]);
    expect(detail.openActions.map((action) => action.id)).toEqual([open.id]);
  });

  it('is undefined for a complex that is not on the device', async () => {
    const { store } = testStore();
    expect(
      await store.portfolio.complexDetail('0190d0c0-0000-7000-8000-000000000000'),
    ).toBeUndefined();
  });
});
