import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { BAG_SKIP, importBagFile } from '../../src/server/import/bag.ts';
import { readGeoJsonFeatures } from '../../src/server/import/geojson-stream.ts';
import { ImportInputError } from '../../src/server/import/input.ts';
import { ImportFileError } from '../../src/server/import/report.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/bag');
const PAND = path.join(FIXTURES, 'pand.json');
const VERBLIJFSOBJECT = path.join(FIXTURES, 'verblijfsobject.json');

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function collect(text: string, size: number) {
  const features = [];
  for await (const feature of readGeoJsonFeatures(chunksOf(text, size))) features.push(feature);
  return features;
}

describe('the GeoJSON feature reader', () => {
  it('hands out exactly the features of the collection, however the text is chunked', async () => {
    const text = readFileSync(VERBLIJFSOBJECT, 'utf8').replace('"Botersloot"', '"Bo\\"ter{sloot]"');
    const expected = (JSON.parse(text) as { features: unknown[] }).features;
    for (const size of [1, 2, 7, 64, 100_000]) {
      const features = await collect(`\ufeff${text}`, size);
      expect(features.map((feature) => feature.value)).toEqual(expected);
      expect(features.map((feature) => feature.index)).toEqual(expected.map((_, i) => i + 1));
    }
  });

  it('reports a feature that is no valid JSON and keeps reading the next ones', async () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":01}},' +
      '{"type":"Feature","properties":{}}]}';
    const features = await collect(text, 5);
    expect(features).toHaveLength(2);
    expect(features[0]?.error).toBeDefined();
    expect(features[1]).toEqual({ index: 2, value: { type: 'Feature', properties: {} } });
  });

  it('refuses a truncated file, another JSON shape, and an empty file', async () => {
    const whole = readFileSync(PAND, 'utf8');
    await expect(collect(whole.slice(0, whole.length - 40), 50)).rejects.toThrow(/afgebroken/);
    await expect(collect('{"type":"Feature","properties":{}}', 50)).rejects.toThrow(
      /FeatureCollection/,
    );
    await expect(collect('[1,2,3]', 50)).rejects.toThrow(ImportFileError);
    await expect(collect('{"type":"FeatureCollection","features":[1]}', 50)).rejects.toThrow(
      /geen object/,
    );
    await expect(collect('', 50)).rejects.toThrow(/leeg/);
  });
});

