import path from 'node:path';
import { uuidv7 } from '../../shared/ids.ts';
import type { Store } from '../store/store.ts';
import type { ImportKind, ImportReport } from './report.ts';

// Every import is recorded in import_runs. The run row is written outside the import's
// transaction, so a failed import (rolled back as a whole) still leaves its reason behind, and
// progress ({rowsRead}) is written to the row while the file is read, so the import page can
// poll it from any server process.
//
// One running import per organisation is a unique index of the database (so it holds for every
// server node at once). A running run holds a lease its process renews (heartbeat); when the
// process dies the lease lapses and any node marks the run failed, with the reason.

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

export interface StartOptions {
  /** The name to record when `file` is a temporary copy (an upload). */
  fileName?: string;
  /** The file's size, so watchers can show a percentage. */
  totalBytes?: number;
  /** How long a run counts as alive after its last heartbeat. */
  leaseMs?: number;
  /** How often the running process renews its lease. */
  heartbeatMs?: number;
}

const DEFAULT_LEASE_MS = 2 * 60_000;

/** Another import of the organisation is running (on this or another server node). */
export class ImportRunningError extends Error {
  override readonly name = 'ImportRunningError';
  constructor() {
    super('Er loopt al een import voor deze organisatie. Wacht tot die klaar is.');
  }
}

/** A run recorded as 'running' whose work has not started yet (e.g. while its file uploads). */
export interface ReservedImportRun {
  runId: string;
  /** Starts the work; the run keeps its lease until the work is done. */
  start(work: ImportWork, totalBytes?: number): Promise<StartedImportRun>;
  /** Forgets the run (its work never started), so the organisation may import again. */
  cancel(): Promise<void>;
}

/**
 * Records a new run as 'running', holding the organisation's one import slot and a lease.
 * Throws ImportRunningError when another run of the organisation holds it.
 */
export async function reserveImportRun(
  store: Store,
  kind: ImportKind,
  organisationId: string,
  fileName: string,
  options: StartOptions = {},
): Promise<ReservedImportRun> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? leaseMs / 4;
  await recoverExpiredRuns(store, organisationId);
  const runId = uuidv7();
  try {
    await store.query(
      `INSERT INTO import_runs (id, organisation_id, kind, file_name, status, summary,
         lease_expires_at)
       VALUES ($1, $2, $3, $4, 'running', $5, now() + make_interval(secs => $6::float8))`,
      [
        runId,
        organisationId,
        kind,
        path.basename(fileName),
        JSON.stringify({ rowsRead: 0, bytesRead: 0, totalBytes: options.totalBytes ?? null }),
        leaseMs / 1000,
      ],
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new ImportRunningError();
    throw error;
  }
  const heartbeat = setInterval(() => {
    store
      .query(
        `UPDATE import_runs SET lease_expires_at = now() + make_interval(secs => $2::float8)
         WHERE id = $1 AND status = 'running'`,
        [runId, leaseMs / 1000],
      )
      .catch(() => undefined);
  }, heartbeatMs);
  // The lease must never keep a stopping process alive.
  heartbeat.unref();

  return {
    runId,
    async cancel() {
      clearInterval(heartbeat);
      await store.query(`DELETE FROM import_runs WHERE id = $1 AND status = 'running'`, [runId]);
    },
    async start(work, totalBytes = options.totalBytes) {
      if (totalBytes !== undefined) {
        await store.query(`UPDATE import_runs SET summary = $2 WHERE id = $1`, [
          runId,
          JSON.stringify({ rowsRead: 0, bytesRead: 0, totalBytes }),
        ]);
      }
      const progress = progressWriter(store, runId, totalBytes);
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
               problems = $3, lease_expires_at = NULL
             WHERE id = $1`,
            [runId, JSON.stringify(summary), JSON.stringify([...problems, ...unmatchedRows])],
          );
          return { ...report, runId };
        } catch (error) {
          await store.query(
            `UPDATE import_runs SET status = 'failed', finished_at = now(), error = $2,
               lease_expires_at = NULL
             WHERE id = $1`,
            [runId, error instanceof Error ? error.message : String(error)],
          );
          throw error;
        } finally {
          clearInterval(heartbeat);
        }
      })();
      return { runId, finished };
    },
  };
}

/** Records a new run as 'running' and starts the work; resolves as soon as the run row exists. */
export async function startImportRun(
  store: Store,
  kind: ImportKind,
  organisationId: string,
  file: string,
  work: ImportWork,
  options: StartOptions = {},
): Promise<StartedImportRun> {
  const reserved = await reserveImportRun(
    store,
    kind,
    organisationId,
    options.fileName ?? file,
    options,
  );
  return reserved.start(work);
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

const LEASE_LAPSED =
  'De import is afgebroken: de server die hem uitvoerde gaf geen teken van leven meer; er is ' +
  'niets geïmporteerd (the importing server stopped renewing its lease; nothing imported)';

/**
 * Marks runs whose lease lapsed as failed (their process died, so their transaction rolled
 * back). Any node may do this. On the embedded store one process owns the database, and while
 * an import's transaction is open its heartbeat waits too, so there only the start-up recovery
 * (failInterruptedRuns) applies.
 */
export async function recoverExpiredRuns(store: Store, organisationId?: string): Promise<number> {
  if (store.kind === 'pglite') return 0;
  const result = await store.query(
    `UPDATE import_runs SET status = 'failed', finished_at = now(), error = $1,
       lease_expires_at = NULL
     WHERE status = 'running' AND lease_expires_at < now()
       AND ($2::uuid IS NULL OR organisation_id = $2::uuid)`,
    [LEASE_LAPSED, organisationId ?? null],
  );
  return result.rowCount;
}

/**
 * At start: on the embedded store every run left 'running' was interrupted by this process's
 * predecessor (one process owns the data dir); with PostgreSQL only runs whose lease lapsed, as
 * another server node may still be importing.
 */
export async function failInterruptedRuns(store: Store): Promise<number> {
  if (store.kind !== 'pglite') return recoverExpiredRuns(store);
  const result = await store.query(
    `UPDATE import_runs SET status = 'failed', finished_at = now(), lease_expires_at = NULL,
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
