// The real process, started the way operators start it (`npx tsx src/server/main.ts`):
// start-up messages, exit codes and signals only exist there.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/server/store/migrate.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { makeTempDir } from './store-fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 60_000;
// Each test starts one or two Node processes, some with a new embedded database (initdb in
// WebAssembly); on a busy two-core machine that alone can take tens of seconds.
const PROCESS_TESTS = { timeout: 120_000 };

interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Resolves once every process holding its output (npm's children too) has gone. */
  closed: Promise<void>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

const started: ServerProcess[] = [];

type Launcher = 'npx' | 'node' | 'npm run serve';

/**
 * 'node' is `npm run serve` without npm: `node --import tsx src/server/main.ts`, one process
 * that receives signals itself. npm does not pass SIGTERM on to its child, and the tsx CLI
 * SIGKILLs a child that does not acknowledge a signal within 30 ms, so signal tests use 'node'.
 * Each server gets its own process group, so cleanup can kill whatever npx started.
 */
function startProcess(
  env: Record<string, string>,
  { via = 'npx', asUser, cwd }: { via?: Launcher; asUser?: string; cwd?: string } = {},
): ServerProcess {
  const commands: Record<Launcher, string[]> = {
    npx: ['npx', 'tsx', 'src/server/main.ts'],
    node: [process.execPath, '--import', 'tsx', 'src/server/main.ts'],
    'npm run serve': ['npm', 'run', 'serve'],
  };
  // Started elsewhere, the server is named by absolute paths (as a service unit would).
  const command = cwd
    ? [path.join(repoRoot, 'node_modules/.bin/tsx'), path.join(repoRoot, 'src/server/main.ts')]
    : commands[via];
  const [file, ...args] = asUser ? ['runuser', '-u', asUser, '--', ...command] : command;
  const child = spawn(file ?? 'npx', args, {
    cwd: cwd ?? repoRoot,
    env: { ...process.env, npm_config_update_notifier: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    notify();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      notify();
      resolve(code);
    });
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const server: ServerProcess = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    closed,
    waitForOutput(pattern, timeoutMs = START_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) {
            cleanup();
            resolve(match);
          } else if (child.exitCode !== null) {
            cleanup();
            reject(
              new Error(`exited (${child.exitCode}) before ${pattern}:\n${stdout}\n${stderr}`),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
  started.push(server);
  return server;
}

/** What the server itself wrote to stderr: npm prints its own config warnings there too. */
function ownErrorLines(server: ServerProcess): string[] {
  return server
    .stderr()
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^npm (warn|notice)/.test(line));
}

function expectOneLineFailure(server: ServerProcess, pattern: RegExp) {
  const lines = ownErrorLines(server);
  expect(lines, server.stderr()).toHaveLength(1);
  expect(lines[0]).toMatch(/^Schouw kan niet starten \(cannot start\): /);
  expect(lines[0]).toMatch(pattern);
  expect(server.stderr()).not.toMatch(/^\s+at /m);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const LISTENING = /luistert op (http:\/\/localhost:(\d+)) \(listening\) — opslag\/store: (\w+)/;

afterAll(async () => {
  // A failed test must not leave a server running.
  for (const server of started) {
    if (server.child.pid !== undefined) {
      try {
        process.kill(-server.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});

describe('a server process with the embedded store', PROCESS_TESTS, () => {
  let dataDir: string;
  let server: ServerProcess;
  let url: string;
  let port: number;

  beforeAll(async () => {
    dataDir = path.join(makeTempDir('process'), 'nieuw', 'data');
    server = startProcess({ PORT: '0', SCHOUW_DATA_DIR: dataDir }, { via: 'node' });
    const match = await server.waitForOutput(LISTENING);
    url = match[1] ?? '';
    port = Number(match[2]);
  }, START_TIMEOUT_MS);

  it('creates the data directory, logs its URL and store kind, and answers over HTTP', async () => {
    expect(server.stdout()).toMatch(LISTENING);
    expect(LISTENING.exec(server.stdout())?.[3]).toBe('pglite');
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    expect(server.stdout()).toMatch(/Demodata aangemaakt/);

    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: 'pglite' });
  });

  it('refuses a second server on the same port with one clear line and exit code 1', async () => {
    const second = startProcess({
      PORT: String(port),
      SCHOUW_DATA_DIR: path.join(makeTempDir('process'), 'data'),
    });
    expect(await second.exited).toBe(1);
    expectOneLineFailure(second, new RegExp(`poort ${port} is al in gebruik.*already in use`, 'i'));
  });

  it('refuses a second server on the same data directory, which would corrupt it', async () => {
    const second = startProcess({ PORT: String(await freePort()), SCHOUW_DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expectOneLineFailure(second, /al in gebruik door een andere Schouw-server.*already in use/);
    // The first server is unharmed.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('stops accepting, closes the store and exits 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/SIGTERM ontvangen/);
    expect(server.stdout()).toMatch(/Schouw is gestopt/);
    expect(ownErrorLines(server)).toEqual([]);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    // The data survives: a restart migrates and seeds nothing.
    const restarted = startProcess({ PORT: '0', SCHOUW_DATA_DIR: dataDir }, { via: 'node' });
    await restarted.waitForOutput(LISTENING);
    expect(restarted.stdout()).not.toMatch(/Migratie toegepast|Demodata aangemaakt/);
    restarted.child.kill('SIGINT');
    expect(await restarted.exited).toBe(0);
  });
});

describe('a server process started in the directory that holds its data', PROCESS_TESTS, () => {
  it('reads relative paths against the working directory, and an empty SCHOUW_DIST_DIR as unset: no data file is ever served', async () => {
    const cwd = makeTempDir('process-cwd');
    const server = startProcess(
      { PORT: '0', SCHOUW_DATA_DIR: 'data', SCHOUW_DIST_DIR: '' },
      { cwd },
    );
    const match = await server.waitForOutput(LISTENING);
    const url = match[1] ?? '';
    // The relative data directory is the working directory's data/.
    expect(existsSync(path.join(cwd, 'data', 'pglite', 'PG_VERSION'))).toBe(true);
    mkdirSync(path.join(cwd, 'data', 'blobs', 'org'), { recursive: true });
    writeFileSync(path.join(cwd, 'data', 'blobs', 'org', 'photo.jpg'), 'GEHEIME-FOTO');
    for (const [urlPath, file] of [
      ['/data/pglite/PG_VERSION', 'data/pglite/PG_VERSION'],
      ['/data/pglite/postgresql.conf', 'data/pglite/postgresql.conf'],
      ['/data/pglite.lock', 'data/pglite.lock'],
      ['/data/blobs/org/photo.jpg', 'data/blobs/org/photo.jpg'],
      ['/%64ata/blobs/org/photo.jpg', 'data/blobs/org/photo.jpg'],
      ['/./data/blobs/org/photo.jpg', 'data/blobs/org/photo.jpg'],
    ] as const) {
      const secret = readFileSync(path.join(cwd, file), 'utf8');
      const response = await fetch(`${url}${urlPath}`);
      const text = await response.text();
      expect(text, urlPath).not.toBe(secret);
      expect(text, urlPath).not.toContain('GEHEIME-FOTO');
      expect(response.headers.get('x-content-type-options'), urlPath).toBe('nosniff');
    }
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('refuses to start when SCHOUW_DIST_DIR holds the data directory', async () => {
    const cwd = makeTempDir('process-cwd');
    const server = startProcess(
      { PORT: '0', SCHOUW_DATA_DIR: 'data', SCHOUW_DIST_DIR: '.' },
      { cwd },
    );
    expect(await server.exited).toBe(1);
    expectOneLineFailure(server, /bevat de datamap.*contains the data directory/);
  });
});

describe('a server process with PostgreSQL', PROCESS_TESTS, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('uses DATABASE_URL, reports it in health and exits 0 on SIGINT', async () => {
    const server = startProcess(
      {
        PORT: '0',
        SCHOUW_DATA_DIR: makeTempDir('process'),
        DATABASE_URL: database.url,
        SCHOUW_DEMO: '1',
      },
      { via: 'node' },
    );
    const match = await server.waitForOutput(LISTENING);
    expect(match[3]).toBe('postgres');
    const response = await fetch(`${match[1]}/api/health`);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: 'postgres',
      schemaVersion: loadMigrations().length,
    });
    const seeded = await openPostgresStore(database.url);
    try {
      const { rows } = await seeded.query<{ objects: number }>(
        'SELECT count(*)::int AS objects FROM verblijfsobjecten',
      );
      expect(rows[0]?.objects).toBe(242);
    } finally {
      await seeded.close();
    }

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/Schouw is gestopt/);
  });

  it('finishes migrating and seeding when SIGTERM arrives during start-up, then exits 0', async () => {
    const early = await createTestDatabase();
    try {
      const server = startProcess(
        {
          PORT: '0',
          SCHOUW_DATA_DIR: makeTempDir('process'),
          DATABASE_URL: early.url,
          SCHOUW_DEMO: '1',
        },
        { via: 'node' },
      );
      await server.waitForOutput(/Migratie toegepast/);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.stdout()).toMatch(/Demodata aangemaakt[\s\S]*Schouw is gestopt/);

      const check = await openPostgresStore(early.url);
      try {
        const { rows } = await check.query<{ organisations: number; objects: number }>(
          `SELECT (SELECT count(*) FROM organisations) AS organisations,
                  (SELECT count(*) FROM verblijfsobjecten) AS objects`,
        );
        expect(rows[0]).toEqual({ organisations: 1, objects: 242 });
      } finally {
        await check.close();
      }
    } finally {
      await early.drop();
    }
  });

  it('starts with `npm run serve` and stops cleanly on Ctrl-C (SIGINT to the process group)', async () => {
    const port = await freePort();
    const server = startProcess(
      { PORT: String(port), SCHOUW_DATA_DIR: makeTempDir('process'), DATABASE_URL: database.url },
      { via: 'npm run serve' },
    );
    await server.waitForOutput(LISTENING);
    expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);

    process.kill(-(server.child.pid ?? 0), 'SIGINT');
    await server.closed;
    expect(server.stdout()).toMatch(/Schouw is gestopt/);
    await expect(fetch(`http://localhost:${port}/api/health`)).rejects.toThrow();
  });
});

describe('start-up failures', PROCESS_TESTS, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });

  it('explains an unreachable DATABASE_URL in one line, without the password', async () => {
    const port = await freePort();
    const server = startProcess({
      PORT: '0',
      SCHOUW_DATA_DIR: makeTempDir('process'),
      DATABASE_URL: `postgres://schouw:supergeheim@127.0.0.1:${port}/schouw`,
    });
    expect(await server.exited).toBe(1);
    expectOneLineFailure(
      server,
      /Kan PostgreSQL niet bereiken.*cannot reach PostgreSQL.*ECONNREFUSED/,
    );
    expect(server.stderr()).not.toContain('supergeheim');
  });

  it('explains a data directory that cannot be created', async () => {
    const blocker = path.join(makeTempDir('process'), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const server = startProcess({ PORT: '0', SCHOUW_DATA_DIR: path.join(blocker, 'data') });
    expect(await server.exited).toBe(1);
    expectOneLineFailure(
      server,
      /datamap .* is niet schrijfbaar \(the data directory is not writable\)/,
    );
  });

  it('explains a data directory without write permission', async () => {
    const dataDir = makeTempDir('readonly');
    chmodSync(dataDir, 0o555);
    cleanups.push(() => chmodSync(dataDir, 0o755));
    // Root ignores permission bits, so as root the server runs as 'nobody' for this test.
    const asRoot = process.getuid?.() === 0;
    const server = startProcess(
      { PORT: '0', SCHOUW_DATA_DIR: dataDir },
      { via: 'node', asUser: asRoot ? 'nobody' : undefined },
    );
    expect(await server.exited).toBe(1);
    expectOneLineFailure(server, /is niet schrijfbaar.*EACCES/);
  });

  it('explains an invalid PORT in one line', async () => {
    const server = startProcess({ PORT: 'achtduizend', SCHOUW_DATA_DIR: makeTempDir('process') });
    expect(await server.exited).toBe(1);
    expectOneLineFailure(server, /PORT moet een geheel getal.*PORT must be a whole number/);
  });
});
