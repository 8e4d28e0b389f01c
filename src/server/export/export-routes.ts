import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { dutchDay } from '../../shared/export/index.ts';
import { errorResponse } from '../auth/errors.ts';
import { requireAuth, requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { Store } from '../store/store.ts';
import {
  ExportFormatSchema,
  ExportKindSchema,
  ExportRequestError,
  exportKinds,
  resolveFormat,
  runExport,
  type ExportKind,
} from './export-kinds.ts';

// GET /api/exports/<kind>?format=csv|json|geojson[&ids=plain]
// Every signed-in role may export the lists of its own organisation (they see the same data in
// the app); the whole organisation (users, import history, every record) only the beheerder.
// The organisation always comes from the session, never from the request.

const QuerySchema = z.strictObject(
  {
    format: ExportFormatSchema.optional(),
    ids: z.enum(['excel', 'plain'], { error: 'ids moet excel of plain zijn.' }).optional(),
  },
  { error: 'Onbekende parameter: alleen format en ids zijn toegestaan.' },
);

export interface ExportRouteOptions {
  /** Today's date in the Netherlands; injectable for tests. */
  today?: () => string;
}

export function exportRoutes(store: Store, options: ExportRouteOptions = {}) {
  const today = options.today ?? (() => dutchDay(new Date()));
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  const handle = async (c: Context<AuthEnv>, kind: ExportKind): Promise<Response> => {
    const query = QuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_input',
        query.error.issues[0]?.message ?? 'Ongeldige parameters.',
      );
    }
    let format;
    try {
      format = resolveFormat(kind, query.data.format);
    } catch (error) {
      if (error instanceof ExportRequestError)
        return errorResponse(c, 400, 'invalid_input', error.message);
      throw error;
    }
    const principal = c.get('principal');
    const organisation = await store.query<{ id: string; slug: string; name: string }>(
      'SELECT id, slug, name FROM organisations WHERE id = $1',
      [principal.organisationId],
    );
    const own = organisation.rows[0];
    if (!own) throw new Error('Organisation of a signed-in user is missing');
    const result = await runExport(store, {
      organisation: own,
      kind,
      format,
      today: today(),
      csv: { idStyle: query.data.ids ?? 'excel' },
    });
    // CSV comes in pieces; the body is streamed so a long list is never one large string.
    const encoder = new TextEncoder();
    const chunks = result.chunks[Symbol.iterator]();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': result.mimeType,
        // Slugs are lowercase ASCII words, so the plain filename parameter is safe.
        'Content-Disposition': `attachment; filename="${result.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };

  // Registered before /:kind so it gets its own role rule.
  routes.get('/organisation', requireRole('beheerder'), (c) => handle(c, 'organisation'));

  routes.get('/:kind', (c) => {
    const kind = ExportKindSchema.safeParse(c.req.param('kind'));
    if (!kind.success || kind.data === 'organisation') {
      return errorResponse(
        c,
        404,
        'not_found',
        `Onbekende export "${c.req.param('kind')}"; kies ${exportKinds.join(', ')}.`,
      );
    }
    return handle(c, kind.data);
  });

  return routes;
}
