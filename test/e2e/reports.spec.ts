// PDF reports end to end, in real Chromium against the production build: an inspector records an
// inspection with a finding and a photo OFFLINE (browser context offline, not a mock), then
// downloads the inspection and complex reports while still offline. Each PDF is read back with
// pdf.js: pages, text (Dutch characters included) and the photo painted in it.
// The e2e server and the demo inspecteur are shared by the specs of a run, and the complex report
// prints every inspection of the complex on the device. So this spec works in C-2001, whose
// dwellings no other spec inspects (refused-edits.spec.ts only starts a round, without photos, on
// its pand), and names its action so no other spec's action matches.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { readPdf } from '../support/read-pdf.ts';
import { FieldCapture, text } from './pages/field-capture.ts';
import { expectNoSevereAxeViolations, installOnline } from './support/session.ts';
import { testPhoto } from './support/test-photo.ts';
import { expect, test } from './support/test.ts';

// Names and signs the standard PDF fonts cannot print: the embedded font must (issue 11, item 8).
const REMARK = 'Bewoner’s wens: geïsoleerde vloer – € 85 per m², drempel ≥ 2 cm';
const NAMES = 'Contact: Łukasz Wróblewski, Şükrü Öztürk, محمد';
const EMOJI_REMARK = `${REMARK}\n${NAMES} 👍`;
const COMPLEX = 'C-2001 Dorpshof Werkendam';
const ACTION = 'Drempelhulp plaatsen bij de voordeur';

async function downloadReport(page: Page): Promise<{ download: Download; bytes: Uint8Array }> {
  const report = page.getByTestId('report');
  const downloading = page.waitForEvent('download');
  await report.getByRole('button', { name: nl['report.button'] }).click();
  const download = await downloading;
  await expect(report.getByTestId('report-status')).toContainText(
    text('report.done', { name: download.suggestedFilename() }),
  );
  const path = await download.path();
  return { download, bytes: new Uint8Array(await readFile(path)) };
}

test('an inspector records an inspection offline and downloads its PDF report and the complex report', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = new FieldCapture(page);

  await test.step('first visit online installs the app; signing in brings the demo portfolio', async () => {
    await installOnline(page, { as: 'inspecteur@demo.schouw.nl' });
  });

  await context.setOffline(true);
  await expect(page.getByTestId('connectivity')).toHaveText(nl['status.offline']);

  let complexUrl = '';
  await test.step('start a zorggeschiktheid inspection of a dwelling and answer questions', async () => {
    await app.openComplex('Werkendam', COMPLEX);
    complexUrl = new URL(page.url()).pathname;
    await app.dwellingTiles('Eengezinswoning · 112 m²').last().click();
    await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
    await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
    await app.type('verdieping', '0');
    await app.type('deurbreedte', '0,9');
    await app.choose('steunbeugels', nl['answer.nee']);
    await app.openGroup(3);
    await app.type('opmerkingen', EMOJI_REMARK);
  });

  await test.step('add a finding with NEN 2767 rating, an action and a photo', async () => {
    await app.tab('inspection.tab.findings').click();
    const form = page.getByTestId('new-finding');
    await form.getByLabel(nl['finding.location'], { exact: true }).fill('Voordeur');
    await form.getByLabel(nl['finding.description']).fill('Drempel van 4 cm bij de voordeur');
    await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
    await form.getByLabel(nl['nen.enable']).check();
    await form.getByRole('radio', { name: nl['nen.ernst.serieus'], exact: true }).check();
    await form.getByRole('radio', { name: nl['nen.intensiteit.2'] }).check();
    await form.getByRole('radio', { name: nl['nen.omvang.3'] }).check();
    await form.getByLabel(nl['action.what']).fill(ACTION);
    await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
    await expect(form.getByText(nl['finding.added'])).toBeVisible();
    const card = page.getByTestId('finding').filter({ hasText: 'Voordeur' });
    await app.addFindingPhoto(card, {
      name: 'drempel.png',
      mimeType: 'image/png',
      buffer: testPhoto(),
    });
  });

  await test.step('download the inspection report offline and read it back', async () => {
    await app.tab('inspection.tab.review').click();
    const { download, bytes } = await downloadReport(page);
    expect(download.suggestedFilename()).toMatch(/^inspectierapport-zorggeschiktheid-.*\.pdf$/);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const all = pdf.text.join(' ');
    expect(all).toContain('Łukasz Wróblewski, Şükrü Öztürk,');
    expect(all).not.toContain('?ukasz');
    // Arabic reads back as the shaped presentation forms that were drawn; NFKC makes letters again.
    expect(all.normalize('NFKC')).toMatch(/محمد|دمحم/);
    expect(all).toContain('[emoji]');
    for (const expected of [
      'Inspectierapport Zorggeschiktheid',
      COMPLEX,
      nl['report.section.score'],
      nl['review.explanation'],
      '0,9 m',
      REMARK,
      `1. ${nl['severity.ernstig']} · Voordeur`,
      'Drempel van 4 cm bij de voordeur',
      text('nen.scoreText', { score: 3, label: nl['nen.score.3'] }),
      ACTION,
    ])
      expect(all).toContain(expected);
    pdf.text.forEach((page, index) =>
      expect(page).toContain(`pagina ${index + 1} van ${pdf.pages}`),
    );
    // The one photo, as the capture pipeline stored it (64 x 48), painted once.
    expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(pdf.imageSizes).toEqual([{ width: 64, height: 48 }]);
  });

  await test.step('the report button and its status have no serious accessibility violations', async () => {
    await expectNoSevereAxeViolations(page, { include: '[data-testid="report"]' });
  });

  await test.step('the action shows the photo of the finding it came from', async () => {
    await app.navLink('nav.actions').click();
    await page.getByTestId('action-card').filter({ hasText: ACTION }).click();
    await expect(app.heading(ACTION)).toBeVisible();
    await expect(page.getByRole('heading', { name: nl['actions.findingPhotos'] })).toBeVisible();
    const photo = page.getByTestId('finding-photos').getByRole('img');
    await expect(photo).toHaveCount(1);
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  });

  await test.step('download the complex report offline: summary plus the inspection', async () => {
    await page.goto(complexUrl);
    await expect(app.heading(COMPLEX)).toBeVisible();
    const { download, bytes } = await downloadReport(page);
    expect(download.suggestedFilename()).toMatch(/^complexrapport-c-2001-.*\.pdf$/);
    const pdf = await readPdf(bytes);
    const all = pdf.text.join(' ');
    expect(all).toContain(`Complexrapport ${COMPLEX}`);
    expect(all).toContain(nl['complex.pandenAndDwellings']);
    expect(all).toContain('Drempel van 4 cm bij de voordeur');
    expect(all).toContain(REMARK);
    expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(pdf.text.at(-1)).toContain(`pagina ${pdf.pages} van ${pdf.pages}`);
  });
});
