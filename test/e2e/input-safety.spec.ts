// Input never destroys data (issue 11, item 7), in real Chromium on the production build:
// invalid input over a stored measurement keeps the stored answer and says so, a value typed
// 100 ms before the tab closes is there after reopening, and the group stepper says "compleet"
// only when every required answer and photo is there.
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture } from './pages/field-capture.ts';
import { installOnline } from './support/session.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
/** A dwelling (C-1001-021) no other spec opens: other specs sync inspections of their dwellings. */
const DWELLING = 'Portiekflat · 67 m² · verdieping 0';

async function startZorg(page: Page): Promise<FieldCapture> {
  const app = new FieldCapture(page);
  await app.navLink('nav.portfolio').click();
  await app.search('C-1001');
  await page
    .getByRole('link', { name: /C-1001 Plusflat Botersloot/ })
    .first()
    .click();
  await expect(app.dwellingTiles(DWELLING)).toHaveCount(1);
  await app.dwellingTiles(DWELLING).click();
  await app.module('zorggeschiktheid').getByRole('button', { name: nl['module.start'] }).click();
  await expect(app.heading(nl['module.zorggeschiktheid'])).toBeVisible();
  return app;
}

test.describe('input never destroys data', () => {
  test('"abc" over a stored measurement keeps the stored answer and says it was not saved', async ({
    page,
    context,
  }) => {
    // Signed in online (the portfolio comes with the first sync), then the tablet goes offline.
    await installOnline(page, { as: INSPECTEUR });
    await context.setOffline(true);
    const app = await startZorg(page);
    const inspectionId = app.inspectionId();
    await app.type('deurbreedte', '0,9');

    // Emptying the field first queues "clear the answer"; the "abc" that follows must cancel it.
    const input = app.question('deurbreedte').getByRole('textbox');
    await input.press('Control+a');
    await input.press('Backspace');
    await input.pressSequentially('abc');
    await input.blur();
    const field = app.question('deurbreedte');
    await expect(field.getByTestId('input-kept')).toHaveText(
      nl['question.invalidKept'].replace('{value}', '0,9'),
    );
    await expect(field.getByTestId('save-status')).not.toHaveText(nl['save.saved']);

    // The stored answer is untouched: a reload shows it.
    await page.goto(`/inspecties/${inspectionId}`);
    await expect(app.question('deurbreedte').getByRole('textbox')).toHaveValue('0,9');
  });

  test('a value typed 100 ms before the tab closes is there after reopening', async ({
    page,
    context,
  }) => {
    // Signed in online (the portfolio comes with the first sync), then the tablet goes offline.
    await installOnline(page, { as: INSPECTEUR });
    await context.setOffline(true);
    const app = await startZorg(page);
    const inspectionId = app.inspectionId();
    await app.question('gangbreedte').getByRole('textbox').pressSequentially('1,25');
    await page.waitForTimeout(100);
    await page.close();

    const again = await context.newPage();
    await again.goto(`/inspecties/${inspectionId}`);
    await expect(new FieldCapture(again).question('gangbreedte').getByRole('textbox')).toHaveValue(
      '1,25',
    );
  });
});
