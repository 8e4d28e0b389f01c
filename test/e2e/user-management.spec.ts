// A beheerder manages the accounts of their own organisation on the real server: adds an
// inspecteur, who can then sign in on another device; after the beheerder disables the account
// that sign-in is refused. An inspecteur never sees the screen in the menu. Real Chromium against
// the production build; every browser context is a separate device with its own storage.
import type { Page } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { AppShell } from './pages/app-shell.ts';
import { DEMO_PASSWORD, Devices, signIn as signInWith } from './support/session.ts';
import { expect, test } from './support/test.ts';

const BEHEERDER = 'beheerder@demo.schouw.nl';
// Unique per run, so a reused dev server with earlier runs' users cannot satisfy the test.
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const NEW_EMAIL = `inspecteur-${RUN}@demo.schouw.nl`;
const NEW_NAME = `Nieuwe Inspecteur ${RUN}`;
const NEW_PASSWORD = `eerste-wachtwoord-${RUN}`;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Straight to /account; each test checks itself whether the sign-in was accepted or refused. */
function signIn(page: Page, email: string, password: string): Promise<void> {
  return signInWith(page, email, { password, via: 'url', expectSignedIn: false });
}

test.describe('user management', () => {
  test('a beheerder adds an inspecteur who can sign in, then disables them and their sign-in is refused', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const devices = new Devices(browser);
    try {
      const admin = (await devices.open()).page;
      const shell = new AppShell(admin);

      await test.step('the beheerder signs in and opens Gebruikers from the menu', async () => {
        await signIn(admin, BEHEERDER, DEMO_PASSWORD);
        await expect(admin.getByTestId('signed-in-as')).toBeVisible();
        await shell.navLink(nl['nav.users']).click();
        await expect(shell.heading(nl['users.title'])).toBeVisible();
        await expect(admin.getByTestId('user-row').filter({ hasText: BEHEERDER })).toBeVisible();
      });

      const form = admin.getByTestId('users-add');
      await test.step('a too short initial password is refused before anything is sent', async () => {
        await form.getByLabel(nl['users.field.email']).fill(NEW_EMAIL);
        await form.getByLabel(nl['users.field.name']).fill(NEW_NAME);
        await form.getByLabel(nl['users.field.password'], { exact: true }).fill('kort');
        await form.getByRole('button', { name: nl['users.add.submit'] }).click();
        await expect(form).toContainText(nl['users.error.passwordShort']);
        await expect(admin.getByTestId('user-row').filter({ hasText: NEW_EMAIL })).toHaveCount(0);
      });

      await test.step('the beheerder adds the inspecteur', async () => {
        await form.getByRole('radio', { name: nl['role.inspecteur'] }).check();
        await form.getByLabel(nl['users.field.password'], { exact: true }).fill(NEW_PASSWORD);
        await form.getByRole('button', { name: nl['users.add.submit'] }).click();
        await expect(admin.getByTestId('users-notice')).toHaveText(
          fill(nl['users.add.done'], { name: NEW_NAME, email: NEW_EMAIL }),
        );
        const row = admin.getByTestId('user-row').filter({ hasText: NEW_EMAIL });
        await expect(row).toContainText(NEW_NAME);
        await expect(row.getByTestId('user-role')).toHaveText(nl['role.inspecteur']);
        await expect(row.getByTestId('user-disabled')).toHaveCount(0);
      });

      await test.step('adding the same e-mail again shows the server’s own message', async () => {
        await form.getByLabel(nl['users.field.email']).fill(NEW_EMAIL);
        await form.getByLabel(nl['users.field.name']).fill('Dubbel');
        await form.getByLabel(nl['users.field.password'], { exact: true }).fill(NEW_PASSWORD);
        await form.getByRole('button', { name: nl['users.add.submit'] }).click();
        await expect(admin.getByTestId('users-add-error')).toHaveText(
          'Er is in uw organisatie al een gebruiker met dit e-mailadres.',
        );
      });

      await test.step('the new inspecteur signs in on another tablet and has no Gebruikers menu', async () => {
        const tablet = (await devices.open()).page;
        await signIn(tablet, NEW_EMAIL, NEW_PASSWORD);
        await expect(tablet.getByTestId('signed-in-as')).toContainText(NEW_NAME);
        const tabletShell = new AppShell(tablet);
        await expect(tabletShell.navLink(nl['nav.account'])).toBeVisible();
        await expect(tabletShell.navLink(nl['nav.users'])).toHaveCount(0);
        await tabletShell.open('/gebruikers');
        await expect(tablet.getByTestId('users-forbidden')).toHaveText(nl['users.onlyBeheerder']);
      });

      await test.step('the beheerder disables the account after confirming', async () => {
        const row = admin.getByTestId('user-row').filter({ hasText: NEW_EMAIL });
        await row.getByRole('button', { name: nl['users.disable'] }).click();
        const dialog = admin.getByRole('dialog');
        await expect(dialog).toContainText(
          fill(nl['users.disable.confirm.title'], { name: NEW_NAME }),
        );
        await dialog.getByRole('button', { name: nl['users.disable'] }).click();
        await expect(dialog).toBeHidden();
        await expect(row.getByTestId('user-disabled')).toHaveText(nl['users.disabled']);
        await expect(admin.getByTestId('users-notice')).toHaveText(
          fill(nl['users.disable.done'], { name: NEW_NAME }),
        );
      });

      await test.step('the disabled inspecteur’s sign-in is refused on a fresh tablet', async () => {
        const tablet = (await devices.open()).page;
        await signIn(tablet, NEW_EMAIL, NEW_PASSWORD);
        await expect(tablet.getByTestId('sign-in-error')).toHaveText(nl['account.error.disabled']);
        await expect(tablet.getByTestId('signed-in-as')).toHaveCount(0);
      });

      await test.step('after a reload the list still shows the account as disabled', async () => {
        await admin.reload();
        const row = admin.getByTestId('user-row').filter({ hasText: NEW_EMAIL });
        await expect(row.getByTestId('user-disabled')).toHaveText(nl['users.disabled']);
      });
    } finally {
      await devices.closeAll();
    }
  });

  test('an inspecteur does not see Gebruikers in the menu', async ({ page }) => {
    await signIn(page, 'inspecteur@demo.schouw.nl', DEMO_PASSWORD);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    const shell = new AppShell(page);
    await expect(shell.navLink(nl['nav.account'])).toBeVisible();
    await expect(shell.navLink(nl['nav.users'])).toHaveCount(0);
  });
});
