import { z } from 'zod';

// The beheerder's calls to /api/imports: upload a file (with upload progress), the column step
// of a portfolio export, and the runs with their progress and problem report. Imports live on
// the server only, so every answer is mapped to something the screen can say when it fails.

export const ImportKindSchema = z.enum(['portfolio', 'ep-online', 'bag']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const RowProblemSchema = z.object({
  row: z.number(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblemSchema>;

const count = z.number().int().nonnegative();

export const ImportSummarySchema = z.object({
  rowsRead: count.optional(),
  bytesRead: count.optional(),
  totalBytes: count.nullable().optional(),
  imported: count.optional(),
  updated: count.optional(),
  unchanged: count.optional(),
  unmatched: count.optional(),
  problemCount: count.optional(),
  skipped: z.record(z.string(), count).optional(),
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportRunSchema = z.object({
  id: z.string(),
  kind: ImportKindSchema,
  fileName: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: ImportSummarySchema,
  error: z.string().nullable(),
  /** Only on a single run: the first problems and unmatched rows. */
  problems: z.array(RowProblemSchema).optional(),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;

const RunResponseSchema = z.object({ run: ImportRunSchema });
const RunListResponseSchema = z.object({ runs: z.array(ImportRunSchema) });

export const PortfolioPreviewSchema = z.object({
  columns: z.array(z.string()),
  suggested: z.record(z.string(), z.string().nullable()),
  fields: z.array(z.object({ name: z.string(), required: z.boolean() })),
});
export type PortfolioPreview = z.infer<typeof PortfolioPreviewSchema>;

export type ImportsProblem =
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  | { kind: 'refused'; status: number; error: string; message: string }
  | { kind: 'server-error'; status: number };

export type ImportsResult<T> = { ok: true; value: T } | { ok: false; problem: ImportsProblem };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
const defaultFetch: Fetch = (url, init) => fetch(url, init);

/** The header of a portfolio export is in its first bytes; the rest stays on the device. */
export const PREVIEW_BYTES = 64 * 1024;

function answerOf<T>(status: number, json: unknown, schema: z.ZodType<T>): ImportsResult<T> {
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: { kind: 'server-error', status } };
  }
  if (status === 401) return { ok: false, problem: { kind: 'signed-out' } };
  if (status === 0 || status === 503 || status === 504) {
    return { ok: false, problem: { kind: 'offline' } };
  }
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (status >= 400 && status < 500 && typeof fields.message === 'string') {
    return {
      ok: false,
      problem: {
        kind: 'refused',
        status,
        error: typeof fields.error === 'string' ? fields.error : '',
        message: fields.message,
      },
    };
  }
  return { ok: false, problem: { kind: 'server-error', status } };
}

async function call<T>(
  token: string,
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
  fetchFn: Fetch,
): Promise<ImportsResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(path, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, problem: { kind: 'offline' } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  return answerOf(response.status, json, schema);
}

export async function listImports(
  token: string,
  fetchFn = defaultFetch,
): Promise<ImportsResult<ImportRun[]>> {
  const result = await call(token, '/api/imports', {}, RunListResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.runs } : result;
}

export async function getImport(
  token: string,
  id: string,
  fetchFn = defaultFetch,
): Promise<ImportsResult<ImportRun>> {
  const path = `/api/imports/${encodeURIComponent(id)}`;
  const result = await call(token, path, {}, RunResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.run } : result;
}

/** The file's columns and the server's suggested mapping (only the first bytes are sent). */
export async function previewPortfolio(
  token: string,
  file: Blob,
  fetchFn = defaultFetch,
): Promise<ImportsResult<PortfolioPreview>> {
  const init: RequestInit = { method: 'POST', body: file.slice(0, PREVIEW_BYTES) };
  return call(token, '/api/imports/portfolio-preview', init, PortfolioPreviewSchema, fetchFn);
}

export interface UploadRequest {
  kind: ImportKind;
  file: File;
  /** Portfolio only: our field -> the file's column. */
  mapping?: Record<string, string>;
}

/** Something that sends a request body and reports upload progress (XMLHttpRequest in the app). */
export type Uploader = (
  url: string,
  token: string,
  body: Blob,
  onProgress: (loaded: number, total: number) => void,
) => Promise<{ status: number; json: unknown }>;

/** XMLHttpRequest, because fetch cannot report how much of a request body was sent. */
export const xhrUploader: Uploader = (url, token, body, onProgress) =>
  new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = undefined;
      }
      resolve({ status: request.status, json });
    };
    // No answer at all: no network, or the server went away mid-upload.
    request.onerror = () => resolve({ status: 0, json: undefined });
    request.onabort = () => resolve({ status: 0, json: undefined });
    request.send(body);
  });

export async function uploadImport(
  token: string,
  request: UploadRequest,
  onProgress: (loaded: number, total: number) => void,
  uploader: Uploader = xhrUploader,
): Promise<ImportsResult<ImportRun>> {
  const query = new URLSearchParams({ kind: request.kind, fileName: request.file.name });
  if (request.mapping) query.set('mapping', JSON.stringify(request.mapping));
  const { status, json } = await uploader(
    `/api/imports?${query.toString()}`,
    token,
    request.file,
    onProgress,
  );
  const result = answerOf(status, json, RunResponseSchema);
  return result.ok ? { ok: true, value: result.value.run } : result;
}
