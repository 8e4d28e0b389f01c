// A small RFC 4180 style reader for the semicolon-separated files Dutch tools export
// (Excel with a Dutch locale, EP-online, corporation portfolio exports). Header-driven:
// columns are found by name, so their order and extra columns do not matter.

import { CsvError, CsvTokenizer, type CsvRecord } from '../import/csv-stream.ts';

export { CsvError, type CsvRecord };

export interface CsvRow {
  line: number;
  /** Values by lowercased, trimmed header name. */
  values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Splits text into records of fields. Accepts a UTF-8 BOM and LF, CRLF or CR line ends; skips blank lines. */
export function parseCsvRecords(text: string, delimiter = ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer((record) => records.push(record), delimiter);
  tokenizer.push(text);
  tokenizer.end();
  return records;
}

/**
 * Parses a CSV file whose first record is the header. Every row must have as many fields as
 * the header; header names are trimmed and lowercased and must be unique.
 */
export function parseCsv(text: string, delimiter = ';'): CsvTable {
  const [headerRecord, ...records] = parseCsvRecords(text, delimiter);
  if (!headerRecord) throw new CsvError('Het bestand is leeg (the file is empty)');
  const header = headerRecord.fields.map((name) => name.trim().toLowerCase());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') {
      throw new CsvError(
        `Regel ${headerRecord.line}: kolom zonder naam in de kopregel (empty column name in the header)`,
      );
    }
    if (seen.has(name)) {
      throw new CsvError(
        `Regel ${headerRecord.line}: kolom "${name}" komt twee keer voor (duplicate column "${name}")`,
      );
    }
    seen.add(name);
  }
  const rows = records.map((record): CsvRow => {
    if (record.fields.length !== header.length) {
      throw new CsvError(
        `Regel ${record.line}: ${record.fields.length} velden, verwacht ${header.length} ` +
          `(line ${record.line}: ${record.fields.length} fields, expected ${header.length})`,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      values[name] = record.fields[column] ?? '';
    });
    return { line: record.line, values };
  });
  return { header, rows };
}
