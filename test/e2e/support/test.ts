// Playwright's `test` for every Schouw spec: the same API, plus a guard that fails the test on any
// Content-Security-Policy violation in any page of the test (the default context and every
// extra device opened through Devices). Import { test, expect } from here, not from
// '@playwright/test'. A test that provokes a violation on purpose declares it with
// `csp.expectViolation(/pattern/)`; then exactly the declared ones must occur.
import { test as base, expect, type BrowserContext, type ConsoleMessage } from '@playwright/test';

export { expect };

const MARKER = '[csp-violation]';

export class CspWatch {
  readonly violations: string[] = [];
  private readonly expected: RegExp[] = [];
  private readonly watched = new WeakSet<BrowserContext>();

  /** Reports every violation of pages in `context` (call before its pages open). */
  async watch(context: BrowserContext): Promise<void> {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    // Runs in every page and frame before the app; init scripts are not subject to the CSP.
    await context.addInitScript((marker: string) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `${marker} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
            `in ${event.sourceFile || event.documentURI}:${event.lineNumber}`,
        );
      });
    }, MARKER);
    const collect = (message: ConsoleMessage) => {
      const text = message.text();
      // Chromium's own report line names the policy; the init script's line carries the marker.
      if (text.startsWith(MARKER) || /Content Security Policy/i.test(text)) {
        this.violations.push(`${message.location().url}: ${text}`);
      }
    };
    context.on('console', collect);
    context.on('serviceworker', (worker) => worker.on('console', collect));
  }

  /** This test provokes a violation matching `pattern` on purpose. */
  expectViolation(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  /** Violations no expectation explains, and expectations nothing matched. */
  problems(): string[] {
    const unexpected = this.violations.filter(
      (violation) => !this.expected.some((pattern) => pattern.test(violation)),
    );
    const missing = this.expected
      .filter((pattern) => !this.violations.some((violation) => pattern.test(violation)))
      .map((pattern) => `expected a CSP violation matching ${String(pattern)}, none occurred`);
    return [...unexpected, ...missing];
  }
}

let current: CspWatch | undefined;

/** Watches another context (a second device) for the running test. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await current?.watch(context);
}

export const test = base.extend<{ csp: CspWatch }>({
  csp: [
    async ({ context }, use) => {
      const watch = new CspWatch();
      current = watch;
      await watch.watch(context);
      await use(watch);
      current = undefined;
      expect(watch.problems(), 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
