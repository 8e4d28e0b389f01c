import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { authRoutes } from './auth/auth-routes.ts';
import { peerIsTrustedProxy, type TrustedProxies } from './auth/client-address.ts';
import { userRoutes } from './auth/user-routes.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { photoRoutes } from './blobs/photo-routes.ts';
import { DEFAULT_IMPORT_MAX_BYTES, importRoutes } from './import/import-routes.ts';
import { exportRoutes } from './export/export-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { organisationRoutes } from './organisation/organisation-routes.ts';
import { staticFiles } from './static-files.ts';
import { schemaVersion } from './store/migrate.ts';
import type { Store } from './store/store.ts';
import { efgTargetRoutes } from './sync/efg-target.ts';
import { syncRoutes } from './sync/sync-routes.ts';

// The HTTP application, free of process concerns (ports, signals, env), so tests drive it
// with app.request() and main.ts only wires it to a socket.

export interface AppOptions {
  store: Store;
  /** The Vite build output; may be missing (the API keeps working). */
  distDir: string;
  version: string;
  /** Photo bytes; without it the photo routes are not served (tests of other parts). */
  blobs?: BlobStore;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (message: string, error: unknown) => void;
  /** Where uploaded import files wait while imported; defaults to the system temp dir. */
  importDir?: string;
  /** Largest import upload in bytes. */
  importMaxBytes?: number;
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); default: none. */
  trustedProxies?: TrustedProxies | undefined;
  /** Directories never served as static files even if they lie inside distDir (the data dir). */
  privateDirs?: readonly string[];
  /**
   * Whether this request came through a trusted reverse proxy, so its X-Forwarded-Proto may be
   * believed (HSTS behind a TLS-terminating proxy). Defaults to never.
   */
  forwardedHeadersTrusted?: (c: Context) => boolean;
}

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.enum(['pglite', 'postgres']),
  schemaVersion: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const ApiErrorSchema = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

function apiError(error: string, message: string): ApiError {
  return { error, message };
}

export function createApp({
  store,
  distDir,
  version,
  blobs,
  logError = defaultLogError,
  importDir = path.join(tmpdir(), 'schouw-imports'),
  importMaxBytes = DEFAULT_IMPORT_MAX_BYTES,
  trustedProxies,
  privateDirs = [],
  forwardedHeadersTrusted,
}: AppOptions) {
  const app = new Hono();

  app.use(
    '*',
    securityHeaders(
      forwardedHeadersTrusted ?? ((c: Context) => peerIsTrustedProxy(c, trustedProxies)),
    ),
  );

  // API answers are live data: never let a browser or proxy cache them (the service worker
  // and the app's own database are the offline copies).
  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    // Reading the schema version also proves the store answers.
    const health: HealthResponse = HealthResponseSchema.parse({
      status: 'ok',
      version,
      store: store.kind,
      schemaVersion: await schemaVersion(store),
    });
    return c.json(health);
  });

  app.route('/api/auth', authRoutes(store, { trustedProxies }));
  app.route('/api/users', userRoutes(store));
  app.route('/api/organisation', organisationRoutes(store));
  app.route(
    '/api/imports',
    importRoutes(store, { uploadDir: importDir, maxBytes: importMaxBytes, logError }),
  );

  app.route('/api/sync', syncRoutes(store));
  app.route('/api/efg/target', efgTargetRoutes(store));
  if (blobs) app.route('/api/photos', photoRoutes(store, blobs));
  app.route('/api/exports', exportRoutes(store));

  app.all('/api/*', (c) =>
    c.json(
      apiError(
        'not_found',
        `Onbekend API-adres (unknown API endpoint): ${c.req.method} ${c.req.path}`,
      ),
      404,
    ),
  );

  app.get('*', staticFiles(distDir, { privateDirs }));

  app.notFound((c) =>
    c.json(apiError('not_found', `Niet gevonden (not found): ${c.req.method} ${c.req.path}`), 404),
  );

  app.onError((error, c) => {
    logError(`${c.req.method} ${c.req.path} failed`, error);
    if (c.req.path === '/api/health') {
      return c.json(
        apiError('unavailable', 'De opslag antwoordt niet (the store is not answering)'),
        503,
      );
    }
    return c.json(apiError('internal', 'Interne serverfout (internal server error)'), 500);
  });

  return app;
}

function defaultLogError(message: string, error: unknown): void {
  console.error(message, error);
}