async function setUp(store: Store): Promise<string> {
  await migrate(store);
  await seedDemoData(store);
  const { rows } = await store.query<{ id: string }>(
    'SELECT id FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  return rows[0]?.id ?? '';
}

async function pand(store: Store, bagId: string) {
  const { rows } = await store.query<{
    bouwjaar: number;
    bag_status: string | null;
    bag_gebruiksdoel: string[] | null;
    geometry: { type: string } | null;
    centroid_lat: number | null;
    centroid_lon: number | null;
  }>(
    `SELECT bouwjaar, bag_status, bag_gebruiksdoel, geometry, centroid_lat, centroid_lon
     FROM panden WHERE bag_pand_id = $1`,
    [bagId],
  );
  return rows;
}

async function dwelling(store: Store, bagId: string) {
  const { rows } = await store.query<{
    area_m2: number;
    bag_status: string | null;
    gebruiksdoel: string[] | null;
    latitude: number | null;
    longitude: number | null;
  }>(
    `SELECT area_m2, bag_status, gebruiksdoel, latitude, longitude
     FROM verblijfsobjecten WHERE bag_verblijfsobject_id = $1`,
    [bagId],
  );
  return rows[0];
}

/** Everything the BAG import may touch, to show a failed import changed nothing. */
async function snapshot(store: Store) {
  const panden = await store.query('SELECT * FROM panden ORDER BY id');
  const dwellings = await store.query('SELECT * FROM verblijfsobjecten ORDER BY id');
  const cursor = await store.query('SELECT value FROM sync_counters');
  return [panden.rows, dwellings.rows, cursor.rows];
}

async function syncedPand(store: Store, bagId: string) {
  const { rows } = await store.query<{ fields: Record<string, { value: unknown }> }>(
    `SELECT s.fields FROM sync_records s JOIN panden p ON p.id::text = s.id
     WHERE s.entity = 'pand' AND p.bag_pand_id = $1`,
    [bagId],
  );
  return rows[0]?.fields;
}

interface FeatureSpec {
  properties: Record<string, unknown>;
  geometry?: unknown;
}

function collection(features: readonly (FeatureSpec | string)[]): string {
  const parts = features.map((feature) =>
    typeof feature === 'string'
      ? feature
      : JSON.stringify({ type: 'Feature', geometry: null, ...feature }),
  );
  return `{"type":"FeatureCollection","features":[${parts.join(',')}],"numberReturned":${parts.length}}`;
}

describe.each(storeKinds)('BAG import on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('updates matched panden and verblijfsobjecten, lists the unmatched ones, and re-imports without changes', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    expect((await pand(store, '0599100000000502'))[0]?.bouwjaar).toBe(1972);
    const cursorBefore = (await store.query<{ value: number }>('SELECT value FROM sync_counters'))
      .rows[0]?.value;

    const panden = await importBagFile(store, PAND, { organisationId });
    expect(panden).toMatchObject({
      kind: 'bag',
      rowsRead: 3,
      imported: 0,
      updated: 2,
      unchanged: 0,
      unmatched: 1,
      problemCount: 0,
      skipped: { [BAG_SKIP.unmatched]: 1 },
    });
    expect(panden.unmatchedRows).toEqual([
      {
        row: 3,
        column: 'identificatie',
        message: expect.stringMatching(/^Pand 0599100000000599 staat niet/),
      },
    ]);
    const [updated] = await pand(store, '0599100000000502');
    expect(updated).toMatchObject({
      bouwjaar: 1973,
      bag_status: 'Pand in gebruik',
      bag_gebruiksdoel: ['woonfunctie', 'winkelfunctie'],
      geometry: { type: 'Polygon' },
    });
    expect(updated?.centroid_lon).toBeCloseTo(4.4815, 6);
    expect(updated?.centroid_lat).toBeCloseTo(51.92525, 6);
    // The changed bouwjaar reached the devices' change feed through the portfolio triggers.
    expect((await syncedPand(store, '0599100000000502'))?.bouwjaar?.value).toBe(1973);
    const cursorAfter = (await store.query<{ value: number }>('SELECT value FROM sync_counters'))
      .rows[0]?.value;
    expect(cursorAfter).toBe((cursorBefore ?? 0) + 1);

    const dwellings = await importBagFile(store, VERBLIJFSOBJECT, { organisationId });
    expect(dwellings).toMatchObject({ rowsRead: 4, updated: 3, unchanged: 0, unmatched: 1 });
    expect(dwellings.unmatchedRows[0]).toMatchObject({ row: 4 });
    expect(await dwelling(store, '0599010000001001')).toMatchObject({
      area_m2: 62,
      bag_status: 'Verblijfsobject in gebruik',
      gebruiksdoel: ['woonfunctie'],
      latitude: 51.92392,
      longitude: 4.47712,
    });
    expect((await dwelling(store, '0599010000001033'))?.gebruiksdoel).toEqual([
      'woonfunctie',
      'kantoorfunctie',
    ]);

    const before = await snapshot(store);
    const again = await importBagFile(store, PAND, { organisationId });
    expect(again).toMatchObject({ updated: 0, unchanged: 2, unmatched: 1 });
    const againDwellings = await importBagFile(store, VERBLIJFSOBJECT, { organisationId });
    expect(againDwellings).toMatchObject({ updated: 0, unchanged: 3 });
    // Nothing changed, so nothing is rewritten and devices have nothing new to pull.
    expect(await snapshot(store)).toEqual(before);
    const runs = await store.query<{ kind: string; status: string }>(
      'SELECT kind, status FROM import_runs WHERE kind = $1',
      ['bag'],
    );
    expect(runs.rows).toHaveLength(4);
    expect(runs.rows.every((run) => run.status === 'succeeded')).toBe(true);
  });

  it('reports malformed features row by row and imports the good ones', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const file = path.join(makeTempDir('bag-edge'), 'mixed.json');
    const square = [
      [4.1, 51.1],
      [4.2, 51.1],
      [4.2, 51.2],
      [4.1, 51.2],
      [4.1, 51.1],
    ];
    writeFileSync(
      file,
      collection([
        { properties: { identificatie: '0599100000000501', bouwjaar: 1969 } },
        // Invalid JSON (a number with a leading zero), still a balanced object.
        '{"type":"Feature","properties":{"identificatie":0599100000000503}}',
        { properties: { identificatie: '059910000000050' } },
        { properties: { identificatie: '0599020000000001' } },
        { properties: { identificatie: '0599100000000501', bouwjaar: 1900 } },
        { properties: { identificatie: '0599100000000503', bouwjaar: 'onbekend' } },
        {
          properties: { identificatie: '0599100000000502', status: 'Pand gesloopt' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [92000, 437000],
                [92010, 437000],
                [92010, 437010],
                [92000, 437000],
              ],
            ],
          },
        },
        {
          properties: { identificatie: '0599010000001002', pand_identificatie: '0599100000000777' },
          geometry: { type: 'Point', coordinates: [4.3, 51.9] },
        },
        {
          properties: { identificatie: '1959100000000504' },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
        { type: 'Feature' } as unknown as FeatureSpec,
      ]),
    );
    const report = await importBagFile(store, file, { organisationId });
    expect(report).toMatchObject({
      rowsRead: 10,
      skipped: {
        [BAG_SKIP.invalid]: 3,
        [BAG_SKIP.otherKind]: 1,
        [BAG_SKIP.duplicate]: 1,
      },
    });
    expect(report.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, null],
      [3, 'identificatie'],
      [6, 'bouwjaar'],
      [7, 'status'],
      [7, 'geometry'],
      [8, 'pand_identificatie'],
      [10, null],
    ]);
    expect(report.problems[4]?.message).toMatch(/EPSG:28992/);
    expect(report.problemCount).toBe(7);
    // The first of two features with one id counts; a bad bouwjaar leaves the old one.
    expect((await pand(store, '0599100000000501'))[0]?.bouwjaar).toBe(1969);
    expect((await pand(store, '0599100000000503'))[0]?.bouwjaar).toBe(1985);
    expect((await pand(store, '0599100000000502'))[0]).toMatchObject({
      bag_status: 'Pand gesloopt',
      geometry: null,
    });
    expect((await pand(store, '1959100000000504'))[0]?.centroid_lon).toBeCloseTo(4.15, 9);
    expect(await dwelling(store, '0599010000001002')).toMatchObject({ latitude: 51.9 });
  });

  it('imports nothing from a truncated file, another format, or a file that is not UTF-8', async () => {
    const { store } = fresh();
    const organisationId = await setUp(store);
    const dir = makeTempDir('bag-bad');
    const before = await snapshot(store);

    const truncated = path.join(dir, 'truncated.json');
    const whole = readFileSync(PAND, 'utf8');
    writeFileSync(truncated, whole.slice(0, Math.floor(whole.length * 0.8)));
    await expect(importBagFile(store, truncated, { organisationId })).rejects.toThrow(/afgebroken/);

    const csv = path.join(dir, 'labels.csv');
    writeFileSync(csv, 'Pand_opnamedatum;Pand_registratiedatum\n20240101;20240102\n');
    await expect(importBagFile(store, csv, { organisationId })).rejects.toThrow(ImportFileError);

    // Good features first, then a Latin-1 byte in the last one: the good ones must not stay.
    const latin1 = path.join(dir, 'latin1.json');
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from(
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":' +
            '{"identificatie":"0599100000000501","bouwjaar":1999}}',
        ),
        Buffer.from(
          ',{"type":"Feature","properties":{"identificatie":"0599100000000502","status":"Caf\xe9"}}]}',
          'latin1',
        ),
      ]),
    );
    await expect(importBagFile(store, latin1, { organisationId, batchSize: 1 })).rejects.toThrow(
      ImportInputError,
    );

    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, collection([]));
    await expect(importBagFile(store, empty, { organisationId })).rejects.toThrow(/geen objecten/);

    expect(await snapshot(store)).toEqual(before);
    const runs = await store.query<{ status: string; error: string }>(
      'SELECT status, error FROM import_runs ORDER BY started_at, id',
    );
    expect(runs.rows.map((run) => run.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(runs.rows[2]?.error).toMatch(/UTF-8/);
  });
});
