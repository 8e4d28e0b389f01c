// What every importer hands back: counters, and the first row-level problems (Dutch messages,
// row = line number in the file) so an operator can fix the source file.

export const MAX_LISTED = 100;

export interface RowProblem {
  /** 1-based line in the file where the row starts. */
  row: number;
  /** The file's column name, or null when the row as a whole is at fault. */
  column: string | null;
  message: string;
}

export interface ImportReport {
  kind: 'portfolio' | 'ep-online';
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
