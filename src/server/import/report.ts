// What every importer hands back: counters, and the first row-level problems (Dutch messages,
// row = line number in the file) so an operator can fix the source file.
import { textProblem } from '../../shared/text-safety.ts';

export const MAX_LISTED = 100;

export interface RowProblem {
  /** 1-based line in the file where the row starts (for BAG JSON: the feature's number). */
  row: number;
  /** The file's column name, or null when the row as a whole is at fault. */
  column: string | null;
  message: string;
}

export type ImportKind = 'portfolio' | 'ep-online' | 'bag';

export interface ImportReport {
  kind: ImportKind;
  rowsRead: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
  unmatched: number;
  problemCount: number;
  /** The first MAX_LISTED problems. */
  problems: RowProblem[];
  /** The first MAX_LISTED unmatched rows. */
  unmatchedRows: RowProblem[];
  /** Extra facts of the file or the result (publication date, dwellings whose label changed). */
  details: Record<string, string | number>;
}

export function emptyReport(kind: ImportReport['kind']): ImportReport {
  return {
    kind,
    rowsRead: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    unmatched: 0,
    problemCount: 0,
    problems: [],
    unmatchedRows: [],
    details: {},
  };
}

export function addProblem(report: ImportReport, problem: RowProblem): void {
  report.problemCount += 1;
  if (report.problems.length < MAX_LISTED) report.problems.push(problem);
}

export function addSkipped(report: ImportReport, reason: string, count = 1): void {
  report.skipped[reason] = (report.skipped[reason] ?? 0) + count;
}

/** A fatal problem with the file as a whole (missing columns, wrong encoding): nothing is imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/** Header positions by trimmed, lowercase name; the first of two equal headers wins. */
export function headerColumns(fields: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  fields.forEach((name, position) => {
    const key = name.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, position);
  });
  return columns;
}

/** Missing required columns make the whole file unusable: throw before anything is written. */
export function requireColumns(
  columns: ReadonlyMap<string, number>,
  required: readonly string[],
  headerLine?: number,
): void {
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length === 0) return;
  const where = headerLine === undefined ? '' : ` (regel ${headerLine})`;
  throw new ImportFileError(
    `Kolommen ontbreken in de kopregel${where}: ${missing.join(', ')}; ` +
      `er is niets geïmporteerd (missing columns, nothing imported)`,
  );
}

/**
 * A row with another number of fields than the header cannot be read reliably, and one with a
 * NUL or other unstorable character cannot be written (the store would fail the whole import):
 * either is reported and skipped. Returns whether the row may be used.
 */
export function hasHeaderWidth(
  report: ImportReport,
  record: { line: number; fields: readonly string[] },
  headerLength: number,
  skipReason: string,
): boolean {
  const unstorable = record.fields.map(textProblem).find((problem) => problem !== undefined);
  if (record.fields.length === headerLength && unstorable === undefined) return true;
  addProblem(report, {
    row: record.line,
    column: null,
    message:
      record.fields.length === headerLength
        ? `${unstorable} De regel is overgeslagen.`
        : `De regel heeft ${record.fields.length} velden, de kopregel ${headerLength}.`,
  });
  addSkipped(report, skipReason);
  return false;
}

/** Adds one written batch to the counts: rows inserted, updated, or left as they were. */
export function countWritten(
  report: ImportReport,
  batchSize: number,
  written: { inserted: number; updated: number },
): void {
  report.imported += written.inserted;
  report.updated += written.updated;
  report.unchanged += batchSize - written.inserted - written.updated;
}
