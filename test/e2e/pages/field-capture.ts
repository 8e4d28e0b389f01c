// Page object for the field-capture screens: portfolio, dwelling, questionnaire, findings,
// review and settings. Texts come from the Dutch catalogue, so rewording a message breaks no test.
import { expect, type Locator, type Page } from '@playwright/test';
import { nl } from '../../../src/app/i18n/messages.ts';

type Key = keyof typeof nl;

const dutchPlural = new Intl.PluralRules('nl');

/** A catalogue text with its {placeholders} and {count|one|other} words filled, as the app shows it. */
export function text(key: Key, params: Record<string, string | number> = {}): string {
  return nl[key]
    .replace(/\{(\w+)\|([^|}]*)\|([^|}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (dutchPlural.select(Number(params[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** A catalogue text as a pattern, each {placeholder} (or plural word) matching anything. */
export function pattern(key: Key): RegExp {
  const escaped = nl[key]
    .split(/\{\w+(?:\|[^|}]*\|[^|}]*)?\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(escaped);
}

export class FieldCapture {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  navLink(key: Key): Locator {
    return this.page
      .getByRole('navigation', { name: nl['nav.main'] })
      .getByRole('link', { name: text(key) });
  }

  // Portfolio ----------------------------------------------------------------------------------

  async search(query: string): Promise<void> {
    await this.page.getByLabel(nl['portfolio.search.label']).fill(query);
    await expect(this.page.getByTestId('search-results')).toBeVisible();
  }

  /** Finds a complex through the portfolio search and opens it; `name` is its heading. */
  async openComplex(query: string, name: string): Promise<void> {
    await this.navLink('nav.portfolio').click();
    await this.search(query);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.page
      .getByRole('link', { name: new RegExp(escaped) })
      .first()
      .click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** Dwelling tiles on a complex page whose description contains `description`. */
  dwellingTiles(description: string): Locator {
    return this.page.locator('a.dwelling-tile', { hasText: description });
  }

  module(moduleId: string): Locator {
    return this.page.getByTestId(`module-${moduleId}`);
  }

  // Questionnaire ------------------------------------------------------------------------------

  question(id: string): Locator {
    return this.page.getByTestId(`question-${id}`);
  }

  /** Waits until the question says its answer is on disk. */
  async expectSaved(id: string): Promise<void> {
    await expect(this.question(id).getByTestId('save-status')).toHaveText(nl['save.saved']);
  }

  async type(id: string, value: string): Promise<void> {
    await this.question(id).getByRole('textbox').fill(value);
    await this.expectSaved(id);
  }

  async choose(id: string, label: string): Promise<void> {
    await this.question(id).getByRole('radio', { name: label, exact: true }).check();
    await this.expectSaved(id);
  }

  async tick(id: string, labels: readonly string[]): Promise<void> {
    for (const label of labels) {
      await this.question(id).getByRole('checkbox', { name: label, exact: true }).check();
      await this.expectSaved(id);
    }
  }

  unconfirmed(): Locator {
    return this.page.locator('[data-unconfirmed="true"]');
  }

  async openGroup(n: number): Promise<void> {
    await this.page
      .getByRole('navigation', { name: nl['inspection.groups'] })
      .getByRole('link')
      .nth(n - 1)
      .click();
    await expect(
      this.page.getByRole('heading', { level: 2, name: new RegExp(`^${n}/`) }),
    ).toBeVisible();
  }

  tab(
    key: 'inspection.tab.questions' | 'inspection.tab.findings' | 'inspection.tab.review',
  ): Locator {
    return this.page
      .getByRole('navigation', { name: nl['inspection.tabs'] })
      .getByRole('link', { name: nl[key] });
  }

  status(): Locator {
    return this.page.getByTestId('inspection-status');
  }

  // Findings -----------------------------------------------------------------------------------

  /** Takes a finding's first photo through the file chooser; waits until the card shows one. */
  async addFindingPhoto(
    card: Locator,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await card.getByRole('button', { name: nl['photos.take'] }).click();
    await (await chooser).setFiles(file);
    await expect(card.getByRole('button', { name: pattern('photos.grid.open') })).toHaveCount(1, {
      timeout: 20_000,
    });
  }

  /** The id in /inspecties/<id>... */
  inspectionId(): string {
    const match = /\/inspecties\/([^/?#]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on an inspection page: ${this.page.url()}`);
    return match[1];
  }
}
