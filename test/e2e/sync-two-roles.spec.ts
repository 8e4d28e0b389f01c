// Two roles, two devices, one real server: an inspecteur records a fire-safety finding with an
// action OFFLINE and syncs it; team veiligheid pulls it, finds it under "Acties" and closes it
// with a note; the inspecteur syncs and sees it closed, by whom and when. In real Chromium
// against the production build (two browser contexts = two devices with their own storage).
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';
import {
  Devices,
  expectNoSevereAxeViolations,
  installOnline,
  signIn,
  syncNow,
} from './support/session.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const VEILIGHEID = 'veiligheid@demo.schouw.nl';
const VEILIGHEID_NAME = 'Demo Veiligheid';

// Unique per run, so a reused dev server with earlier runs' actions cannot satisfy the test.
const ACTION = `Zelfsluitende deur trappenhuis repareren ${Date.now().toString(36)}`;
const CLOSING_NOTE = 'Deurdranger vervangen en getest';

function actionCard(page: Page): ReturnType<Page['locator']> {
  return page.getByTestId('action-card').filter({ hasText: ACTION });
}

test.describe('sync between two roles', () => {
  test('an inspecteur’s offline fire-safety action is closed by team veiligheid and shows as closed on the inspecteur’s device', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const devices = new Devices(browser);
    const device = () => devices.open();
    try {
      const a = await device();
      const b = await device();
      const inspector = new FieldCapture(a.page);
      const safety = new FieldCapture(b.page);

      await test.step('the inspecteur signs in online and gets the portfolio', async () => {
        await installOnline(a.page);
        await signIn(a.page, INSPECTEUR);
        await syncNow(a.page);
      });

      let actionId = '';
      let closedBy = '';
      await test.step('offline, the inspecteur records a finding with an action in a brandveiligheidsronde', async () => {
        await a.context.setOffline(true);
        await expect(a.page.getByTestId('connectivity')).toHaveText(nl['status.offline']);
        await inspector.navLink('nav.portfolio').click();
        await inspector.search('hoogvliet');
        await a.page
          .getByRole('link', { name: /C-1002 Seniorencomplex Hoogvliet/ })
          .first()
          .click();
        await a.page.getByTestId('pand').first().getByRole('link').first().click();
        await inspector
          .module('brandveiligheidsronde')
          .getByRole('button', { name: nl['module.start'] })
          .click();
        await expect(inspector.heading(nl['module.brandveiligheidsronde'])).toBeVisible();
        await inspector.tab('inspection.tab.findings').click();
        const form = a.page.getByTestId('new-finding');
        await form.getByLabel(nl['finding.location'], { exact: true }).fill('Trappenhuis B');
        await form
          .getByLabel(nl['finding.description'])
          .fill('Zelfsluitende deur valt niet in het slot');
        await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
        await form.getByLabel(nl['action.enable']).check();
        await form.getByLabel(nl['action.what']).fill(ACTION);
        await expect(form.getByLabel(nl['action.dueDate'])).not.toHaveValue('');
        await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
        await expect(form.getByText(nl['finding.added'])).toBeVisible();
        await expect(a.page.getByTestId('pending-count')).toHaveText(pattern('status.pending'));
      });

      await test.step('the inspecteur may not close the fire-safety action: only "in behandeling" is offered', async () => {
        await inspector.navLink('nav.actions').click();
        await expect(inspector.heading(nl['actions.title'])).toBeVisible();
        const card = actionCard(a.page);
        await expect(card).toContainText('Trappenhuis B');
        await expect(card).toContainText(nl['severity.ernstig']);
        await expect(card).toContainText(nl['role.veiligheid']);
        await card.click();
        actionId = /\/acties\/([^/?#]+)/.exec(a.page.url())?.[1] ?? '';
        expect(actionId).not.toBe('');
        const form = a.page.getByTestId('status-form');
        await expect(
          form.getByRole('radio', { name: nl['action.status.in-behandeling'] }),
        ).toBeVisible();
        await expect(form.getByRole('radio', { name: nl['action.status.afgerond'] })).toHaveCount(
          0,
        );
        await expect(form.getByRole('radio', { name: nl['action.status.vervallen'] })).toHaveCount(
          0,
        );
        await expect(form.getByTestId('fire-safety-note')).toBeVisible();
      });

      await test.step('back online, the inspecteur’s device sends everything', async () => {
        await a.context.setOffline(false);
        await expect(a.page.getByTestId('connectivity')).toHaveText(nl['status.online']);
        await syncNow(a.page);
      });

      await test.step('team veiligheid signs in on another device, syncs and finds the action under Acties', async () => {
        await installOnline(b.page);
        await signIn(b.page, VEILIGHEID);
        await syncNow(b.page);
        await safety.navLink('nav.actions').click();
        const card = actionCard(b.page);
        await expect(card).toContainText('Trappenhuis B');
        await expect(card).toContainText('Zelfsluitende deur valt niet in het slot');
        await expect(card).toContainText(nl['module.brandveiligheidsronde']);
        await expect(card.getByTestId('action-status')).toHaveText(nl['action.status.open']);
        await expectNoSevereAxeViolations(b.page);
      });

      await test.step('team veiligheid closes it; a note is required', async () => {
        await actionCard(b.page).click();
        await expect(b.page).toHaveURL(new RegExp(`/acties/${actionId}$`));
        const form = b.page.getByTestId('status-form');
        await expectNoSevereAxeViolations(b.page);
        await form.getByRole('radio', { name: nl['action.status.afgerond'] }).check();
        await form.getByRole('button', { name: nl['actions.save'] }).click();
        await expect(form.getByText(nl['actions.note.missing'])).toBeVisible();
        await form.getByLabel(nl['actions.note.required']).fill(CLOSING_NOTE);
        await form.getByRole('button', { name: nl['actions.save'] }).click();
        const history = b.page.getByTestId('action-history').getByTestId('history-step');
        await expect(history.last()).toContainText(nl['action.status.afgerond']);
        await expect(history.last()).toContainText(CLOSING_NOTE);
        await expect(history.last()).toContainText('door ');
        closedBy = (await history.last().getAttribute('data-by')) ?? '';
        expect(closedBy).not.toBe('');
        // With no closing options left, the form says so (a beheerder could reopen).
        await expect(b.page.getByTestId('status-form')).toContainText(
          text('actions.noOptions', { role: nl['role.veiligheid'] }),
        );
        await syncNow(b.page);
      });

      await test.step('the inspecteur syncs and sees the action closed, by name, with the note', async () => {
        await syncNow(a.page);
        await inspector.navLink('nav.actions').click();
        await expect(a.page.getByTestId('open-actions').getByText(ACTION)).toHaveCount(0);
        const card = a.page.getByTestId('closed-actions').getByTestId('action-card').filter({
          hasText: ACTION,
        });
        await expect(card.getByTestId('action-status')).toHaveText(nl['action.status.afgerond']);
        const step = card.getByTestId('history-step');
        await expect(step).toContainText(
          new RegExp(
            // The colleague's name comes from the organisation's directory, fetched on sync.
            `${nl['action.status.afgerond']} door ${VEILIGHEID_NAME} op \\d{1,2} \\S+ \\d{4}`,
          ),
        );
        await expect(step).toContainText(CLOSING_NOTE);
        // The history names the veiligheid user who closed it (their user id, as synced).
        await expect(step).toHaveAttribute('data-by', closedBy);
        await card.click();
        await expect(a.page.getByTestId('status-form')).toContainText(
          text('actions.noOptions', { role: nl['role.inspecteur'] }),
        );
      });
    } finally {
      await devices.closeAll();
    }
  });
});
