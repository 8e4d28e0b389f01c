// Durability around the field-capture screens: a first run that cannot reach the server says so
// and recovers by itself, and unsynced work that gets old raises a warning that leads to the
// backup.
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { FieldCapture } from './pages/field-capture.ts';
import { installOnline, signIn } from './support/session.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
/** The sync pull: it brings the portfolio to a signed-in device. */
const PULL = '**/api/sync/pull**';

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
  test('a first run asks for sign-in, says clearly when the server cannot be reached, and fetches the portfolio once the network is back', async ({
    page,
    context,
  }) => {
    const firstRun = page.getByTestId('first-run');
    // Before sign-in nothing of the portfolio is fetched: the app asks for sign-in.
    const portfolioRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/(sync|demo)\//.test(request.url())) portfolioRequests.push(request.url());
    });
    await installOnline(page);
    await expect(firstRun).toContainText(nl['firstRun.signIn.explain']);
    expect(portfolioRequests).toEqual([]);
    await new FieldCapture(page).navLink('nav.portfolio').click();
    await expect(page.getByText(nl['portfolio.empty'])).toBeVisible();
    await expect(page.getByTestId('complex-list')).toHaveCount(0);

    await context.route(PULL, (route) => route.abort('internetdisconnected'));
    await signIn(page, INSPECTEUR);
    await new FieldCapture(page).navLink('nav.home').click();
    await expect(firstRun).toContainText(nl['firstRun.failed.title']);
    await expect(firstRun).toContainText(nl['firstRun.failed.network']);

    await context.setOffline(true);
    await page.reload();
    await expect(firstRun).toContainText(nl['firstRun.offline.title']);
    await expect(firstRun).toContainText(nl['firstRun.offline.explain']);

    await context.unroute(PULL);
    await context.setOffline(false);
    await expect(firstRun).toContainText(nl['firstRun.imported.title'], { timeout: 30_000 });
    await new FieldCapture(page).navLink('nav.portfolio').click();
    await expect(page.getByTestId('complex-list').getByRole('listitem')).toHaveCount(5);
  });

  test('unsynced work older than three days raises a warning that leads to the backup', async ({
    page,
    context,
  }) => {
    await page.clock.install();
    const shell = new AppShell(page);
    await installOnline(page, { as: INSPECTEUR });
    // Offline, so the work stays unsynced.
    await context.setOffline(true);
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
