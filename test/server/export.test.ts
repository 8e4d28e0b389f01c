// Exports end to end on both stores: data written the real way (portfolio rows as the importers
// write them, inspections/findings/actions/EFG cases through sync pushes), read back through
// GET /api/exports/:kind and through the export command, as files a person or a tool would open.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/server/cli/export-command.ts';
import { parseCsv, type CsvRow } from '../../src/server/demo/csv.ts';
import { parsePortfolioCsv } from '../../src/server/demo/portfolio-csv.ts';
import type { Store } from '../../src/server/store/store.ts';
import type { EfgCaseStep } from '../../src/shared/domain/index.ts';
import { decodeCsvCell, dutchDay } from '../../src/shared/export/index.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, push, syncApp, user, type TestApp } from './sync-fixtures.ts';
import { createUser, type SignedInUser } from './support/auth.ts';

const BAG_ROTTERDAM = '0599010000001001'; // leading zero: Excel would drop it
const BAG_SIXTEEN = '1234010000000002'; // 16 significant digits: Excel would round it
const BAG_PAND = '0599100000000501';

interface Portfolio {
  complexId: string;
  emptyComplexId: string;
  pandId: string;
  gVbo: string;
  fVbo: string;
  bVbo: string;
}

async function seedPortfolio(store: Store, organisationId: string, prefix: string) {
  const ids: Portfolio = {
    complexId: uuidv7(),
    emptyComplexId: uuidv7(),
    pandId: uuidv7(),
    gVbo: uuidv7(),
    fVbo: uuidv7(),
    bVbo: uuidv7(),
  };
  await store.query(
    `INSERT INTO complexes (id, organisation_id, complexnummer, name, gemeente)
     VALUES ($1, $3, $4, 'Plusflat "De Botersloot"; blok A', 'Rotterdam'),
            ($2, $3, $5, 'Zonder coördinaten', 'Delft')`,
    [ids.complexId, ids.emptyComplexId, organisationId, `${prefix}-1001`, `${prefix}-2001`],
  );
  await store.query(
    `INSERT INTO panden (id, organisation_id, complex_id, bag_pand_id, bouwjaar, storeys)
     VALUES ($1, $2, $3, $4, 1968, 4)`,
    [ids.pandId, organisationId, ids.complexId, prefix === 'C' ? BAG_PAND : null],
  );
  const vbo = `INSERT INTO verblijfsobjecten (id, organisation_id, pand_id, vhe_nummer,
      bag_verblijfsobject_id, postcode, huisnummer, huisletter, woonplaats, energy_label_class,
      energy_label_registration_date, energy_label_recording_date, energy_label_valid_until,
      energy_label_ep2, energy_label_energy_index, energy_label_source)
    VALUES ($1, $2, $3, $4, $5, '3011 HE', $6, $7, 'Rotterdam', $8, $9, $9, $10, $11, $12, 'ep-online')`;
  const own = prefix === 'C';
  // G, valid far into the future; F, expired in 2022; B (not on the EFG list).
  await store.query(vbo, [
    ids.gVbo,
    organisationId,
    ids.pandId,
    `${prefix}-1001-001`,
    own ? BAG_ROTTERDAM : null,
    100,
    'A',
    'G',
    '2025-06-01',
    '2035-06-01',
    419.09,
    null,
  ]);
  await store.query(vbo, [
    ids.fVbo,
    organisationId,
    ids.pandId,
    `${prefix}-1001-002`,
    own ? BAG_SIXTEEN : null,
    102,
    null,
    'F',
    '2012-01-01',
    '2022-01-01',
    null,
    2.55,
  ]);
  await store.query(vbo, [
    ids.bVbo,
    organisationId,
    ids.pandId,
    `${prefix}-1001-003`,
    null,
    104,
    null,
    'B',
    '2024-01-01',
    '2034-01-01',
    170.5,
    null,
  ]);
  return ids;
}

function step(status: EfgCaseStep['status'], by: string, at: string): EfgCaseStep {
  return { status, by, at };
}

