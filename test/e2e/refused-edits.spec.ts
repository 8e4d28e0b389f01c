// Nobody edits what the server will refuse (issue 11, item 2), with two devices (browser
// contexts) against the real server: team veiligheid sees the inspecteur's inspection read-only,
// with its owner's name and status, and not on its "Mijn planning". When the server does refuse
// a change (the inspecteur, offline, moved on an action that veiligheid had closed), the
// inspecteur's device shows the server's action with "Niet opgeslagen: <reason>" where the change
// was made, and the status bar counts it as refused, never "Alles verzonden". An answer that a
// later edit on another tablet replaced says by whom and when; the history keeps the old value.
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture, text } from './pages/field-capture.ts';
import { Devices, installOnline, signIn, syncNow } from './support/session.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const VEILIGHEID = 'veiligheid@demo.schouw.nl';
const ACTION = `Nooduitgang vrijmaken ${Date.now().toString(36)}`;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The moments as the page shows a date and time (Dutch, Europe/Amsterdam), without repeats. */
async function shownTimes(page: Page, moments: readonly number[]): Promise<string[]> {
  const shown = await page.evaluate(
    (list) =>
      list.map((moment) =>
        new Date(moment).toLocaleString('nl-NL', {
          timeZone: 'Europe/Amsterdam',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }),
      ),
    moments,
  );
  return [...new Set(shown)];
}

