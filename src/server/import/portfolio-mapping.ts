import { REQUIRED_COLUMNS } from '../demo/portfolio-csv.ts';
import { CsvError, readCsvRecords } from './csv-stream.ts';
import { PORTFOLIO_FIELDS, type ColumnMapping } from './portfolio.ts';
import { ImportFileError } from './report.ts';

// The mapping step of a portfolio import: read the header of the file's first bytes and suggest
// which of its columns holds each of our fields, so an export with other headers ("VHE nr",
// "BAG VBO-id") can be imported after the beheerder confirms or corrects the suggestion.

/** Other names exports commonly use, compared after normalising (lowercase, letters/digits). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  complexnummer: ['complex', 'complexnr', 'complexcode', 'complexid'],
  complexnaam: ['complexomschrijving', 'naamcomplex'],
  gemeente: ['gemeentenaam'],
  pand_id: ['bagpandid', 'pandid', 'bagpand', 'pandidentificatie'],
  bouwjaar: ['oorspronkelijkbouwjaar', 'jaarbouw'],
  bouwlagen: ['aantalbouwlagen', 'verdiepingen', 'aantalverdiepingen'],
  vhe_nummer: ['vhe', 'vhenr', 'vhenummer', 'eenheidnummer', 'eenheidnr', 'verhuureenheid'],
  verblijfsobject_id: [
    'bagverblijfsobjectid',
    'bagvboid',
    'vboid',
    'verblijfsobjectidentificatie',
    'adresseerbaarobjectid',
  ],
  postcode: ['pc'],
  huisnummer: ['huisnr', 'nummer'],
  huisletter: ['letter'],
  toevoeging: ['huisnummertoevoeging', 'huisnrtoevoeging', 'toev'],
  woonplaats: ['plaats', 'woonplaatsnaam'],
  woningtype: ['type', 'typewoning', 'woningsoort'],
  gebruiksoppervlakte_m2: ['gebruiksoppervlakte', 'oppervlakte', 'gbo', 'm2', 'vloeroppervlakte'],
  verdieping: ['etage', 'bouwlaag'],
  lift: ['liftaanwezig', 'metlift'],
};

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface PortfolioPreview {
  /** The file's headers, as written. */
  columns: string[];
  /** Our field -> the suggested header, or null when no header fits. */
  suggested: Record<string, string | null>;
  fields: { name: string; required: boolean }[];
}

/** Suggests a header per field: the same name first, then a known synonym. */
export function suggestMapping(columns: readonly string[]): Record<string, string | null> {
  const byNormalised = new Map<string, string>();
  for (const column of columns) {
    const key = normalise(column);
    if (key !== '' && !byNormalised.has(key)) byNormalised.set(key, column);
  }
  const taken = new Set<string>();
  const suggested: Record<string, string | null> = {};
  for (const field of PORTFOLIO_FIELDS) {
    const candidates = [field, ...(SYNONYMS[field] ?? [])].map(normalise);
    const found = candidates
      .map((candidate) => byNormalised.get(candidate))
      .find((column) => column !== undefined && !taken.has(column));
    suggested[field] = found ?? null;
    if (found) taken.add(found);
  }
  return suggested;
}

/** The mapping the importer takes: only fields whose header differs from the field's name. */
export function toColumnMapping(chosen: Record<string, string | null>): ColumnMapping {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(chosen)) {
    if (column !== null && column.trim().toLowerCase() !== field) mapping[field] = column;
  }
  return mapping as ColumnMapping;
}

/** Reads the header of the first bytes of a portfolio file (the rest may be cut anywhere). */
export async function previewPortfolio(head: Uint8Array): Promise<PortfolioPreview> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    // The last character may be cut in half by the client's slice: retry without it.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, -3));
    } catch {
      throw new ImportFileError(
        'Het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8 (CSV UTF-8) en probeer opnieuw ' +
          '(the file is not valid UTF-8)',
      );
    }
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let columns: string[] = [];
  try {
    for await (const record of readCsvRecords(once(firstLine))) {
      columns = record.fields.map((field) => field.trim());
      break;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ImportFileError(`De kopregel is onleesbaar: ${error.message}`);
  }
  if (columns.filter((column) => column !== '').length < 2) {
    throw new ImportFileError(
      'Geen kopregel met kolommen gescheiden door puntkomma’s gevonden; er is niets geïmporteerd ' +
        '(no semicolon-separated header found)',
    );
  }
  return {
    columns,
    suggested: suggestMapping(columns),
    fields: PORTFOLIO_FIELDS.map((name) => ({
      name,
      required: (REQUIRED_COLUMNS as readonly string[]).includes(name),
    })),
  };
}
