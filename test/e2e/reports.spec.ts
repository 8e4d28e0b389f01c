// PDF reports end to end, in real Chromium against the production build: an inspector records an
// inspection with a finding and a photo OFFLINE (browser context offline, not a mock), then
// downloads the inspection and complex reports while still offline. Each PDF is read back with
// pdf.js: pages, text (Dutch characters included) and the photo painted in it.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { encodePng } from '../support/png.ts';
import { readPdf } from '../support/read-pdf.ts';
import { AppShell } from './pages/app-shell.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';

const REMARK = 'Bewoner’s wens: geïsoleerde vloer – € 85 per m²';

/** A 64 x 48 gradient PNG; the app's capture pipeline turns it into a JPEG. */
function testPhoto(): Buffer {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.set([x * 4, y * 5, 160, 255], i);
    }
  return encodePng({ width, height, data });
}

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

  await test.step('first visit online installs the app and the demo portfolio', async () => {
    const shell = new AppShell(page);
    await shell.open('/');
    await expect(page.getByTestId('first-run')).toContainText(nl['firstRun.imported.title'], {
      timeout: 30_000,
    });
    await shell.waitForServiceWorkerControl();
  });

  await context.setOffline(true);
  await expect(page.getByTestId('connectivity')).toHaveText(nl['status.offline']);

  let complexUrl = '';
  await test.step('start a zorggeschiktheid inspection of a dwelling and answer questions', async () => {
    await app.navLink('nav.portfolio').click();
    await app.search('hoogvliet');
    await page
      .getByRole('link', { name: /C-1002 Seniorencomplex Hoogvliet/ })
      .first()
      .click();
    await expect(app.heading('C-1002 Seniorencomplex Hoogvliet')).toBeVisible();
    complexUrl = new URL(page.url()).pathname;
    await app.dwellingTiles('Galerijflat · 61 m²').first().click();
    await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
    await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
    await app.type('verdieping', '0');
    await app.type('deurbreedte', '0,9');
    await app.choose('steunbeugels', nl['answer.nee']);
    await app.openGroup(3);
    await app.type('opmerkingen', REMARK);
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
    await form.getByLabel(nl['action.what']).fill('Drempelhulp plaatsen');
    await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
    await expect(form.getByText(nl['finding.added'])).toBeVisible();
    const card = page.getByTestId('finding').filter({ hasText: 'Voordeur' });
    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: nl['photos.take'] }).click();
    await (
      await chooser
    ).setFiles({ name: 'drempel.png', mimeType: 'image/png', buffer: testPhoto() });
    await expect(card.getByRole('button', { name: pattern('photos.grid.open') })).toHaveCount(1, {
      timeout: 20_000,
    });
  });

  await test.step('download the inspection report offline and read it back', async () => {
    await app.tab('inspection.tab.review').click();
    const { download, bytes } = await downloadReport(page);
    expect(download.suggestedFilename()).toMatch(/^inspectierapport-zorggeschiktheid-.*\.pdf$/);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const all = pdf.text.join(' ');
    for (const expected of [
      'Inspectierapport Zorggeschiktheid',
      'C-1002 Seniorencomplex Hoogvliet',
      nl['report.section.score'],
      nl['review.explanation'],
      '0,9 m',
      REMARK,
      '1. Ernstig · Voordeur',
      'Drempel van 4 cm bij de voordeur',
      text('nen.scoreText', { score: 3, label: nl['nen.score.3'] }),
      'Drempelhulp plaatsen',
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
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="report"]')
      .analyze();
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x)`)).toEqual([]);
  });

  await test.step('download the complex report offline: summary plus the inspection', async () => {
    await page.goto(complexUrl);
    await expect(app.heading('C-1002 Seniorencomplex Hoogvliet')).toBeVisible();
    const { download, bytes } = await downloadReport(page);
    expect(download.suggestedFilename()).toMatch(/^complexrapport-c-1002-.*\.pdf$/);
    const pdf = await readPdf(bytes);
    const all = pdf.text.join(' ');
    expect(all).toContain('Complexrapport C-1002 Seniorencomplex Hoogvliet');
    expect(all).toContain(nl['complex.pandenAndDwellings']);
    expect(all).toContain('Drempel van 4 cm bij de voordeur');
    expect(all).toContain(REMARK);
    expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(pdf.text.at(-1)).toContain(`pagina ${pdf.pages} van ${pdf.pages}`);
  });
});