async function setup(store: Store) {
  const { app } = await syncApp(store);
  const inspecteur = await user(store, 'inspecteur');
  const organisation = inspecteur.organisation;
  const duurzaamheid = await user(store, 'duurzaamheid', organisation);
  const beheerder = await user(store, 'beheerder', organisation);
  const portfolio = await seedPortfolio(store, organisation.id, 'C');
  // Another corporation with an EFG dwelling and an EFG case: it must never show up.
  const stranger = await user(store, 'duurzaamheid');
  const theirs = await seedPortfolio(store, stranger.organisation.id, 'X');

  // The EFG case of the G dwelling, set the real way: two steps pushed by duurzaamheid.
  const device = new Device();
  const by = duurzaamheid.user.id;
  const created = [step('kandidaat', by, '2026-11-02T09:00:00.000Z')];
  const moved = [...created, step('in-voorbereiding', by, '2026-11-21T23:30:00.000Z')];
  const efg = await push(app, duurzaamheid, device, [
    device.op('efgCase', portfolio.gVbo, {
      complexId: portfolio.complexId,
      status: 'kandidaat',
      history: created,
    }),
    device.op('efgCase', portfolio.gVbo, { status: 'in-voorbereiding', history: moved }),
  ]);
  expect(efg.results.map((result) => result.status)).toEqual(['applied', 'applied']);
  const strangerDevice = new Device();
  const strangerBy = stranger.user.id;
  await push(app, stranger, strangerDevice, [
    strangerDevice.op('efgCase', theirs.gVbo, {
      complexId: theirs.complexId,
      status: 'kandidaat',
      history: [step('kandidaat', strangerBy, '2026-11-02T09:00:00.000Z')],
    }),
  ]);

  // An inspection of the pand with a finding and an overdue action, pushed by the inspector.
  const tablet = new Device();
  const inspectionId = uuidv7();
  const findingId = uuidv7();
  const actionId = uuidv7();
  const field = await push(app, inspecteur, tablet, [
    tablet.op('inspection', inspectionId, {
      module: 'brandveiligheidsronde',
      templateId: 'brandveiligheidsronde',
      templateVersion: 1,
      targetLevel: 'pand',
      targetId: portfolio.pandId,
      complexId: portfolio.complexId,
      status: 'draft',
      startedAt: '2026-11-02T09:00:00Z',
      inspectorId: inspecteur.user.id,
    }),
    tablet.op('finding', findingId, {
      inspectionId,
      location: 'Galerij 3e verdieping; bij de lift',
      description: 'Brandwerende deur sluit niet',
      severity: 'ernstig',
      photoIds: [],
      createdAt: '2026-11-02T09:10:00Z',
    }),
    tablet.op('action', actionId, {
      findingId,
      inspectionId,
      pandId: portfolio.pandId,
      moduleId: 'brandveiligheidsronde',
      what: '=HYPERLINK("http://evil") deur herstellen',
      ownerRole: 'veiligheid',
      dueDate: '2020-01-01',
      status: 'open',
      history: [{ status: 'open', by: inspecteur.user.id, at: '2026-11-02T09:15:00Z' }],
    }),
  ]);
  expect(field.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
  return {
    app,
    inspecteur,
    duurzaamheid,
    beheerder,
    stranger,
    portfolio,
    theirs,
    actionId,
  };
}

async function get(app: TestApp, who: SignedInUser, url: string) {
  const response = await app.request(url, { headers: who.headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder().decode(bytes) };
}

function efgRowsOf(csvText: string): CsvRow[] {
  return parseCsv(csvText).rows;
}

function checkEfgCsv(csvText: string, portfolio: Portfolio) {
  const rows = efgRowsOf(csvText);
  // G and F are on the list (F although its label expired); B is not.
  expect(rows.map((row) => row.values['vhe-nummer'])).toEqual(['C-1001-001', 'C-1001-002']);
  const [g, f] = rows;
  expect(decodeCsvCell('id', g?.values['bag verblijfsobject-id'] ?? '')).toBe(BAG_ROTTERDAM);
  expect(decodeCsvCell('id', f?.values['bag verblijfsobject-id'] ?? '')).toBe(BAG_SIXTEEN);
  expect(g?.values['efg-status']).toBe('in-voorbereiding');
  // The step was taken at 23:30 UTC on the 21st: the 22nd in the Netherlands.
  expect(g?.values['status sinds']).toBe('2026-11-22');
  expect(f?.values['efg-status']).toBe('');
  expect(g?.values.energielabel).toBe('G');
  expect(g?.values.verlopen).toBe('nee');
  expect(f?.values.verlopen).toBe('ja');
  expect(g?.values['ep2 (kwh/m² jaar)']).toBe('419,09');
  expect(f?.values['energie-index']).toBe('2,55');
  expect(g?.values['geldig tot']).toBe('2035-06-01');
  expect(g?.values.adres).toBe('100A, 3011 HE Rotterdam');
  expect(g?.values.complexnaam).toBe('Plusflat "De Botersloot"; blok A');
  expect(csvText).not.toContain(portfolio.bVbo);
}

describe.each(storeKinds)('exports on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('exports the EFG list as Dutch Excel CSV with BAG ids and the case status set by a push', async () => {
    const { store } = fixture();
    const { app, inspecteur, portfolio } = await setup(store);
    const { response, bytes, text } = await get(app, inspecteur, '/api/exports/efg?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv;charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="schouw-efg-${inspecteur.organisation.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')).toHaveLength(4);
    checkEfgCsv(text, portfolio);
    // Nothing of the other corporation (its complex numbers start with X).
    expect(text).not.toMatch(/X-1001/);
  });

  it('exports the EFG list as JSON with the verblijfsobject id, BAG id and case status', async () => {
    const { store } = fixture();
    const { app, duurzaamheid, portfolio } = await setup(store);
    const { response, text } = await get(app, duurzaamheid, '/api/exports/efg?format=json');
    expect(response.status).toBe(200);
    const document = JSON.parse(text) as { rows: Record<string, unknown>[]; export: string };
    expect(document.export).toBe('efg');
    expect(document.rows).toEqual([
      expect.objectContaining({
        verblijfsobjectId: portfolio.gVbo,
        bagVerblijfsobjectId: BAG_ROTTERDAM,
        efgStatus: 'in-voorbereiding',
        expired: false,
        label: 'G',
      }),
      expect.objectContaining({
        verblijfsobjectId: portfolio.fVbo,
        bagVerblijfsobjectId: BAG_SIXTEEN,
        efgStatus: null,
        expired: true,
      }),
    ]);
  });

  it('exports actions with severity, due date, owner role, status and pand/complex, formula-safe', async () => {
    const { store } = fixture();
    const { app, inspecteur, actionId } = await setup(store);
    const csv = await get(app, inspecteur, '/api/exports/actions');
    expect(csv.response.status).toBe(200);
    const [row, ...rest] = parseCsv(csv.text).rows;
    expect(rest).toEqual([]);
    expect(row?.values).toMatchObject({
      'actie-id': actionId,
      urgentie: 'ernstig',
      status: 'open',
      afgesloten: 'nee',
      'uiterste datum': '2020-01-01',
      'te laat': 'ja',
      'eigenaar (rol)': 'veiligheid',
      'locatie bevinding': 'Galerij 3e verdieping; bij de lift',
      complexnummer: 'C-1001',
      'aangemaakt op': '2026-11-02',
      'afgesloten op': '',
    });
    // The description starts with '=': Excel gets text, not a formula.
    expect(row?.values.omschrijving).toBe(`'=HYPERLINK("http://evil") deur herstellen`);
    expect(decodeCsvCell('id', row?.values['bag pand-id'] ?? '')).toBe(BAG_PAND);
    const json = await get(app, inspecteur, '/api/exports/actions?format=json');
    const document = JSON.parse(json.text) as { rows: Record<string, unknown>[] };
    expect(document.rows[0]).toMatchObject({ id: actionId, severity: 'ernstig', overdue: true });
  });

  it('exports inspections and findings with their complex, severity and counts', async () => {
    const { store } = fixture();
    const { app, inspecteur } = await setup(store);
    const inspections = await get(app, inspecteur, '/api/exports/inspections');
    expect(inspections.response.status).toBe(200);
    expect(parseCsv(inspections.text).rows.map((row) => row.values)).toEqual([
      expect.objectContaining({
        module: 'brandveiligheidsronde',
        status: 'draft',
        niveau: 'pand',
        object: `="${BAG_PAND}"`,
        complexnummer: 'C-1001',
        'gestart op': '2026-11-02',
        inspecteur: 'Test inspecteur',
        bevindingen: '1',
        'open acties': '1',
      }),
    ]);
    const findings = await get(app, inspecteur, '/api/exports/findings?format=json');
    const document = JSON.parse(findings.text) as { rows: Record<string, unknown>[] };
    expect(document.rows).toEqual([
      expect.objectContaining({
        severity: 'ernstig',
        location: 'Galerij 3e verdieping; bij de lift',
        complexnummer: 'C-1001',
        photos: 0,
        createdOn: '2026-11-02',
      }),
    ]);
  });

  it('exports the portfolio in the import format, which the portfolio importer reads back', async () => {
    const { store } = fixture();
    const { app, inspecteur } = await setup(store);
    const { response, text } = await get(app, inspecteur, '/api/exports/portfolio?ids=plain');
    expect(response.status).toBe(200);
    const [complex, ...others] = parsePortfolioCsv(text);
    expect(others).toEqual([]);
    expect(complex).toMatchObject({
      complexnummer: 'C-1001',
      name: 'Plusflat "De Botersloot"; blok A',
      gemeente: 'Rotterdam',
      panden: [
        {
          bagPandId: BAG_PAND,
          bouwjaar: 1968,
          storeys: 4,
          verblijfsobjecten: [
            expect.objectContaining({
              vheNummer: 'C-1001-001',
              bagVerblijfsobjectId: BAG_ROTTERDAM,
              huisletter: 'A',
            }),
            expect.objectContaining({ vheNummer: 'C-1001-002', bagVerblijfsobjectId: BAG_SIXTEEN }),
            expect.objectContaining({ vheNummer: 'C-1001-003', bagVerblijfsobjectId: null }),
          ],
        },
      ],
    });
    const labels = parseCsv(text).rows.map((row) => [
      row.values.energielabel,
      row.values.label_verlopen,
    ]);
    expect(labels).toEqual([
      ['G', 'nee'],
      ['F', 'ja'],
      ['B', 'nee'],
    ]);
  });

  it('exports complexes as GeoJSON at the centroid of their dwellings and counts those without coordinates', async () => {
    const { store } = fixture();
    const { app, inspecteur, portfolio } = await setup(store);
    // The BAG import stores CRS84 points (migration 0006); added here when this schema lacks them.
    await store.exec(`ALTER TABLE verblijfsobjecten
      ADD COLUMN IF NOT EXISTS latitude double precision,
      ADD COLUMN IF NOT EXISTS longitude double precision`);
    await store.query(`UPDATE verblijfsobjecten SET latitude = $2, longitude = $3 WHERE id = $1`, [
      portfolio.gVbo,
      51.92,
      4.47,
    ]);
    await store.query(`UPDATE verblijfsobjecten SET latitude = $2, longitude = $3 WHERE id = $1`, [
      portfolio.fVbo,
      51.93,
      4.49,
    ]);
    const { response, text } = await get(app, inspecteur, '/api/exports/complexes?format=geojson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json;charset=utf-8');
    const collection = JSON.parse(text) as {
      type: string;
      features: {
        id: string;
        geometry: { coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
      withoutCoordinates: string[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    const [feature] = collection.features;
    expect(feature?.id).toBe(portfolio.complexId);
    expect(feature?.geometry.coordinates).toEqual([4.48, 51.925]);
    expect(feature?.properties).toMatchObject({
      complexnummer: 'C-1001',
      status: 'achterstallig',
      woningen: 3,
      efgWoningen: 2,
      verlopenLabels: 1,
      openActies: 1,
      achterstalligeActies: 1,
    });
    expect(collection.withoutCoordinates).toEqual(['C-2001']);
  });

  it('exports the whole organisation for the beheerder only, without password hashes or sessions', async () => {
    const { store } = fixture();
    const { app, beheerder, inspecteur, portfolio, stranger } = await setup(store);
    const withPassword = await createUser(store, {
      organisationId: beheerder.organisation.id,
      role: 'veiligheid',
      password: 'een-lang-wachtwoord',
    });
    const { rows } = await store.query<{ password_hash: string; token_hash: string }>(
      `SELECT u.password_hash, s.token_hash FROM users u, sessions s
       WHERE u.id = $1 AND s.user_id = $2`,
      [withPassword.id, beheerder.user.id],
    );
    expect(rows[0]?.password_hash).toBeTruthy();
    const denied = await get(app, inspecteur, '/api/exports/organisation');
    expect(denied.response.status).toBe(403);
    const { response, text } = await get(app, beheerder, '/api/exports/organisation');
    expect(response.status).toBe(200);
    expect(text).not.toContain(rows[0]?.password_hash);
    expect(text).not.toContain(rows[0]?.token_hash);
    expect(text).not.toContain(beheerder.token);
    expect(text).not.toContain('password');
    expect(text).not.toContain(stranger.organisation.id);
    const document = JSON.parse(text) as {
      organisation: { id: string };
      tables: Record<string, Record<string, unknown>[]>;
      records: Record<string, Record<string, unknown>[]>;
    };
    expect(document.organisation.id).toBe(beheerder.organisation.id);
    expect(document.tables.users?.map((u) => u.email)).toContain(withPassword.email);
    expect(document.tables.verblijfsobjecten).toHaveLength(3);
    expect(document.records.efgCase).toEqual([
      expect.objectContaining({ id: portfolio.gVbo, status: 'in-voorbereiding' }),
    ]);
    expect(document.records.action).toHaveLength(1);
    expect(Object.keys(document.tables)).not.toContain('sessions');
  });

  it('answers a wrong kind, format or parameter with a Dutch 4xx', async () => {
    const { store } = fixture();
    const { app, inspecteur } = await setup(store);
    const cases: [string, number, RegExp][] = [
      ['/api/exports/onbekend', 404, /Onbekende export "onbekend"/],
      ['/api/exports/efg?format=geojson', 400, /bestaat niet als geojson; kies csv of json/],
      ['/api/exports/efg?format=xlsx', 400, /Onbekend formaat/],
      ['/api/exports/efg?org=andere', 400, /Onbekende parameter/],
      ['/api/exports/efg?ids=raar', 400, /ids moet excel of plain/],
    ];
    for (const [url, status, message] of cases) {
      const { response, text } = await get(app, inspecteur, url);
      expect(response.status, url).toBe(status);
      expect((JSON.parse(text) as { message: string }).message, url).toMatch(message);
    }
  });

  it('exports the same EFG file from the command line, to stdout or to a file', async () => {
    const current = fixture();
    const { portfolio, inspecteur } = await setup(current.store);
    let env: Record<string, string | undefined>;
    if (current.kind === 'pglite') {
      // The embedded database has one opener: the command takes over, as with a stopped server.
      await current.store.close();
      env = { SCHOUW_DATA_DIR: path.dirname(current.dataDir ?? '') };
    } else {
      env = { DATABASE_URL: current.databaseUrl };
    }
    let stdout = '';
    const progress: string[] = [];
    const io = {
      write: async (chunk: string) => {
        stdout += chunk;
      },
      progress: (line: string) => progress.push(line),
    };
    const slug = inspecteur.organisation.slug;
    const summary = await runExportCommand(['efg', '--org', slug], env, io, dutchDay(new Date()));
    expect(summary).toMatchObject({ woningen: 2, metDossier: 1, verlopen: 1 });
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    checkEfgCsv(stdout, portfolio);
    expect(progress[0]).toContain(`(${slug})`);

    const out = path.join(makeTempDir('export-cli'), 'efg.json');
    stdout = '';
    await runExportCommand(
      ['efg', '--org', inspecteur.organisation.id, '--format', 'json', '--out', out],
      env,
      io,
    );
    expect(stdout).toBe('');
    const document = JSON.parse(readFileSync(out, 'utf8')) as { rows: { efgStatus: string }[] };
    expect(document.rows.map((row) => row.efgStatus)).toEqual(['in-voorbereiding', null]);

    await expect(runExportCommand(['efg', '--org', 'bestaat-niet'], env, io)).rejects.toThrow(
      /Organisatie "bestaat-niet" bestaat niet/,
    );
  });
});

// The command as an operator runs it: a clean file on stdout, messages on stderr.
const root = path.join(import.meta.dirname, '../..');

function runCli(args: readonly string[], dataDir: string) {
  const env: Record<string, string | undefined> = { ...process.env, SCHOUW_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/export.ts', ...args],
      { cwd: root, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run export', () => {
  it('writes the demo organisation’s EFG list to stdout and the summary to stderr', async () => {
    const dataDir = makeTempDir('export-cli-demo');
    const run = await runCli(['efg'], dataDir);
    expect(run.stderr).toContain('Export efg (csv) van Demo Woonstichting');
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout).rows;
    // The demo EP-online file gives the demo corporation E, F and G labels.
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(['E', 'F', 'G']).toContain(row.values.energielabel);
      expect(decodeCsvCell('id', row.values['bag verblijfsobject-id'] ?? '')).toMatch(/^\d{16}$/);
    }
    // A fresh data directory: migrations, demo portfolio and the demo EP-online import first.
  }, 120_000);

  it('stops with one line and exit code 1 for an unknown kind or format', async () => {
    const dataDir = makeTempDir('export-cli-fail');
    const kind = await runCli(['labels'], dataDir);
    expect(kind.code).toBe(1);
    expect(kind.stdout).toBe('');
    expect(kind.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Export mislukt \(export failed\): Onbekende export "labels"/),
    ]);
    const format = await runCli(['organisation', '--format', 'csv'], dataDir);
    expect(format.code).toBe(1);
    expect(format.stderr.trim()).toBe(
      'Export mislukt (export failed): Export organisation bestaat niet als csv; kies json.',
    );
  });
});
