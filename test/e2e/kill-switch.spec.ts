import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nl } from '../../src/app/i18n/messages.ts';
import { prepareRelease, repoRoot, startAppServer, type AppServer } from '../support/app-server.ts';
import { AppShell } from './pages/app-shell.ts';
import { replaceServiceWorker } from './support/builds.ts';
import { expect, test } from './support/test.ts';

const PORT = 4182;
// Every deploy starts a real server (embedded database, migrations): slow on a busy machine.
test.describe.configure({ timeout: 120_000 });
let work: string;
let server: AppServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(work, { recursive: true, force: true });
});

test('the kill switch deployed as /sw.js takes over unasked and leaves every request to the network', async ({
  page,
  context,
}) => {
  work = mkdtempSync(join(tmpdir(), 'schouw-e2e-kill-'));
  prepareRelease(join(work, 'broken'));
  replaceServiceWorker(
    prepareRelease(join(work, 'kill-switch')),
    join(repoRoot, 'public/sw-kill-switch.js'),
  );
  const dataDir = join(work, 'data');

  server = await startAppServer({ releaseDir: join(work, 'broken'), dataDir, port: PORT });
  const app = new AppShell(page);
  await app.open(`${server.origin}/`);
  await app.waitForServiceWorkerControl();
  expect((await app.cacheNames()).some((name) => name.startsWith('workbox-precache'))).toBe(true);
  const localWork = await page.evaluate(async () => {
    localStorage.setItem('unsent', 'keep me');
    return (await indexedDB.databases()).length;
  });
  await app.markDocument('open page');

  await server.stop();
  server = await startAppServer({ releaseDir: join(work, 'kill-switch'), dataDir, port: PORT });
  await app.checkForUpdate();

  await page.waitForFunction(
    async () => !(await caches.keys()).some((name) => name.startsWith('workbox-')),
  );
  await expect.poll(() => app.serviceWorkerState()).toEqual({ controlled: true, waiting: false });
  // It does not reload open pages; the app offers a reload as for any new version.
  expect(await app.documentMark()).toBe('open page');
  await expect(app.updateBanner).toBeVisible();

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(false);
  await expect(app.heading(nl['home.title'])).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('unsent'))).toBe('keep me');
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(localWork);

  // The price: until a fixed release ships, the app needs the network.
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});
