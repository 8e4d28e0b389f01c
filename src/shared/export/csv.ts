// CSV for Dutch Excel: what a corporation's staff double-click must open with every column in
// its own cell, accents intact, numbers as numbers and identifiers unharmed. Every list download
// (app workspaces, server API, command line) writes through this one module.
//
// Choices, and why:
// - Semicolon separator: Excel with a Dutch locale splits on the list separator ';' (the comma is
//   the decimal sign), as EP-online and Dutch corporation exports do.
// - UTF-8 with a byte order mark: without the BOM Excel reads the file as Windows-1252 and
//   'Café' becomes 'CafÃ©'. CRLF line ends, as RFC 4180 and Excel write them.
// - Numbers with a decimal comma and no thousands separator ("1,45", "-12,5", "1234"): Dutch
//   Excel reads those as numbers; a point would make "1.450" one thousand four hundred fifty.
// - Dates as ISO 8601 JJJJ-MM-DD: Dutch Excel recognises them as dates, they cannot be misread as
//   month-first by an English Excel (unlike 03-04-2026), they sort as text, and the project's own
//   importers (parseEpDate) read them back. dd-mm-jjjj would only be unambiguous in Dutch Excel.
// - Identifiers made only of digits (BAG ids, "0599010000001001") are written as ="0599…": opened
//   by double-click, Excel would turn them into numbers, dropping the leading zero and, beyond 15
//   digits, rounding the last digit (a different dwelling). The formula shows the exact text. The
//   plain variant (idStyle 'plain') is for files that go back into an importer.
// - Formula injection (OWASP "CSV injection"): a text cell starting with = + - @, a tab or a CR
//   could run as a formula in Excel. Such cells get a leading apostrophe, which makes Excel treat
//   the cell as text; the apostrophe stays visible when the file is opened as CSV. To keep this
//   reversible, a text that already starts with apostrophes followed by one of those characters
//   gets one more; decodeCsvCell removes exactly one.
// - Quoting: a cell is quoted when it contains ';', '"', CR or LF, or starts or ends with a space;
//   quotes inside are doubled. Line breaks inside a cell are kept (Excel shows them in the cell).
import { dutchDateOf } from '../domain/iso-date.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_DELIMITER = ';';
export const CSV_LINE_END = '\r\n';
export const CSV_MIME = 'text/csv;charset=utf-8';

export type CsvColumnKind = 'text' | 'id' | 'number' | 'integer' | 'date' | 'boolean';

/** The value a column reads from a row, per kind (null and undefined give an empty cell). */
export interface CsvValueByKind {
  text: string;
  id: string;
  number: number;
  integer: number;
  date: string;
  boolean: boolean;
}

export interface CsvColumn<Row, Kind extends CsvColumnKind = CsvColumnKind> {
  header: string;
  kind: Kind;
  value: (row: Row) => CsvValueByKind[Kind] | null | undefined;
  /** For number columns: round to this many decimals (otherwise as many as needed). */
  decimals?: number;
}

/** Any column of a row type, whatever its kind (for lists of mixed columns). */
export type AnyCsvColumn<Row> = {
  [Kind in CsvColumnKind]: CsvColumn<Row, Kind>;
}[CsvColumnKind];

export interface CsvOptions {
  /** 'excel' (default) protects digit-only ids as ="…"; 'plain' writes them as they are. */
  idStyle?: 'excel' | 'plain';
}

/**
 * Column builders for one row type, so each getter is checked against its kind:
 * `const col = csvColumns<EfgRow>(); [col.id('BAG verblijfsobject-id', (r) => r.bagId), …]`.
 */
export function csvColumns<Row>() {
  const make =
    <Kind extends CsvColumnKind>(kind: Kind) =>
    (header: string, value: CsvColumn<Row, Kind>['value']): CsvColumn<Row, Kind> => ({
      header,
      kind,
      value,
    });
  return {
    text: make('text'),
    id: make('id'),
    integer: make('integer'),
    date: make('date'),
    boolean: make('boolean'),
    number: (
      header: string,
      value: CsvColumn<Row, 'number'>['value'],
      decimals?: number,
    ): CsvColumn<Row, 'number'> =>
      decimals === undefined
        ? { header, kind: 'number', value }
        : { header, kind: 'number', value, decimals },
  };
}

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^ | $/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d+$/;

/** A number with a decimal comma, no grouping and never in exponent notation. */
export function formatDutchNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  // String() gives the shortest text that reads back as the same number.
  let text = decimals === undefined ? String(value) : value.toFixed(decimals);
  if (text.includes('e')) {
    text =
      Math.abs(value) >= 1
        ? BigInt(Math.round(value)).toString()
        : value.toFixed(20).replace(/\.?0+$/, '');
  }
  // "-0" after rounding reads oddly in a spreadsheet.
  if (/^-0(?:\.0*)?$/.test(text)) text = text.slice(1);
  return text.replace('.', ',');
}

