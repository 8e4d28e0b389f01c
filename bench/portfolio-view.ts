// The portfolio view (/overzicht) in real Chromium (on-disk profile): counting 50,000 dwellings'
// labels and scoring the newest finished scans and zorggeschiktheid inspections, against a raw
// IndexedDB cursor over the same dwellings (the floor for the label part).
// Run: `npm run bench -- portfolio-view` (or `npx tsx bench/run.ts portfolio-view`).
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './support/benchmark.ts';
import { withBenchPage } from './support/chromium-page.ts';

const pageDir = fileURLToPath(new URL('./portfolio-view-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/portfolio-view-page/', import.meta.url));
const RUNS = 5;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const benchmark: Benchmark = {
  title: 'portfolio view in Chromium: 50,000 dwellings, 9,500 inspections (IndexedDB on disk)',
  async run() {
    const options = { pageDir, outDir, profilePrefix: 'schouw-portfolio-view-bench-' };
    return withBenchPage(options, async ({ page }) => {
      const dwellings = await page.evaluate(() => window.portfolioViewBench.importPortfolio());
      const bench = () => page.evaluate(() => window.portfolioViewBench.potential());
      const rawCursor = () => page.evaluate(() => window.portfolioViewBench.rawCursor());
      const rawPages = () => page.evaluate(() => window.portfolioViewBench.rawGetAll());
      const labelsOnly: number[] = [];
      const cursor: number[] = [];
      const pages: number[] = [];
      // Alternate so disk and cache state affect all alike.
      for (let run = 0; run < RUNS; run += 1) {
        labelsOnly.push((await bench()).ms);
        cursor.push(await rawCursor());
        pages.push(await rawPages());
      }
      const loaded = await page.evaluate(() => window.portfolioViewBench.loadInspections());
      const full: number[] = [];
      let last = { extra: 0, nultreden: 0, efg: 0 };
      for (let run = 0; run < RUNS; run += 1) {
        const result = await bench();
        full.push(result.ms);
        last = result;
      }
      const runs = (values: number[]) => `median of ${RUNS}: ${values.map(Math.round).join(', ')}`;
      const floor = Math.min(median(cursor), median(pages));
      return [
        {
          name: `portfolio view, ${dwellings} dwellings, no inspections: median`,
          value: Math.round(median(labelsOnly)),
          unit: 'ms',
          note: runs(labelsOnly),
        },
        {
          name: 'raw IndexedDB cursor over the dwellings: median',
          value: Math.round(median(cursor)),
          unit: 'ms',
          note: `${runs(cursor)}; label counts per complex only`,
        },
        {
          name: 'raw IndexedDB getAll pages of 5,000 dwellings: median',
          value: Math.round(median(pages)),
          unit: 'ms',
          note: `${runs(pages)}; label counts per complex only`,
        },
        {
          name: 'labels: store / faster raw variant',
          value: Math.round((median(labelsOnly) / floor) * 100) / 100,
          unit: 'x',
          aim: { atMost: 1.5 },
        },
        {
          name: 'portfolio view with the inspections: median',
          value: Math.round(median(full)),
          unit: 'ms',
          note: `${runs(full)}; ${loaded.inspections} inspections (${loaded.answers} answers) of which the ${loaded.counted} counted ones are read and scored; totals ${last.extra} extra dwellings, ${last.nultreden} nultreden, ${last.efg} EFG`,
        },
      ];
    });
  },
};
