// The Content-Security-Policy in real Chromium, against the production build and the real server:
// the app works online and offline under it (every spec fails on a violation, see support/test.ts),
// the policy still holds when the service worker answers offline, and the security headers are
// on the page, the worker script and API answers.
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { installOnline } from './support/session.ts';
import { expect, test } from './support/test.ts';

type ProbedWindow = Window & { inlineRan?: boolean };

test.describe('security headers and the CSP', () => {
  test('the page, the service worker and the API carry the headers', async ({ request }) => {
    for (const url of ['/', '/portefeuille', '/sw.js', '/manifest.webmanifest', '/api/health']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const headers = response.headers();
      expect(headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(headers['content-security-policy'], url).toContain("connect-src 'self'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
    }
    const refused = await request.get('/api/users');
    expect(refused.status()).toBe(401);
    expect(refused.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('an injected inline script does not run, online and when the service worker serves the page offline', async ({
    page,
    context,
    csp,
  }) => {
    csp.expectViolation(/script-src/);
    const shell = new AppShell(page);
    await installOnline(page, { as: 'inspecteur@demo.schouw.nl' });

    const inject = () =>
      page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true;';
        document.body.append(script);
        return (window as ProbedWindow).inlineRan === true;
      });
    expect(await inject()).toBe(false);

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(shell.heading(nl['home.title'])).toBeVisible();
    expect(await inject()).toBe(false);
    // The app itself still works offline under the policy.
    await shell.navLink(nl['nav.portfolio']).click();
    await expect(page.getByTestId('complex-list').getByRole('listitem')).toHaveCount(5);
  });
});
