import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/server/demo/csv.ts';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { importEpOnlineFile, SKIP } from '../../src/server/import/ep-online.ts';
import { ImportInputError } from '../../src/server/import/input.ts';
import { ImportFileError } from '../../src/server/import/report.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import {
  buildZip,
  epFile,
  epRow,
  HEADER_LETTER,
  HEADER_TOEV,
  type EpRowValues,
} from '../fixtures/ep-online-files.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/ep-online-v2-sample.csv');

/** Per BAG verblijfsobject id, the class of its newest opname (then registration), from the file. */
function expectedCurrentClasses(csvText: string): Record<string, string> {
  const table = parseCsv(csvText.split('\n').slice(2).join('\n'));
  const newest = new Map<string, { key: string; klasse: string }>();
  for (const { values } of table.rows) {
    if (values.pand_gebouwklasse !== 'W' || values.pand_status === 'Vergunningsaanvraag') continue;
    const id = values.pand_bagverblijfsobjectid ?? '';
    const key = `${values.pand_opnamedatum}|${values.pand_registratiedatum}`;
    const current = newest.get(id);
    if (!current || key > current.key) {
      newest.set(id, { key, klasse: values.pand_energieklasse ?? '' });
    }
  }
  return Object.fromEntries([...newest].map(([id, { klasse }]) => [id, klasse]));
}

