import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiErrorBody } from '../../shared/sync/protocol.ts';
import { jsonProblem, type JsonLimits } from '../../shared/text-safety.ts';

// Every 4xx of the account routes answers { error, message, details? }: `error` for the app to
// act on, `message` a Dutch sentence a person understands.

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  details?: ApiErrorBody['details'],
): Response {
  const body: ApiErrorBody =
    details === undefined ? { error, message } : { error, message, details };
  return c.json(body, status);
}

function detailsOf(error: z.ZodError): NonNullable<ApiErrorBody['details']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads and validates a JSON body; bad JSON or a wrong shape is a 400, never a 500. */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
  limits?: JsonLimits,
): Promise<Parsed<z.output<Schema>>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return {
      ok: false,
      response: errorResponse(
        c,
        400,
        'invalid_json',
        'Het verzoek bevat geen geldige JSON; vernieuw de app en probeer het opnieuw.',
      ),
    };
  }
  // Before the schema: NUL, lone surrogates or absurd nesting anywhere in the body (also in a
  // field the schema would ignore) are a 400, never a 500 from the store.
  const unsafe = jsonProblem(raw, limits);
  if (unsafe) {
    return { ok: false, response: errorResponse(c, 400, 'invalid_input', unsafe) };
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0]?.message ?? 'De invoer is ongeldig.';
    return {
      ok: false,
      response: errorResponse(c, 400, 'invalid_input', first, detailsOf(result.error)),
    };
  }
  return { ok: true, data: result.data };
}

/** True for a PostgreSQL unique violation, from pg and from PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
