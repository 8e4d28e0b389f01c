import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { nl } from '../../src/app/i18n/messages.ts';
import { prepareRelease, startAppServer, type AppServer } from '../support/app-server.ts';
import { AppShell } from './pages/app-shell.ts';
import { makeNewerBuild } from './support/builds.ts';
import { expect, test } from './support/test.ts';

// Each test deploys two releases on one origin: this port, then the next release on the same one.
// Beside the shared server's E2E_PORT (4181 by default), so parallel runs never share it.
const PORT = Number(process.env.E2E_PORT ?? 4180) + 1;
// Every deploy starts a real server (embedded database, migrations): slow on a busy machine.
test.describe.configure({ timeout: 120_000 });
let work: string;
let server: AppServer | undefined;

test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'schouw-e2e-update-'));
  prepareRelease(join(work, 'current'));
  makeNewerBuild(prepareRelease(join(work, 'next')), 'e2e-next');
});

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(work, { recursive: true, force: true });
});

async function deploy(release: 'current' | 'next'): Promise<string> {
  await server?.stop();
  server = await startAppServer({
    releaseDir: join(work, release),
    dataDir: join(work, 'data'),
    port: PORT,
  });
  return server.origin;
}

test.describe('service worker updates', () => {
  test('a newer version is offered, and nothing reloads until the user accepts it', async ({
    page,
  }) => {
    const origin = await deploy('current');
    const app = new AppShell(page);
    await app.open(`${origin}/instellingen`);
    await app.waitForServiceWorkerControl();
    await app.markDocument('no reload yet');

    await deploy('next');
    await app.checkForUpdate();

    await expect(app.updateBanner).toBeVisible();
    await expect(app.updateBanner).toContainText(nl['update.available']);
    expect(await app.documentMark()).toBe('no reload yet');
    expect(await app.serviceWorkerState()).toEqual({ controlled: true, waiting: true });
    const axe = await new AxeBuilder({ page }).include('[data-testid="update-banner"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    await app.laterButton.click();
    await expect(app.updateBanner).toBeHidden();
    // The user keeps working in the old version; the new one keeps waiting.
    await app.navLink(nl['nav.home']).click();
    await expect(app.heading(nl['home.title'])).toBeVisible();
    expect(await app.documentMark()).toBe('no reload yet');
    expect(await app.buildId()).toBeNull();
    expect(await app.serviceWorkerState()).toEqual({ controlled: true, waiting: true });

    // Reloading keeps the old worker (it still controls the page) and offers the update again.
    await page.reload();
    await expect(app.updateBanner).toBeVisible();
    expect(await app.buildId()).toBeNull();
    await app.markDocument('before accepting');

    await Promise.all([page.waitForEvent('load'), app.acceptUpdateButton.click()]);
    expect(await app.documentMark()).toBeUndefined();
    await expect(app.heading(nl['home.title'])).toBeVisible();
    expect(await app.buildId()).toBe('e2e-next');
    expect(await app.serviceWorkerState()).toEqual({ controlled: true, waiting: false });
    await expect(app.updateBanner).toBeHidden();

    // The new worker serves the new release offline.
    await page.context().setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    expect(await app.buildId()).toBe('e2e-next');
  });

  test('a tablet that comes back online finds the new version and offers it', async ({
    page,
    context,
  }) => {
    const origin = await deploy('current');
    const app = new AppShell(page);
    await app.open(`${origin}/`);
    await app.waitForServiceWorkerControl();
    await context.setOffline(true);

    await deploy('next');
    await context.setOffline(false); // the app checks for a new version on "online"

    await expect(app.updateBanner).toBeVisible();
    expect(await app.buildId()).toBeNull();
    expect(await app.serviceWorkerState()).toEqual({ controlled: true, waiting: true });
  });

  test('an update accepted in one tab does not reload another tab until its user accepts too', async ({
    context,
  }) => {
    const origin = await deploy('current');
    const first = new AppShell(await context.newPage());
    await first.open(`${origin}/`);
    await first.waitForServiceWorkerControl();
    const second = new AppShell(await context.newPage());
    await second.open(`${origin}/instellingen`);
    await second.markDocument('second tab');

    await deploy('next');
    await first.checkForUpdate();
    await expect(first.updateBanner).toBeVisible();
    await expect(second.updateBanner).toBeVisible();
    await second.laterButton.click();

    await Promise.all([first.page.waitForEvent('load'), first.acceptUpdateButton.click()]);
    expect(await first.buildId()).toBe('e2e-next');

    // The second tab now runs old code under the new worker: it asks again instead of reloading.
    await expect(second.updateBanner).toBeVisible();
    expect(await second.documentMark()).toBe('second tab');
    expect(await second.buildId()).toBeNull();

    await Promise.all([second.page.waitForEvent('load'), second.acceptUpdateButton.click()]);
    expect(await second.documentMark()).toBeUndefined();
    expect(await second.buildId()).toBe('e2e-next');
    await expect(second.heading(nl['settings.title'])).toBeVisible();
  });
});
