// Production from nothing: `npm run admin -- organisation create` on an empty data directory, the
// server started on it, and the new beheerder signs in in Chromium with the one-time code, sees
// no "Demo-omgeving" and sets the organisation's name. The demo server of the other specs shows
// the banner, so its absence here means something.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nl } from '../../src/app/i18n/messages.ts';
import { repoRoot } from '../support/app-server.ts';
import { expectNoSevereAxeViolations, signIn } from './support/session.ts';
import { expect, test } from './support/test.ts';

// Beside the shared server's port (E2E_PORT), so parallel runs with their own E2E_PORT never meet.
const PORT = Number(process.env.E2E_PORT ?? 4180) + 5;
const origin = `http://localhost:${PORT}`;

let dataDir: string;
let server: ChildProcess | undefined;
let setupCode = '';

function admin(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/admin.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, SCHOUW_DATA_DIR: dataDir, DATABASE_URL: '' } },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
    );
  });
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error('the server stopped during start-up');
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer on ${origin}/api/health`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'schouw-e2e-organisation-'));
  const output = await admin([
    'organisation',
    'create',
    '--name',
    'Woonstichting Noord',
    '--slug',
    'woonstichting-noord',
    '--admin-email',
    'anna@noord.nl',
    '--admin-name',
    'Anna de Vries',
  ]);
  setupCode = /Eenmalige code[^:]*: (\S+)/.exec(output)?.[1] ?? '';
  expect(setupCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  server = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(PORT), SCHOUW_DATA_DIR: dataDir, DATABASE_URL: '' },
    detached: true,
    stdio: 'ignore',
  });
  await waitForHealth();
});

test.afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('the beheerder made by npm run admin signs in with the one-time code, in no demo', async ({
  page,
}) => {
  await page.goto(`${origin}/account`);
  await page.getByRole('button', { name: nl['account.setupCode.open'] }).click();
  await expectNoSevereAxeViolations(page, { label: 'one-time code form' });
  await page.getByLabel(nl['account.field.email']).fill('anna@noord.nl');
  await page
    .getByLabel(nl['account.setupCode.code'], { exact: true })
    .fill(setupCode.toLowerCase());
  await page
    .getByLabel(nl['account.setupCode.password'], { exact: true })
    .fill('annas-wachtwoord-1');
  await page.getByLabel(nl['account.setupCode.repeat']).fill('annas-wachtwoord-1');
  await page.getByRole('button', { name: nl['account.setupCode.submit'] }).click();

  await expect(page.getByTestId('signed-in-as')).toContainText('Anna de Vries');
  await expect(page.getByTestId('signed-in-as')).toContainText('Woonstichting Noord');
  await expect(page.getByText(nl['demo.banner.title'])).toHaveCount(0);

  // The beheerder names the organisation as its reports should show it.
  await page.getByRole('link', { name: nl['nav.settings'] }).click();
  const name = page.getByLabel(nl['settings.organisation.name']);
  await expect(name).toHaveValue('Woonstichting Noord');
  await expectNoSevereAxeViolations(page, { label: 'organisation settings' });
  await name.fill('Woonstichting Noord-Holland');
  await page.getByRole('button', { name: nl['settings.organisation.save'] }).click();
  await expect(page.getByTestId('organisation-saved')).toBeVisible();
  await expect(page.getByText(nl['demo.banner.title'])).toHaveCount(0);

  // The code was for one use only.
  const again = await fetch(`${origin}/api/auth/setup-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'anna@noord.nl',
      code: setupCode,
      password: 'nog-een-wachtwoord',
    }),
  });
  expect(again.status).toBe(401);
});

test('the demo organisation of a newcomer’s server says Demo-omgeving on every screen', async ({
  page,
}) => {
  await signIn(page, 'beheerder@demo.schouw.nl', { via: 'url' });
  await expect(page.getByTestId('demo-banner')).toContainText(nl['demo.banner.title']);
  await page.getByRole('link', { name: nl['nav.settings'] }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expectNoSevereAxeViolations(page, { label: 'demo banner' });
});
