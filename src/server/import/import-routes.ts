import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { uuidv7 } from '../../shared/ids.ts';
import { safeText } from '../../shared/text-safety-schemas.ts';
import { jsonProblem } from '../../shared/text-safety.ts';
import { errorResponse } from '../auth/errors.ts';
import { requireAuth, requirePermission, type AuthEnv } from '../auth/middleware.ts';
import type { Store } from '../store/store.ts';
import { CsvError } from './csv-stream.ts';
import { IMPORT_KINDS, importWork } from './import-kinds.ts';
import { ImportInputError } from './input.ts';
import { ColumnMappingSchema, type ColumnMapping } from './portfolio.ts';
import { previewPortfolio } from './portfolio-mapping.ts';
import { ImportFileError, type RowProblem } from './report.ts';
import { ImportRunningError, recoverExpiredRuns, reserveImportRun } from './runs.ts';

// `/api/imports`: a beheerder uploads a portfolio export, an EP-online file or a saved PDOK BAG
// response for their own organisation. The body is the file itself (no multipart, so it is
// streamed to disk and never held in memory), the import runs in the background, and the page
// polls the run, whose progress is stored in import_runs (any server process can answer).
// The run is reserved before the file is received: the database lets one run per organisation
// hold the import slot, so two uploads through two server nodes cannot both import.

export interface ImportRoutesOptions {
  /** Where uploads are kept while they are imported (under the data dir). */
  uploadDir: string;
  /** Largest accepted upload in bytes. */
  maxBytes: number;
  /** How long an upload request waits for its import before answering 202 (small files: 201). */
  waitMs?: number;
  logError?: (message: string, error: unknown) => void;
}

export const DEFAULT_IMPORT_MAX_BYTES = 3 * 1024 ** 3;
const PREVIEW_MAX_BYTES = 1024 * 1024;
const FILE_NAME_MAX = 200;

const KindSchema = z.enum(IMPORT_KINDS, {
  error: 'Kies het soort import: portfolio, ep-online of bag.',
});

