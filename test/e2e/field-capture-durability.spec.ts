// Durability around the field-capture screens: a first run that cannot reach the server says so
// and recovers by itself, and unsynced work that gets old raises a warning that leads to the
// backup.
import { expect, test, type Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { FieldCapture } from './pages/field-capture.ts';

const PORTFOLIO = '**/api/demo/portfolio';

async function startAnyInspection(page: Page): Promise<void> {
  const app = new FieldCapture(page);
  await app.navLink('nav.portfolio').click();
  await app.search('C-1001');
  await page
    .getByRole('link', { name: /C-1001 Plusflat Botersloot/ })
    .first()
    .click();
  await page.locator('a.dwelling-tile').first().click();
  await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
  await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
}

test.describe('field capture durability', () => {
  test('a first run without the server says so clearly and fetches the portfolio once the network is back', async ({
    page,
    context,
  }) => {
    const shell = new AppShell(page);
    const firstRun = page.getByTestId('first-run');
    await context.route(PORTFOLIO, (route) => route.abort('internetdisconnected'));
    await shell.open('/');
    await expect(firstRun).toContainText(nl['firstRun.failed.title']);
    await expect(firstRun).toContainText(nl['firstRun.failed.network']);
    await shell.waitForServiceWorkerControl();

    await context.setOffline(true);
    await page.reload();
    await expect(firstRun).toContainText(nl['firstRun.offline.title']);
    await expect(firstRun).toContainText(nl['firstRun.offline.explain']);

    await context.unroute(PORTFOLIO);
    await context.setOffline(false);
    await expect(firstRun).toContainText(nl['firstRun.imported.title'], { timeout: 30_000 });
    await new FieldCapture(page).navLink('nav.portfolio').click();
    await expect(page.getByTestId('complex-list').getByRole('listitem')).toHaveCount(5);
  });

  test('unsynced work older than three days raises a warning that leads to the backup', async ({
    page,
  }) => {
    await page.clock.install();
    const shell = new AppShell(page);
    await shell.open('/');
    await expect(page.getByTestId('first-run')).toContainText(nl['firstRun.imported.title'], {
      timeout: 30_000,
    });
    await startAnyInspection(page);
    const warning = page.getByTestId('unsynced-warning');
    await expect(warning).toHaveCount(0);

    await page.clock.fastForward(71 * 60 * 60 * 1000);
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward(2 * 60 * 60 * 1000);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(nl['durability.noBackup']);

    await warning.getByRole('link', { name: nl['durability.makeBackup'] }).click();
    await expect(shell.heading(nl['settings.title'])).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: nl['backup.export'] }).click();
    await download;
    // The work is still unsent, so the warning stays, now naming the backup just made.
    await expect(warning).toContainText('Laatste back-up:');
  });
});
