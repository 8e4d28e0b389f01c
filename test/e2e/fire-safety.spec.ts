// Team veiligheid's fire-safety workspace in real Chromium against the production build, OFFLINE
// after the first visit: plan a quarterly round schedule for a demo building, see it overdue and
// then due soon, start the round from the list and record a finding with an action, find the
// action among the open fire-safety actions, close it (a note is required, a photo is optional
// and kept with the step), read the building's history, export the lists as CSV, and finally
// sync: the server accepts every op (schedule, evidence photo, closing step).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { addDays, dutchToday } from '../../src/shared/domain/iso-date.ts';
import { FieldCapture, pattern, text } from './pages/field-capture.ts';
import { expectNoSevereAxeViolations, installOnline, syncNow } from './support/session.ts';
import { expect, test } from './support/test.ts';

const VEILIGHEID = 'veiligheid@demo.schouw.nl';
// Unique per run, so a reused dev server's earlier actions cannot satisfy the test.
const ACTION = `Brandwerende deur kelder afstellen ${Date.now().toString(36)}`;
const CLOSING_NOTE = 'Deurdranger afgesteld, deur valt weer in het slot';

/** The Dutch calendar date `days` from today, as the app's date inputs and todayIso use. */
function localDate(days: number): string {
  return addDays(dutchToday(), days);
}

async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#8b0000';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#ffffff';
    context.fillRect(200, 100, 240, 280);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('toBlob'))), 'image/jpeg'),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

async function downloadText(page: Page, testId: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await (await download).path();
  return readFileSync(file, 'utf8');
}

