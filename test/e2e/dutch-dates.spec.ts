// Dutch calendar dates (issue 11, item 4): a fire-safety round finished at 00:41 on 8 December in
// the Netherlands happened on 8 December, although it is still 7 December in UTC. The browser runs
// in Europe/Amsterdam with a fixed clock just after midnight; the schedule's first date, the
// "Laatste ronde", the next due date, the building file and the rounds CSV all say 8 December.
// The e2e server is shared by the specs of a run: this one plans the pand of C-1001, on which no
// other spec plans or walks a round (fire-safety.spec.ts plans C-1003).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture, text } from './pages/field-capture.ts';
import { installOnline } from './support/session.ts';
import { expect, test } from './support/test.ts';

test.use({ timezoneId: 'Europe/Amsterdam' });

const HALF_PAST_MIDNIGHT = new Date('2026-12-08T00:30:00+01:00'); // 7 Dec 23:30 UTC
const FINISHED_AT = new Date('2026-12-08T00:41:00+01:00'); // 7 Dec 23:41 UTC

/** The date as the app writes it in Dutch ("8 dec 2026"), whatever ICU puts after the month. */
function dutchDate(day: number, month: string, year: number): RegExp {
  return new RegExp(`\\b${day} ${month}\\.? ${year}\\b`);
}

async function downloadText(page: Page, testId: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync(await (await download).path(), 'utf8');
}

test('a round finished at 00:41 on 8 December counts as 8 December everywhere', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new FieldCapture(page);
  await page.clock.setFixedTime(HALF_PAST_MIDNIGHT);
  // The planning lists the buildings on the device: the first sync must have brought them.
  await installOnline(page, { as: 'veiligheid@demo.schouw.nl' });

  let building = '';
  await test.step('a new schedule starts today, 8 December, not the UTC date', async () => {
    await app.navLink('nav.fireSafety').click();
    const plan = page.getByTestId('plan-building');
    await plan.getByLabel(nl['fireSafety.schedule.complex']).selectOption({
      label: 'C-1001 Plusflat Botersloot',
    });
    const pand = plan.getByLabel(nl['fireSafety.schedule.pand']);
    await pand.selectOption({ index: 1 });
    building = (await pand.locator('option:checked').textContent()) ?? '';
    expect(building).not.toBe('');
    const editor = page.getByTestId('schedule-editor');
    await expect(editor.getByLabel(nl['fireSafety.schedule.startsOn'])).toHaveValue('2026-12-08');
    await editor.getByRole('radio', { name: nl['fireSafety.frequency.maandelijks'] }).check();
    await editor.getByRole('button', { name: nl['fireSafety.schedule.save'] }).click();
    await expect(editor.getByTestId('schedule-saved')).toHaveText(nl['fireSafety.schedule.saved']);
  });

  await test.step('the round is walked and finished at 00:41', async () => {
    await app.navLink('nav.fireSafety').click();
    await page
      .getByTestId('round-card')
      .filter({ hasText: building })
      .getByTestId('start-round')
      .click();
    await expect(app.heading(nl['module.brandveiligheidsronde'])).toBeVisible();
    const ja = nl['answer.ja'];
    const nee = nl['answer.nee'];
    await app.type('hoogste-vloer', '9');
    await app.choose('zorgwoningen', nee);
    await app.choose('ruimte-50-personen', nee);
    await app.openGroup(2);
    for (const id of ['rookmelders-verdiepingen', 'rookmelders-vluchtroute', 'rookmelders-werken'])
      await app.choose(id, ja);
    await app.openGroup(3);
    for (const id of ['zelfsluitende-deuren-sluiten', 'deuren-niet-vastgezet', 'doorvoeringen'])
      await app.choose(id, ja);
    await app.openGroup(4);
    await app.choose('vluchtroutes-vrij', ja);
    await app.choose('galerij', ja);
    // The gallery width is asked in whole cm; "1,4" (metres) is understood as 140 cm.
    await app.type('galerij-vrije-breedte', '1,4');
    await expect(app.question('galerij-vrije-breedte').getByTestId('read-as')).toHaveText(
      text('question.readAs', { value: '140 cm' }),
    );
    await app.choose('scootmobielen', ja);
    await app.choose('noodverlichting', ja);
    await app.openGroup(5);
    await app.choose('blustoestellen', nee);
    await app.choose('opslag-meterkasten', ja);
    await app.choose('ontruimingsplan', ja);

    await page.clock.setFixedTime(FINISHED_AT);
    await app.tab('inspection.tab.review').click();
    await page.getByRole('button', { name: nl['finish.button'] }).click();
    await expect(app.status()).toHaveText(nl['inspection.status.finished']);
  });

  await test.step('"Laatste ronde: 8 dec", next round one month later, 8 January', async () => {
    await app.navLink('nav.fireSafety').click();
    const card = page.getByTestId('round-card').filter({ hasText: building });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(text('fireSafety.lastRound', { date: '8 dec' }));
    await expect(card).not.toContainText(text('fireSafety.lastRound', { date: '7 dec' }));
    await expect(card.getByTestId('round-due')).toContainText(dutchDate(8, 'jan', 2027));

    const rounds = await downloadText(page, 'export-rounds');
    const row = rounds.split('\r\n').find((line) => line.includes('C-1001'));
    expect(row).toBeDefined();
    expect(row).toContain(';2027-01-08;');
    expect(row?.endsWith(';2026-12-08')).toBe(true);
  });

  await test.step('the building file dates the round 8 December, 00:41', async () => {
    await page
      .getByTestId('round-card')
      .filter({ hasText: building })
      .getByRole('link', { name: new RegExp(`^${nl['fireSafety.openFile']}`) })
      .click();
    await expect(page.getByTestId('building-last-round')).toContainText(
      text('fireSafety.lastRound', { date: '8 dec' }),
    );
    await expect(page.getByTestId('building-history')).toContainText(dutchDate(8, 'dec', 2026));
    await expect(page.getByTestId('building-history')).toContainText('00:41');
  });
});
