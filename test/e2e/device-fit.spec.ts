// The app fits the devices it is for (issue 11, item 10): on an 820 px tablet and a 390 px phone
// every menu item of the role with the longest menu (beheerder) is visible on screen without
// scrolling sideways, no page is wider than the screen, and a card is tappable as a whole.
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { FieldCapture } from './pages/field-capture.ts';
import { installOnline } from './support/session.ts';
import { expect, test } from './support/test.ts';

const MENU = [
  'nav.home',
  'nav.portfolio',
  'nav.actions',
  'nav.settings',
  'nav.account',
  'overview.nav',
  'nav.fireSafety',
  'nav.efg',
  'nav.users',
  'nav.imports',
] as const;

const PAGES = [
  '/',
  '/portefeuille',
  '/acties',
  '/brandveiligheid',
  '/efg',
  '/overzicht',
  '/instellingen',
  '/gebruikers',
] as const;

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${path} is ${scrollWidth}px wide on a ${width}px screen`,
  ).toBeLessThanOrEqual(width);
}

for (const device of [
  { name: 'tablet', viewport: { width: 820, height: 1180 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(`on a ${device.viewport.width}px ${device.name}`, () => {
    test.use({ viewport: device.viewport, hasTouch: true });

    test('every menu item is on screen and no page scrolls sideways; a card is tapped as a whole', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const app = new FieldCapture(page);
      // The portfolio shows only after sign-in and the first sync; the card tapped below needs it.
      await installOnline(page, { as: 'beheerder@demo.schouw.nl' });

      const menu = page.getByRole('navigation', { name: nl['nav.main'] });
      for (const key of MENU) {
        const link = menu.getByRole('link', { name: nl[key], exact: true });
        await expect(link).toBeInViewport({ ratio: 1 });
        const box = await link.boundingBox();
        expect(box, nl[key]).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(device.viewport.width);
      }

      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expectNoSidewaysScroll(page, path);
      }

      // The far side of a complex card, away from its title link, opens the complex too.
      await app.navLink('nav.portfolio').click();
      await app.search('hoogvliet');
      const card = page.locator('.card-tap').filter({ hasText: 'C-1002' }).first();
      // On a phone the menu pushes the results below the fold: scroll first, as a finger would.
      await card.scrollIntoViewIfNeeded();
      const box = (await card.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width - 8, box.y + box.height - 6);
      await expect(app.heading(/C-1002/)).toBeVisible();
      await expectNoSidewaysScroll(page, 'complex');
    });
  });
}
