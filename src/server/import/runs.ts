import path from 'node:path';
import { uuidv7 } from '../../shared/ids.ts';
import type { Store } from '../store/store.ts';
import type { ImportKind, ImportReport } from './report.ts';

// Every import is recorded in import_runs. The run row is written outside the import's
// transaction, so a failed import (rolled back as a whole) still leaves its reason behind, and
// progress ({rowsRead}) is written to the row while the file is read, so the import page can
// poll it from any server process.

export interface ImportRunContext {
  runId: string;
  organisationId: string;
  /** Tells watchers how many rows were read so far (throttled; never blocks the import). */
  progress: (rowsRead: number) => void;
  /** Tells watchers how many bytes of the file were read so far (for a percentage). */
  bytesRead: (bytes: number) => void;
}

/** Importers get the store itself: each decides which part runs in one transaction. */
export type ImportWork = (store: Store, context: ImportRunContext) => Promise<ImportReport>;

export interface StartedImportRun {
  runId: string;
  /** Settles when the import is done (rejects with the import's error after recording it). */
  finished: Promise<ImportReport & { runId: string }>;
}

const PROGRESS_INTERVAL_MS = 500;

/**
 * Writes the rows read so far into the run's summary, at most one write at a time and one per
 * interval. Only while the run is still 'running', so a late write can never replace the final
 * summary. On the embedded store a write waits while a transaction is open; the importers read
 * the file before they open their write transaction, so progress shows while reading.
 */
function progressWriter(store: Store, runId: string, totalBytes: number | undefined) {
  const state = { rowsRead: 0, bytesRead: 0, ...(totalBytes === undefined ? {} : { totalBytes }) };
  let inFlight = false;
  let dirty = false;
  let lastWrite = 0;
  const write = () => {
    inFlight = true;
    dirty = false;
    lastWrite = Date.now();
    store
      .query(`UPDATE import_runs SET summary = $2 WHERE id = $1 AND status = 'running'`, [
        runId,
        JSON.stringify(state),
      ])
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
      });
  };
  const changed = () => {
    dirty = true;
    if (!inFlight && Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) write();
  };
  return {
    rows(rowsRead: number) {
      state.rowsRead = rowsRead;
      changed();
    },
    bytes(bytesRead: number) {
      state.bytesRead = bytesRead;
      changed();
    },
    get dirty() {
      return dirty;
    },
  };
}

/** Records a new run as 'running' and starts the work; resolves as soon as the run row exists. */
export interface StartOptions {
  /** The name to record when `file` is a temporary copy (an upload). */
  fileName?: string;
  /** The file's size, so watchers can show a percentage. */
  totalBytes?: number;
}

export async function startImportRun(
  store: Store,
  kind: ImportKind,
  organisationId: string,
  file: string,
  work: ImportWork,
  options: StartOptions = {},
): Promise<StartedImportRun> {
  const runId = uuidv7();
  await store.query(
    `INSERT INTO import_runs (id, organisation_id, kind, file_name, status, summary)
     VALUES ($1, $2, $3, $4, 'running', $5)`,
    [
      runId,
      organisationId,
      kind,
      path.basename(options.fileName ?? file),
      JSON.stringify({ rowsRead: 0, bytesRead: 0, totalBytes: options.totalBytes ?? null }),
    ],
  );
  const progress = progressWriter(store, runId, options.totalBytes);
  const finished = (async () => {
    try {
      const report = await work(store, {
        runId,
        organisationId,
        progress: progress.rows,
        bytesRead: progress.bytes,
      });
      const { problems, unmatchedRows, ...summary } = report;
      await store.query(
        `UPDATE import_runs SET status = 'succeeded', finished_at = now(), summary = $2,
           problems = $3
         WHERE id = $1`,
        [runId, JSON.stringify(summary), JSON.stringify([...problems, ...unmatchedRows])],
      );
      return { ...report, runId };
    } catch (error) {
      await store.query(
        `UPDATE import_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
        [runId, error instanceof Error ? error.message : String(error)],
      );
      throw error;
    }
  })();
  return { runId, finished };
}

/** Runs an import to the end and records it. */
export async function recordImportRun(
  store: Store,
  kind: ImportKind,
  organisationId: string,
  file: string,
  work: ImportWork,
): Promise<ImportReport & { runId: string }> {
  return (await startImportRun(store, kind, organisationId, file, work)).finished;
}

/**
 * Marks runs left 'running' by a process that stopped mid-import as failed (their transaction
 * rolled back, so nothing of them was imported). Only for the embedded store, whose data dir
 * one process owns at a time: with PostgreSQL another server process may still be importing.
 */
export async function failInterruptedRuns(store: Store): Promise<number> {
  if (store.kind !== 'pglite') return 0;
  const result = await store.query(
    `UPDATE import_runs SET status = 'failed', finished_at = now(),
       error = 'De import is afgebroken doordat de server stopte; er is niets geïmporteerd ' ||
         '(interrupted by a server stop, nothing imported)'
     WHERE status = 'running'`,
  );
  return result.rowCount;
}

/** Finds an organisation by id or slug; throws a one-line message when there is none. */
export async function resolveOrganisation(
  store: Pick<Store, 'query'>,
  idOrSlug: string,
): Promise<{ id: string; slug: string; name: string }> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const result = await store.query<{ id: string; slug: string; name: string }>(
    isUuid
      ? 'SELECT id, slug, name FROM organisations WHERE id = $1'
      : 'SELECT id, slug, name FROM organisations WHERE slug = $1',
    [isUuid ? idOrSlug.toLowerCase() : idOrSlug],
  );
  const organisation = result.rows[0];
  if (!organisation) {
    throw new Error(`Organisatie "${idOrSlug}" bestaat niet (organisation not found)`);
  }
  return organisation;
}
