// Page object for Schouw's shell: navigation, status, the update offer and the service worker
// behind the page. Texts come from the Dutch catalogue, so a reworded message fails nowhere else.
import type { Locator, Page, Response } from '@playwright/test';
import { nl } from '../../../src/app/i18n/messages.ts';

type MarkedWindow = Window & { schouwMarker?: string };

export class AppShell {
  readonly navigation: Locator;
  readonly connectivity: Locator;
  readonly updateBanner: Locator;
  readonly acceptUpdateButton: Locator;
  readonly laterButton: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: nl['nav.main'] });
    this.connectivity = page.getByTestId('connectivity');
    this.updateBanner = page.getByTestId('update-banner');
    this.acceptUpdateButton = this.updateBanner.getByRole('button', { name: nl['update.accept'] });
    this.laterButton = this.updateBanner.getByRole('button', { name: nl['update.later'] });
  }

  async open(url: string): Promise<Response | null> {
    return this.page.goto(url);
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: text });
  }

  navLink(text: string): Locator {
    return this.navigation.getByRole('link', { name: text });
  }

  /** The first visit installs the worker; it claims the page, so no reload is needed. */
  async waitForServiceWorkerControl(): Promise<void> {
    // Synchronous on purpose: waitForFunction would take a returned promise as "truthy".
    await this.page.waitForFunction(
      () => navigator.serviceWorker.controller?.state === 'activated',
      undefined,
      { polling: 100 },
    );
  }

  /** What the browser does on its own now and then: look for a new /sw.js. */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
  }

  async serviceWorkerState(): Promise<{ controlled: boolean; waiting: boolean }> {
    return this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: navigator.serviceWorker.controller !== null,
        waiting: (registration?.waiting ?? null) !== null,
      };
    });
  }

  async cacheNames(): Promise<string[]> {
    return this.page.evaluate(() => caches.keys());
  }

  /** Leaves a mark on this document: it survives exactly as long as the page is not reloaded. */
  async markDocument(value: string): Promise<void> {
    await this.page.evaluate((mark) => {
      (window as MarkedWindow).schouwMarker = mark;
    }, value);
  }

  async documentMark(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as MarkedWindow).schouwMarker);
  }

  /** The build id a test release wrote into index.html, or null for the original build. */
  async buildId(): Promise<string | null> {
    return this.page.evaluate(
      () => document.querySelector('meta[name="schouw-build"]')?.getAttribute('content') ?? null,
    );
  }
}
