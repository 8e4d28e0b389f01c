// Local store in real Chromium (on-disk profile): importing 50,000 dwellings against a raw
// IndexedDB bulk put of the same rows in the same browser, search-as-you-type latency, opening a
// complex of 500 dwellings, and saving one answer, with 200,000 answers in the database.
// Run: `npm run bench -- store` (or `npx tsx bench/run.ts store`).
import { fileURLToPath } from 'node:url';
import type { Benchmark, Measurement } from './support/benchmark.ts';
import { withBenchPage } from './support/chromium-page.ts';

const pageDir = fileURLToPath(new URL('./store-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/store-page/', import.meta.url));
const IMPORT_RUNS = 3;
const SAVE_RUNS = 200;
const OPEN_RUNS = 20;

const median = (values: readonly number[]) => percentile(values, 50);
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const benchmark: Benchmark = {
  title: 'local store in Chromium: 50,000 dwellings, 200,000 answers (IndexedDB on disk)',
  async run() {
    const options = { pageDir, outDir, profilePrefix: 'schouw-store-bench-' };
    return withBenchPage(options, async ({ page }) => {
      // Alternate raw and store runs so disk and cache state affect both alike.
      const rawRuns: number[] = [];
      const storeRuns: number[] = [];
      for (let run = 0; run < IMPORT_RUNS; run += 1) {
        rawRuns.push(
          await page.evaluate((name) => window.storeBench.importRaw(name), `raw-${run}`),
        );
        storeRuns.push(
          await page.evaluate((name) => window.storeBench.importStore(name), `store-${run}`),
        );
      }
      const cpu = await page.evaluate(() => window.storeBench.importCpuParts());
      const raw = median(rawRuns);
      const store = median(storeRuns);

      const results: Measurement[] = [
        {
          name: 'import 50,000 dwellings: store',
          value: Math.round(store),
          unit: 'ms',
          note: `median of ${IMPORT_RUNS}: ${storeRuns.map(Math.round).join(', ')}; incl. zod validation ${Math.round(cpu.validate)} ms and rows+tokens ${Math.round(cpu.flatten)} ms`,
        },
        {
          name: 'import 50,000 dwellings: raw IndexedDB put, same rows',
          value: Math.round(raw),
          unit: 'ms',
          note: `median of ${IMPORT_RUNS}: ${rawRuns.map(Math.round).join(', ')}; same stores and indexes, one transaction`,
        },
        {
          name: 'import ratio store / raw',
          value: round(store / raw, 2),
          unit: 'x',
          aim: { atMost: 1.5 },
        },
      ];

      for (const durability of ['strict', 'relaxed'] as const) {
        const prepared = await page.evaluate(
          ([name, mode]) => window.storeBench.prepare(name, mode),
          [`bench-${durability}`, durability] as const,
        );
        if (durability === 'strict') {
          results.push({
            name: 'bulk load of 200,000 answers (setup)',
            value: Math.round(prepared.answersMs),
            unit: 'ms',
            note: `${prepared.answers} answers of 5,000 inspections, plus 50,000 history rows`,
          });
          const searched = await page.evaluate(() => window.storeBench.searchLatencies());
          const search = searched.map((item) => item.ms);
          const slowest = [...searched].sort((a, b) => b.ms - a.ms).slice(0, 3);
          results.push(
            {
              name: 'search as you type: median',
              value: round(median(search), 2),
              unit: 'ms',
              note: `${search.length} typed prefixes of addresses, postcodes, VHE and complex numbers; limit 50`,
            },
            {
              name: 'search as you type: p95',
              value: round(percentile(search, 95), 2),
              unit: 'ms',
              aim: { atMost: 50 },
              note: `slowest: ${slowest.map((item) => `"${item.prefix}" ${Math.round(item.ms)} ms`).join(', ')}`,
            },
            {
              name: 'raw IndexedDB: one getAll(50) on the prefix range, p95',
              value: round(
                percentile(
                  searched.map((item) => item.rawMs),
                  95,
                ),
                2,
              ),
              unit: 'ms',
              note: `median ${round(median(searched.map((item) => item.rawMs)), 2)} ms; floor for one search: same prefixes, same run`,
            },
          );
          const open = await page.evaluate(
            (runs) => window.storeBench.openComplex(runs),
            OPEN_RUNS,
          );
          results.push({
            name: `open complex of ${open.dwellings} dwellings: median`,
            value: round(median(open.latencies), 1),
            unit: 'ms',
            note: `${OPEN_RUNS} opens, p95 ${round(percentile(open.latencies, 95), 1)} ms; panden, dwellings, labels, inspections, open actions`,
          });
        }
        const { store: saves, raw: rawSaves } = await page.evaluate(
          ([count, name, mode]) => window.storeBench.saves(count, name, mode),
          [SAVE_RUNS, `raw-saves-${durability}`, durability] as const,
        );
        const label = durability === 'strict' ? 'strict (default)' : 'relaxed';
        results.push(
          {
            name: `save one answer, ${label}: median`,
            value: round(median(saves), 2),
            unit: 'ms',
            aim: { atMost: 10 },
            note: `${SAVE_RUNS} sequential saves: answer + history + outbox op, one transaction`,
          },
          {
            name: `save one answer, ${label}: p95`,
            value: round(percentile(saves, 95), 2),
            unit: 'ms',
            aim: { atMost: 10 },
          },
          {
            name: `raw IndexedDB 3 puts in one transaction, ${durability}: median`,
            value: round(median(rawSaves), 2),
            unit: 'ms',
            note: `p95 ${round(percentile(rawSaves, 95), 2)} ms; interleaved with the saves above`,
          },
        );
      }
      return results;
    });
  },
};