test('refused work is visible where it was made, and a colleague’s inspection is read-only', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const devices = new Devices(browser);
  try {
    const a = await devices.open();
    const b = await devices.open();
    const inspector = new FieldCapture(a.page);
    const safety = new FieldCapture(b.page);

    let inspectionId = '';
    let actionId = '';
    await test.step('the inspecteur starts a round, answers, records an action and syncs', async () => {
      await installOnline(a.page);
      await signIn(a.page, INSPECTEUR);
      await inspector.openComplex('Werkendam', 'C-2001 Dorpshof Werkendam');
      await a.page.getByTestId('pand').first().getByRole('link').first().click();
      await inspector
        .module('brandveiligheidsronde')
        .getByRole('button', { name: nl['module.start'] })
        .click();
      await expect(inspector.heading(nl['module.brandveiligheidsronde'])).toBeVisible();
      inspectionId = inspector.inspectionId();
      await inspector.choose('zorgwoningen', nl['answer.nee']);
      await inspector.tab('inspection.tab.findings').click();
      const form = a.page.getByTestId('new-finding');
      await form.getByLabel(nl['finding.location'], { exact: true }).fill('Achteruitgang');
      await form.getByLabel(nl['finding.description']).fill('Fietsen voor de nooduitgang');
      await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
      await form.getByLabel(nl['action.enable']).check();
      await form.getByLabel(nl['action.what']).fill(ACTION);
      await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
      await expect(form.getByText(nl['finding.added'])).toBeVisible();
      await syncNow(a.page);
      await inspector.navLink('nav.actions').click();
      await a.page.getByTestId('action-card').filter({ hasText: ACTION }).click();
      actionId = /\/acties\/([^/?#]+)/.exec(a.page.url())?.[1] ?? '';
      expect(actionId).not.toBe('');
    });

    await test.step('veiligheid sees the inspection read-only, with owner and status, not on its planning', async () => {
      await installOnline(b.page);
      await signIn(b.page, VEILIGHEID);
      await syncNow(b.page);
      await safety.navLink('nav.home').click();
      await expect(safety.heading(nl['home.title'])).toBeVisible();
      await expect(b.page.locator(`a[href^="/inspecties/${inspectionId}"]`)).toHaveCount(0);
      await b.page.goto(`/inspecties/${inspectionId}`);
      const banner = b.page.getByTestId('read-only');
      await expect(banner).toContainText('Demo Inspecteur');
      await expect(banner).toContainText(nl['inspection.status.draft']);
      await expect(
        safety.question('zorgwoningen').getByRole('radio', { name: nl['answer.ja'], exact: true }),
      ).toBeDisabled();
      await expect(b.page.getByRole('button', { name: nl['finish.button'] })).toHaveCount(0);
    });

    await test.step('veiligheid closes the action while the inspecteur is offline; then the inspecteur moves it on', async () => {
      await a.context.setOffline(true);
      await expect(a.page.getByTestId('connectivity')).toHaveText(nl['status.offline']);

      await b.page.goto(`/acties/${actionId}`);
      const close = b.page.getByTestId('status-form');
      await close.getByRole('radio', { name: nl['action.status.afgerond'] }).check();
      await close.getByLabel(nl['actions.note.required']).fill('Fietsen verwijderd');
      await close.getByRole('button', { name: nl['actions.save'] }).click();
      await expect(b.page.getByTestId('action-history')).toContainText('Fietsen verwijderd');
      await syncNow(b.page);

      // The inspecteur's tablet still shows it open, and the change is made later than the close.
      const form = a.page.getByTestId('status-form');
      await form.getByRole('radio', { name: nl['action.status.in-behandeling'] }).check();
      await form.getByRole('button', { name: nl['actions.save'] }).click();
      await expect(a.page.getByTestId('action-card')).toContainText(
        nl['action.status.in-behandeling'],
      );
    });

    await test.step('back online, the refused change shows where it was made and counts as refused', async () => {
      await a.context.setOffline(false);
      await inspector.navLink('nav.settings').click();
      const panel = a.page.getByTestId('sync-panel');
      await expect(panel.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 });
      await panel.getByTestId('sync-now').click();
      await expect(panel.getByTestId('sync-rejected')).toBeVisible();
      await expect(a.page.getByTestId('refused-count')).toHaveText(
        text('status.refused', { count: 1 }),
      );
      await expect(a.page.getByTestId('pending-count')).not.toHaveText(nl['status.pending.none']);

      await a.page.goto(`/acties/${actionId}`);
      await expect(a.page.getByTestId('refused-notice')).toContainText(
        nl['refused.notice'].replace('{reason}', ''),
      );
      // The device shows the server's action again: closed by veiligheid.
      await expect(a.page.getByTestId('action-card')).toContainText(nl['action.status.afgerond']);
      await expect(a.page.getByTestId('refused-count')).toBeVisible();
      await expect(a.page.getByTestId('pending-count')).not.toHaveText(nl['status.pending.none']);
    });

    await test.step('a later edit of the inspecteur on a second tablet replaces the answer: the first tablet says by whom and keeps its value in the history', async () => {
      const c = await devices.open();
      await installOnline(c.page);
      await signIn(c.page, INSPECTEUR);
      await syncNow(c.page);
      await c.page.goto(`/inspecties/${inspectionId}`);
      const before = Date.now();
      await new FieldCapture(c.page).choose('zorgwoningen', nl['answer.ja']);
      const after = Date.now();
      await syncNow(c.page);

      await inspector.navLink('nav.settings').click();
      const panel = a.page.getByTestId('sync-panel');
      await expect(panel.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 });
      await panel.getByTestId('sync-now').click();
      await a.page.goto(`/inspecties/${inspectionId}`);
      const question = inspector.question('zorgwoningen');
      await expect(
        question.getByRole('radio', { name: nl['answer.ja'], exact: true }),
      ).toBeChecked();
      // The second tablet is signed in as the same inspecteur as this one, so the author is "u"
      // (the viewer); the time is that of the edit on the second tablet.
      const changedBy = (await shownTimes(a.page, [before, after])).map((date) =>
        text('answer.changedBy', { name: nl['users.you'], date }),
      );
      await expect(question.getByTestId('answer-changed-by')).toHaveText(
        new RegExp(`^(${changedBy.map(escapeRegExp).join('|')})$`),
      );
      await a.page.goto(`/inspecties/${inspectionId}/overzicht`);
      const replaced = a.page
        .getByTestId('history')
        .locator('tr')
        .filter({ hasText: nl['history.reason.replaced'] });
      await expect(replaced).toHaveCount(1);
      await expect(replaced).toContainText(
        new RegExp(`${nl['answer.nee']} → ${nl['answer.ja']}`, 'i'),
      );
    });
  } finally {
    await devices.closeAll();
  }
});
