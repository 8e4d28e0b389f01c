import AxeBuilder from '@axe-core/playwright';
import { nl } from '../../src/app/i18n/messages.ts';
import { expect, test } from './support/test.ts';

test.describe('accessibility', () => {
  for (const [path, title] of [
    ['/', nl['home.title']],
    ['/portefeuille', nl['portfolio.title']],
    ['/instellingen', nl['settings.title']],
  ] as const) {
    test(`the page ${path} has no serious or critical accessibility violations`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x)`)).toEqual([]);
    });
  }
});