async function setUp(store: Store): Promise<string> {
  await migrate(store);
  await seedDemoData(store);
  const { rows } = await store.query<{ id: string }>(
    'SELECT id FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  return rows[0]?.id ?? '';
}

async function currentLabels(store: Store) {
  const { rows } = await store.query<{
    vhe: string;
    bag: string;
    class: string;
    registration: string;
    ep2: number | null;
    ei: number | null;
  }>(
    `SELECT vhe_nummer AS vhe, bag_verblijfsobject_id AS bag, energy_label_class AS class,
       energy_label_registration_date AS registration, energy_label_ep2 AS ep2,
       energy_label_energy_index AS ei
     FROM verblijfsobjecten WHERE energy_label_class IS NOT NULL ORDER BY vhe_nummer`,
  );
  return rows;
}

async function countOf(store: Store, table: 'energy_labels' | 'import_runs'): Promise<number> {
  const { rows } = await store.query<{ count: number }>(`SELECT count(*) AS count FROM ${table}`);
  return rows[0]?.count ?? -1;
}

// Demo dwellings (the demo portfolio is the real-format sample): C-1001-00n has BAG id
// 059901000000100n; 001 is 3011 HE 100, 002 is 3011 HE 100 A (toevoeging), 003 is 100 B.
const label = (values: Partial<EpRowValues>): EpRowValues => ({
  opname: '20240110',
  registratie: '20240115',
  geldigTot: '20340110',
  klasse: 'B',
  ep2: '170,5',
  postcode: '3011HE',
  huisnummer: '100',
  ...values,
});

describe.each(storeKinds)('EP-online import on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('imports the real sample, keeps the newest label per dwelling, and re-imports (also zipped) without duplicates', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const report = await importEpOnlineFile(store, SAMPLE, { organisationId });
    expect(report).toMatchObject({
      rowsRead: 251,
      imported: 249,
      updated: 0,
      unchanged: 0,
      unmatched: 0,
      problemCount: 0,
      skipped: { [SKIP.utiliteit]: 1, [SKIP.vergunningsaanvraag]: 1 },
    });
    expect(report.details).toMatchObject({
      PublicatieDatum: '01-11-2026',
      dwellingsLabelChanged: 222,
    });
    const expected = expectedCurrentClasses(readFileSync(SAMPLE, 'utf8'));
    const labels = await currentLabels(store);
    expect(Object.fromEntries(labels.map((row) => [row.bag, row.class]))).toEqual(expected);
    expect(await countOf(store, 'energy_labels')).toBe(249);

    const cursorBefore = await store.query('SELECT value FROM sync_counters');
    const zip = path.join(makeTempDir('ep-zip'), 'v20261101.zip');
    writeFileSync(
      zip,
      buildZip([
        {
          name: 'v20261101_v2.csv',
          data: readFileSync(SAMPLE),
          method: 'deflated',
          dataDescriptor: true,
        },
      ]),
    );
    const again = await importEpOnlineFile(store, zip, { organisationId });
    expect(again).toMatchObject({ rowsRead: 251, imported: 0, updated: 0, unchanged: 249 });
    expect(again.details.dwellingsLabelChanged).toBe(0);
    expect(await countOf(store, 'energy_labels')).toBe(249);
    expect(await currentLabels(store)).toEqual(labels);
    // Nothing changed, so devices have nothing new to pull.
    expect((await store.query('SELECT value FROM sync_counters')).rows).toEqual(cursorBefore.rows);
    const runs = await store.query<{ status: string; file_name: string }>(
      'SELECT status, file_name FROM import_runs ORDER BY started_at, id',
    );
    expect(runs.rows).toEqual([
      { status: 'succeeded', file_name: 'ep-online-v2-sample.csv' },
      { status: 'succeeded', file_name: 'v20261101.zip' },
    ]);
  });

  it('handles the other column set, CRLF, a BOM, quotes, row order, skips and bad rows', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const dir = makeTempDir('ep-edge');
    const H = HEADER_LETTER;
    const newer = label({ bagVerblijfsobjectId: '0599010000001001' });
    const rows = [
      // Newest first: the older label further down must not win.
      epRow(H, newer),
      epRow(
        H,
        label({
          bagVerblijfsobjectId: '0599010000001001',
          opname: '20190101',
          registratie: '20190201',
          geldigTot: '20290201',
          klasse: 'C',
          methode: 'EI',
          energieindex: '1,60',
          ep2: '',
        }),
      ),
      // Matched on address only (no BAG id), with a quoted project name.
      epRow(
        H,
        label({ toevoeging: 'A', klasse: 'D', ep2: '260,0', projectnaam: 'Blok "A"; fase 2' }),
      ),
      epRow(H, label({ huisletter: 'B', status: 'Vergunningsaanvraag', klasse: 'A' })),
      epRow(H, label({ klasseGebouw: 'U', bagVerblijfsobjectId: '0599010000001001' })),
      epRow(H, label({ bagVerblijfsobjectId: '0599010000009999', postcode: '9999ZZ' })),
      epRow(H, label({ bagVerblijfsobjectId: '0599010000001004', opname: 'gisteren' })),
      epRow(H, label({ bagVerblijfsobjectId: '0599010000001005', klasse: 'H' })),
      '0599010000001006;te;weinig;velden',
      epRow(H, newer),
      // Our dwelling's address, but another BAG id: a different dwelling, so no match.
      epRow(H, label({ huisletter: 'B', bagVerblijfsobjectId: '0599010000008888' })),
    ];
    const file = path.join(dir, 'letter.csv');
    writeFileSync(file, epFile(H, rows, { lineEnd: '\r\n', bom: true }));

    const report = await importEpOnlineFile(store, file, { organisationId });
    expect(report).toMatchObject({
      rowsRead: 11,
      imported: 3,
      unmatched: 2,
      problemCount: 3,
      skipped: {
        [SKIP.vergunningsaanvraag]: 1,
        [SKIP.utiliteit]: 1,
        [SKIP.unmatched]: 2,
        [SKIP.invalid]: 3,
        [SKIP.duplicate]: 1,
      },
    });
    expect(report.problems).toEqual([
      { row: 10, column: 'pand_opnamedatum', message: expect.stringMatching(/gisteren/) },
      { row: 11, column: 'pand_energieklasse', message: expect.stringMatching(/"H"/) },
      { row: 12, column: null, message: expect.stringMatching(/4 velden/) },
    ]);
    expect(report.unmatchedRows).toEqual([
      { row: 9, column: null, message: expect.stringMatching(/0599010000009999/) },
      { row: 14, column: null, message: expect.stringMatching(/0599010000008888/) },
    ]);
    expect(await currentLabels(store)).toEqual([
      {
        vhe: 'C-1001-001',
        bag: '0599010000001001',
        class: 'B',
        registration: '2024-01-15',
        ep2: 170.5,
        ei: null,
      },
      {
        vhe: 'C-1001-002',
        bag: '0599010000001002',
        class: 'D',
        registration: '2024-01-15',
        ep2: 260,
        ei: null,
      },
    ]);

    // Next month's file: one newer label for 001 (as a reversed file in the other column set).
    const next = path.join(dir, 'next.csv');
    writeFileSync(
      next,
      epFile(HEADER_TOEV, [
        epRow(HEADER_TOEV, label({ toevoeging: 'A', klasse: 'D', ep2: '260,0' })),
        epRow(HEADER_TOEV, newer),
        epRow(
          HEADER_TOEV,
          label({
            bagVerblijfsobjectId: '0599010000001001',
            opname: '20250601',
            registratie: '20250603',
            geldigTot: '20350601',
            klasse: 'A',
            ep2: '120,25',
          }),
        ),
      ]),
    );
    const second = await importEpOnlineFile(store, next, { organisationId });
    expect(second).toMatchObject({ imported: 1, updated: 0, unchanged: 2, problemCount: 0 });
    expect(second.details.dwellingsLabelChanged).toBe(1);
    expect((await currentLabels(store))[0]).toMatchObject({ class: 'A', ep2: 120.25 });
    expect(await countOf(store, 'energy_labels')).toBe(4);
  });

  it('lets the most recent opnamedatum win whatever the row order, with the registratiedatum as tie-break', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const H = HEADER_LETTER;
    const first = (values: Partial<EpRowValues>) =>
      label({ bagVerblijfsobjectId: '0599010000001001', ...values });
    const second = (values: Partial<EpRowValues>) =>
      label({ bagVerblijfsobjectId: '0599010000001003', ...values });
    const rows = [
      // 001: recorded latest (C), although another label was registered later (E) and comes last.
      epRow(H, first({ opname: '20240301', registratie: '20240310', klasse: 'C', ep2: '220,0' })),
      epRow(H, first({ opname: '20230101', registratie: '20240601', klasse: 'E', ep2: '300,0' })),
      // 003: the same opnamedatum twice: the later registration (A) wins, also when listed first.
      epRow(H, second({ opname: '20240501', registratie: '20240520', klasse: 'A', ep2: '130,0' })),
      epRow(H, second({ opname: '20240501', registratie: '20240505', klasse: 'F', ep2: '350,0' })),
    ];
    const forward = path.join(makeTempDir('ep-order'), 'forward.csv');
    writeFileSync(forward, epFile(H, rows));
    const report = await importEpOnlineFile(store, forward, { organisationId });
    expect(report).toMatchObject({ imported: 4, problemCount: 0 });
    const expected = [
      { bag: '0599010000001001', class: 'C', registration: '2024-03-10' },
      { bag: '0599010000001003', class: 'A', registration: '2024-05-20' },
    ];
    expect(await currentLabels(store)).toMatchObject(expected);

    // The same labels in the opposite order change nothing.
    const reversed = path.join(makeTempDir('ep-order'), 'reversed.csv');
    writeFileSync(reversed, epFile(H, [...rows].reverse()));
    const again = await importEpOnlineFile(store, reversed, { organisationId });
    expect(again).toMatchObject({ imported: 0, unchanged: 4 });
    expect(again.details.dwellingsLabelChanged).toBe(0);
    expect(await currentLabels(store)).toMatchObject(expected);
  });

  it('imports nothing from a file with missing columns or invalid UTF-8', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const dir = makeTempDir('ep-bad');
    const header = HEADER_TOEV.filter((column) => column !== 'Meting_geldig_tot');
    const missing = path.join(dir, 'missing.csv');
    writeFileSync(missing, epFile(header, [epRow(header, label({}))]));
    await expect(importEpOnlineFile(store, missing, { organisationId })).rejects.toThrow(
      ImportFileError,
    );
    await expect(importEpOnlineFile(store, missing, { organisationId })).rejects.toThrow(
      /meting_geldig_tot/,
    );

    // The bad byte comes after a full batch of good rows: those must be rolled back too.
    const good = epRow(HEADER_TOEV, label({ bagVerblijfsobjectId: '0599010000001001' }));
    const latin1 = path.join(dir, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from(epFile(HEADER_TOEV, [good, good.replace('20240110', '20240111')])),
        Buffer.from(`${epRow(HEADER_TOEV, label({ projectnaam: 'Caf\xe9' }))}\n`, 'latin1'),
      ]),
    );
    await expect(
      importEpOnlineFile(store, latin1, { organisationId, batchSize: 1 }),
    ).rejects.toThrow(ImportInputError);
    expect(await countOf(store, 'energy_labels')).toBe(0);
    expect(await currentLabels(store)).toEqual([]);
    const runs = await store.query<{ status: string; error: string }>(
      'SELECT status, error FROM import_runs',
    );
    expect(runs.rows.map((run) => run.status)).toEqual(['failed', 'failed', 'failed']);
    expect(runs.rows[2]?.error).toMatch(/UTF-8/);
  });
});
