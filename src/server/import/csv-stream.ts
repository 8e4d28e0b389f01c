// The streaming core of the semicolon-CSV reader: fed text in chunks of any size (a record, a
// quoted field or a CRLF may straddle two chunks), it hands out complete records, so a
// multi-gigabyte EP-online file never has to be in memory. demo/csv.ts parses whole strings
// with this same tokenizer, so both share one set of rules and messages.

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

export interface CsvRecord {
  /** 1-based line in the file where the record starts, for error messages. */
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvTokenizer {
  private readonly delimiterCode: number;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Saw a quote inside a quoted field: the next character decides ("" or the closing quote). */
  private quotePending = false;
  /** A quoted field closed: only a delimiter or a line end may follow. */
  private afterQuote = false;
  /** Saw CR at the end of a chunk: a following LF belongs to the same line end. */
  private crPending = false;
  /** The same inside a quoted field, where the line end is part of the value. */
  private quotedCrPending = false;
  private recordStarted = false;
  private started = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    delimiter = ';',
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new CsvError(`Invalid delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  push(chunk: string): void {
    const length = chunk.length;
    let index = 0;
    if (!this.started && length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) index = 1;
    }
    while (index < length) {
      if (this.crPending) {
        this.crPending = false;
        if (chunk.charCodeAt(index) === LF) {
          index += 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (chunk.charCodeAt(index) === QUOTE) {
            this.field += '"';
            index += 1;
            continue;
          }
          this.inQuotes = false;
          this.afterQuote = true;
          continue;
        }
        if (this.quotedCrPending) {
          this.quotedCrPending = false;
          if (chunk.charCodeAt(index) !== LF) this.line += 1;
        }
        const quote = chunk.indexOf('"', index);
        const end = quote === -1 ? length : quote;
        const piece = chunk.slice(index, end);
        this.field += piece;
        this.line += countLineEnds(piece);
        // A CR that ends the chunk may be the first half of a CRLF: count it once we know.
        if (quote === -1 && piece.endsWith('\r')) {
          this.line -= 1;
          this.quotedCrPending = true;
        }
        if (quote === -1) {
          index = length;
        } else {
          this.quotePending = true;
          index = quote + 1;
        }
        continue;
      }
      const code = chunk.charCodeAt(index);
      const delimiter = this.delimiterCode;
      if (this.afterQuote) {
        if (code !== delimiter && code !== LF && code !== CR) {
          throw new CsvError(
            `Regel ${this.line}: tekst na een afsluitend aanhalingsteken (line ${this.line}: text after a closing quote)`,
          );
        }
        this.afterQuote = false;
      }
      if (code === QUOTE && this.field === '') {
        this.inQuotes = true;
        this.quoteLine = this.line;
        this.recordStarted = true;
        index += 1;
        continue;
      }
      let stop = index;
      while (stop < length) {
        const next = chunk.charCodeAt(stop);
        if (next === delimiter || next === LF || next === CR) break;
        stop += 1;
      }
      if (stop > index) {
        this.field += chunk.slice(index, stop);
        this.recordStarted = true;
      }
      if (stop === length) break;
      const stopCode = chunk.charCodeAt(stop);
      index = stop + 1;
      if (stopCode === delimiter) {
        this.recordStarted = true;
        this.fields.push(this.field);
        this.field = '';
        continue;
      }
      this.endRecord();
      this.line += 1;
      this.recordLine = this.line;
      if (stopCode === CR) {
        if (index < length) {
          if (chunk.charCodeAt(index) === LF) index += 1;
        } else {
          this.crPending = true;
        }
      }
    }
  }

  /** Ends the input: emits the last record; throws when a quoted field is still open. */
  end(): void {
    if (this.inQuotes && !this.quotePending) {
      throw new CsvError(
        `Regel ${this.quoteLine}: aanhalingsteken wordt niet gesloten (line ${this.quoteLine}: unterminated quoted field)`,
      );
    }
    this.inQuotes = false;
    this.quotePending = false;
    this.afterQuote = false;
    this.endRecord();
  }

  private endRecord(): void {
    // A blank line is skipped; a line of only delimiters is a record of empty fields.
    if (this.recordStarted) {
      this.fields.push(this.field);
      this.onRecord({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.recordStarted = false;
  }
}

function countLineEnds(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    count += 1;
  }
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== LF) count += 1;
  }
  return count;
}

/** Reads records from text chunks (e.g. a decoded file stream), a chunk's worth at a time. */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  delimiter = ';',
): AsyncGenerator<CsvRecord> {
  let pending: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer((record) => pending.push(record), delimiter);
  for await (const chunk of chunks) {
    tokenizer.push(chunk);
    if (pending.length > 0) {
      const ready = pending;
      pending = [];
      yield* ready;
    }
  }
  tokenizer.end();
  yield* pending;
}
