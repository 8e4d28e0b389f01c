import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids.ts';
import {
  loadMigrations,
  migrate,
  migrationFromSql,
  schemaVersion,
} from '../../src/server/store/migrate.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const shipped = loadMigrations();

async function tableNames(query: (sql: string) => Promise<{ rows: { table_name: string }[] }>) {
  const { rows } = await query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migration files', () => {
  it('are numbered from 1 without gaps and start with the portfolio schema', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(1);
    expect(shipped.map((migration) => migration.version)).toEqual(
      shipped.map((_, index) => index + 1),
    );
    expect(shipped[0]?.name).toBe('organisations_users_portfolio');
  });

  it('refuses a misnamed file and a gap in the numbering', () => {
    const misnamed = makeTempDir('migrations');
    writeFileSync(path.join(misnamed, '0001_ok.sql'), 'SELECT 1;');
    writeFileSync(path.join(misnamed, '2_Bad-Name.sql'), 'SELECT 1;');
    expect(() => loadMigrations(misnamed)).toThrow(/2_Bad-Name\.sql/);

    const gap = makeTempDir('migrations');
    mkdirSync(gap, { recursive: true });
    writeFileSync(path.join(gap, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(path.join(gap, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(gap)).toThrow(/consecutive/);
  });
});

describe.each(storeKinds)('migrations on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('applies every migration to an empty database and records each once', async () => {
    const { store } = fresh();
    const result = await migrate(store);
    expect(result.applied.map((migration) => migration.version)).toEqual(
      shipped.map((migration) => migration.version),
    );
    expect(result.schemaVersion).toBe(shipped.length);
    expect(await schemaVersion(store)).toBe(shipped.length);

    const tables = await tableNames((sql) => store.query(sql));
    expect(tables).toEqual(
      expect.arrayContaining([
        'organisations',
        'users',
        'complexes',
        'panden',
        'verblijfsobjecten',
        'schema_migrations',
      ]),
    );
    const recorded = await store.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    expect(recorded.rows).toEqual(
      shipped.map((migration) => ({ version: migration.version, checksum: migration.checksum })),
    );
  });

  it('does nothing the second time, also after reopening the database', async () => {
    const fixture = fresh();
    await migrate(fixture.store);
    expect((await migrate(fixture.store)).applied).toEqual([]);

    const reopened = await fixture.reopen();
    const again = await migrate(reopened);
    expect(again.applied).toEqual([]);
    expect(again.schemaVersion).toBe(shipped.length);
    const count = await reopened.query<{ count: number }>(
      'SELECT count(*) AS count FROM schema_migrations',
    );
    expect(count.rows[0]?.count).toBe(shipped.length);
  });

  it('applies only the new migration when one is added later', async () => {
    const { store } = fresh();
    await migrate(store);
    const next = migrationFromSql(
      shipped.length + 1,
      'add_note',
      'ALTER TABLE complexes ADD COLUMN note text;',
    );
    const result = await migrate(store, [...shipped, next]);
    expect(result.applied.map((migration) => migration.name)).toEqual(['add_note']);
    expect(result.schemaVersion).toBe(shipped.length + 1);
    await store.query('SELECT note FROM complexes');
  });

  it('rolls back every pending migration when one of them fails', async () => {
    const { store } = fresh();
    const good = migrationFromSql(1, 'good', 'CREATE TABLE first_table (id integer);');
    const bad = migrationFromSql(2, 'bad', 'CREATE TABLE second_table (id integer); SELEC oops;');
    await expect(migrate(store, [good, bad])).rejects.toThrow(/0002_bad.*(mislukt|failed)/);

    const tables = await tableNames((sql) => store.query(sql));
    expect(tables).not.toContain('first_table');
    expect(tables).not.toContain('second_table');
    // The store is still usable and a corrected list applies cleanly.
    const fixed = migrationFromSql(2, 'bad', 'CREATE TABLE second_table (id integer);');
    expect((await migrate(store, [good, fixed])).schemaVersion).toBe(2);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const { store } = fresh();
    await migrate(store, [migrationFromSql(1, 'first', 'CREATE TABLE a (id integer);')]);
    const edited = migrationFromSql(1, 'first', 'CREATE TABLE a (id bigint);');
    await expect(migrate(store, [edited])).rejects.toThrow(/gewijzigd|edited/);
  });

  it('refuses a database migrated by a newer server', async () => {
    const { store } = fresh();
    const first = migrationFromSql(1, 'first', 'CREATE TABLE a (id integer);');
    const second = migrationFromSql(2, 'second', 'CREATE TABLE b (id integer);');
    await migrate(store, [first, second]);
    await expect(migrate(store, [first])).rejects.toThrow(/nieuwer|newer/);
  });

  it('enforces the portfolio rules in the schema', async () => {
    const { store } = fresh();
    await migrate(store);
    const org = uuidv7();
    const otherOrg = uuidv7();
    await store.query(
      'INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3), ($4, $5, $6)',
      [org, 'Woonstichting A', 'woonstichting-a', otherOrg, 'Woonstichting B', 'woonstichting-b'],
    );

    const addUser = (organisationId: string, email: string, role = 'inspecteur') =>
      store.query(
        `INSERT INTO users (id, organisation_id, email, display_name, role)
         VALUES ($1, $2, $3, 'Naam', $4)`,
        [uuidv7(), organisationId, email, role],
      );
    await addUser(org, 'inspecteur@example.nl');
    await expect(addUser(org, 'inspecteur@example.nl')).rejects.toThrow();
    await addUser(otherOrg, 'inspecteur@example.nl');
    await expect(addUser(org, 'Hoofdletters@example.nl')).rejects.toThrow();
    await expect(addUser(org, 'admin@example.nl', 'admin')).rejects.toThrow();

    const complexId = uuidv7();
    await store.query(
      `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'C-1', 'Eén')`,
      [complexId, org],
    );
    await expect(
      store.query(
        `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'C-1', 'Twee')`,
        [uuidv7(), org],
      ),
    ).rejects.toThrow();

    const addPand = (organisationId: string, bagPandId: string) =>
      store.query(
        `INSERT INTO panden (id, organisation_id, complex_id, bag_pand_id) VALUES ($1, $2, $3, $4)`,
        [uuidv7(), organisationId, complexId, bagPandId],
      );
    await expect(addPand(org, '059910000000050')).rejects.toThrow(); // 15 digits
    await expect(addPand(org, '0599010000000501')).rejects.toThrow(); // objecttype 01 is not a pand
    // A pand cannot hang under another organisation's complex.
    await expect(addPand(otherOrg, '0599100000000501')).rejects.toThrow();
    await addPand(org, '0599100000000501');

    const pand = await store.query<{ id: string }>('SELECT id FROM panden');
    const addObject = (values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      return store.query(
        `INSERT INTO verblijfsobjecten (id, organisation_id, pand_id, vhe_nummer, ${columns.join(', ')})
         VALUES ($1, $2, $3, $4, ${columns.map((_, index) => `$${index + 5}`).join(', ')})`,
        [uuidv7(), org, pand.rows[0]?.id, `VHE-${uuidv7()}`, ...Object.values(values)],
      );
    };
    await addObject({ postcode: '3011 HE', huisnummer: 100, toevoeging: 'A' });
    await expect(addObject({ postcode: '0123 AB' })).rejects.toThrow();
    await expect(addObject({ postcode: '3011he' })).rejects.toThrow();
    await expect(addObject({ energy_label_class: 'H' })).rejects.toThrow();
    // A label is all or nothing.
    await expect(addObject({ energy_label_class: 'C' })).rejects.toThrow();
    await addObject({
      energy_label_class: 'E',
      energy_label_registration_date: '2019-03-01',
      energy_label_valid_until: '2029-03-01',
      energy_label_energy_index: 2.2,
      energy_label_source: 'ep-online',
    });
    await expect(
      addObject({
        energy_label_class: 'E',
        energy_label_registration_date: '2019-03-01',
        energy_label_valid_until: '2018-03-01',
        energy_label_source: 'ep-online',
      }),
    ).rejects.toThrow();

    // Both drivers hand back the same JavaScript values.
    const label = await store.query(
      `SELECT energy_label_registration_date AS registered, energy_label_energy_index AS ei,
              count(*) OVER () AS total
       FROM verblijfsobjecten WHERE energy_label_class = 'E'`,
    );
    expect(label.rows).toEqual([{ registered: '2019-03-01', ei: 2.2, total: 1 }]);
  });
});

describe('migrations on two PostgreSQL connections at once', () => {
  const fresh = useFreshStore('postgres');

  it('let one migrate while the other waits, and both end at the same version', async () => {
    const fixture = fresh();
    const others = await Promise.all([fixture.openAnother(), fixture.openAnother()]);
    const results = await Promise.all([fixture.store, ...others].map((store) => migrate(store)));

    const appliedCounts = results.map((result) => result.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, shipped.length]);
    expect(results.every((result) => result.schemaVersion === shipped.length)).toBe(true);
    const count = await fixture.store.query<{ count: number }>(
      'SELECT count(*) AS count FROM schema_migrations',
    );
    expect(count.rows[0]?.count).toBe(shipped.length);
  });
});
