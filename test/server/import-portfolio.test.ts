import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPortfolioFile, loadColumnMapping } from '../../src/server/import/portfolio.ts';
import { ImportFileError } from '../../src/server/import/report.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/portfolio-sample.csv');
const sampleText = readFileSync(SAMPLE, 'utf8');

async function newOrganisation(store: Store): Promise<string> {
  await migrate(store);
  const id = uuidv7();
  await store.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
    id,
    'Woonstichting Test',
    'woonstichting-test',
  ]);
  return id;
}

async function counts(store: Store) {
  const { rows } = await store.query<{ complexes: number; panden: number; dwellings: number }>(
    `SELECT (SELECT count(*) FROM complexes) AS complexes, (SELECT count(*) FROM panden) AS panden,
       (SELECT count(*) FROM verblijfsobjecten) AS dwellings`,
  );
  return rows[0];
}

describe.each(storeKinds)('portfolio import on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('imports the real sample, re-imports without duplicates and reports bad rows', async () => {
    const { store } = fresh();
    const organisationId = await newOrganisation(store);
    const first = await importPortfolioFile(store, SAMPLE, { organisationId });
    expect(first).toMatchObject({ rowsRead: 242, imported: 242, updated: 0, problemCount: 0 });
    expect(first.details).toEqual({ complexes: 5, panden: 5 });
    expect(await counts(store)).toEqual({ complexes: 5, panden: 5, dwellings: 242 });

    const lines = sampleText.trimEnd().split('\n');
    const header = lines[0] ?? '';
    const changed = (lines[1] ?? '').replace('Portiekflat', 'Galerijflat');
    const added = (lines[2] ?? '')
      .replace('C-1001-002', 'C-1001-900')
      .replace('0599010000001002', '0599010000001900');
    const badBouwjaar = (lines[3] ?? '').replace(';1968;', ';oud;');
    const edited = [header, changed, ...lines.slice(2), added, badBouwjaar, lines[4] ?? ''];
    const file = path.join(makeTempDir('portfolio'), 'edited.csv');
    writeFileSync(file, `${edited.join('\r\n')}\r\n`);
    const second = await importPortfolioFile(store, file, { organisationId });
    expect(second).toMatchObject({
      rowsRead: 245,
      imported: 1,
      updated: 1,
      unchanged: 241,
      problemCount: 2,
      skipped: { 'ongeldige regel': 1, 'dubbel in het bestand': 1 },
    });
    expect(second.problems).toEqual([
      { row: 245, column: 'bouwjaar', message: expect.stringMatching(/bouwjaar/) },
      { row: 246, column: 'vhe_nummer', message: expect.stringMatching(/C-1001-004 komt dubbel/) },
    ]);
    expect(await counts(store)).toEqual({ complexes: 5, panden: 5, dwellings: 243 });
    const type = await store.query<{ woningtype: string }>(
      "SELECT woningtype FROM verblijfsobjecten WHERE vhe_nummer = 'C-1001-001'",
    );
    expect(type.rows).toEqual([{ woningtype: 'Galerijflat' }]);
  });

  it('reads other headers through a column mapping, and imports nothing when columns are missing', async () => {
    const { store } = fresh();
    const organisationId = await newOrganisation(store);
    const dir = makeTempDir('portfolio-mapping');
    const renamed = sampleText
      .replace(/^complexnummer;complexnaam/, 'Complex;Naam complex')
      .replace(';vhe_nummer;', ';VHE;');
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, renamed);
    await expect(importPortfolioFile(store, file, { organisationId })).rejects.toThrow(
      /complexnummer, complexnaam, vhe_nummer/,
    );
    expect(await counts(store)).toEqual({ complexes: 0, panden: 0, dwellings: 0 });

    const mappingFile = path.join(dir, 'mapping.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({ complexnummer: 'Complex', complexnaam: 'Naam complex', vhe_nummer: 'VHE' }),
    );
    const report = await importPortfolioFile(store, file, {
      organisationId,
      mapping: loadColumnMapping(mappingFile),
    });
    expect(report).toMatchObject({ rowsRead: 242, imported: 242, problemCount: 0 });
    expect(await counts(store)).toEqual({ complexes: 5, panden: 5, dwellings: 242 });

    writeFileSync(mappingFile, JSON.stringify({ complexnr: 'Complex' }));
    expect(() => loadColumnMapping(mappingFile)).toThrow(ImportFileError);
    expect(() => loadColumnMapping(mappingFile)).toThrow(/onbekend veld "complexnr"/);
  });
});
