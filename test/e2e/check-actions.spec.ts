// Failed checks become findings with actions (issue 11, item 1), in real Chromium against the
// production build and the real server. An inspecteur does a brandveiligheidsronde OFFLINE with
// four failed checks (scootmobielen in the escape route, failing smoke detectors, an expired
// certificate, extinguishers not inspected): finishing creates four findings and four actions,
// the score's "Actie" lines link to them, finishing again after a correction updates instead of
// duplicating and asks before closing anything. After sync, team veiligheid (another device)
// has the four actions on its list and the server refused none of the ops.
import type { Locator, Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture, text } from './pages/field-capture.ts';
import { Devices, installOnline, signIn, syncNow } from './support/session.ts';
import { testPhoto } from './support/test-photo.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const VEILIGHEID = 'veiligheid@demo.schouw.nl';

function groupLink(page: Page, n: number): Locator {
  return page
    .getByRole('navigation', { name: nl['inspection.groups'] })
    .getByRole('link')
    .nth(n - 1);
}

async function photo(app: FieldCapture, questionId: string): Promise<void> {
  await app.addFindingPhoto(app.question(questionId), {
    name: `${questionId}.png`,
    mimeType: 'image/png',
    buffer: testPhoto(),
  });
}

async function date(app: FieldCapture, questionId: string, value: string): Promise<void> {
  await app.question(questionId).locator('input[type="date"]').fill(value);
  await app.expectSaved(questionId);
}

