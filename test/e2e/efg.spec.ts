// The EFG workspace in real Chromium against the production build and a real server: team
// duurzaamheid sees the demo organisation's E/F/G dwellings (imported from the demo EP-online
// file), moves one to "in voorbereiding", drops another with a reason and plans an energie-opname
// for the demo inspecteur; the inspecteur, on a second device, syncs and finds it in "Mijn planning".
import type { Locator, Page } from '@playwright/test';
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

const DUURZAAMHEID = 'duurzaamheid@demo.schouw.nl';
const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const DROP_NOTE = `Rijksmonument, gevel beschermd ${Date.now().toString(36)}`;

function dwellingCard(page: Page, dwellingId: string): Locator {
  return page.locator(`[data-testid="efg-dwelling"][data-dwelling-id="${dwellingId}"]`);
}

test.describe('EFG workspace', () => {
  test('duurzaamheid works the EFG list and plans an energie-opname that reaches the inspecteur’s planning', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const devices = new Devices(browser);
    const device = () => devices.open();
    let fieldPage: Page | undefined;
    try {
      const team = await device();
      const page = team.page;
      const app = new FieldCapture(page);
      const ids: string[] = [];
      let plannedAddress = '';

      await test.step('duurzaamheid signs in and sees the demo E/F/G dwellings per complex', async () => {
        await installOnline(page);
        await signIn(page, DUURZAAMHEID);
        await syncNow(page);
        await app.navLink('nav.efg').click();
        await expect(app.heading(nl['efg.title'])).toBeVisible();
        const cards = page.getByTestId('efg-dwelling');
        await expect(cards.first()).toBeVisible();
        expect(await cards.count()).toBeGreaterThan(3);
        expect(await page.getByTestId('efg-complex').count()).toBeGreaterThan(0);
        // Every listed dwelling carries an E, F or G badge and starts as kandidaat.
        const labels = await page
          .locator('[data-testid="efg-dwelling"] .energy-label')
          .allInnerTexts();
        expect(new Set(labels)).toEqual(new Set(['E', 'F', 'G']));
        await expect(
          page.locator('[data-testid="efg-dwelling"][data-status="kandidaat"]'),
        ).toHaveCount(await cards.count());
        await expect(page.getByTestId('efg-target')).toContainText('100%');
        await expect(page.getByTestId('efg-chart')).toBeVisible();
        for (let index = 0; index < 3; index += 1)
          ids.push((await cards.nth(index).getAttribute('data-dwelling-id')) ?? '');
        expect(ids.every(Boolean)).toBe(true);
        await expectNoSevereAxeViolations(page);
      });

      await test.step('one dwelling moves to "in voorbereiding"', async () => {
        const card = dwellingCard(page, ids[0] ?? '');
        await card
          .getByRole('button', {
            name: text('efg.card.moveTo', { status: nl['efg.status.in-voorbereiding'] }),
          })
          .click();
        await expect(card.getByTestId('efg-status')).toHaveText(nl['efg.status.in-voorbereiding']);
        await expect(card).toHaveAttribute('data-status', 'in-voorbereiding');
        // Only the workflow's next steps are offered now.
        await expect(
          card.getByRole('button', {
            name: text('efg.card.moveTo', { status: nl['efg.status.maatregelen-gepland'] }),
          }),
        ).toBeVisible();
        await expect(
          card.getByRole('button', {
            name: text('efg.card.moveTo', { status: nl['efg.status.uitgevoerd'] }),
          }),
        ).toHaveCount(0);
      });

      await test.step('offline, another dwelling drops out, only with a reason', async () => {
        await team.context.setOffline(true);
        await expect(page.getByTestId('connectivity')).toHaveText(nl['status.offline']);
        const card = dwellingCard(page, ids[1] ?? '');
        await card.getByRole('button', { name: nl['efg.card.drop'] }).click();
        const form = card.getByTestId('efg-drop-form');
        await form.getByRole('button', { name: nl['efg.dropForm.save'] }).click();
        await expect(form).toContainText(nl['efg.dropForm.reasonMissing']);
        await form.getByRole('radio', { name: nl['efg.drop.monument'] }).check();
        await form.getByLabel(nl['efg.dropForm.note']).fill(DROP_NOTE);
        await form.getByRole('button', { name: nl['efg.dropForm.save'] }).click();
        await expect(card.getByTestId('efg-status')).toHaveText(nl['efg.status.afgevallen']);
        await expect(card.getByTestId('efg-drop')).toContainText(nl['efg.drop.monument']);
        await expect(card.getByTestId('efg-drop')).toContainText(DROP_NOTE);
        await expect(page.getByTestId('efg-count-dropped')).toHaveText('1');
        await expect(page.getByTestId('pending-count')).toHaveText(pattern('status.pending'));
        await team.context.setOffline(false);
        await expect(page.getByTestId('connectivity')).toHaveText(nl['status.online']);
      });

      await test.step('an energie-opname is planned for the demo inspecteur', async () => {
        const card = dwellingCard(page, ids[2] ?? '');
        plannedAddress = (await card.locator('.card-title').innerText()).trim();
        await card.getByRole('button', { name: nl['efg.plan.open'] }).click();
        const form = card.getByTestId('efg-plan-form');
        const inspector = form.getByLabel(nl['efg.plan.inspector']);
        await expect(inspector.locator('option', { hasText: 'Demo Inspecteur' })).toHaveCount(1);
        await inspector.selectOption({ label: `Demo Inspecteur (${nl['role.inspecteur']})` });
        await form.getByLabel(nl['efg.plan.date']).fill('2030-03-14');
        await form.getByRole('button', { name: nl['efg.plan.save'] }).click();
        await expect(card.getByTestId('efg-planned')).toContainText('Demo Inspecteur');
        await expect(card.getByTestId('efg-planned')).toContainText('2030');
      });

      await test.step('the filter shows only afgevallen, then everything again', async () => {
        await page.getByLabel(nl['efg.filter.status']).selectOption('afgevallen');
        await expect(page.getByTestId('efg-dwelling')).toHaveCount(1);
        await expect(dwellingCard(page, ids[1] ?? '')).toBeVisible();
        await page.getByLabel(nl['efg.filter.status']).selectOption('alle');
        await expect(dwellingCard(page, ids[0] ?? '')).toBeVisible();
      });

      await test.step('the changes sync without rejections', async () => {
        await syncNow(page);
      });

      await test.step('the inspecteur syncs on another device and finds the opname in Mijn planning', async () => {
        const field = await device();
        fieldPage = field.page;
        await installOnline(field.page);
        await signIn(field.page, INSPECTEUR);
        await syncNow(field.page);
        await new FieldCapture(field.page).navLink('nav.home').click();
        const planned = field.page
          .getByTestId('planning-list')
          .getByTestId('inspection-card')
          .filter({ hasText: nl['module.energie-opname'] })
          .filter({ hasText: plannedAddress.split(',')[0] ?? plannedAddress });
        await expect(planned).toHaveCount(1);
        await expect(planned).toContainText(nl['inspection.status.planned']);
        // The EFG workspace is not in the inspecteur's menu.
        await expect(field.page.getByRole('link', { name: nl['nav.efg'] })).toHaveCount(0);
      });

      await test.step('the statuses reached the server: the inspecteur’s device shows them, read-only', async () => {
        if (!fieldPage) throw new Error('inspecteur device missing');
        await fieldPage.goto('/efg');
        await expect(fieldPage.getByText(nl['efg.readOnly'])).toBeVisible();
        await expect(dwellingCard(fieldPage, ids[0] ?? '').getByTestId('efg-status')).toHaveText(
          nl['efg.status.in-voorbereiding'],
        );
        await expect(dwellingCard(fieldPage, ids[1] ?? '').getByTestId('efg-drop')).toContainText(
          DROP_NOTE,
        );
        // On the inspecteur's own device the opname is planned for "u".
        await expect(
          dwellingCard(fieldPage, ids[2] ?? '').getByTestId('efg-planned'),
        ).toContainText(`${nl['users.you']}`);
        await expect(fieldPage.getByRole('button', { name: nl['efg.plan.open'] })).toHaveCount(0);
      });
    } finally {
      await devices.closeAll();
    }
  });
});
