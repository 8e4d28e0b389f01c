// Field capture end to end, in real Chromium against the real server and production build:
// one online visit installs the app and fetches the demo portfolio, then the whole inspection
// runs OFFLINE (browser context offline, not a mock): search, start, answer with autosave,
// close and reopen, findings with NEN rating, action and photo, finish, the explained score,
// reopen for correction, carry-forward to an identical dwelling, and a backup restored in a
// fresh browser.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';
import { expectNoSevereAxeViolations, installOnline } from './support/session.ts';
import { testPhoto } from './support/test-photo.ts';
import { expect, test, watchCsp } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const ROOMS = ['Woonkamer', 'Keuken', 'Badkamer', 'Toilet', 'Slaapkamer'];

/** 'YYYY-MM-DD' of the local day `days` from today, as the app proposes due dates. */
function localDay(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface BackupFile {
  tables: Record<string, Record<string, unknown>[]>;
}

/** Downloads a backup through the settings screen and returns the parsed file. */
async function downloadBackup(page: Page): Promise<BackupFile> {
  const app = new FieldCapture(page);
  await app.navLink('nav.settings').click();
  await expect(app.heading(nl['settings.title'])).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: nl['backup.export'] }).click();
  const file = await download;
  const path = await file.path();
  await expect(
    page.getByRole('status').filter({ hasText: pattern('backup.exported') }),
  ).toBeVisible();
  return JSON.parse(readFileSync(path, 'utf8')) as BackupFile;
}

/** JSON with object keys sorted, so equal rows compare equal whatever order they were built in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, canonical(item)]),
    );
  return value;
}

function sortedRows(file: BackupFile, table: string): string[] {
  return (file.tables[table] ?? []).map((row) => JSON.stringify(canonical(row))).sort();
}

/**
 * The file with only this test's work: the rows of the given inspections and the photos their
 * findings and answers use. Signing in also brings this inspector's inspections made by other
 * specs on the shared e2e server; they are the server's, not what this test exports and restores.
 * A photo row is keyed by its hash, so the same test picture used by another spec first keeps
 * that spec's inspectionId: photos are found through their uses, not their inspectionId.
 */
function workOf(file: BackupFile, inspectionIds: readonly string[]): BackupFile {
  const ours = new Set(inspectionIds);
  const own = (table: string, key: string) =>
    (file.tables[table] ?? []).filter((row) => ours.has(String(row[key])));
  const answers = own('answers', 'inspectionId');
  const findings = own('findings', 'inspectionId');
  const used = (row: Record<string, unknown>): unknown[] => {
    const value = row.value as { type?: unknown; value?: unknown } | undefined;
    const fromValue = value?.type === 'photo' && Array.isArray(value.value) ? value.value : [];
    return [...fromValue, ...(Array.isArray(row.photoIds) ? row.photoIds : [])];
  };
  const hashes = new Set([...answers, ...findings].flatMap(used).map(String));
  const photos = (file.tables.photos ?? []).filter((row) => hashes.has(String(row.hash)));
  return {
    tables: {
      inspections: own('inspections', 'id'),
      answers,
      answerHistory: own('answerHistory', 'inspectionId'),
      findings,
      actions: own('actions', 'inspectionId'),
      photos,
      photoData: (file.tables.photoData ?? []).filter((row) => hashes.has(String(row.hash))),
      // Only local work waits in the outbox, and all of it is this test's.
      outbox: file.tables.outbox ?? [],
    },
  };
}