test('a fire-safety round with four failed checks, finished offline, puts four actions on team veiligheid’s list', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const devices = new Devices(browser);
  try {
    const a = await devices.open();
    const app = new FieldCapture(a.page);
    const ja = nl['answer.ja'];
    const nee = nl['answer.nee'];

    await test.step('the inspecteur signs in online, then works offline', async () => {
      await installOnline(a.page);
      await signIn(a.page, INSPECTEUR);
      await syncNow(a.page);
      await a.context.setOffline(true);
      await expect(a.page.getByTestId('connectivity')).toHaveText(nl['status.offline']);
    });

    await test.step('a brandveiligheidsronde is started on a pand of C-2002', async () => {
      await app.openComplex('Sleeuwijk', 'C-2002 De Kernen Sleeuwijk');
      await a.page.getByTestId('pand').first().getByRole('link').first().click();
      await app
        .module('brandveiligheidsronde')
        .getByRole('button', { name: nl['module.start'] })
        .click();
      await expect(app.heading(nl['module.brandveiligheidsronde'])).toBeVisible();
    });

    await test.step('every check is answered; four of them fail', async () => {
      await app.type('hoogste-vloer', '9');
      await app.choose('zorgwoningen', ja);
      await app.choose('ruimte-50-personen', nee);
      await app.openGroup(2);
      await app.choose('rookmelders-verdiepingen', ja);
      await app.choose('rookmelders-vluchtroute', ja);
      await app.choose('rookmelders-werken', nee);
      await app.choose('bmi-aanwezig', ja);
      await date(app, 'bmi-certificaat-geldig-tot', '2021-06-30');
      await app.choose('bmi-zonder-storing', ja);
      await app.choose('ontruimingsalarm-aanwezig', ja);
      await date(app, 'ontruimingsalarm-certificaat-geldig-tot', '2099-12-31');
      // Every answer is there, but three photos are missing: the group is not "compleet".
      await expect(groupLink(a.page, 2)).toContainText(text('group.open', { open: 3 }));
      await expect(groupLink(a.page, 2)).not.toContainText(nl['group.done']);
      await photo(app, 'rookmelders-werken');
      await photo(app, 'bmi-certificaat-geldig-tot');
      await photo(app, 'ontruimingsalarm-certificaat-geldig-tot');
      await expect(groupLink(a.page, 2)).toContainText(nl['group.done']);
      await app.openGroup(3);
      await app.choose('zelfsluitende-deuren-sluiten', ja);
      await app.choose('deuren-niet-vastgezet', ja);
      await app.choose('doorvoeringen', ja);
      await app.openGroup(4);
      await app.choose('vluchtroutes-vrij', ja);
      await app.choose('galerij', nee);
      await app.choose('scootmobielen', nee);
      await photo(app, 'scootmobielen');
      await app.choose('noodverlichting', ja);
      await app.openGroup(5);
      await app.choose('blustoestellen', ja);
      await date(app, 'blustoestellen-gecontroleerd-op', '2020-01-15');
      await photo(app, 'blustoestellen-gecontroleerd-op');
      await app.choose('opslag-meterkasten', ja);
      await app.choose('ontruimingsplan', ja);
    });

    const actionIds: string[] = [];
    let inspectionId = '';
    await test.step('finishing creates four findings and four actions; every "Actie" links to one', async () => {
      inspectionId = app.inspectionId();
      await a.page.getByRole('button', { name: nl['finish.button'] }).click();
      await expect(a.page).toHaveURL(new RegExp(`/inspecties/${inspectionId}/overzicht$`));
      await expect(app.status()).toHaveText(nl['inspection.status.finished']);
      await expect(a.page.getByTestId('review-findings').locator('li')).toHaveCount(4);
      await expect(a.page.getByTestId('review-actions').locator('li')).toHaveCount(4);
      const links = a.page.getByTestId('explanation-action');
      await expect(links).toHaveCount(4);
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href')) ?? '';
        expect(href).toMatch(/^\/acties\/[0-9a-f-]{36}$/);
        actionIds.push(href.slice('/acties/'.length));
      }
      await links.first().click();
      await expect(a.page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(a.page.getByText(nl['role.veiligheid']).first()).toBeVisible();
    });

    await test.step('a correction where the scootmobielen are gone: finishing asks, and duplicates nothing', async () => {
      await a.page.goto(`/inspecties/${inspectionId}/overzicht`);
      await a.page.getByRole('button', { name: nl['review.reopen'] }).click();
      await a.page.getByRole('dialog').getByRole('button', { name: nl['review.reopen'] }).click();
      await app.openGroup(4);
      await app.choose('scootmobielen', ja);
      await app.openGroup(5);
      await a.page.getByRole('button', { name: nl['finish.again'] }).click();
      const dialog = a.page.getByRole('dialog', { name: nl['finish.resolved.title'] });
      await expect(dialog).toBeVisible();
      const listed = dialog.getByTestId('finish-resolved').locator('li');
      await expect(listed).toHaveCount(1);
      await expect(listed).toContainText('scootmobielen');
      // An inspecteur may not close a fire-safety action: it stays open, and the dialog says so.
      await expect(listed).toContainText(nl['finish.resolved.notYours']);
      await dialog.getByRole('button', { name: nl['finish.button'] }).click();
      await expect(app.status()).toHaveText(nl['inspection.status.finished']);
      await expect(a.page.getByTestId('review-findings').locator('li')).toHaveCount(4);
      await expect(a.page.getByTestId('review-actions').locator('li')).toHaveCount(4);
      await expect(a.page.getByTestId('explanation-action')).toHaveCount(3);
    });

    await test.step('back online, everything is sent and nothing refused', async () => {
      await a.context.setOffline(false);
      await expect(a.page.getByTestId('connectivity')).toHaveText(nl['status.online']);
      await syncNow(a.page);
    });

    await test.step('team veiligheid, on its own device, finds the four actions on its list', async () => {
      const b = await devices.open();
      await installOnline(b.page);
      await signIn(b.page, VEILIGHEID);
      await syncNow(b.page);
      await new FieldCapture(b.page).navLink('nav.fireSafety').click();
      const list = b.page.getByTestId('fire-safety-actions');
      for (const id of actionIds)
        await expect(list.locator(`a[href="/acties/${id}"]`)).toHaveCount(1);
      await b.page.goto(`/inspecties/${inspectionId}/overzicht`);
      await expect(b.page.getByTestId('review-findings').locator('li')).toHaveCount(4);
    });
  } finally {
    await devices.closeAll();
  }
});
