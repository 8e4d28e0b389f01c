// Playwright's webServer: the real server (`tsx src/server/main.ts`) on the production build,
// with a fresh data directory that is removed again when the server stops.
// Env: PORT (required). Playwright stops the process group with SIGTERM (gracefulShutdown).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/app-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'schouw-e2e-'));
const server = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
  cwd: repoRoot,
  env: { ...process.env, SCHOUW_DATA_DIR: dataDir },
  stdio: 'inherit',
});
// The signal reaches the server through the process group; this process only waits for it.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => undefined);
server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
