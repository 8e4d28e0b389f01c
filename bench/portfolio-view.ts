// The portfolio view (/overzicht) in real Chromium (on-disk profile): counting 50,000 dwellings'
// labels and scoring the newest finished scans and zorggeschiktheid inspections, against a raw
// IndexedDB cursor over the same dwellings (the floor for the label part).
// Run: `npm run bench -- portfolio-view` (or `npx tsx bench/run.ts portfolio-view`).
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import type { Benchmark } from './support/benchmark.ts';

const pageDir = fileURLToPath(new URL('./portfolio-view-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/portfolio-view-page/', import.meta.url));
const RUNS = 5;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

export const benchmark: Benchmark = {
  title: 'portfolio view in Chromium: 50,000 dwellings, 9,500 inspections (IndexedDB on disk)',
  async run() {
    await build({
      configFile: false,
      root: pageDir,
      base: './',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, target: 'es2022', minify: true },
    });
    const { server, origin } = await serve(outDir);
    const profile = mkdtempSync(join(tmpdir(), 'schouw-portfolio-view-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(0);
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => document.title === 'ready');
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
    } finally {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
