import { describe, expect, it } from 'vitest';
import { seedDemoLabels } from '../../src/server/demo/demo-labels.ts';
import { loadDemoPortfolio, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import type { PulledChange } from '../../src/shared/sync/protocol.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, pullAll, syncApp, type TestApp } from './sync-fixtures.ts';
import { createSignedInUser, signIn, type SignedInUser } from './support/auth.ts';

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

/** A demo account of the seeded demo organisation, signed in (a real session row). */
async function signInDemoUser(store: Store, email: string): Promise<SignedInUser> {
  const { rows } = await store.query<{
    id: string;
    organisation_id: string;
    display_name: string;
    role: SignedInUser['user']['role'];
    name: string;
    slug: string;
  }>(
    `SELECT u.id, u.organisation_id, u.display_name, u.role, o.name, o.slug
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
    [email],
  );
  const row = rows[0];
  if (!row) throw new Error(`no demo user ${email}`);
  const user = {
    id: row.id,
    organisationId: row.organisation_id,
    email,
    displayName: row.display_name,
    role: row.role,
    password: undefined,
  };
  const organisation = { id: row.organisation_id, name: row.name, slug: row.slug };
  return { organisation, user, ...(await signIn(store, user)) };
}

/** The portfolio records of a first pull (cursor 0), grouped by entity. */
async function firstPullPortfolio(app: TestApp, who: SignedInUser) {
  const { records } = await pullAll(app, who, new Device());
  const byEntity = (entity: PulledChange['entity']) =>
    [...records.values()]
      .filter((change) => change.entity === entity && change.deletedHlc === undefined)
      .map((change) => ({
        id: change.id,
        ...Object.fromEntries(
          Object.entries(change.fields).map(([name, field]) => [name, field.value]),
        ),
      })) as Array<Record<string, unknown> & { id: string }>;
  return {
    complexes: byEntity('complex'),
    panden: byEntity('pand'),
    verblijfsobjecten: byEntity('verblijfsobject'),
  };
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
    // A signed-in device's first pull carries every label.
    const { app } = await syncApp(store);
    const pulled = await firstPullPortfolio(
      app,
      await signInDemoUser(store, 'duurzaamheid@demo.schouw.nl'),
    );
    const labelled = pulled.verblijfsobjecten.filter((dwelling) => dwelling.energyLabel !== null);
    expect(labelled).toHaveLength(rows.length);
    expect(pulled.verblijfsobjecten.find((row) => row.vheNummer === 'C-1001-002')).toMatchObject({
      energyLabel: { class: 'G' },
    });
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

  it('gives a signed-in demo user the whole demo portfolio in the first pull, and nobody else', async () => {
    const { store } = fresh();
    const { app } = await syncApp(store);
    await seedDemoData(store);
    const body = await firstPullPortfolio(
      app,
      await signInDemoUser(store, 'inspecteur@demo.schouw.nl'),
    );

    expect(body.complexes.map((complex) => complex.complexnummer).sort()).toEqual([
      'C-1001',
      'C-1002',
      'C-1003',
      'C-2001',
      'C-2002',
    ]);
    expect(body.panden).toHaveLength(DEMO_COUNTS.panden);
    expect(body.verblijfsobjecten).toHaveLength(DEMO_COUNTS.verblijfsobjecten);
    const botersloot = body.complexes.find((complex) => complex.complexnummer === 'C-1001');
    expect(botersloot).toMatchObject({ name: 'Plusflat Botersloot', gemeente: 'Rotterdam' });
    const pand = body.panden.find((each) => each.complexId === botersloot?.id);
    expect(pand).toMatchObject({ bagPandId: '0599100000000501', bouwjaar: 1968, storeys: 4 });
    expect(body.verblijfsobjecten.filter((row) => row.pandId === pand?.id)).toHaveLength(32);
    expect(body.verblijfsobjecten.find((row) => row.vheNummer === 'C-1001-002')).toEqual({
      id: expect.any(String),
      pandId: pand?.id,
      complexId: botersloot?.id,
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

    // Another organisation's user pulls nothing of it.
    const stranger = await createSignedInUser(store, { role: 'beheerder' });
    const theirs = await firstPullPortfolio(app, stranger);
    expect(theirs).toEqual({ complexes: [], panden: [], verblijfsobjecten: [] });
  });

  it('serves nothing of the portfolio without sign-in: the old public route is gone', async () => {
    const { store } = fresh();
    const { app } = await syncApp(store);
    await seedDemoData(store);
    const demoUser = await signInDemoUser(store, 'beheerder@demo.schouw.nl');
    for (const headers of [{}, demoUser.headers]) {
      const response = await app.request('/api/demo/portfolio', { headers });
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain('Botersloot');
      expect(JSON.parse(text)).toEqual({ error: 'not_found', message: expect.any(String) });
    }
    const pull = await app.request('/api/sync/pull?clientId=x&cursor=0');
    expect(pull.status).toBe(401);
    expect(await pull.text()).not.toContain('Botersloot');
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
