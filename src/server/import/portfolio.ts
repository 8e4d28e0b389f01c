import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { uuidv7 } from '../../shared/ids.ts';
import {
  REQUIRED_COLUMNS as PORTFOLIO_REQUIRED_COLUMNS,
  RowSchema as PortfolioRowSchema,
} from '../demo/portfolio-csv.ts';
import type { Queryable, Store } from '../store/store.ts';
import { readCsvRecords } from './csv-stream.ts';
import { openImportText } from './input.ts';
import {
  addProblem,
  addSkipped,
  countWritten,
  emptyReport,
  hasHeaderWidth,
  headerColumns,
  ImportFileError,
  requireColumns,
  type ImportReport,
} from './report.ts';
import { recordImportRun, type ImportRunContext, type ImportWork } from './runs.ts';

// Imports a corporation's own portfolio export (one row per verblijfsobject, like
// fixtures/portfolio-sample.csv) into complexes -> panden -> verblijfsobjecten. Idempotent:
// complexes are keyed by complexnummer, panden by complex + BAG pand id, dwellings by
// vhe_nummer, so a re-import updates what changed and inserts only what is new. Row rules are
// the demo reader's (demo/portfolio-csv.ts); here a bad row is reported and skipped instead of
// stopping the whole file.

export const PORTFOLIO_FIELDS = Object.keys(PortfolioRowSchema.shape) as PortfolioField[];
type PortfolioField = keyof typeof PortfolioRowSchema.shape;
type PortfolioRow = z.infer<typeof PortfolioRowSchema>;

/** Our field name -> the file's header, for exports whose headers differ from ours. */
export type ColumnMapping = Partial<Record<PortfolioField, string>>;

export const ColumnMappingSchema = z
  .record(z.string(), z.string().min(1))
  .superRefine((mapping, ctx) => {
    for (const key of Object.keys(mapping)) {
      if (!(PORTFOLIO_FIELDS as string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          message: `onbekend veld "${key}" (bekend: ${PORTFOLIO_FIELDS.join(', ')})`,
        });
      }
    }
  });

