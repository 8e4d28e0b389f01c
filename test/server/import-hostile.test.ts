// Hostile text inside an import file (issue 10, item 4): a NUL or other unstorable character in
// one row is that row's problem, reported in Dutch; the rest of the file still imports.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { importBagFile } from '../../src/server/import/bag.ts';
import { importPortfolioFile } from '../../src/server/import/portfolio.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/portfolio-sample.csv');

describe.each(storeKinds)('hostile text in an import on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('refuses only the rows with NUL or non-characters and imports the rest', async () => {
    const { store } = fresh();
    await migrate(store);
    const organisationId = uuidv7();
    await store.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
      organisationId,
      'Woonstichting Test',
      'woonstichting-test',
    ]);
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const edited = [
      lines[0] ?? '',
      (lines[1] ?? '').replace('Portiekflat', 'Portiek\u0000flat'),
      (lines[2] ?? '').replace('Rotterdam;Portiekflat', 'Rotter\uFFFEdam;Portiekflat'),
      ...lines.slice(3, 10),
    ];
    const file = path.join(makeTempDir('portfolio'), 'hostile.csv');
    writeFileSync(file, `${edited.join('\n')}\n`);
    const report = await importPortfolioFile(store, file, { organisationId });
    expect(report).toMatchObject({ rowsRead: 9, imported: 7, problemCount: 2 });
  });
  it('refuses a BAG feature with a NUL and updates the others', async () => {
    const { store } = fresh();
    await migrate(store);
    await seedDemoData(store);
    const { rows } = await store.query<{ id: string }>(
      'SELECT id FROM organisations WHERE slug = $1',
      [DEMO_ORGANISATION.slug],
    );
    const organisationId = rows[0]?.id ?? '';
    const collection = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../fixtures/bag/pand.json'), 'utf8'),
    ) as { features: { properties: Record<string, unknown> }[] };
    const first = collection.features[0];
    if (first) first.properties.gebruiksdoel = 'woon\u0000functie';
    const file = path.join(makeTempDir('bag'), 'hostile.json');
    writeFileSync(file, JSON.stringify(collection));
    const report = await importBagFile(store, file, { organisationId });
    expect(report.rowsRead).toBe(3);
    expect(report.problems.some((problem) => /NUL-teken/.test(problem.message))).toBe(true);
  });
});