const UploadQuerySchema = z.object({
  kind: KindSchema,
  fileName: z
    .string({ error: 'De bestandsnaam ontbreekt.' })
    .trim()
    .min(1, { error: 'De bestandsnaam ontbreekt.' })
    .max(FILE_NAME_MAX, { error: `Een bestandsnaam heeft hoogstens ${FILE_NAME_MAX} tekens.` })
    .check(safeText()),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx): ColumnMapping | undefined => {
      if (text === undefined || text === '') return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'De kolomindeling is geen geldige JSON.' });
        return z.NEVER;
      }
      const unsafe = jsonProblem(json);
      if (unsafe) {
        ctx.addIssue({ code: 'custom', message: `Ongeldige kolomindeling: ${unsafe}` });
        return z.NEVER;
      }
      const parsed = ColumnMappingSchema.safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `Ongeldige kolomindeling: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
        });
        return z.NEVER;
      }
      return parsed.data as ColumnMapping;
    }),
});

const RunIdSchema = z.uuid();

interface RunRow {
  id: string;
  kind: string;
  file_name: string;
  status: 'running' | 'succeeded' | 'failed';
  started_at: Date;
  finished_at: Date | null;
  summary: Record<string, unknown>;
  problems?: RowProblem[];
  error: string | null;
}

/** A run as the import page shows it. */
function toRun(row: RunRow) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    summary: row.summary,
    error: row.error,
    ...(row.problems ? { problems: row.problems } : {}),
  };
}

const RUN_COLUMNS = 'id, kind, file_name, status, started_at, finished_at, summary, error';

async function findRun(store: Store, organisationId: string, id: string, withProblems: boolean) {
  if (!RunIdSchema.safeParse(id).success) return undefined;
  const { rows } = await store.query<RunRow>(
    `SELECT ${RUN_COLUMNS}${withProblems ? ', problems' : ''} FROM import_runs
     WHERE id = $1 AND organisation_id = $2`,
    [id, organisationId],
  );
  return rows[0];
}

function tooLarge(c: Context, maxBytes: number): Response {
  const limit =
    maxBytes >= 1024 ** 3
      ? `${(maxBytes / 1024 ** 3).toFixed(1)} GB`
      : `${Math.round(maxBytes / 1024 ** 2)} MB`;
  return errorResponse(
    c,
    413,
    'file_too_large',
    `Het bestand is groter dan ${limit}, het maximum voor een import. Upload het EP-online-bestand ` +
      `als ZIP zoals RVO het levert, of splits de portefeuille in delen.`,
  );
}

class UploadTooLarge extends Error {}

/** Streams the request body into `target`, counting bytes; throws UploadTooLarge past the limit. */
async function saveBody(c: Context, target: string, maxBytes: number): Promise<number> {
  const body = c.req.raw.body;
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new UploadTooLarge());
      else callback(null, chunk);
    },
  });
  const source = body ? Readable.fromWeb(body as unknown as NodeReadableStream) : Readable.from([]);
  await pipeline(source, counter, createWriteStream(target, { flags: 'wx' }));
  return size;
}

/** Operator problems with the file: their message is the answer, not a 500. */
function isFileProblem(error: unknown): error is Error {
  return (
    error instanceof ImportFileError ||
    error instanceof ImportInputError ||
    error instanceof CsvError
  );
}

export function importRoutes(store: Store, options: ImportRoutesOptions) {
  const { uploadDir, maxBytes, waitMs = 1500, logError = () => undefined } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store), requirePermission('portefeuille.beheren'));

  routes.get('/', async (c) => {
    // A run whose server died shows as failed as soon as its lease lapsed.
    await recoverExpiredRuns(store, c.get('principal').organisationId);
    const { rows } = await store.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM import_runs WHERE organisation_id = $1
       ORDER BY started_at DESC, id DESC LIMIT 50`,
      [c.get('principal').organisationId],
    );
    return c.json({ runs: rows.map(toRun) });
  });

  routes.get('/:id', async (c) => {
    await recoverExpiredRuns(store, c.get('principal').organisationId);
    const row = await findRun(store, c.get('principal').organisationId, c.req.param('id'), true);
    if (!row) {
      return errorResponse(c, 404, 'not_found', 'Deze import bestaat niet in uw organisatie.');
    }
    return c.json({ run: toRun(row) });
  });

  routes.post('/portfolio-preview', async (c) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > PREVIEW_MAX_BYTES) return tooLarge(c, PREVIEW_MAX_BYTES);
    const head = new Uint8Array(await c.req.arrayBuffer());
    if (head.length > PREVIEW_MAX_BYTES) return tooLarge(c, PREVIEW_MAX_BYTES);
    if (head.length === 0) {
      return errorResponse(c, 400, 'empty_file', 'Het bestand is leeg.');
    }
    try {
      return c.json(await previewPortfolio(head));
    } catch (error) {
      if (!isFileProblem(error)) throw error;
      return errorResponse(c, 400, 'invalid_file', error.message);
    }
  });

  routes.post('/', async (c) => {
    const query = UploadQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_input',
        query.error.issues[0]?.message ?? 'De invoer is ongeldig.',
      );
    }
    const { kind, fileName, mapping } = query.data;
    if (mapping && kind !== 'portfolio') {
      return errorResponse(
        c,
        400,
        'invalid_input',
        'Een kolomindeling hoort alleen bij portfolio.',
      );
    }
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > maxBytes) return tooLarge(c, maxBytes);
    const organisationId = c.get('principal').organisationId;
    let reserved;
    try {
      reserved = await reserveImportRun(store, kind, organisationId, fileName);
    } catch (error) {
      if (!(error instanceof ImportRunningError)) throw error;
      return errorResponse(
        c,
        409,
        'import_running',
        'Er loopt al een import voor uw organisatie. Wacht tot die klaar is.',
      );
    }

    mkdirSync(uploadDir, { recursive: true });
    const upload = path.join(uploadDir, `${uuidv7()}.upload`);
    let started = false;
    try {
      let size: number;
      try {
        size = await saveBody(c, upload, maxBytes);
      } catch (error) {
        if (error instanceof UploadTooLarge) return tooLarge(c, maxBytes);
        throw error;
      }
      if (size === 0) return errorResponse(c, 400, 'empty_file', 'Het bestand is leeg.');
      const run = await reserved.start(
        importWork(kind, upload, { organisationId, ...(mapping ? { mapping } : {}) }),
        size,
      );
      started = true;
      const done = run.finished
        .catch((error: unknown) => {
          // Recorded in the run; only surprises (not problems with the file) are logged.
          if (isFileProblem(error)) return;
          try {
            logError(`import ${run.runId} failed`, error);
          } catch {
            // A throwing logger must not stop the upload from being cleaned up.
          }
        })
        .finally(() => rm(upload, { force: true }));
      // Small files are done at once: answer with the result instead of making the page poll.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        done,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
      const row = await findRun(store, organisationId, run.runId, true);
      if (!row) throw new Error(`import run ${run.runId} disappeared`);
      return c.json({ run: toRun(row) }, row.status === 'running' ? 202 : 201);
    } finally {
      if (!started) {
        await reserved.cancel();
        await rm(upload, { force: true });
      }
    }
  });

  return routes;
}
