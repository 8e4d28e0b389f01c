// Vitest global setup for the `server` project: provides a real PostgreSQL to the tests.
// TEST_DATABASE_URL (a role allowed to CREATE DATABASE) is used when set; otherwise a
// throwaway cluster is created from the installed PostgreSQL binaries in a temp dir,
// listening on 127.0.0.1 with trust authentication, and removed afterwards. Without either
// the run fails: server tests must never silently skip PostgreSQL.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection URL; tests create their own databases through it. */
    postgresUrl: string;
  }
}

const INSTALL_HINT =
  'PostgreSQL is needed for the server tests: install postgresql (apt-get install postgresql) ' +
  'or set TEST_DATABASE_URL to a server where the role may CREATE DATABASE.';

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface PostgresUser {
  uid: number;
  gid: number;
}

function postgresUser(): PostgresUser {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no 'postgres' user to run it as. ${INSTALL_HINT}`,
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL binary; as root it runs as the postgres user (postgres refuses root). */
function runAsOwner(asRoot: boolean, command: string, args: string[]) {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

interface Cluster {
  url: string;
  stop(): void;
}

async function startCluster(binDir: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;
  const baseDir = mkdtempSync(path.join(tmpdir(), 'schouw-pg-'));
  if (owner) chownSync(baseDir, owner.uid, owner.gid);
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');
  const cleanup = () => rmSync(baseDir, { recursive: true, force: true });

  const initdb = runAsOwner(asRoot, path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  if (initdb.status !== 0) {
    cleanup();
    throw new Error(`initdb failed: ${initdb.stderr || initdb.stdout}`);
  }

  // Another process may take the free port before postgres binds it; try a few.
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${baseDir}`,
      // A throwaway cluster needs no crash safety; this makes CREATE DATABASE per test cheap.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = runAsOwner(asRoot, path.join(binDir, 'pg_ctl'), [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    if (start.status === 0) {
      const stop = () => {
        runAsOwner(asRoot, path.join(binDir, 'pg_ctl'), [
          '-D',
          dataDir,
          '-m',
          'immediate',
          '-w',
          'stop',
        ]);
        cleanup();
      };
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
    }
    if (attempt === 3) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      cleanup();
      throw new Error(`pg_ctl start failed: ${start.stderr || start.stdout}\n${log}`);
    }
  }
  throw new Error('unreachable');
}

export default async function setup(project: TestProject): Promise<() => void> {
  const fromEnv = process.env.TEST_DATABASE_URL?.trim();
  if (fromEnv) {
    project.provide('postgresUrl', fromEnv);
    return () => undefined;
  }
  const binDir = findBinDir();
  if (!binDir)
    throw new Error(`No PostgreSQL binaries in /usr/lib/postgresql/*/bin. ${INSTALL_HINT}`);

  const cluster = await startCluster(binDir);
  // If vitest is interrupted before teardown, do not leave a postgres running.
  const onExit = () => cluster.stop();
  process.once('exit', onExit);
  project.provide('postgresUrl', cluster.url);
  return () => {
    process.off('exit', onExit);
    cluster.stop();
  };
}
