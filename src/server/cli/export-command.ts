import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { dutchDay } from '../../shared/export/index.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { DataDirError } from '../data-dir.ts';
import { applyDemoPolicy } from '../demo/demo-policy.ts';
import {
  ExportFormatSchema,
  ExportKindSchema,
  ExportRequestError,
  exportFormats,
  exportKinds,
  resolveFormat,
  runExport,
  type ExportFormat,
  type ExportKind,
} from '../export/export-kinds.ts';
import { migrate } from '../store/migrate.ts';
import { openCliStore, targetOrganisation } from './cli-store.ts';

// `npm run export -- <kind> [--format csv|json|geojson] [--org <id or slug>] [--out <file>]
// [--plain-ids]`. Same store configuration as the server (SCHOUW_DATA_DIR or DATABASE_URL);
// the file goes to stdout unless --out is given, the summary to stderr, so
// `npm run -s export -- efg > efg.csv` gives a clean file.

export const EXPORT_USAGE =
  `Gebruik (usage): npm run export -- <${exportKinds.join('|')}> ` +
  '[--format csv|json|geojson] [--org <id of slug>] [--out <bestand>] [--plain-ids]';

export class ExportUsageError extends Error {
  override readonly name = 'ExportUsageError';
}

export interface ExportArgs {
  kind: ExportKind;
  format: ExportFormat;
  org: string | undefined;
  out: string | undefined;
  plainIds: boolean;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        org: { type: 'string' },
        out: { type: 'string' },
        'plain-ids': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ExportUsageError(`${(error as Error).message}. ${EXPORT_USAGE}`);
  }
  const [kindText, ...rest] = parsed.positionals;
  if (kindText === undefined || rest.length > 0) throw new ExportUsageError(EXPORT_USAGE);
  const kind = ExportKindSchema.safeParse(kindText);
  if (!kind.success) {
    throw new ExportUsageError(
      `Onbekende export "${kindText}" (unknown export); kies ${exportKinds.join(', ')}. ${EXPORT_USAGE}`,
    );
  }
  let format: ExportFormat | undefined;
  if (parsed.values.format !== undefined) {
    const result = ExportFormatSchema.safeParse(parsed.values.format);
    if (!result.success) {
      throw new ExportUsageError(
        `Onbekend formaat "${parsed.values.format}" (unknown format); ` +
          `${kind.data} kan als ${exportFormats[kind.data].join(', ')}.`,
      );
    }
    format = result.data;
  }
  try {
    return {
      kind: kind.data,
      format: resolveFormat(kind.data, format),
      org: parsed.values.org,
      out: parsed.values.out === undefined ? undefined : path.resolve(parsed.values.out),
      plainIds: parsed.values['plain-ids'] ?? false,
    };
  } catch (error) {
    if (error instanceof ExportRequestError) throw new ExportUsageError(error.message);
    throw error;
  }
}

/** Errors whose message is all the operator needs (no stack trace). */
export function isExportOperatorError(error: unknown): error is Error {
  return (
    error instanceof ExportUsageError ||
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    (error instanceof Error && error.message.startsWith('Organisatie '))
  );
}

export interface ExportIo {
  /** Writes a piece of the file to stdout, resolving when it may take more. */
  write: (chunk: string) => Promise<void>;
  /** A line for the operator (stderr). */
  progress: (line: string) => void;
}

export async function runExportCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: ExportIo,
  today: string = dutchDay(new Date()),
): Promise<Record<string, number | string>> {
  const args = parseExportArgs(argv);
  const config = parseConfig(env);
  const opened = await openCliStore(config);
  const { store } = opened;
  try {
    await migrate(store);
    // The same demo rules as the server's start (a new embedded store gets the demo with labels).
    await applyDemoPolicy(store, {
      setting: config.demo,
      newEmbeddedStore: opened.newEmbeddedStore,
    });
    const organisation = await targetOrganisation(store, args.org);
    const result = await runExport(store, {
      organisation,
      kind: args.kind,
      format: args.format,
      today,
      csv: { idStyle: args.plainIds ? 'plain' : 'excel' },
    });
    if (args.out === undefined) {
      for (const chunk of result.chunks) await io.write(chunk);
    } else {
      const file = createWriteStream(args.out);
      for (const chunk of result.chunks) {
        if (!file.write(chunk))
          await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      }
      file.end();
      await finished(file);
    }
    io.progress(
      `Export ${args.kind} (${args.format}) van ${organisation.name} (${organisation.slug})` +
        (args.out === undefined ? '' : ` naar ${args.out}`),
    );
    for (const [name, count] of Object.entries(result.summary)) io.progress(`  ${name}: ${count}`);
    return result.summary;
  } finally {
    await opened.close();
  }
}
