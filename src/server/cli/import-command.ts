import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config.ts';
import { DataDirError } from '../data-dir.ts';
import { applyDemoPolicy } from '../demo/demo-policy.ts';
import { CsvError } from '../import/csv-stream.ts';
import { IMPORT_KINDS, importWork } from '../import/import-kinds.ts';
import { ImportInputError } from '../import/input.ts';
import { loadColumnMapping } from '../import/portfolio.ts';
import { ImportFileError, type ImportKind, type ImportReport } from '../import/report.ts';
import { failInterruptedRuns, ImportRunningError, recordImportRun } from '../import/runs.ts';
import { migrate } from '../store/migrate.ts';
import { openCliStore, targetOrganisation, type CliStore } from './cli-store.ts';

// `npm run import -- <portfolio|ep-online|bag> <file> [--org <id or slug>] [--mapping <json>]`
// Uses the server's store configuration (SCHOUW_DATA_DIR or DATABASE_URL), migrates and seeds
// exactly as the server does on start, and imports into the demo organisation by default (and
// refuses without --org when there is none).

export const USAGE =
  'Gebruik (usage): npm run import -- <portfolio|ep-online|bag> <bestand.csv|.zip|.json> ' +
  '[--org <id of slug>] [--mapping <kolommen.json>]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ImportArgs {
  kind: ImportKind;
  file: string;
  org: string | undefined;
  mapping: string | undefined;
}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { org: { type: 'string' }, mapping: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  const [kind, file, ...rest] = parsed.positionals;
  const known = IMPORT_KINDS.find((candidate) => candidate === kind);
  if (!known || !file || rest.length > 0) throw new UsageError(USAGE);
  if (parsed.values.mapping !== undefined && kind !== 'portfolio') {
    throw new UsageError('--mapping geldt alleen voor portfolio (only for portfolio imports)');
  }
  return {
    kind: known,
    file: path.resolve(file),
    org: parsed.values.org,
    mapping: parsed.values.mapping,
  };
}

export function formatReport(report: ImportReport): string[] {
  const lines = [
    `Import ${report.kind}: ${report.rowsRead} regels gelezen (rows read)`,
    `  nieuw (imported): ${report.imported}`,
    `  bijgewerkt (updated): ${report.updated}`,
    `  ongewijzigd (unchanged): ${report.unchanged}`,
  ];
  for (const [reason, count] of Object.entries(report.skipped)) {
    lines.push(`  overgeslagen (skipped), ${reason}: ${count}`);
  }
  lines.push(`  niet gevonden (unmatched): ${report.unmatched}`);
  lines.push(`  problemen (problems): ${report.problemCount}`);
  for (const [key, value] of Object.entries(report.details)) lines.push(`  ${key}: ${value}`);
  // A BAG response has objects (features) where a CSV file has lines.
  const unit = report.kind === 'bag' ? 'object' : 'regel';
  for (const problem of report.problems) {
    lines.push(
      `  ${unit} ${problem.row}${problem.column ? `, kolom ${problem.column}` : ''}: ${problem.message}`,
    );
  }
  if (report.problemCount > report.problems.length) {
    lines.push(`  … en nog ${report.problemCount - report.problems.length} problemen`);
  }
  for (const row of report.unmatchedRows) lines.push(`  ${unit} ${row.row}: ${row.message}`);
  if (report.unmatched > report.unmatchedRows.length) {
    lines.push(`  … en nog ${report.unmatched - report.unmatchedRows.length} niet gevonden`);
  }
  return lines;
}

/** Errors whose message is all the operator needs (no stack trace). */
export function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    error instanceof ImportFileError ||
    error instanceof ImportInputError ||
    error instanceof CsvError ||
    error instanceof ImportRunningError ||
    (error instanceof Error && error.message.startsWith('Organisatie '))
  );
}

export interface CommandIo {
  out: (line: string) => void;
  progress: (line: string) => void;
}

export async function runImportCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<ImportReport> {
  const args = parseImportArgs(argv);
  const config = parseConfig(env);
  const mapping = args.mapping === undefined ? undefined : loadColumnMapping(args.mapping);
  let opened: CliStore | undefined;
  try {
    opened = await openCliStore(config);
    const { store } = opened;
    await migrate(store);
    await failInterruptedRuns(store);
    await applyDemoPolicy(
      store,
      { setting: config.demo, newEmbeddedStore: opened.newEmbeddedStore },
      { withLabels: false },
    );
    const organisation = await targetOrganisation(store, args.org);
    io.progress(`Importeren in ${organisation.name} (${organisation.slug}) uit ${args.file}…`);
    const onProgress = (rows: number) => io.progress(`  ${rows} regels gelezen (rows read)`);
    const report = await recordImportRun(
      store,
      args.kind,
      organisation.id,
      args.file,
      importWork(args.kind, args.file, {
        organisationId: organisation.id,
        ...(mapping ? { mapping } : {}),
        onProgress,
      }),
    );
    for (const line of formatReport(report)) io.out(line);
    return report;
  } finally {
    await opened?.close();
  }
}
