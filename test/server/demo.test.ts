import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { seedDemoLabels } from '../../src/server/demo/demo-labels.ts';
import { DemoPortfolioSchema } from '../../src/server/demo/demo-portfolio.ts';
import {
  DEMO_ORGANISATION,
  loadDemoPortfolio,
  seedDemoData,
} from '../../src/server/demo/seed-demo.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

// The demo file is a copy of the real-format sample: 5 complexes, one pand each, 242 dwellings.
const DEMO_COUNTS = { complexes: 5, panden: 5, verblijfsobjecten: 242 };

async function counts(store: Store) {
  const { rows } = await store.query<{
    organisations: number;
    complexes: number;
    panden: number;
    verblijfsobjecten: number;
  }>(
    `SELECT (SELECT count(*) FROM organisations) AS organisations,
            (SELECT count(*) FROM complexes) AS complexes,
            (SELECT count(*) FROM panden) AS panden,
            (SELECT count(*) FROM verblijfsobjecten) AS verblijfsobjecten`,
  );
  return rows[0];
}

function appFor(store: Store) {
  return createApp({ store, distDir: makeTempDir('no-dist'), version: '9.9.9-test' });
}

describe('the bundled demo portfolio', () => {
  it('parses into the expected complexes, panden and dwellings', () => {
    const portfolio = loadDemoPortfolio();
    expect(portfolio.map((complex) => complex.complexnummer)).toEqual([
      'C-1001',
      'C-1002',
      'C-1003',
      'C-2001',
      'C-2002',
    ]);
    const dwellings = portfolio.flatMap((complex) =>
      complex.panden.flatMap((pand) => pand.verblijfsobjecten),
    );
    expect(dwellings).toHaveLength(DEMO_COUNTS.verblijfsobjecten);
  });
});

describe.each(storeKinds)('demo data on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('seeds the demo organisation into an empty store, and nothing the second time', async () => {
    const fixture = fresh();
    await migrate(fixture.store);
    expect(await seedDemoData(fixture.store)).toEqual({ seeded: true, ...DEMO_COUNTS });
    expect(await counts(fixture.store)).toEqual({ organisations: 1, ...DEMO_COUNTS });

    expect((await seedDemoData(fixture.store)).seeded).toBe(false);
    const reopened = await fixture.reopen();
    expect((await seedDemoData(reopened)).seeded).toBe(false);
    expect(await counts(reopened)).toEqual({ organisations: 1, ...DEMO_COUNTS });
  });

  it('gives the demo dwellings their EP-online labels, the newest registration per dwelling', async () => {
    const { store } = fresh();
    await migrate(store);
    await seedDemoData(store);
    const report = await seedDemoLabels(store);
    expect(report.imported).toBeGreaterThan(0);
    const { rows } = await store.query<{ vhe: string; class: string }>(
      `SELECT vhe_nummer AS vhe, energy_label_class AS class FROM verblijfsobjecten
       WHERE energy_label_class IS NOT NULL ORDER BY vhe_nummer`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // C-1001-002 (0599010000001002) is registered as G in the sample (EI 2,90).
    expect(rows.find((row) => row.vhe === 'C-1001-002')?.class).toBe('G');
    const response = await appFor(store).request('/api/demo/portfolio');
    const body = DemoPortfolioSchema.parse(await response.json());
    const labelled = body.complexes
      .flatMap((complex) => complex.panden.flatMap((pand) => pand.verblijfsobjecten))
      .filter((dwelling) => dwelling.energyLabel !== null);
    expect(labelled).toHaveLength(rows.length);
  });

  it('adds the demo beside an organisation of its own when asked, leaving that one untouched', async () => {
    // Whether it is asked is demo-policy.ts's decision (test/server/demo-policy.test.ts).
    const { store } = fresh();
    await migrate(store);
    const own = uuidv7();
    await store.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
      own,
      'Woonstichting Echt',
      'woonstichting-echt',
    ]);
    expect((await seedDemoData(store)).seeded).toBe(true);
    expect(await counts(store)).toEqual({ organisations: 2, ...DEMO_COUNTS });
    const { rows } = await store.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM complexes WHERE organisation_id = $1)
            + (SELECT count(*) FROM users WHERE organisation_id = $1) AS n`,
      [own],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('serves the demo portfolio as a validated tree of complexes, panden and dwellings', async () => {
    const { store } = fresh();
    await migrate(store);
    await seedDemoData(store);
    const response = await appFor(store).request('/api/demo/portfolio');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = DemoPortfolioSchema.parse(await response.json());

    expect(body.organisation.name).toBe(DEMO_ORGANISATION.name);
    expect(body.complexes.map((complex) => complex.complexnummer)).toEqual([
      'C-1001',
      'C-1002',
      'C-1003',
      'C-2001',
      'C-2002',
    ]);
    const botersloot = body.complexes[0];
    expect(botersloot?.name).toBe('Plusflat Botersloot');
    expect(botersloot?.panden).toHaveLength(1);
    const pand = botersloot?.panden[0];
    expect(pand).toMatchObject({ bagPandId: '0599100000000501', bouwjaar: 1968, storeys: 4 });
    expect(pand?.verblijfsobjecten).toHaveLength(32);
    expect(pand?.verblijfsobjecten[1]).toMatchObject({
      vheNummer: 'C-1001-002',
      bagVerblijfsobjectId: '0599010000001002',
      postcode: '3011 HE',
      huisnummer: 100,
      huisletter: null,
      toevoeging: 'A',
      woonplaats: 'Rotterdam',
      woningtype: 'Portiekflat',
      areaM2: 74,
      floor: 1,
      lift: false,
      energyLabel: null,
    });
    const total = body.complexes
      .flatMap((complex) => complex.panden)
      .reduce((sum, each) => sum + each.verblijfsobjecten.length, 0);
    expect(total).toBe(DEMO_COUNTS.verblijfsobjecten);
  });

  it('answers 404 with a message when there is no demo organisation', async () => {
    const { store } = fresh();
    await migrate(store);
    const response = await appFor(store).request('/api/demo/portfolio');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });
});

describe('demo seeding from two PostgreSQL connections at once', () => {
  const fresh = useFreshStore('postgres');

  it('creates the demo organisation exactly once', async () => {
    const fixture = fresh();
    await migrate(fixture.store);
    const other = await fixture.openAnother();
    const results = await Promise.all([seedDemoData(fixture.store), seedDemoData(other)]);
    expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
    expect(await counts(fixture.store)).toEqual({ organisations: 1, ...DEMO_COUNTS });
  });
});
