// An English-speaking inspector: with English chosen, the checklist itself (group titles,
// question labels, options, help with rules and sources) reads in English, also offline, because
// the service worker precaches the separately loaded English template catalogue.
import { en } from '../../src/app/i18n/messages-en.ts';
import { templateCatalogueEn } from '../../src/shared/domain/templates/i18n/en.ts';
import { AppShell } from './pages/app-shell.ts';
import { installOnline } from './support/session.ts';
import { expect, test } from './support/test.ts';

const english = (dutch: string) => templateCatalogueEn.texts[dutch]!;

test('an inspector who chose English sees the zorggeschiktheid checklist in English, offline', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  await installOnline(page, { as: 'inspecteur@demo.schouw.nl' });

  await page.evaluate(() => localStorage.setItem('schouw.locale', 'en'));
  await context.setOffline(true);
  await page.reload();
  await expect(shell.heading(en['home.title'])).toBeVisible();

  await page
    .getByRole('navigation', { name: en['nav.main'] })
    .getByRole('link', { name: en['nav.portfolio'] })
    .click();
  await page.getByLabel(en['portfolio.search.label']).fill('hoogvliet');
  await page
    .getByRole('link', { name: /C-1002 Seniorencomplex Hoogvliet/ })
    .first()
    .click();
  await page.locator('a.dwelling-tile').first().click();
  await page
    .getByTestId('module-zorggeschiktheid')
    .getByRole('button', { name: en['module.start'] })
    .click();

  const floor = page.getByTestId('question-verdieping');
  await expect(floor).toContainText(
    english('Op welke verdieping ligt de entree van de woning? (0 = begane grond)'),
  );
  await expect(page.getByRole('heading', { level: 2 })).toContainText(english('Woning'));
  const rooms = page.getByTestId('question-ruimten-gelijkvloers');
  await expect(rooms.getByRole('checkbox', { name: 'Living room', exact: true })).toBeVisible();
  await expect(rooms).not.toContainText('Woonkamer');

  await rooms.getByText(en['question.help']).click();
  await expect(rooms).toContainText(templateCatalogueEn.rules['zorg.nultreden']!);
  await expect(rooms).toContainText('Woondeal ouderenhuisvesting (housing deal for older people');
});
