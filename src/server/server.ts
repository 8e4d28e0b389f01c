import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { DbBlobStore } from './blobs/db-blob-store.ts';
import { FsBlobStore } from './blobs/fs-blob-store.ts';
import { redactUrl, type ServerConfig } from './config.ts';
import { ensureWritableDir, lockDir, type DirLock } from './data-dir.ts';
import { applyDemoPolicy, isNewEmbeddedStore } from './demo/demo-policy.ts';
import { failInterruptedRuns } from './import/runs.ts';
import { migrate } from './store/migrate.ts';
import { openPgliteStore } from './store/pglite-store.ts';
import { openPostgresStore } from './store/postgres-store.ts';
import type { Store } from './store/store.ts';

// Start-up in the order that keeps data safe: check the data directory, take the embedded
// database's lock, open and migrate the store, seed, and only then accept connections.

/** A start-up failure the operator can fix; its message is one line and needs no stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface StartOptions {
  config: ServerConfig;
  /** The build to serve; defaults to config.distDir (SCHOUW_DIST_DIR). */
  distDir?: string;
  version: string;
  log?: (line: string) => void;
  /** How long in-flight requests may take to finish on close before they are cut off. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Stops accepting connections, lets open requests finish, then closes the store. */
  close(): Promise<void>;
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describe).join(', ');
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  return String(error);
}

async function openStore(config: ServerConfig, log: (line: string) => void): Promise<Store> {
  if (config.databaseUrl) {
    try {
      return await openPostgresStore(config.databaseUrl, {
        onIdleError: (error) =>
          log(`PostgreSQL-verbinding verbroken (connection lost): ${error.message}`),
      });
    } catch (error) {
      throw new StartupError(
        `Kan PostgreSQL niet bereiken via DATABASE_URL (cannot reach PostgreSQL) ` +
          `${redactUrl(config.databaseUrl)}: ${describe(error)}`,
      );
    }
  }
  return openPgliteStore(path.join(config.dataDir, 'pglite'));
}

function listen(server: ReturnType<typeof createAdaptorServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Poort ${port} is al in gebruik (port ${port} is already in use); ` +
              `stop het andere programma of kies een andere PORT`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `Geen toestemming om poort ${port} te gebruiken (no permission to listen on port ${port}); ` +
              `kies een PORT boven 1023`,
          ),
        );
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port);
  });
}

/**
 * Refuses a build directory that holds the data directory: the static handler would then be one
 * mistake away from serving the store's files and photos (it refuses them anyway).
 */
function checkDistDir(distDir: string, dataDir: string): void {
  const dist = path.resolve(distDir);
  const relative = path.relative(dist, path.resolve(dataDir));
  const outside =
    relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (!outside) {
    throw new StartupError(
      `SCHOUW_DIST_DIR (${dist}) bevat de datamap ${dataDir} (contains the data directory); ` +
        `wijs SCHOUW_DIST_DIR naar de gebouwde app (dist) of laat hem leeg`,
    );
  }
}

export async function startServer({
  config,
  distDir = config.distDir,
  version,
  log = (line) => console.log(line),
  shutdownGraceMs = 10_000,
}: StartOptions): Promise<RunningServer> {
  checkDistDir(distDir, config.dataDir);
  try {
    ensureWritableDir(config.dataDir);
  } catch (error) {
    throw new StartupError(describe(error));
  }

  let lock: DirLock | undefined;
  let store: Store | undefined;
  let newEmbeddedStore = false;
  try {
    if (!config.databaseUrl) {
      const pgliteDir = path.join(config.dataDir, 'pglite');
      try {
        lock = lockDir(path.join(config.dataDir, 'pglite.lock'), pgliteDir);
      } catch (error) {
        throw new StartupError(describe(error));
      }
      // Decided before opening, which creates the directory.
      newEmbeddedStore = isNewEmbeddedStore(pgliteDir);
    }
    store = await openStore(config, log);
    const migration = await migrate(store).catch((error: unknown) => {
      throw new StartupError(describe(error));
    });
    for (const applied of migration.applied) {
      log(
        `Migratie toegepast (migration applied): ${String(applied.version).padStart(4, '0')}_${applied.name}`,
      );
    }
    await failInterruptedRuns(store);
    const seed = await applyDemoPolicy(store, { setting: config.demo, newEmbeddedStore });
    if (seed.seeded) {
      log(
        `Demodata aangemaakt (demo data seeded): ${seed.complexes} complexen, ${seed.panden} panden, ` +
          `${seed.verblijfsobjecten} verblijfsobjecten, ${seed.labels} energielabels`,
      );
    }

    // With PostgreSQL the photos live in it too, so any node behind a proxy serves any photo.
    const blobs: BlobStore =
      store.kind === 'postgres'
        ? new DbBlobStore(store)
        : new FsBlobStore(path.join(config.dataDir, 'blobs'));
    const importDir = path.join(config.dataDir, 'imports');
    const app = createApp({
      store,
      distDir,
      version,
      blobs,
      importDir,
      trustedProxies: config.trustedProxies,
      privateDirs: [config.dataDir],
    });
    const server = createAdaptorServer({ fetch: app.fetch });
    const port = await listen(server, config.port);
    const url = `http://localhost:${port}`;
    const where =
      store.kind === 'pglite'
        ? path.join(config.dataDir, 'pglite')
        : redactUrl(config.databaseUrl ?? '');
    log(
      `Schouw ${version} luistert op ${url} (listening) — opslag/store: ${store.kind} (${where}), ` +
        `schemaversie ${migration.schemaVersion}`,
    );

    const activeStore = store;
    const heldLock = lock;
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      store: activeStore,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections();
            }, shutdownGraceMs);
            server.close(() => {
              clearTimeout(force);
              resolve();
            });
            // Keep-alive connections without a request in flight would hold close() open.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          });
          await activeStore.close();
          heldLock?.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}