test.describe('field capture', () => {
  test('an inspector inspects a dwelling offline from start to explained score, corrects it, carries it forward and restores a backup', async ({
    page,
    context,
    browser,
  }) => {
    test.setTimeout(300_000);
    let app = new FieldCapture(page);

    await test.step('first visit online installs the app; signing in brings the demo portfolio', async () => {
      await installOnline(page, { expectHome: true, as: INSPECTEUR });
    });

    await context.setOffline(true);
    await expect(page.getByTestId('connectivity')).toHaveText(nl['status.offline']);

    let firstDwellingUrl = '';
    let secondDwellingUrl = '';
    await test.step('search the portfolio offline and open a complex with what is known', async () => {
      await app.openComplex('hoogvliet', 'C-1002 Seniorencomplex Hoogvliet');
      const facts = page.getByTestId('complex-facts');
      await expect(facts).toContainText(nl['complex.bouwjaar']);
      await expect(facts).toContainText(nl['complex.labels']);
      await expect(page.getByTestId('pand').first()).toBeVisible();
      // Two identical dwellings: same woningtype and floor area.
      const twins = app.dwellingTiles('Galerijflat · 61 m²');
      expect(await twins.count()).toBeGreaterThanOrEqual(2);
      firstDwellingUrl = (await twins.nth(0).getAttribute('href')) ?? '';
      secondDwellingUrl = (await twins.nth(1).getAttribute('href')) ?? '';
      await twins.nth(0).click();
      await expect(page.getByTestId('dwelling-facts')).toContainText('61 m²');
    });

    let inspectionId = '';
    let carriedId = '';
    await test.step('start a zorggeschiktheid inspection at dwelling level', async () => {
      // Modules attach where moduleTargetLevels says: no optoppen on a dwelling.
      await expect(app.module('optoppen-scan')).toHaveCount(0);
      await app
        .module('zorggeschiktheid')
        .getByRole('button', { name: nl['module.start'] })
        .click();
      await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
      inspectionId = app.inspectionId();
      await expect(app.status()).toHaveText(nl['inspection.status.draft']);
    });

    await test.step('answer group 1 with autosave, a measurement on the decimal keypad and visibility rules', async () => {
      await app.type('verdieping', '2');
      await expect(app.question('vloerhoogte')).toBeVisible();
      await app.type('verdieping', '0');
      await expect(app.question('vloerhoogte')).toHaveCount(0);
      await app.tick('ruimten-gelijkvloers', ROOMS);
      await app.type('opstap-woning', '0');
      await app.type('opstap-route', '1,5');
      const door = app.question('deurbreedte').getByRole('textbox');
      await expect(door).toHaveAttribute('inputmode', 'decimal');
      // Out of range: stored (nothing typed is lost) and clearly marked as wrong.
      await app.type('deurbreedte', '5');
      await expect(app.question('deurbreedte')).toContainText('buiten het bereik');
      await app.type('deurbreedte', '0,9');
      await expect(app.question('deurbreedte')).not.toContainText('buiten het bereik');
      await app.type('gangbreedte', '1,2');
      await app.choose('toilet-in-badkamer', nl['answer.ja']);
      await expect(app.question('toilet-breedte')).toHaveCount(0);
      await app.type('badkamer-breedte', '2,2');
      await app.type('badkamer-lengte', '2,3');
      await app.choose('douche-drempelvrij', nl['answer.ja']);
      await app.choose('steunbeugels', nl['answer.nee']);
      await app.choose('thermostaatkraan', nl['answer.ja']);
      // Every help text cites its rule and source.
      await app.question('deurbreedte').getByText(nl['question.help']).click();
      await expect(app.question('deurbreedte')).toContainText('Bron:');
      await expect(page.getByTestId('save-summary')).toHaveText(nl['save.summary.done']);
    });

    await test.step('close the page mid-inspection, reopen it and find every answer', async () => {
      await page.close();
      const reopened = await context.newPage();
      const again = new FieldCapture(reopened);
      await reopened.goto(`/inspecties/${inspectionId}?groep=1`);
      await expect(again.heading(nl['module.zorggeschiktheid'])).toBeVisible();
      await expect(again.question('verdieping').getByRole('textbox')).toHaveValue('0');
      await expect(again.question('deurbreedte').getByRole('textbox')).toHaveValue('0,9');
      await expect(again.question('opstap-route').getByRole('textbox')).toHaveValue('1,5');
      for (const room of ROOMS)
        await expect(
          again.question('ruimten-gelijkvloers').getByRole('checkbox', { name: room, exact: true }),
        ).toBeChecked();
      await expect(
        again.question('steunbeugels').getByRole('radio', { name: nl['answer.nee'], exact: true }),
      ).toBeChecked();
      await expect(reopened.getByTestId('inspection-progress')).toContainText(
        text('progress.text', { answered: 12, required: 19 }),
      );
      app = again;
    });

    await test.step('answer groups 2 and 3', async () => {
      await app.openGroup(2);
      await expect(app.question('lift')).toHaveCount(0);
      await app.choose('draairuimte', nl['answer.nee']);
      await app.choose('gemeenschappelijke-gangen', nl['answer.ja']);
      await app.type('gemeenschappelijke-gangbreedte', '1,3');
      await app.openGroup(3);
      await app.choose('alarmering', nl['answer.ja']);
      await app.choose('gemeenschappelijke-ruimte', nl['answer.ja']);
      await app.choose('gemeenschappelijke-keuken', nl['answer.ja']);
      await app.choose('centrale-entree', nl['answer.ja']);
      await app.choose('internet', nl['answer.ja']);
      await app.choose('buitenruimte', nl['answer.nee']);
      await app.type('opmerkingen', 'Bewoner wil graag een douchestoel.');
      // Conditional questions that became visible count too: all required ones are answered.
      await expect(app.page.getByTestId('inspection-progress')).toContainText(
        /(\d+) van \1 verplichte vragen beantwoord/,
      );
    });

    await test.step('add a finding with a NEN 2767 rating, an action with a proposed due date and a photo', async () => {
      const current = app.page;
      await app.tab('inspection.tab.findings').click();
      const form = current.getByTestId('new-finding');
      await form.getByLabel(nl['finding.location'], { exact: true }).fill('Voordeur');
      await form.getByLabel(nl['finding.description']).fill('Drempel van 4 cm bij de voordeur');
      await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
      await form.getByLabel(nl['nen.enable']).check();
      await form.getByRole('radio', { name: nl['nen.ernst.serieus'], exact: true }).check();
      await form.getByRole('radio', { name: nl['nen.intensiteit.2'] }).check();
      await form.getByRole('radio', { name: nl['nen.omvang.3'] }).check();
      await expect(form.getByTestId('condition-score')).toHaveText(
        text('nen.scoreText', { score: 3, label: nl['nen.score.3'] }),
      );
      await form.getByLabel(nl['action.what']).fill('Drempelhulp plaatsen');
      await expect(form.getByLabel(nl['action.dueDate'])).toHaveValue(localDay(30));
      await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
      await expect(form.getByText(nl['finding.added'])).toBeVisible();

      const card = current.getByTestId('finding').filter({ hasText: 'Voordeur' });
      await expect(card).toContainText('Drempel van 4 cm bij de voordeur');
      await expect(card).toContainText(
        text('nen.scoreText', { score: 3, label: nl['nen.score.3'] }),
      );
      await expect(card.getByTestId('action').getByLabel(nl['action.what'])).toHaveValue(
        'Drempelhulp plaatsen',
      );

      await app.addFindingPhoto(card, {
        name: 'drempel.png',
        mimeType: 'image/png',
        buffer: testPhoto(),
      });
    });

    await test.step('close and reopen again: the finding, action and photo are there', async () => {
      await app.page.close();
      const reopened = await context.newPage();
      app = new FieldCapture(reopened);
      await reopened.goto(`/inspecties/${inspectionId}/bevindingen`);
      const card = reopened.getByTestId('finding').filter({ hasText: 'Voordeur' });
      await expect(card).toContainText(nl['severity.ernstig']);
      await expect(card.getByTestId('action').getByLabel(nl['action.what'])).toHaveValue(
        'Drempelhulp plaatsen',
      );
      await expect(card.getByRole('button', { name: pattern('photos.grid.open') })).toHaveCount(1);
    });

    await test.step('finish and see the explained score with rules and sources', async () => {
      await app.tab('inspection.tab.questions').click();
      await app.openGroup(3);
      await app.page.getByRole('button', { name: nl['finish.button'] }).click();
      await expect(app.page).toHaveURL(new RegExp(`/inspecties/${inspectionId}/overzicht$`));
      await expect(app.status()).toHaveText(nl['inspection.status.finished']);
      await expect(app.page.getByTestId('score-headline')).toHaveText(
        nl['score.zorg.rollatorgeschikt'],
      );
      await expect(app.page.getByTestId('score-light')).toHaveText(nl['light.oranje']);
      await expect(app.page.getByTestId('blocking')).toContainText(
        'Voor rolstoelgeschikt ontbreekt',
      );
      const lines = app.page.getByTestId('explanation').locator('li');
      expect(await lines.count()).toBeGreaterThan(10);
      await expect(lines.first()).toContainText('Bron:');
      await expect(app.page.getByTestId('review-findings')).toContainText('Voordeur');
      await expect(app.page.getByTestId('review-actions')).toContainText('Drempelhulp plaatsen');
    });

    await test.step('reopen for correction; the change is visible in the history', async () => {
      await app.page.getByRole('button', { name: nl['review.reopen'] }).click();
      await app.page.getByRole('dialog').getByRole('button', { name: nl['review.reopen'] }).click();
      await expect(app.status()).toHaveText(nl['inspection.status.reopened']);
      await app.openGroup(2);
      await app.choose('draairuimte', nl['answer.ja']);
      await expect(app.question('draairuimte').getByTestId('corrections')).toContainText(
        'nee → ja',
      );
      await app.openGroup(3);
      await app.page.getByRole('button', { name: nl['finish.again'] }).click();
      await expect(app.status()).toHaveText(nl['inspection.status.finished']);
      await expect(app.page.getByTestId('score-headline')).toHaveText(
        nl['score.zorg.rolstoelgeschikt'],
      );
      const correction = app.page.getByTestId('history').locator('tr.is-correction');
      await expect(correction).toHaveCount(1);
      await expect(correction).toContainText(nl['history.reason.reopened-correction']);
      await expect(correction).toContainText('nee → ja');
    });

    await test.step('carry forward to an identical dwelling: copied answers are marked until confirmed', async () => {
      const current = app.page;
      await current.goto(secondDwellingUrl);
      const carry = app.module('zorggeschiktheid').getByTestId('carry-forward');
      await expect(carry).toContainText(nl['carryForward.explain']);
      await carry.getByRole('button').first().click();
      await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
      carriedId = app.inspectionId();
      expect(carriedId).not.toBe(inspectionId);
      const marked = await app.unconfirmed().count();
      expect(marked).toBeGreaterThan(8);
      await expect(app.question('verdieping').getByTestId('carried-forward-mark')).toContainText(
        nl['carryForward.mark'],
      );
      await expect(app.question('verdieping').getByRole('textbox')).toHaveValue('0');

      await app
        .question('verdieping')
        .getByRole('button', { name: nl['carryForward.confirm'] })
        .click();
      await expect(app.question('verdieping').getByTestId('carried-forward-mark')).toHaveCount(0);
      await expect(app.question('verdieping')).toContainText(nl['carryForward.confirmed']);
      await expect(app.unconfirmed()).toHaveCount(marked - 1);
      // Changing a copied answer confirms it too.
      await app.type('deurbreedte', '0,95');
      await expect(app.unconfirmed()).toHaveCount(marked - 2);
      await expect(current.getByTestId('inspection-progress')).toContainText(
        pattern('progress.unconfirmed'),
      );
      // Photos stay with the dwelling they show: the copy starts without findings or photos.
      await app.tab('inspection.tab.findings').click();
      await expect(current.getByText(nl['finding.none'])).toBeVisible();
      // Finishing is refused while copied answers wait for confirmation.
      await app.tab('inspection.tab.questions').click();
      await app.openGroup(3);
      await current.getByRole('button', { name: nl['finish.button'] }).click();
      await expect(current.getByTestId('finish-open')).toContainText(
        nl['finish.reason.unconfirmed'],
      );
      await expect(app.status()).toHaveText(nl['inspection.status.draft']);
    });

    let backup: BackupFile | undefined;
    let work: BackupFile | undefined;
    await test.step('export a backup offline', async () => {
      backup = await downloadBackup(app.page);
      work = workOf(backup, [inspectionId, carriedId]);
      expect((work.tables.inspections ?? []).map((row) => row.id).sort()).toEqual(
        [inspectionId, carriedId].sort(),
      );
      expect(work.tables.findings).toHaveLength(1);
      expect(work.tables.actions).toHaveLength(1);
      expect(work.tables.photos).toHaveLength(1);
      expect(work.tables.photoData).toHaveLength(1);
      // This device created exactly these two inspections: only they wait to be sent.
      const created = (backup.tables.outbox ?? [])
        .filter((op) => op.entity === 'inspection')
        .map((op) => String(op.id));
      expect([...new Set(created)].sort()).toEqual([inspectionId, carriedId].sort());
      expect(firstDwellingUrl).not.toBe('');
    });

    await test.step('import it in a fresh browser and see identical data', async () => {
      const fresh: BrowserContext = await browser.newContext();
      await watchCsp(fresh);
      try {
        const other = await fresh.newPage();
        await installOnline(other, { expectHome: true, as: INSPECTEUR });
        // Offline, so the restored outbox stays as it was in the file (nothing is sent).
        await fresh.setOffline(true);
        const restored = new FieldCapture(other);
        await restored.navLink('nav.settings').click();
        await other.getByTestId('backup-file').setInputFiles({
          name: 'schouw-backup.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(backup)),
        });
        const report = other.getByTestId('import-report');
        await expect(report).toContainText(pattern('backup.imported'));
        await expect(report.locator('tr[data-table="inspections"] td').first()).toHaveText('2');
        await expect(other.getByTestId('import-problems')).toHaveCount(0);

        const again = await downloadBackup(other);
        for (const table of [
          'inspections',
          'answers',
          'answerHistory',
          'findings',
          'actions',
          'photos',
          'photoData',
          'outbox',
        ])
          expect(sortedRows(workOf(again, [inspectionId, carriedId]), table), table).toEqual(
            sortedRows(work!, table),
          );

        // And through the screens: the review of the first inspection reads the same.
        await other.goto(`/inspecties/${inspectionId}/overzicht`);
        await expect(other.getByTestId('score-headline')).toHaveText(
          nl['score.zorg.rolstoelgeschikt'],
        );
        await expect(other.getByTestId('review-findings')).toContainText('Voordeur');
        await other.goto(firstDwellingUrl);
        await expect(other.getByTestId('dwelling-inspections')).toContainText(
          nl['inspection.status.finished'],
        );
      } finally {
        await fresh.close();
      }
    });
  });

  test('the main screens have no serious or critical accessibility violations', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const app = new FieldCapture(page);
    const check = (name: string) => expectNoSevereAxeViolations(page, { label: name });
    await installOnline(page, { expectHome: true, as: INSPECTEUR });
    await check('mijn planning');
    await app.navLink('nav.portfolio').click();
    await app.search('C-1001');
    await check('portefeuille');
    await page
      .getByRole('link', { name: /C-1001 Plusflat Botersloot/ })
      .first()
      .click();
    await expect(app.heading(/C-1001/)).toBeVisible();
    await check('complex');
    await page.locator('a.dwelling-tile').first().click();
    await expect(page.getByTestId('dwelling-facts')).toBeVisible();
    await check('woning');
    await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
    await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
    await app.type('deurbreedte', '9');
    await check('vragenlijst');
    await app.tab('inspection.tab.findings').click();
    await page.getByTestId('new-finding').getByLabel(nl['nen.enable']).check();
    await check('bevindingen');
    await app.tab('inspection.tab.review').click();
    await expect(page.getByTestId('score-result')).toBeVisible();
    await check('overzicht');
    await app.navLink('nav.settings').click();
    await expect(app.heading(nl['settings.title'])).toBeVisible();
    await check('instellingen');
  });
});
