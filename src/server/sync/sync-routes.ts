import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import {
  PullRequestSchema,
  PushRequestSchema,
  SyncErrorCode,
  type SeqGapErrorBody,
} from '../../shared/sync/protocol.ts';
import { errorResponse } from '../auth/errors.ts';
import { requireAuth, type AuthEnv } from '../auth/middleware.ts';
import type { Store } from '../store/store.ts';
import { pullChanges, pushOps, unsupportedVersionMessage } from './sync-service.ts';

/**
 * Largest push body, as sent and (for a gzip body) after decompression: 500 ops with answers,
 * findings and annotations fit well within it.
 */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Answers smaller than this go uncompressed: gzip would save next to nothing. */
const GZIP_MIN_BYTES = 1024;

/** Whether an Accept-Encoding header allows gzip (explicitly, or by `*`, with q > 0). */
export function acceptsGzip(header: string | undefined): boolean {
  let wildcard = false;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') wildcard = allowed;
  }
  return wildcard;
}

/**
 * A push or pull answer (JSON text), gzip-compressed when the device accepts it (browsers and Node's fetch
 * always do). Zlib's fastest level, in the thread pool: sync JSON is repetitive, so level 1
 * shrinks it about as much as level 6 (~20× for pull pages) for less CPU, and plain zlib costs a
 * third of a CompressionStream (Hono's compress middleware) for the same bytes.
 */
async function compressibleJson(c: Context, text: string): Promise<Response> {
  c.header('Vary', 'Accept-Encoding');
  if (text.length < GZIP_MIN_BYTES || !acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  }
  const zipped = await gzipAsync(text, { level: 1 });
  return c.body(new Uint8Array(zipped), 200, {
    'Content-Type': 'application/json',
    'Content-Encoding': 'gzip',
  });
}

function tooLarge(c: Context): Response {
  return errorResponse(
    c,
    413,
    'payload-too-large',
    `Te veel wijzigingen in één keer (meer dan ${MAX_PUSH_BYTES / 1024 / 1024} MB). Verstuur ze in kleinere delen.`,
  );
}

function invalidJson(c: Context): Response {
  return errorResponse(
    c,
    400,
    'invalid-json',
    'Het verzoek bevat geen geldige JSON; vernieuw de app en probeer het opnieuw.',
  );
}

/**
 * The push body as a JSON value, or the error answer. Devices gzip large pushes
 * (`Content-Encoding: gzip`); decompression stops at MAX_PUSH_BYTES, so a small "zip bomb"
 * cannot make the server inflate gigabytes.
 */
async function readPushBody(c: Context): Promise<{ raw: unknown } | { response: Response }> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    return {
      response: errorResponse(
        c,
        415,
        'unsupported-encoding',
        `Onbekende codering van het verzoek (${encoding.slice(0, 40)}); alleen gzip of geen. Vernieuw de app.`,
      ),
    };
  }
  let bytes: Uint8Array = new Uint8Array(await c.req.arrayBuffer());
  if (encoding === 'gzip') {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: MAX_PUSH_BYTES });
    } catch (error) {
      if (
        error instanceof RangeError ||
        (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
      )
        return { response: tooLarge(c) };
      return {
        response: errorResponse(
          c,
          400,
          'invalid-gzip',
          'Het verzoek is beschadigd aangekomen (ongeldige gzip); probeer het opnieuw.',
        ),
      };
    }
  }
  try {
    // One decode and one parse of the bytes; nothing else reads the body.
    return { raw: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { response: invalidJson(c) };
  }
}

/** 400 naming the first problem, with up to 20 issues for the app to point at. */
function invalidRequest(c: Context, error: z.ZodError): Response {
  return errorResponse(
    c,
    400,
    'invalid-input',
    `Ongeldig verzoek: ${error.issues[0]?.message ?? 'onbekende fout'}`,
    error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}

function updateRequired(c: Context, message: string): Response {
  return errorResponse(c, 426, SyncErrorCode.updateRequired, message);
}

/** A version the server does not speak answers 426 before the rest of the message is judged. */
function versionProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const version = (raw as { protocolVersion?: unknown }).protocolVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0
    ? unsupportedVersionMessage(version)
    : undefined;
}

/** POST /push and GET /pull, mounted at /api/sync behind sign-in. */
export function syncRoutes(store: Store) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  routes.post('/push', bodyLimit({ maxSize: MAX_PUSH_BYTES, onError: tooLarge }), async (c) => {
    const body = await readPushBody(c);
    if ('response' in body) return body.response;
    const { raw } = body;
    const tooOld = versionProblem(raw);
    if (tooOld) return updateRequired(c, tooOld);
    const parsed = PushRequestSchema.safeParse(raw);
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const foreign = parsed.data.ops.findIndex((op) => op.clientId !== parsed.data.clientId);
    if (foreign >= 0) {
      return errorResponse(
        c,
        400,
        'invalid-input',
        'Elke wijziging moet van hetzelfde apparaat (clientId) komen als het verzoek.',
        [{ path: `ops.${foreign}.clientId`, message: 'clientId wijkt af.' }],
      );
    }
    const outcome = await pushOps(store, c.get('principal'), parsed.data);
    switch (outcome.kind) {
      case 'ok':
        return compressibleJson(c, JSON.stringify(outcome.response));
      case 'update-required':
        return updateRequired(c, outcome.message);
      case 'seq-gap': {
        const body: SeqGapErrorBody = {
          error: SyncErrorCode.seqGap,
          message: outcome.message,
          appliedUpTo: outcome.appliedUpTo,
        };
        return c.json(body, 409);
      }
      case 'forbidden':
        return errorResponse(c, 403, 'forbidden', outcome.message);
    }
  });

  routes.get('/pull', async (c) => {
    const query = c.req.query();
    // Query values are text; whole numbers become numbers, anything else fails validation.
    const numeric = (value: string | undefined) =>
      value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : value;
    const raw = {
      clientId: query.clientId,
      cursor: numeric(query.cursor),
      limit: numeric(query.limit),
      protocolVersion: numeric(query.protocolVersion),
      schemaVersion: numeric(query.schemaVersion),
    };
    const tooOld = versionProblem(raw);
    if (tooOld) return updateRequired(c, tooOld);
    const parsed = PullRequestSchema.safeParse(raw);
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const outcome = await pullChanges(store, c.get('principal'), parsed.data);
    switch (outcome.kind) {
      case 'ok':
        return compressibleJson(c, outcome.json);
      case 'update-required':
        return updateRequired(c, outcome.message);
      case 'forbidden':
        return errorResponse(c, 403, 'forbidden', outcome.message);
    }
  });

  return routes;
}
