// Starts the real Schouw server (src/server/main.ts) as a release of its own: a folder with a copy
// of the server sources, package.json and a build, like a deployment. A test can stop it and start
// the next release on the same origin. Relies only on the server's contract: it serves the dist
// folder next to its sources with an SPA fallback, reads PORT and SCHOUW_DATA_DIR, and answers
// GET /api/health.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// SCHOUW_DIST_DIR: the build of a parallel run (README, Tests), as the server itself reads it.
export const builtDist = process.env.SCHOUW_DIST_DIR || join(repoRoot, 'dist');

export interface AppServer {
  origin: string;
  stop(): Promise<void>;
}

/** Lays out a release in `releaseDir` from the working tree and `fromDist`; returns its dist. */
export function prepareRelease(releaseDir: string, fromDist = builtDist): string {
  mkdirSync(releaseDir, { recursive: true });
  cpSync(join(repoRoot, 'src'), join(releaseDir, 'src'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(releaseDir, 'package.json'));
  symlinkSync(join(repoRoot, 'node_modules'), join(releaseDir, 'node_modules'), 'dir');
  const dist = join(releaseDir, 'dist');
  cpSync(fromDist, dist, { recursive: true });
  return dist;
}

/** Runs the server of a release prepared by prepareRelease. */
export async function startAppServer(options: {
  releaseDir: string;
  dataDir: string;
  port: number;
}): Promise<AppServer> {
  const origin = `http://localhost:${options.port}`;
  if (await isHealthy(origin)) {
    throw new Error(`Port ${options.port} is already served by another process`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(options.releaseDir, 'src/server/main.ts')],
    {
      cwd: options.releaseDir,
      // A release serves its own build, whatever SCHOUW_DIST_DIR this run was given; the working
      // tree (the benchmarks) serves this run's build.
      env: {
        ...process.env,
        PORT: String(options.port),
        SCHOUW_DATA_DIR: options.dataDir,
        SCHOUW_DIST_DIR:
          options.releaseDir === repoRoot ? builtDist : join(options.releaseDir, 'dist'),
      },
      // Own process group, so stop() ends tsx and the node process it starts, and nothing else.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  // If this process dies without calling stop(), take the server down with it.
  const killOnExit = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
    }
    await exited;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`Server exited with code ${child.exitCode} before it was ready:\n${stderr}`);
    }
    if (await isHealthy(origin)) return { origin, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Server on port ${options.port} not ready within 30 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function isHealthy(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/health`)).ok;
  } catch {
    return false; // not listening (yet)
  }
}
