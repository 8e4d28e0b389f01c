// The EFG workspace in real Chromium against the production build and a real server: team
// duurzaamheid sees the demo organisation's E/F/G dwellings (imported from the demo EP-online
// file), moves one to "in voorbereiding", drops another with a reason and plans an energie-opname
// for the demo inspecteur; the inspecteur, on a second device, syncs and finds it in "Mijn planning".
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';

const PASSWORD = 'schouw-demo';
const DUURZAAMHEID = 'duurzaamheid@demo.schouw.nl';
const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const DROP_NOTE = `Rijksmonument, gevel beschermd ${Date.now().toString(36)}`;

async function expectNoSevereAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x)`)).toEqual([]);
}

async function installOnline(page: Page): Promise<void> {
  const shell = new AppShell(page);
  await shell.open('/');
  await expect(page.getByTestId('first-run')).toContainText(nl['firstRun.imported.title'], {
    timeout: 30_000,
  });
  await shell.waitForServiceWorkerControl();
}

async function signIn(page: Page, email: string): Promise<void> {
  await new FieldCapture(page).navLink('nav.account').click();
  await page.getByLabel(nl['account.field.email']).fill(email);
  await page.getByLabel(nl['account.field.password']).fill(PASSWORD);
  await page.getByRole('button', { name: nl['account.signIn.submit'] }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await new FieldCapture(page).navLink('nav.settings').click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 });
  await panel.getByTestId('sync-now').click();
  await expect(panel.getByTestId('sync-last')).toContainText(pattern('sync.last'));
  await expect(panel.getByTestId('sync-now')).toBeEnabled();
  await expect(panel.getByTestId('sync-problem')).toHaveCount(0);
  await expect(panel.getByTestId('sync-rejected')).toHaveCount(0);
  await expect(page.getByTestId('pending-count')).toHaveText(nl['status.pending.none']);
}

function dwellingCard(page: Page, dwellingId: string): Locator {
  return page.locator(`[data-testid="efg-dwelling"][data-dwelling-id="${dwellingId}"]`);
}

test.describe('EFG workspace', () => {
  test('duurzaamheid works the EFG list and plans an energie-opname that reaches the inspecteur’s planning', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const contexts: BrowserContext[] = [];
    const device = async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return { context, page: await context.newPage() };
    };
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
        const field = contexts[1];
        const fieldPage = field?.pages()[0];
        if (!fieldPage) throw new Error('inspecteur device missing');
        await fieldPage.goto('/efg');
        await expect(fieldPage.getByText(nl['efg.readOnly'])).toBeVisible();
        await expect(dwellingCard(fieldPage, ids[0] ?? '').getByTestId('efg-status')).toHaveText(
          nl['efg.status.in-voorbereiding'],
        );
        await expect(dwellingCard(fieldPage, ids[1] ?? '').getByTestId('efg-drop')).toContainText(
          DROP_NOTE,
        );
        await expect(
          dwellingCard(fieldPage, ids[2] ?? '').getByTestId('efg-planned'),
        ).toContainText('Demo Inspecteur');
        await expect(fieldPage.getByRole('button', { name: nl['efg.plan.open'] })).toHaveCount(0);
      });
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
