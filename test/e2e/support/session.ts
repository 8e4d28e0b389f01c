// The steps many e2e specs share: install the app online, sign in a demo person, sync, check
// accessibility and open extra devices. One place, so a changed screen is fixed once.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { nl } from '../../../src/app/i18n/messages.ts';
import { AppShell } from '../pages/app-shell.ts';
import { FieldCapture, pattern } from '../pages/field-capture.ts';
import { expect, watchCsp } from './test.ts';

/** The password of every demo account the server seeds. */
export const DEMO_PASSWORD = 'schouw-demo';

/**
 * First visit online: the service worker installs and the app asks for sign-in before it shows
 * anything of the portfolio. With `as`, that person signs in and the first sync brings the
 * portfolio. `expectHome` also checks the home screen's heading first.
 */
export async function installOnline(
  page: Page,
  { expectHome = false, as }: { expectHome?: boolean; as?: string } = {},
): Promise<void> {
  const shell = new AppShell(page);
  await shell.open('/');
  if (expectHome) await expect(shell.heading(nl['home.title'])).toBeVisible();
  await expect(page.getByTestId('first-run')).toContainText(nl['firstRun.signIn.title']);
  await shell.waitForServiceWorkerControl();
  if (as !== undefined) await signInAndFetchPortfolio(page, as);
}

/** Signs in and waits until the first sync has brought the portfolio (home screen says so). */
export async function signInAndFetchPortfolio(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await new FieldCapture(page).navLink('nav.home').click();
  await expect(page.getByTestId('first-run')).toContainText(nl['firstRun.imported.title'], {
    timeout: 30_000,
  });
}

export interface SignInOptions {
  password?: string;
  /** 'menu' follows the navigation (the app is already open); 'url' opens /account directly. */
  via?: 'menu' | 'url';
  /** false when the test itself checks the outcome, e.g. a refused sign-in. */
  expectSignedIn?: boolean;
}

/** Signs in through the account screen, as a person on a tablet would. */
export async function signIn(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, via = 'menu', expectSignedIn = true }: SignInOptions = {},
): Promise<void> {
  if (via === 'menu') await new FieldCapture(page).navLink('nav.account').click();
  else await new AppShell(page).open('/account');
  await page.getByLabel(nl['account.field.email']).fill(email);
  await page.getByLabel(nl['account.field.password']).fill(password);
  await page.getByRole('button', { name: nl['account.signIn.submit'] }).click();
  if (expectSignedIn) await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/**
 * "Nu synchroniseren" in Instellingen, then waits until the cycle finished without problems.
 * `pendingTimeout` gives the pending counter longer to reach zero (e.g. right after reconnecting).
 */
export async function syncNow(
  page: Page,
  { pendingTimeout }: { pendingTimeout?: number } = {},
): Promise<void> {
  await new FieldCapture(page).navLink('nav.settings').click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 });
  await panel.getByTestId('sync-now').click();
  // The button only asks; a finished cycle shows "last synced" and enables the button again.
  await expect(panel.getByTestId('sync-last')).toContainText(pattern('sync.last'));
  await expect(panel.getByTestId('sync-now')).toBeEnabled();
  await expect(panel.getByTestId('sync-problem')).toHaveCount(0);
  await expect(panel.getByTestId('sync-rejected')).toHaveCount(0);
  await expect(page.getByTestId('pending-count')).toHaveText(
    nl['status.pending.none'],
    pendingTimeout === undefined ? undefined : { timeout: pendingTimeout },
  );
}

export interface AxeOptions {
  /** Only check below this selector. */
  include?: string;
  /** Prefixed to each violation, to say which screen it was on. */
  label?: string;
}

/** No axe violation of impact serious or critical on the page (or the included part). */
export async function expectNoSevereAxeViolations(
  page: Page,
  { include, label }: AxeOptions = {},
): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include !== undefined) builder.include(include);
  const { violations } = await builder.analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const prefix = label === undefined ? '' : `${label}: `;
  expect(severe.map((v) => `${prefix}${v.id}: ${v.help} (${v.nodes.length}x)`)).toEqual([]);
}

export interface Device {
  context: BrowserContext;
  page: Page;
}

/** Browser contexts as separate devices, each with its own storage; closeAll() ends them. */
export class Devices {
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: Browser) {}

  async open(): Promise<Device> {
    const context = await this.browser.newContext();
    await watchCsp(context);
    this.contexts.push(context);
    return { context, page: await context.newPage() };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close()));
  }
}
