import { z } from 'zod';
import { CsvError, parseCsv, type CsvRow } from './csv.ts';

// Reads a corporation portfolio export (one row per verblijfsobject, semicolon separated,
// columns as in portfolio-demo.csv) into the complex -> pand -> verblijfsobject tree.

export interface PortfolioVerblijfsobject {
  vheNummer: string;
  bagVerblijfsobjectId: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  woonplaats: string | null;
  woningtype: string | null;
  areaM2: number | null;
  floor: number | null;
  lift: boolean | null;
}

export interface PortfolioPand {
  bagPandId: string;
  bouwjaar: number | null;
  storeys: number | null;
  verblijfsobjecten: PortfolioVerblijfsobject[];
}

export interface PortfolioComplex {
  complexnummer: string;
  name: string;
  gemeente: string | null;
  panden: PortfolioPand[];
}

export const REQUIRED_COLUMNS = ['complexnummer', 'complexnaam', 'pand_id', 'vhe_nummer'] as const;

const text = z.string().transform((value) => value.trim());
const optionalText = text.transform((value) => (value === '' ? null : value));
const requiredText = (what: string) => text.pipe(z.string().min(1, { error: `${what} ontbreekt` }));

const optionalInteger = (what: string, min: number, max: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^-?\d+$/, { error: `${what} moet een geheel getal zijn` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `${what} moet tussen ${min} en ${max} liggen` })
          .max(max, { error: `${what} moet tussen ${min} en ${max} liggen` }),
      )
      .nullable(),
  );

const bagId = (objecttype: '01' | '10', what: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(new RegExp(`^\\d{4}${objecttype}\\d{10}$`), {
        error: `${what} moet 16 cijfers zijn met objecttype ${objecttype} op positie 5-6`,
      })
      .nullable(),
  );

const postcode = optionalText.pipe(
  z
    .string()
    .transform((value) => value.toUpperCase().replace(/\s+/g, ''))
    .pipe(
      z.string().regex(/^[1-9]\d{3}[A-Z]{2}$/, { error: 'postcode moet de vorm 1234 AB hebben' }),
    )
    .transform((value) => `${value.slice(0, 4)} ${value.slice(4)}`)
    .nullable(),
);

const yesNo = optionalText.pipe(
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['ja', 'nee'], { error: 'lift moet ja of nee zijn' }))
    .transform((value) => value === 'ja')
    .nullable(),
);

export const RowSchema = z.object({
  complexnummer: requiredText('complexnummer'),
  complexnaam: requiredText('complexnaam'),
  gemeente: optionalText,
  pand_id: bagId('10', 'pand_id').pipe(z.string({ error: 'pand_id ontbreekt' })),
  bouwjaar: optionalInteger('bouwjaar', 1000, 2200),
  bouwlagen: optionalInteger('bouwlagen', 1, 200),
  vhe_nummer: requiredText('vhe_nummer'),
  verblijfsobject_id: bagId('01', 'verblijfsobject_id'),
  postcode,
  huisnummer: optionalInteger('huisnummer', 1, 99999),
  huisletter: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z]$/, { error: 'huisletter moet één letter zijn' })
      .nullable(),
  ),
  toevoeging: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]{1,4}$/, { error: 'toevoeging moet 1 tot 4 letters of cijfers zijn' })
      .nullable(),
  ),
  woonplaats: optionalText,
  woningtype: optionalText,
  gebruiksoppervlakte_m2: optionalInteger('gebruiksoppervlakte_m2', 1, 100_000),
  verdieping: optionalInteger('verdieping', -5, 200),
  lift: yesNo,
});

type Row = z.infer<typeof RowSchema>;

function parseRow(row: CsvRow): Row {
  // Optional columns may be absent from the file altogether; they read as empty.
  const result = RowSchema.safeParse(
    Object.fromEntries(Object.keys(RowSchema.shape).map((key) => [key, row.values[key] ?? ''])),
  );
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.message}`).join('; ');
    throw new CsvError(`Regel ${row.line}: ${problems} (line ${row.line}: invalid row)`);
  }
  return result.data;
}

/** Parses the portfolio CSV; throws CsvError naming the line of the first problem. */
export function parsePortfolioCsv(csvText: string): PortfolioComplex[] {
  const table = parseCsv(csvText);
  const missing = REQUIRED_COLUMNS.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw new CsvError(
      `Kolommen ontbreken: ${missing.join(', ')} (missing columns: ${missing.join(', ')})`,
    );
  }

  const complexes = new Map<string, PortfolioComplex>();
  const panden = new Map<string, PortfolioPand>();
  const vheNummers = new Set<string>();
  const bagVerblijfsobjectIds = new Set<string>();

  for (const csvRow of table.rows) {
    const row = parseRow(csvRow);
    const fail = (message: string): never => {
      throw new CsvError(`Regel ${csvRow.line}: ${message}`);
    };

    let complex = complexes.get(row.complexnummer);
    if (!complex) {
      complex = {
        complexnummer: row.complexnummer,
        name: row.complexnaam,
        gemeente: row.gemeente,
        panden: [],
      };
      complexes.set(row.complexnummer, complex);
    } else if (complex.name !== row.complexnaam || complex.gemeente !== row.gemeente) {
      fail(
        `complex ${row.complexnummer} heeft hier een andere naam of gemeente dan eerder in het bestand ` +
          `(complex ${row.complexnummer} has a different name or gemeente than before)`,
      );
    }

    const pandKey = `${row.complexnummer}\u0000${row.pand_id}`;
    let pand = panden.get(pandKey);
    if (!pand) {
      pand = {
        bagPandId: row.pand_id,
        bouwjaar: row.bouwjaar,
        storeys: row.bouwlagen,
        verblijfsobjecten: [],
      };
      panden.set(pandKey, pand);
      complex.panden.push(pand);
    } else if (pand.bouwjaar !== row.bouwjaar || pand.storeys !== row.bouwlagen) {
      fail(
        `pand ${row.pand_id} heeft hier een ander bouwjaar of aantal bouwlagen dan eerder in het bestand ` +
          `(pand ${row.pand_id} has a different bouwjaar or bouwlagen than before)`,
      );
    }

    if (vheNummers.has(row.vhe_nummer)) {
      fail(`vhe_nummer ${row.vhe_nummer} komt dubbel voor (duplicate vhe_nummer)`);
    }
    vheNummers.add(row.vhe_nummer);
    if (row.verblijfsobject_id !== null) {
      if (bagVerblijfsobjectIds.has(row.verblijfsobject_id)) {
        fail(
          `verblijfsobject_id ${row.verblijfsobject_id} komt dubbel voor (duplicate verblijfsobject_id)`,
        );
      }
      bagVerblijfsobjectIds.add(row.verblijfsobject_id);
    }

    pand.verblijfsobjecten.push({
      vheNummer: row.vhe_nummer,
      bagVerblijfsobjectId: row.verblijfsobject_id,
      postcode: row.postcode,
      huisnummer: row.huisnummer,
      huisletter: row.huisletter,
      toevoeging: row.toevoeging,
      woonplaats: row.woonplaats,
      woningtype: row.woningtype,
      areaM2: row.gebruiksoppervlakte_m2,
      floor: row.verdieping,
      lift: row.lift,
    });
  }
  return [...complexes.values()];
}
