import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
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

/** Largest push body: 500 ops with answers, findings and annotations fit well within it. */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

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
  const header = z.object({ protocolVersion: z.number().int().nonnegative() }).safeParse(raw);
  return header.success ? unsupportedVersionMessage(header.data.protocolVersion) : undefined;
}

/** POST /push and GET /pull, mounted at /api/sync behind sign-in. */
export function syncRoutes(store: Store) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  routes.post(
    '/push',
    bodyLimit({
      maxSize: MAX_PUSH_BYTES,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'payload-too-large',
          `Te veel wijzigingen in één keer (meer dan ${MAX_PUSH_BYTES / 1024 / 1024} MB). Verstuur ze in kleinere delen.`,
        ),
    }),
    async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return errorResponse(
          c,
          400,
          'invalid-json',
          'Het verzoek bevat geen geldige JSON; vernieuw de app en probeer het opnieuw.',
        );
      }
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
          return c.json(outcome.response);
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
    },
  );

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
        return c.json(outcome.response);
      case 'update-required':
        return updateRequired(c, outcome.message);
      case 'forbidden':
        return errorResponse(c, 403, 'forbidden', outcome.message);
    }
  });

  return routes;
}
