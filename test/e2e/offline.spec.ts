import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { expect, test } from './support/test.ts';

test.describe('offline app shell', () => {
  test('after one online visit the app opens offline: on reload, in a new tab and on deep links', async ({
    page,
    context,
  }) => {
    const app = new AppShell(page);
    await app.open('/');
    await expect(app.heading(nl['home.title'])).toBeVisible();
    await app.waitForServiceWorkerControl();

    await context.setOffline(true);

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(app.heading(nl['home.title'])).toBeVisible();
    await expect(app.connectivity).toHaveText(nl['status.offline']);

    const tab = new AppShell(await context.newPage());
    await tab.open('/');
    await expect(tab.heading(nl['home.title'])).toBeVisible();

    const portfolio = await tab.open('/portefeuille');
    expect(portfolio?.fromServiceWorker()).toBe(true);
    await expect(tab.heading(nl['portfolio.title'])).toBeVisible();

    // A route the app does not know yet still gets the shell; the router shows its own page.
    await tab.open('/complexen/abc/inspecties');
    await expect(tab.heading(nl['notFound.title'])).toBeVisible();
    await expect(tab.navLink(nl['nav.portfolio'])).toBeVisible();

    // And the shell is alive, not a dead snapshot: client-side navigation works offline.
    await tab.navLink(nl['nav.portfolio']).click();
    await expect(tab.heading(nl['portfolio.title'])).toBeVisible();
  });

  test('API requests are never answered from a cache by the service worker', async ({
    page,
    context,
  }) => {
    const app = new AppShell(page);
    await app.open('/');
    await app.waitForServiceWorkerControl();
    const health = () =>
      page.evaluate(() =>
        fetch('/api/health').then(
          (response) => response.status,
          () => 'network error',
        ),
      );

    expect(await health()).toBe(200);
    await context.setOffline(true);
    expect(await health()).toBe('network error');
    expect((await app.cacheNames()).some((name) => name.includes('runtime'))).toBe(false);
  });
});