test('team veiligheid plans a round, closes its action with a note and a photo, offline', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = new FieldCapture(page);

  await test.step('first visit online: the portfolio arrives and veiligheid signs in', async () => {
    await installOnline(page, { as: VEILIGHEID });
  });

  await context.setOffline(true);
  await expect(page.getByTestId('connectivity')).toHaveText(nl['status.offline']);

  let building = '';
  await test.step('offline, a quarterly schedule whose first round was due ten days ago is overdue', async () => {
    await app.navLink('nav.fireSafety').click();
    await expect(app.heading(nl['fireSafety.title'])).toBeVisible();
    const plan = page.getByTestId('plan-building');
    await plan.getByLabel(nl['fireSafety.schedule.complex']).selectOption({
      label: 'C-1003 Thuisplusflat Zuidplein',
    });
    const pand = plan.getByLabel(nl['fireSafety.schedule.pand']);
    await pand.selectOption({ index: 1 });
    building = (await pand.locator('option:checked').textContent()) ?? '';
    expect(building).not.toBe('');
    const editor = page.getByTestId('schedule-editor');
    await editor.getByRole('radio', { name: nl['fireSafety.frequency.per-kwartaal'] }).check();
    await editor.getByLabel(nl['fireSafety.schedule.startsOn']).fill(localDate(-10));
    await editor.getByRole('button', { name: nl['fireSafety.schedule.save'] }).click();
    await expect(editor.getByTestId('schedule-saved')).toHaveText(nl['fireSafety.schedule.saved']);

    const card = page.getByTestId('rounds-overdue').getByTestId('round-card');
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(building);
    await expect(card.getByTestId('round-state')).toHaveText(nl['fireSafety.state.overdue']);
    await expect(card.getByTestId('round-due')).toContainText(
      text('fireSafety.overdueDays', { days: 10 }),
    );
    await expect(page.getByTestId('pending-count')).toHaveText(pattern('status.pending'));
    await expectNoSevereAxeViolations(page);
  });

  await test.step('moving the first round to next week puts the building in "due soon"', async () => {
    const editor = page.getByTestId('schedule-editor');
    await editor.getByLabel(nl['fireSafety.schedule.startsOn']).fill(localDate(7));
    await editor.getByRole('button', { name: nl['fireSafety.schedule.save'] }).click();
    await expect(page.getByTestId('rounds-overdue')).toHaveCount(0);
    const card = page.getByTestId('rounds-dueSoon').getByTestId('round-card');
    await expect(card).toContainText(building);
    await expect(card.getByTestId('round-due')).toContainText(
      text('fireSafety.dueInDays', { days: 7 }),
    );
  });

  await test.step('"Start ronde" opens a brandveiligheidsronde; a finding with an action is recorded', async () => {
    await page.getByTestId('rounds-dueSoon').getByTestId('start-round').click();
    await expect(app.heading(nl['module.brandveiligheidsronde'])).toBeVisible();
    await app.tab('inspection.tab.findings').click();
    const form = page.getByTestId('new-finding');
    await form.getByLabel(nl['finding.location'], { exact: true }).fill('Kelder, deur C');
    await form.getByLabel(nl['finding.description']).fill('Brandwerende deur sluit niet');
    await form.getByRole('radio', { name: new RegExp(`^${nl['severity.ernstig']}`) }).check();
    await form.getByLabel(nl['action.enable']).check();
    await form.getByLabel(nl['action.what']).fill(ACTION);
    await form.getByRole('button', { name: nl['finding.addWithAction'] }).click();
    await expect(form.getByText(nl['finding.added'])).toBeVisible();
  });

  await test.step('the workspace offers to resume the round and lists the action under urgency "Hoog"', async () => {
    await app.navLink('nav.fireSafety').click();
    await expect(page.getByTestId('rounds-dueSoon').getByTestId('resume-round')).toBeVisible();
    const group = page.getByTestId('actions-ernstig');
    await expect(group.getByRole('heading', { name: nl['severity.ernstig'] })).toBeVisible();
    const card = group.getByTestId('action-card').filter({ hasText: ACTION });
    await expect(card).toContainText(nl['role.veiligheid']);
    await expect(card).toContainText('Kelder, deur C');
    await expect(card.getByTestId('action-status')).toHaveText(nl['action.status.open']);
  });

  await test.step('the lists download as CSV for Excel', async () => {
    const rounds = await downloadText(page, 'export-rounds');
    expect(rounds.startsWith('\uFEFF')).toBe(true);
    expect(rounds).toContain(`${nl['fireSafety.csv.state']};${nl['fireSafety.csv.complexnummer']}`);
    expect(rounds).toContain(`${nl['fireSafety.state.due-soon']};C-1003;`);
    expect(rounds).toContain(localDate(7));
    const actions = await downloadText(page, 'export-actions');
    expect(actions).toContain(`${nl['severity.ernstig']};${ACTION};${nl['role.veiligheid']};`);
  });

  await test.step('closing without a note is refused; with a note and a photo it is recorded', async () => {
    await page
      .getByTestId('actions-ernstig')
      .getByTestId('action-card')
      .filter({ hasText: ACTION })
      .click();
    await expect(app.heading(ACTION)).toBeVisible();
    const form = page.getByTestId('status-form');
    await form.getByRole('radio', { name: nl['action.status.afgerond'] }).check();
    await form.getByRole('button', { name: nl['actions.save'] }).click();
    await expect(form.getByText(nl['actions.note.missing'])).toBeVisible();
    const history = page.getByTestId('action-history').getByTestId('history-step');
    await expect(history).toHaveCount(1);
    // My own step names me as "u", never "een collega".
    await expect(history.first()).toContainText(
      `${nl['action.status.open']} door ${nl['users.you']} op`,
    );
    await expect(history.first()).not.toContainText(nl['actions.colleague']);

    const jpeg = await cameraJpeg(page);
    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: nl['photos.take'] }).click();
    await (await chooser).setFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect(form.getByTestId('action-photo-count')).toHaveText(
      text('actions.photo.taken', { count: 1 }),
    );
    await expect(form.getByTestId('action-step-photos').getByRole('img')).toHaveCount(1);

    await form.getByLabel(nl['actions.note.required']).fill(CLOSING_NOTE);
    await form.getByRole('button', { name: nl['actions.save'] }).click();
    await expect(history).toHaveCount(2);
    await expect(history.last()).toContainText(nl['action.status.afgerond']);
    await expect(history.last()).toContainText(CLOSING_NOTE);
    await expect(history.last()).toContainText(text('actions.photo.count', { count: 1 }));
    const stepPhoto = page
      .getByTestId('action-history')
      .getByTestId('action-step-photos')
      .getByRole('img', { name: text('actions.photo.thumb', { index: 1 }) });
    await expect(stepPhoto).toBeVisible();
    // The thumbnail really decodes (not a broken image).
    expect(await stepPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
      0,
    );
  });

  await test.step('the action leaves the open list; the building file shows its history', async () => {
    await app.navLink('nav.fireSafety').click();
    await expect(page.getByText(ACTION)).toHaveCount(0);
    await page
      .getByTestId('rounds-dueSoon')
      .getByRole('link', { name: `${nl['fireSafety.openFile']}: ${building}` })
      .click();
    await expect(app.heading(building)).toBeVisible();
    const events = page.getByTestId('building-history').locator('li');
    const closed = events.filter({ hasText: CLOSING_NOTE });
    await expect(closed).toContainText(nl['action.status.afgerond']);
    await expect(closed).toContainText(`door ${nl['users.you']}`);
    // The closing photo is in the building file too, and really decodes.
    const filePhoto = closed.getByTestId('action-step-photos').getByRole('img');
    await expect(filePhoto).toBeVisible();
    expect(await filePhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
      0,
    );
    await expect(page.getByTestId('building-history')).not.toContainText(nl['actions.colleague']);
    await expect(events.filter({ hasText: 'Brandwerende deur sluit niet' })).toContainText(
      nl['severity.ernstig'],
    );
    await expect(events.filter({ hasText: nl['inspection.status.draft'] })).toHaveCount(1);
    await expectNoSevereAxeViolations(page);
  });

  await test.step('pausing the schedule on the building file moves the building to "paused"', async () => {
    const editor = page.getByTestId('schedule-editor');
    await expect(
      editor.getByRole('radio', { name: nl['fireSafety.frequency.per-kwartaal'] }),
    ).toBeChecked();
    await editor.getByLabel(nl['fireSafety.schedule.active']).uncheck();
    await editor.getByRole('button', { name: nl['fireSafety.schedule.save'] }).click();
    await expect(editor.getByTestId('schedule-saved')).toHaveText(nl['fireSafety.schedule.saved']);
    await expect(page.getByTestId('building-due')).toContainText(nl['fireSafety.state.paused']);
    await app.navLink('nav.fireSafety').click();
    const card = page.getByTestId('rounds-paused').getByTestId('round-card');
    await expect(card).toContainText(building);
    await expect(page.getByTestId('rounds-dueSoon')).toHaveCount(0);
    // The round already started can still be finished.
    await expect(card.getByTestId('resume-round')).toBeVisible();
  });

  await test.step('back online, the server accepts everything: schedule, photo and closing step', async () => {
    await context.setOffline(false);
    await expect(page.getByTestId('connectivity')).toHaveText(nl['status.online']);
    await syncNow(page, { pendingTimeout: 30_000 });
  });
});
