// A small RFC 4180 style reader for the semicolon-separated files Dutch tools export
// (Excel with a Dutch locale, EP-online, corporation portfolio exports). Header-driven:
// columns are found by name, so their order and extra columns do not matter.

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

export interface CsvRecord {
  /** 1-based line in the file where the record starts, for error messages. */
  line: number;
  fields: string[];
}

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
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new CsvError(`Invalid delimiter ${JSON.stringify(delimiter)}`);
  }
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  // True once the current record has any content (a delimiter, a quote or a character), so a
  // blank line is skipped but a line of only delimiters is a record of empty fields.
  let recordStarted = false;
  let index = 0;

  const endRecord = () => {
    if (recordStarted) {
      fields.push(field);
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    recordStarted = false;
  };

  while (index < input.length) {
    const char = input[index];
    if (char === '"' && field === '') {
      // A quoted field: runs to the next lone quote; "" is a literal quote; may span lines.
      const quoteLine = line;
      recordStarted = true;
      index += 1;
      for (;;) {
        if (index >= input.length) {
          throw new CsvError(
            `Regel ${quoteLine}: aanhalingsteken wordt niet gesloten (line ${quoteLine}: unterminated quoted field)`,
          );
        }
        const inner = input[index];
        if (inner === '"') {
          if (input[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n' || (inner === '\r' && input[index + 1] !== '\n')) line += 1;
        field += inner;
        index += 1;
      }
      const next = input[index];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvError(
          `Regel ${line}: tekst na een afsluitend aanhalingsteken (line ${line}: text after a closing quote)`,
        );
      }
      continue;
    }
    if (char === delimiter) {
      recordStarted = true;
      fields.push(field);
      field = '';
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    recordStarted = true;
    field += char;
    index += 1;
  }
  endRecord();
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