/** Reads and checks a JSON column mapping file; throws ImportFileError with a one-line message. */
export function loadColumnMapping(file: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ImportFileError(
      `Kolomindeling ${file} is geen leesbare JSON (mapping is not readable JSON): ${(error as Error).message}`,
    );
  }
  const result = ColumnMappingSchema.safeParse(json);
  if (!result.success) {
    throw new ImportFileError(
      `Ongeldige kolomindeling (invalid mapping): ${result.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  return result.data as ColumnMapping;
}

export interface PortfolioImportOptions {
  organisationId: string;
  mapping?: ColumnMapping;
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
}

export function importPortfolioFile(
  store: Store,
  file: string,
  options: PortfolioImportOptions,
): Promise<ImportReport & { runId: string }> {
  return recordImportRun(
    store,
    'portfolio',
    options.organisationId,
    file,
    portfolioWork(file, options),
  );
}

/** The import of one file, to be recorded as a run (see runs.ts). */
export function portfolioWork(file: string, options: PortfolioImportOptions): ImportWork {
  // One transaction for the whole file: a portfolio export is organisation-sized, and a fatal
  // problem halfway (invalid UTF-8, a broken quote) must leave nothing half-imported.
  return (db, context) =>
    db.transaction((tx) =>
      importPortfolio(tx, openImportText(file, context.bytesRead), options, context),
    );
}

interface DwellingRow {
  pandId: string;
  row: PortfolioRow;
}

export async function importPortfolio(
  tx: Queryable,
  text: AsyncIterable<string>,
  options: PortfolioImportOptions,
  context: ImportRunContext,
): Promise<ImportReport> {
  const report = emptyReport('portfolio');
  const batchSize = options.batchSize ?? 1000;
  const progressEvery = options.progressEvery ?? 10_000;
  const organisationId = context.organisationId;
  const headerOf = (field: PortfolioField) =>
    (options.mapping?.[field] ?? field).trim().toLowerCase();

  // Who holds each BAG verblijfsobject id now: the id is unique per organisation, so a row that
  // would give it to a second dwelling is reported instead of failing the whole import.
  const existing = await tx.query<{ vhe_nummer: string; bag_verblijfsobject_id: string }>(
    `SELECT vhe_nummer, bag_verblijfsobject_id FROM verblijfsobjecten
     WHERE organisation_id = $1 AND bag_verblijfsobject_id IS NOT NULL`,
    [organisationId],
  );
  const bagOwner = new Map(
    existing.rows.map((row) => [row.bag_verblijfsobject_id, row.vhe_nummer]),
  );

  const complexIds = new Map<string, { id: string; name: string; gemeente: string | null }>();
  const pandIds = new Map<
    string,
    { id: string; bouwjaar: number | null; storeys: number | null }
  >();
  const vheSeen = new Set<string>();
  const counts = { complexes: 0, panden: 0 };
  let columns: Map<string, number> | undefined;
  let headerLength = 0;
  let batch: DwellingRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    countWritten(report, batch.length, await writeDwellings(tx, organisationId, batch));
    batch = [];
  };

  for await (const record of readCsvRecords(text)) {
    if (!columns) {
      columns = headerColumns(record.fields);
      requireColumns(columns, PORTFOLIO_REQUIRED_COLUMNS.map(headerOf));
      headerLength = record.fields.length;
      continue;
    }
    report.rowsRead += 1;
    if (report.rowsRead % progressEvery === 0) {
      options.onProgress?.(report.rowsRead);
      context.progress(report.rowsRead);
    }
    if (!hasHeaderWidth(report, record, headerLength, 'ongeldige regel')) continue;
    const input = Object.fromEntries(
      PORTFOLIO_FIELDS.map((field) => {
        const position = columns?.get(headerOf(field));
        return [field, position === undefined ? '' : (record.fields[position] ?? '')];
      }),
    );
    const parsed = PortfolioRowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        addProblem(report, {
          row: record.line,
          column: typeof field === 'string' ? headerOf(field as PortfolioField) : null,
          message: issue.message,
        });
      }
      addSkipped(report, 'ongeldige regel');
      continue;
    }
    const row = parsed.data;
    const problem = (column: PortfolioField, message: string) => {
      addProblem(report, { row: record.line, column: headerOf(column), message });
    };

    if (vheSeen.has(row.vhe_nummer)) {
      problem(
        'vhe_nummer',
        `vhe_nummer ${row.vhe_nummer} komt dubbel voor; alleen de eerste telt.`,
      );
      addSkipped(report, 'dubbel in het bestand');
      continue;
    }
    if (row.verblijfsobject_id !== null) {
      const owner = bagOwner.get(row.verblijfsobject_id);
      if (owner !== undefined && owner !== row.vhe_nummer) {
        problem(
          'verblijfsobject_id',
          `BAG-id ${row.verblijfsobject_id} hoort al bij vhe ${owner}; regel overgeslagen.`,
        );
        addSkipped(report, 'BAG-id al in gebruik');
        continue;
      }
      bagOwner.set(row.verblijfsobject_id, row.vhe_nummer);
    }
    vheSeen.add(row.vhe_nummer);

    let complex = complexIds.get(row.complexnummer);
    if (!complex) {
      complex = {
        id: await upsertComplex(tx, organisationId, row),
        name: row.complexnaam,
        gemeente: row.gemeente,
      };
      complexIds.set(row.complexnummer, complex);
      counts.complexes += 1;
    } else if (complex.name !== row.complexnaam || complex.gemeente !== row.gemeente) {
      problem(
        'complexnaam',
        `Complex ${row.complexnummer} heeft hier een andere naam of gemeente dan eerder in het bestand; de eerste telt.`,
      );
    }
    const pandKey = `${complex.id}|${row.pand_id}`;
    let pand = pandIds.get(pandKey);
    if (!pand) {
      pand = {
        id: await upsertPand(tx, organisationId, complex.id, row),
        bouwjaar: row.bouwjaar,
        storeys: row.bouwlagen,
      };
      pandIds.set(pandKey, pand);
      counts.panden += 1;
    } else if (pand.bouwjaar !== row.bouwjaar || pand.storeys !== row.bouwlagen) {
      problem(
        'bouwjaar',
        `Pand ${row.pand_id} heeft hier een ander bouwjaar of aantal bouwlagen dan eerder in het bestand; de eerste telt.`,
      );
    }
    batch.push({ pandId: pand.id, row });
    if (batch.length >= batchSize) await flush();
  }
  if (!columns) {
    throw new ImportFileError('Het bestand is leeg; er is niets geïmporteerd (the file is empty)');
  }
  await flush();
  options.onProgress?.(report.rowsRead);
  report.details.complexes = counts.complexes;
  report.details.panden = counts.panden;
  return report;
}

async function upsertComplex(tx: Queryable, organisationId: string, row: PortfolioRow) {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO complexes (id, organisation_id, complexnummer, name, gemeente)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id, complexnummer) DO UPDATE
       SET name = EXCLUDED.name, gemeente = EXCLUDED.gemeente, updated_at = now()
       WHERE (complexes.name, complexes.gemeente) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.gemeente)
     RETURNING id`,
    [uuidv7(), organisationId, row.complexnummer, row.complexnaam, row.gemeente],
  );
  return (
    result.rows[0]?.id ??
    (await selectId(tx, 'complexes', 'complexnummer', organisationId, row.complexnummer))
  );
}

