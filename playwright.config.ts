import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';

// E2E_PORT and E2E_OUTPUT_DIR let several runs share one machine (each with its own build via
// SCHOUW_DIST_DIR, see README); the defaults are what `npm test` uses.
const PORT = Number(process.env.E2E_PORT ?? 4180);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  // Files run in parallel (CI has 2 cores); tests inside a file share servers and run in order.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    // Service workers need a secure context; http://localhost is one.
    serviceWorkers: 'allow',
    locale: 'nl-NL',
    trace: 'retain-on-failure',
  },
  webServer: {
    // The real server on the production build (`npm run test:e2e` builds first), with a fresh
    // data directory per run that the wrapper removes afterwards.
    command: 'npx tsx test/e2e/support/web-server.ts',
    url: `http://localhost:${PORT}/api/health`,
    env: { PORT: String(PORT) },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