function protectText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One cell as written in the file (quoted when needed), from a column and a row. */
export function formatCsvCell<Row>(
  column: AnyCsvColumn<Row>,
  row: Row,
  options: CsvOptions = {},
): string {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row);
      return value === null || value === undefined ? '' : quote(protectText(value));
    }
    case 'id': {
      const value = column.value(row);
      if (value === null || value === undefined) return '';
      if (DIGITS.test(value) && options.idStyle !== 'plain') return quote(`="${value}"`);
      return quote(protectText(value));
    }
    case 'number': {
      const value = column.value(row);
      return value === null || value === undefined ? '' : formatDutchNumber(value, column.decimals);
    }
    case 'integer': {
      const value = column.value(row);
      return value === null || value === undefined ? '' : formatDutchNumber(Math.round(value));
    }
    case 'date': {
      const value = column.value(row);
      if (value === null || value === undefined) return '';
      // Timestamps are turned into a Dutch calendar day by the caller (dutchDay).
      if (!ISO_DATE.test(value))
        throw new RangeError(`Geen datum (JJJJ-MM-DD) voor kolom ${column.header}: ${value}`);
      return value;
    }
    case 'boolean': {
      const value = column.value(row);
      return value === null || value === undefined ? '' : value ? 'ja' : 'nee';
    }
  }
}

/** The header line and the row lines (each ending in CRLF), without the BOM. */
export function csvHeaderLine<Row>(columns: readonly AnyCsvColumn<Row>[]): string {
  return (
    columns.map((column) => quote(protectText(column.header))).join(CSV_DELIMITER) + CSV_LINE_END
  );
}

export function csvRowLine<Row>(
  columns: readonly AnyCsvColumn<Row>[],
  row: Row,
  options: CsvOptions = {},
): string {
  return (
    columns.map((column) => formatCsvCell(column, row, options)).join(CSV_DELIMITER) + CSV_LINE_END
  );
}

/**
 * The file in pieces of about `linesPerChunk` lines, BOM first: for streaming a long list
 * without building one large string.
 */
export function* csvChunks<Row>(
  columns: readonly AnyCsvColumn<Row>[],
  rows: Iterable<Row>,
  options: CsvOptions & { linesPerChunk?: number } = {},
): Generator<string> {
  const perChunk = options.linesPerChunk ?? 1000;
  let chunk = CSV_BOM + csvHeaderLine(columns);
  let lines = 1;
  for (const row of rows) {
    chunk += csvRowLine(columns, row, options);
    lines += 1;
    if (lines >= perChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/** The whole CSV file as text, starting with the UTF-8 BOM (a Blob of it encodes as UTF-8). */
export function toCsv<Row>(
  columns: readonly AnyCsvColumn<Row>[],
  rows: Iterable<Row>,
  options: CsvOptions = {},
): string {
  let text = '';
  for (const chunk of csvChunks(columns, rows, options)) text += chunk;
  return text;
}

export type CsvDecoded = string | number | boolean | null;

/**
 * Reverses formatCsvCell for one field as a CSV reader hands it out (quotes already removed):
 * strips the injection apostrophe and the ="…" id wrapper, reads decimal commas, ja/nee.
 * Returns null for an empty cell; throws RangeError for a cell that is not of the kind.
 */
export function decodeCsvCell(kind: CsvColumnKind, field: string): CsvDecoded {
  if (field === '') return null;
  switch (kind) {
    case 'text':
      return FORMULA_START.test(field) && field.startsWith("'") ? field.slice(1) : field;
    case 'id': {
      const wrapped = /^="(\d+)"$/.exec(field);
      if (wrapped) return wrapped[1] ?? '';
      return FORMULA_START.test(field) && field.startsWith("'") ? field.slice(1) : field;
    }
    case 'number':
    case 'integer': {
      if (!/^-?\d+(?:,\d+)?$/.test(field)) throw new RangeError(`Geen getal: ${field}`);
      return Number(field.replace(',', '.'));
    }
    case 'date':
      if (!ISO_DATE.test(field)) throw new RangeError(`Geen datum (JJJJ-MM-DD): ${field}`);
      return field;
    case 'boolean':
      if (field !== 'ja' && field !== 'nee') throw new RangeError(`Geen ja/nee: ${field}`);
      return field === 'ja';
  }
}

/** The calendar day in the Netherlands of an instant (ISO timestamp or Date), as JJJJ-MM-DD. */
export function dutchDay(instant: string | Date): string {
  return dutchDateOf(instant);
}
