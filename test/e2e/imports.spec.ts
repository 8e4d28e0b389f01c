// The beheerder's import page on the real server, in real Chromium: an EP-online file (the real
// sample plus a dwelling that is not in the portfolio and a row with a broken date) is uploaded,
// the summary and the rows that need attention are shown; a malformed file is refused with a
// clear reason and imports nothing. An inspecteur never sees the page in the menu.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { signIn as signInWith } from './support/session.ts';
import { expect, test } from './support/test.ts';

const BEHEERDER = 'beheerder@demo.schouw.nl';
const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const SAMPLE = readFileSync(path.join(import.meta.dirname, '../fixtures/ep-online-v2-sample.csv'));

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Straight to /account: these tests need no installed app first. */
function signIn(page: Page, email: string): Promise<void> {
  return signInWith(page, email, { via: 'url' });
}

/** A real sample row (dwelling 0599010000001001) with some of its fields replaced. */
function sampleRow(replace: (fields: string[]) => void): string {
  const line = SAMPLE.toString('utf8').split('\n')[3] ?? '';
  const fields = line.split(';');
  replace(fields);
  return fields.join(';');
}

test.describe('imports', () => {
  test('a beheerder imports an EP-online file and sees the summary and the rows that need attention', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const shell = new AppShell(page);
    // Columns of the sample: 0 opnamedatum, 11 postcode, 12 huisnummer, 15 BAG verblijfsobject id.
    const unmatched = sampleRow((fields) => {
      fields[11] = '9999ZZ';
      fields[15] = '0599010000009999';
    });
    const badDate = sampleRow((fields) => {
      fields[0] = '20161399';
    });
    const file = Buffer.concat([SAMPLE, Buffer.from(`${unmatched}\n${badDate}\n`)]);

    await test.step('the beheerder opens Imports from the menu', async () => {
      await signIn(page, BEHEERDER);
      await shell.navLink(nl['nav.imports']).click();
      await expect(shell.heading(nl['imports.title'])).toBeVisible();
    });

    await test.step('uploads the file as energy labels', async () => {
      await page.getByRole('radio', { name: nl['imports.kind.epOnline'] }).check();
      await page.getByLabel(nl['imports.file.label'], { exact: true }).setInputFiles({
        name: 'v20261101.csv',
        mimeType: 'text/csv',
        buffer: file,
      });
      await page.getByTestId('imports-start').click();
    });

    await test.step('sees the summary and the unmatched and broken rows', async () => {
      const report = page.getByTestId('imports-report');
      await expect(report).toBeVisible({ timeout: 60_000 });
      await expect(report).toContainText(fill(nl['imports.done.title'], { file: 'v20261101.csv' }));
      // The demo labels came from this same sample: its 249 labels are already there.
      await expect(report).toContainText(
        fill(nl['imports.done.summary'], { rows: 253, imported: 0, updated: 0, unchanged: 249 }),
      );
      await expect(page.getByTestId('imports-unmatched')).toHaveText('1');
      await expect(page.getByTestId('imports-problem-count')).toHaveText('1');
      const problems = page.getByTestId('imports-problems');
      await expect(problems.getByRole('row')).toHaveCount(3);
      await expect(problems).toContainText('0599010000009999');
      await expect(problems).toContainText('20161399');
      await expect(problems).toContainText('pand_opnamedatum');
      await expect(page.getByTestId('imports-history')).toContainText('v20261101.csv');
    });
  });

  test('a malformed file is refused with a clear reason and nothing is imported', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, BEHEERDER);
    await new AppShell(page).open('/import');
    await page.getByRole('radio', { name: nl['imports.kind.epOnline'] }).check();
    // Good rows first, then a Windows-1252 "é": the good rows must not be imported either.
    // The same label registered a day later (column 10, Pand_registratiedatum): a new label.
    const newLabel = sampleRow((fields) => {
      fields[10] = '20160828';
    });
    const file = Buffer.concat([
      SAMPLE,
      Buffer.from(`${newLabel}\n`),
      Buffer.from('Caf\xe9;kapot\n', 'latin1'),
    ]);
    await page.getByLabel(nl['imports.file.label'], { exact: true }).setInputFiles({
      name: 'kapot.csv',
      mimeType: 'text/csv',
      buffer: file,
    });
    await page.getByTestId('imports-start').click();
    const failed = page.getByTestId('imports-failed');
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(failed).toContainText(nl['imports.failed.title']);
    await expect(failed).toContainText('UTF-8');
    await expect(failed).toContainText(nl['imports.failed.nothing']);
    const history = page.getByTestId('imports-history').getByRole('listitem');
    await expect(history.filter({ hasText: 'kapot.csv' })).toContainText(
      nl['imports.status.failed'],
    );

    // The failed run wrote nothing: the same good rows without the broken tail are still new.
    await page.getByTestId('imports-again').click();
    await page.getByRole('radio', { name: nl['imports.kind.epOnline'] }).check();
    await page.getByLabel(nl['imports.file.label'], { exact: true }).setInputFiles({
      name: 'hersteld.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([SAMPLE, Buffer.from(`${newLabel}\n`)]),
    });
    await page.getByTestId('imports-start').click();
    await expect(page.getByTestId('imports-report')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('imports-imported')).toHaveText('1');
  });

  test('a portfolio export with other headers is mapped to the right columns and re-imported without changes', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const portfolio = readFileSync(
      path.join(import.meta.dirname, '../fixtures/portfolio-sample.csv'),
      'utf8',
    ).replace(/^complexnummer;(.*);vhe_nummer;/, 'Complex nr;$1;VHE-nummer;');
    await signIn(page, BEHEERDER);
    await new AppShell(page).open('/import');
    await page.getByRole('radio', { name: nl['imports.kind.portfolio'] }).check();
    await page.getByLabel(nl['imports.file.label'], { exact: true }).setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(portfolio),
    });
    await page.getByTestId('imports-start').click();
    const mapping = page.getByTestId('imports-mapping');
    await expect(mapping).toBeVisible();
    // Recognised by name: the required fields already point at the renamed columns.
    await expect(mapping.getByLabel(/^complexnummer/)).toHaveValue('Complex nr');
    await expect(mapping.getByLabel(/^vhe_nummer/)).toHaveValue('VHE-nummer');
    // A required field without a column blocks the import until one is chosen.
    await mapping.getByLabel(/^complexnaam/).selectOption('');
    await expect(page.getByTestId('imports-mapping-missing')).toContainText('complexnaam');
    await expect(page.getByTestId('imports-mapping-start')).toBeDisabled();
    await mapping.getByLabel(/^complexnaam/).selectOption('complexnaam');
    await page.getByTestId('imports-mapping-start').click();
    const report = page.getByTestId('imports-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    // The demo organisation was seeded from this very export.
    await expect(report).toContainText(
      fill(nl['imports.done.summary'], { rows: 242, imported: 0, updated: 0, unchanged: 242 }),
    );
  });

  test('an inspecteur has no Imports in the menu and the page says it is for beheerders', async ({
    page,
  }) => {
    await signIn(page, INSPECTEUR);
    const shell = new AppShell(page);
    await expect(shell.navLink(nl['nav.imports'])).toHaveCount(0);
    await shell.open('/import');
    await expect(page.getByTestId('imports-forbidden')).toHaveText(nl['imports.onlyBeheerder']);
  });
});
