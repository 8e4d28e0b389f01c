// The portfolio view in real Chromium against the production build and the real server: an
// inspecteur finishes an optoppen-scan of a pand in C-1002 and syncs; a beheerder on another
// device syncs, opens "Overzicht" and sees the scan's indicative extra dwellings for the complex
// and its gemeente, labelled as indicative, next to the label distribution of the demo portfolio
// as the server hands it out. Two browser contexts = two devices with their own storage.
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture } from './pages/field-capture.ts';
import {
  Devices,
  expectNoSevereAxeViolations,
  installOnline,
  signIn,
  syncNow,
} from './support/session.ts';
import { pullAsDevice } from './support/server-api.ts';
import { expect, test } from './support/test.ts';

const INSPECTEUR = 'inspecteur@demo.schouw.nl';
const BEHEERDER = 'beheerder@demo.schouw.nl';
const COMPLEX = 'C-1002';
const LABEL_CLASSES = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

/** The cells of a table row (row header first) as the screen shows them. */
async function cells(row: Locator): Promise<string[]> {
  return (await row.locator('th, td').allTextContents()).map((cell) => cell.trim());
}

/** Integers as the Dutch UI writes them (1.234). */
const nlCount = (value: number) => value.toLocaleString('nl-NL');

test.describe('portfolio view', () => {
  test('a beheerder sees an inspecteur’s finished optoppen-scan as indicative extra dwellings for its complex and gemeente, and the demo label distribution', async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    // The demo portfolio as the server hands it to a signed-in device.
    const pulled = await pullAsDevice(request, BEHEERDER);
    const complex = pulled.get('complex')?.find((item) => item.complexnummer === COMPLEX);
    if (typeof complex?.gemeente !== 'string') {
      throw new Error(`${COMPLEX} with a gemeente is not in the demo`);
    }
    const gemeente = complex.gemeente;
    const dwellings = (pulled.get('verblijfsobject') ?? []).map((row) => ({
      energyLabel: row.energyLabel as { class: string } | null,
    }));
    const labelCount = (label: string | null) =>
      dwellings.filter((dwelling) => (dwelling.energyLabel?.class ?? null) === label).length;
    // The demo must have labels for the check to mean something.
    expect(dwellings.length - labelCount(null)).toBeGreaterThan(0);

    const devices = new Devices(browser);
    const device = () => devices.open();
    try {
      const a = await device();
      const inspector = new FieldCapture(a.page);

      await test.step('the inspecteur signs in and has no Overzicht in the menu', async () => {
        await installOnline(a.page);
        await signIn(a.page, INSPECTEUR);
        await syncNow(a.page);
        await expect(inspector.navLink('overview.nav')).toHaveCount(0);
      });

      await test.step('the inspecteur finishes a kansrijke optoppen-scan of a pand in C-1002 and syncs', async () => {
        await inspector.navLink('nav.portfolio').click();
        await inspector.search('hoogvliet');
        await a.page
          .getByRole('link', { name: new RegExp(`${COMPLEX} `) })
          .first()
          .click();
        await a.page.getByTestId('pand').first().getByRole('link').first().click();
        await inspector
          .module('optoppen-scan')
          .getByRole('button', { name: nl['module.start'] })
          .click();
        await expect(inspector.heading(nl['module.optoppen-scan'])).toBeVisible();
        await inspector.type('bouwjaar', '1965');
        await inspector.type('bouwlagen', '4');
        await inspector.type('hoogste-vloer', '9');
        await inspector.openGroup(2);
        await inspector.choose('daktype', 'Plat dak');
        await inspector.type('dakoppervlak', '500');
        await inspector.openGroup(3);
        await inspector.choose('draagconstructie', 'Gietbeton (in het werk gestort)');
        await inspector.choose('fundering', 'Betonpalen');
        await inspector.choose('scheuren', nl['answer.nee']);
        await inspector.openGroup(4);
        await inspector.choose('lift', nl['answer.ja']);
        await inspector.choose('trappenhuizen', 'Twee of meer trappenhuizen');
        await inspector.choose('droge-blusleiding', nl['answer.nee']);
        await inspector.openGroup(5);
        await inspector.type('extra-bouwlagen', '1');
        await inspector.type('doelgrootte', '50');
        await inspector.choose('parkeren', 'Voldoende ruimte');
        await a.page.getByRole('button', { name: nl['finish.button'] }).click();
        await expect(inspector.status()).toHaveText(nl['inspection.status.finished']);
        await syncNow(a.page);
      });

      const b = await device();
      await test.step('a beheerder signs in on another device, syncs and opens Overzicht', async () => {
        await installOnline(b.page);
        await signIn(b.page, BEHEERDER);
        await syncNow(b.page);
        await new FieldCapture(b.page).navLink('overview.nav').click();
        await expect(
          b.page.getByRole('heading', { level: 1, name: nl['overview.title'] }),
        ).toBeVisible();
      });

      await test.step('the scan shows as 8 indicative extra dwellings for C-1002 and its gemeente', async () => {
        // 500 m² roof × 80 % net × 1 extra storey ÷ 50 m² per dwelling = 8.
        await expect(b.page.getByTestId('overview-disclaimer')).toContainText(
          nl['overview.disclaimer'],
        );
        const complexRow = b.page
          .getByTestId('table-complexes')
          .getByTestId('row')
          .filter({ has: b.page.getByRole('rowheader', { name: COMPLEX, exact: true }) });
        await expect(complexRow).toHaveCount(1);
        const complexCells = await cells(complexRow);
        // complexnummer, naam, gemeente, woningen, optoppen, ondertoppen, splitsen, totaal, …
        expect(complexCells.slice(0, 3)).toEqual([COMPLEX, complex.name, gemeente]);
        expect(complexCells.slice(4, 8)).toEqual(['8', '0', '0', '8']);

        const gemeenteRow = b.page
          .getByTestId('table-extra')
          .getByTestId('row')
          .filter({ has: b.page.getByRole('rowheader', { name: gemeente, exact: true }) });
        const gemeenteCells = await cells(gemeenteRow);
        // gemeente, complexen, optoppen, ondertoppen, splitsen, totaal, scans
        expect(gemeenteCells[2]).toBe('8');
        expect(gemeenteCells[5]).toBe('8');
        expect(gemeenteCells[6]).toBe('1');
        await expect(
          b.page.getByTestId('chart-extra').locator(`[data-label="${gemeente}"]`),
        ).toHaveAttribute('data-value', '8');
        await expect(b.page.getByTestId('summary-extra')).toHaveText('8');
      });

      await test.step('the label distribution is the demo portfolio’s, in the chart and the total row', async () => {
        const total = await cells(b.page.getByTestId('table-labels').getByTestId('total-row'));
        const expected = [
          nl['overview.total'],
          nlCount(dwellings.length),
          ...LABEL_CLASSES.map((label) => nlCount(labelCount(label))),
          nlCount(labelCount(null)),
          nlCount(labelCount('E') + labelCount('F') + labelCount('G')),
        ];
        expect(total).toEqual(expected);
        const chart = b.page.getByTestId('chart-labels');
        for (const label of LABEL_CLASSES)
          await expect(chart.locator(`[data-label="${label}"]`)).toHaveAttribute(
            'data-value',
            String(labelCount(label)),
          );
        await expect(chart.getByRole('img')).toHaveAccessibleName(
          new RegExp(nl['overview.labels.chart']),
        );
      });

      await test.step('the per-complex table downloads as a Dutch CSV with the same figures', async () => {
        const table = b.page.getByTestId('table-complexes');
        const [download] = await Promise.all([
          b.page.waitForEvent('download'),
          table.getByTestId('csv-download').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(
          /^portefeuille-per-complex-\d{4}-\d{2}-\d{2}\.csv$/,
        );
        const csv = await readFile(await download.path(), 'utf8');
        const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
        expect(lines[0]?.split(';').slice(0, 4)).toEqual([
          nl['overview.col.complexnummer'],
          nl['overview.col.name'],
          nl['overview.col.gemeente'],
          nl['overview.col.dwellings'],
        ]);
        const row = lines.find((line) => line.startsWith(`${COMPLEX};`))?.split(';');
        expect(row?.slice(4, 8)).toEqual(['8', '0', '0', '8']);
      });

      await test.step('the overview has no serious accessibility violations and works offline', async () => {
        await expectNoSevereAxeViolations(b.page);
        await b.context.setOffline(true);
        await b.page.reload();
        await expect(b.page.getByTestId('summary-extra')).toHaveText('8');
        await b.context.setOffline(false);
      });
    } finally {
      await devices.closeAll();
    }
  });
});