async function upsertPand(
  tx: Queryable,
  organisationId: string,
  complexId: string,
  row: PortfolioRow,
) {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO panden (id, organisation_id, complex_id, bag_pand_id, bouwjaar, storeys)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organisation_id, complex_id, bag_pand_id) DO UPDATE
       SET bouwjaar = EXCLUDED.bouwjaar, storeys = EXCLUDED.storeys, updated_at = now()
       WHERE (panden.bouwjaar, panden.storeys) IS DISTINCT FROM (EXCLUDED.bouwjaar, EXCLUDED.storeys)
     RETURNING id`,
    [uuidv7(), organisationId, complexId, row.pand_id, row.bouwjaar, row.bouwlagen],
  );
  if (result.rows[0]) return result.rows[0].id;
  const found = await tx.query<{ id: string }>(
    'SELECT id FROM panden WHERE organisation_id = $1 AND complex_id = $2 AND bag_pand_id = $3',
    [organisationId, complexId, row.pand_id],
  );
  const id = found.rows[0]?.id;
  if (!id) throw new Error(`pand ${row.pand_id} not found after upsert`);
  return id;
}

async function selectId(
  tx: Queryable,
  table: 'complexes',
  column: 'complexnummer',
  organisationId: string,
  value: string,
): Promise<string> {
  const found = await tx.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE organisation_id = $1 AND ${column} = $2`,
    [organisationId, value],
  );
  const id = found.rows[0]?.id;
  if (!id) throw new Error(`${table} ${value} not found after upsert`);
  return id;
}

async function writeDwellings(
  tx: Queryable,
  organisationId: string,
  rows: readonly DwellingRow[],
): Promise<{ inserted: number; updated: number }> {
  const result = await tx.query<{ inserted: boolean }>(
    `INSERT INTO verblijfsobjecten (
       id, organisation_id, pand_id, vhe_nummer, bag_verblijfsobject_id, postcode, huisnummer,
       huisletter, toevoeging, woonplaats, woningtype, area_m2, floor, lift)
     SELECT u.id, $1, u.pand_id, u.vhe_nummer, u.bag_id, u.postcode, u.huisnummer, u.huisletter,
       u.toevoeging, u.woonplaats, u.woningtype, u.area_m2, u.floor, u.lift
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::bool[])
       AS u(id, pand_id, vhe_nummer, bag_id, postcode, huisnummer, huisletter, toevoeging,
         woonplaats, woningtype, area_m2, floor, lift)
     ON CONFLICT (organisation_id, vhe_nummer) DO UPDATE SET
       pand_id = EXCLUDED.pand_id, bag_verblijfsobject_id = EXCLUDED.bag_verblijfsobject_id,
       postcode = EXCLUDED.postcode, huisnummer = EXCLUDED.huisnummer,
       huisletter = EXCLUDED.huisletter, toevoeging = EXCLUDED.toevoeging,
       woonplaats = EXCLUDED.woonplaats, woningtype = EXCLUDED.woningtype,
       area_m2 = EXCLUDED.area_m2, floor = EXCLUDED.floor, lift = EXCLUDED.lift,
       updated_at = now()
     WHERE (verblijfsobjecten.pand_id, verblijfsobjecten.bag_verblijfsobject_id,
         verblijfsobjecten.postcode, verblijfsobjecten.huisnummer, verblijfsobjecten.huisletter,
         verblijfsobjecten.toevoeging, verblijfsobjecten.woonplaats, verblijfsobjecten.woningtype,
         verblijfsobjecten.area_m2, verblijfsobjecten.floor, verblijfsobjecten.lift)
       IS DISTINCT FROM (EXCLUDED.pand_id, EXCLUDED.bag_verblijfsobject_id, EXCLUDED.postcode,
         EXCLUDED.huisnummer, EXCLUDED.huisletter, EXCLUDED.toevoeging, EXCLUDED.woonplaats,
         EXCLUDED.woningtype, EXCLUDED.area_m2, EXCLUDED.floor, EXCLUDED.lift)
     RETURNING (xmax = 0) AS inserted`,
    [
      organisationId,
      rows.map(() => uuidv7()),
      rows.map((item) => item.pandId),
      rows.map((item) => item.row.vhe_nummer),
      rows.map((item) => item.row.verblijfsobject_id),
      rows.map((item) => item.row.postcode),
      rows.map((item) => item.row.huisnummer),
      rows.map((item) => item.row.huisletter),
      rows.map((item) => item.row.toevoeging),
      rows.map((item) => item.row.woonplaats),
      rows.map((item) => item.row.woningtype),
      rows.map((item) => item.row.gebruiksoppervlakte_m2),
      rows.map((item) => item.row.verdieping),
      rows.map((item) => item.row.lift),
    ],
  );
  const inserted = result.rows.filter((row) => row.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}
