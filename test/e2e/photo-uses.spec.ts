// A drawing belongs to one use of a photo, in real Chromium against the production build: the
// same image file attached to findings of two inspections (offline), drawn on in one, leaves the
// other's thumbnail and PDF without a drawing; a caption shows under its photo and in its PDF; a
// photo is removed from one finding while the other keeps it.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { nl } from '../../src/app/i18n/messages.ts';
import { readPdf } from '../support/read-pdf.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';
import { installOnline } from './support/session.ts';
import { testPhoto } from './support/test-photo.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
/** Dwellings of C-1002 no other spec opens: other specs sync inspections of their dwellings. */
const DWELLINGS = 'Galerijflat · 52 m²';

/** The red of the drawing tools (#e4002b). */
const RED = [228, 0, 43];

/** Every stroke and fill colour painted in a PDF, as 0-255 RGB. */
async function pdfColours(bytes: Uint8Array): Promise<number[][]> {
  const task = getDocument({ data: bytes.slice(), verbosity: 0 });
  const pdf = await task.promise;
  const colours: number[][] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const operators = await (await pdf.getPage(number)).getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setStrokeRGBColor && fn !== OPS.setFillRGBColor) return;
        const args = operators.argsArray[index] as unknown[];
        const [first] = args;
        if (typeof first === 'string' && /^#[0-9a-f]{6}$/i.test(first))
          colours.push([1, 3, 5].map((at) => parseInt(first.slice(at, at + 2), 16)));
        else if (args.every((value) => typeof value === 'number'))
          colours.push(
            (args as number[]).map((value) => Math.round(value <= 1 ? value * 255 : value)),
          );
      });
    }
  } finally {
    await task.destroy();
  }
  return colours;
}

const isRed = (colour: number[]) =>
  colour.every((value, index) => Math.abs(value - RED[index]!) <= 2);

async function downloadReport(page: Page): Promise<Uint8Array> {
  await new FieldCapture(page).tab('inspection.tab.review').click();
  const report = page.getByTestId('report');
  const downloading = page.waitForEvent('download');
  await report.getByRole('button', { name: nl['report.button'] }).click();
  const download = await downloading;
  return new Uint8Array(await readFile(await download.path()));
}

test('the same photo in two inspections keeps a drawing, caption and removal per use', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const app = new FieldCapture(page);
  const photo = { name: 'voordeur.png', mimeType: 'image/png', buffer: testPhoto() };
  page.on('dialog', (dialog) => void dialog.accept());

  // Signed in online (the portfolio comes with the first sync), then the tablet goes offline.
  await installOnline(page, { as: INSPECTEUR });
  await context.setOffline(true);

  const urls: string[] = [];
  async function findingWithPhoto(tile: number, location: string): Promise<Locator> {
    await app.openComplex('hoogvliet', 'C-1002 Seniorencomplex Hoogvliet');
    await app.dwellingTiles(DWELLINGS).nth(tile).click();
    await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
    await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
    await app.tab('inspection.tab.findings').click();
    const form = page.getByTestId('new-finding');
    await form.getByLabel(nl['finding.location'], { exact: true }).fill(location);
    await form.getByLabel(nl['finding.description']).fill(`Scheur bij ${location}`);
    await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
    await form.getByLabel(nl['action.what']).fill('Herstellen');
    await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
    await expect(form.getByText(nl['finding.added'])).toBeVisible();
    const card = page.getByTestId('finding').filter({ hasText: location });
    await app.addFindingPhoto(card, photo);
    urls.push(new URL(page.url()).pathname);
    return card;
  }

  const first = await findingWithPhoto(0, 'Voordeur');
  const firstThumb = first.getByRole('button', { name: pattern('photos.grid.open') });
  const hash = await firstThumb.getAttribute('data-hash');
  await first.getByLabel(text('photos.caption.label', { index: 1 })).fill('Drempel van 4 cm');
  await first.getByLabel(text('photos.caption.label', { index: 1 })).press('Enter');

  const second = await findingWithPhoto(1, 'Achterdeur');
  const secondThumb = second.getByRole('button', { name: pattern('photos.grid.open') });
  // One image, stored once: both findings show the same bytes.
  expect(await secondThumb.getAttribute('data-hash')).toBe(hash);

  await test.step('draw an arrow on the photo of the second inspection', async () => {
    await secondThumb.click();
    const dialog = page.getByRole('dialog', { name: nl['photos.viewer.title'] });
    const surface = dialog.getByRole('img', { name: nl['photos.annotate.surface'] });
    await expect(surface).toBeVisible();
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await expect(surface).toHaveAttribute('data-shapes', '1');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: nl['photos.annotate.saveAndClose'] }).click();
    await expect(dialog).toBeHidden();
    await expect(secondThumb.locator('[data-shape]')).toHaveCount(1);
  });

  const drawnPdf = await downloadReport(page);

  await test.step('the first inspection keeps its photo without the drawing, with its caption', async () => {
    await page.goto(urls[0]!);
    const card = page.getByTestId('finding').filter({ hasText: 'Voordeur' });
    const thumb = card.getByRole('button', { name: pattern('photos.grid.open') });
    await expect(thumb).toHaveAttribute('data-hash', hash!);
    await expect(thumb).toHaveAttribute('data-drawn', 'false');
    await expect(thumb.locator('[data-shape]')).toHaveCount(0);
    await expect(card.getByLabel(text('photos.caption.label', { index: 1 }))).toHaveValue(
      'Drempel van 4 cm',
    );
    await thumb.click();
    const surface = page.getByRole('img', { name: nl['photos.annotate.surface'] });
    await expect(surface).toHaveAttribute('data-shapes', '0');
    await page.keyboard.press('Escape');
    await expect(surface).toBeHidden();
  });

  await test.step('the PDF of the first inspection has the photo and caption, no drawing', async () => {
    const bytes = await downloadReport(page);
    const pdf = await readPdf(bytes);
    expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(pdf.text.join(' ')).toContain('Drempel van 4 cm');
    expect((await pdfColours(bytes)).some(isRed)).toBe(false);
    // The other inspection's PDF has the drawing (so the check above can see one).
    expect((await pdfColours(drawnPdf)).some(isRed)).toBe(true);
    expect((await readPdf(drawnPdf)).text.join(' ')).not.toContain('Drempel van 4 cm');
  });

  await test.step('removing the photo from the first finding leaves the second one alone', async () => {
    await app.tab('inspection.tab.findings').click();
    const card = page.getByTestId('finding').filter({ hasText: 'Voordeur' });
    await card.getByRole('button', { name: text('photos.remove.label', { index: 1 }) }).click();
    await expect(card.getByRole('button', { name: pattern('photos.grid.open') })).toHaveCount(0);
    await expect(card.getByText(nl['photos.grid.empty'])).toBeVisible();
    await page.reload();
    await expect(
      page
        .getByTestId('finding')
        .filter({ hasText: 'Voordeur' })
        .getByRole('button', { name: pattern('photos.grid.open') }),
    ).toHaveCount(0);
    await page.goto(urls[1]!);
    const other = page.getByTestId('finding').filter({ hasText: 'Achterdeur' });
    await expect(
      other.getByRole('button', { name: pattern('photos.grid.open') }).locator('[data-shape]'),
    ).toHaveCount(1);
  });
});
