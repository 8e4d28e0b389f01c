// EP-online import at national scale: a generated 1,000,000-row totaalbestand (CSV, the
// published v2 column set) imported for one corporation of 50,000 dwellings into a temp PGlite
// store. Prints throughput and peak memory (RSS, sampled every 50 ms, PGlite's WebAssembly heap
// included). Run: `npm run bench -- import-ep-online` (or `npx tsx bench/run.ts import-ep-online`).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { importEpOnlineFile } from '../src/server/import/ep-online.ts';
import { migrate } from '../src/server/store/migrate.ts';
import { openPgliteStore } from '../src/server/store/pglite-store.ts';
import type { Store } from '../src/server/store/store.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { epRow, HEADER_TOEV } from '../test/fixtures/ep-online-files.ts';
import type { Benchmark, Measurement } from './support/benchmark.ts';

const ROWS = 1_000_000;
const DWELLINGS = 50_000;
// Every 16th row is one of ours (62,500 rows: a quarter of the dwellings get two labels).
const OURS_EVERY = 16;

const bagVerblijfsobjectId = (dwelling: number) =>
  `036301${String(dwelling + 1).padStart(10, '0')}`;
const postcodeOf = (dwelling: number) => `${1000 + Math.floor(dwelling / 100)}AB`;

async function seedPortfolio(store: Store): Promise<string> {
  const organisationId = uuidv7();
  const complexId = uuidv7();
  await store.query("INSERT INTO organisations (id, name, slug) VALUES ($1, 'Bench', 'bench')", [
    organisationId,
  ]);
  await store.query(
    `INSERT INTO complexes (id, organisation_id, complexnummer, name) VALUES ($1, $2, 'B-1', 'Bench')`,
    [complexId, organisationId],
  );
  await store.query(
    `INSERT INTO panden (id, organisation_id, complex_id, bag_pand_id)
     SELECT gen_random_uuid(), $1, $2, '036310' || lpad(n::text, 10, '0')
     FROM generate_series(1, $3::int) n`,
    [organisationId, complexId, DWELLINGS / 100],
  );
  await store.query(
    `INSERT INTO verblijfsobjecten (id, organisation_id, pand_id, vhe_nummer,
       bag_verblijfsobject_id, postcode, huisnummer)
     SELECT gen_random_uuid(), $1,
       (SELECT id FROM panden WHERE bag_pand_id = '036310' || lpad((k / 100 + 1)::text, 10, '0')),
       'V-' || k, '036301' || lpad((k + 1)::text, 10, '0'),
       (1000 + k / 100)::text || ' AB', k % 100 + 1
     FROM generate_series(0, $2::int - 1) k`,
    [organisationId, DWELLINGS],
  );
  return organisationId;
}

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    `PublicatieDatum;01-11-2026\r\nLaatstVerwerkteMutatievolgnummer;1234567\r\n${HEADER_TOEV.join(';')}\r\n`,
  );
  let lines: string[] = [];
  for (let row = 0; row < ROWS; row += 1) {
    const ours = row % OURS_EVERY === 0;
    const index = row / OURS_EVERY;
    const dwelling = ours ? index % DWELLINGS : row;
    const year = 2016 + (ours ? Math.floor(index / DWELLINGS) * 5 : row % 9);
    lines.push(
      epRow(HEADER_TOEV, {
        opname: `${year}0301`,
        registratie: `${year}0315`,
        geldigTot: `${year + 10}0301`,
        klasse: 'C',
        ep2: `${200 + (row % 50)},${row % 10}`,
        postcode: ours ? postcodeOf(dwelling) : `${9000 + (row % 900)}ZZ`,
        huisnummer: String((dwelling % 100) + 1),
        bagVerblijfsobjectId: ours
          ? bagVerblijfsobjectId(dwelling)
          : `079901${String(row).padStart(10, '0')}`,
        klasseGebouw: row % 10 === 3 ? 'U' : 'W',
        status: row % 100 === 7 ? 'Vergunningsaanvraag' : 'Bestaand',
      }),
    );
    if (lines.length === 1000) {
      await write(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  await write(lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '');
  out.end();
  await once(out, 'finish');
}

export const benchmark: Benchmark = {
  title: `EP-online import: ${ROWS.toLocaleString('en')} rows against ${DWELLINGS.toLocaleString('en')} dwellings (PGlite)`,
  async run(): Promise<Measurement[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'schouw-bench-ep-'));
    try {
      const file = path.join(dir, 'totaalbestand.csv');
      await writeFile(file);
      const store = await openPgliteStore(path.join(dir, 'pglite'));
      try {
        await migrate(store);
        const organisationId = await seedPortfolio(store);
        let peakRss = process.memoryUsage().rss;
        const baselineRss = peakRss;
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }, 50);
        const started = performance.now();
        // The last progress call comes after the last label batch, before the current labels
        // are recomputed: it splits the time into reading + writing labels, and recomputing.
        let lastProgress = started;
        const report = await importEpOnlineFile(store, file, {
          organisationId,
          onProgress: (rows) => {
            lastProgress = performance.now();
            process.stderr.write(`  ${rows} rows\r`);
          },
        });
        const finished = performance.now();
        const seconds = (finished - started) / 1000;
        clearInterval(sampler);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        process.stderr.write('\n');
        const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
        return [
          { name: 'file size', value: mb(statSync(file).size), unit: 'MB' },
          { name: 'import time', value: Math.round(seconds * 10) / 10, unit: 's' },
          {
            name: 'of which: stream file + match + write labels',
            value: Math.round((lastProgress - started) / 100) / 10,
            unit: 's',
          },
          {
            name: 'of which: recompute current labels (sync triggers included)',
            value: Math.round((finished - lastProgress) / 100) / 10,
            unit: 's',
            note: `${report.details.dwellingsLabelChanged} dwellings changed`,
          },
          {
            name: 'throughput',
            value: Math.round(report.rowsRead / seconds),
            unit: 'rows/s',
            note: `${report.imported} labels written, ${report.unmatched} unmatched, ${report.problemCount} problems`,
          },
          {
            name: 'peak RSS during import',
            value: mb(peakRss),
            unit: 'MB',
            note: `RSS before import ${mb(baselineRss)} MB (portfolio loaded in PGlite)`,
          },
        ];
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
