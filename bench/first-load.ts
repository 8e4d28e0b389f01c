// First load: how many bytes the shell needs before it runs, how much the service worker
// precaches, and how fast the installed app starts offline on a slow device (4x CPU throttling).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from '@playwright/test';
import { builtDist, repoRoot, startAppServer } from '../test/support/app-server.ts';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import type { Benchmark, Measurement } from './support/benchmark.ts';

const PORT = 4183;
const COLD_START_RUNS = 7;
const JS_CSS_BUDGET_KB = 60;
const COLD_START_BUDGET_MS = 1000;
const CPU_SLOWDOWN = 4;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The files index.html loads up front: its scripts, stylesheets, modulepreloads, and their static imports. */
export function firstLoadFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const pending = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g),
  ].map((match) => match[1]!.replace(/^\//, ''));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    // Static imports only (`import"./x.js"`, `from"./x.js"`); import("./x.js") loads later.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+)["']/g)) {
      pending.push(folder + match[1]!.slice(2));
    }
  }
  return [...seen].sort();
}

/** Entries of the precache manifest Workbox injected into sw.js. */
export function precacheEntries(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{"revision":(?:"[0-9a-f]+"|null),"url":"([^"]+)"\}/g)].map(
    (match) => match[1]!,
  );
}

function byteMeasurements(dist: string): Measurement[] {
  const files = firstLoadFiles(dist);
  const sum = (select: (bytes: Buffer) => number, ext?: string) =>
    files
      .filter((file) => !ext || file.endsWith(ext))
      .reduce((total, file) => total + select(readFileSync(join(dist, file))), 0);
  const raw = (bytes: Buffer) => bytes.length;
  const brotli = (bytes: Buffer) => brotliCompressSync(bytes).length;
  const entries = precacheEntries(dist);
  if (entries.length === 0) throw new Error('No precache manifest found in dist/sw.js');
  const precacheBytes = entries.reduce((total, url) => total + statSync(join(dist, url)).size, 0);
  const sw = readFileSync(join(dist, 'sw.js'));
  const firstLoad = files.join(', ');
  return [
    {
      name: 'JS + CSS before first render, gzip',
      value: kb(sum(gzip)),
      unit: 'KB',
      aim: { atMost: JS_CSS_BUDGET_KB },
      note: firstLoad,
    },
    { name: 'JS before first render, gzip', value: kb(sum(gzip, '.js')), unit: 'KB' },
    { name: 'CSS before first render, gzip', value: kb(sum(gzip, '.css')), unit: 'KB' },
    { name: 'JS + CSS before first render, brotli', value: kb(sum(brotli)), unit: 'KB' },
    {
      name: 'all JS of the build incl. lazy chunks, gzip',
      value: kb(
        entries
          .filter((url) => url.endsWith('.js'))
          .reduce((total, url) => total + gzip(readFileSync(join(dist, url))), 0),
      ),
      unit: 'KB',
    },
    { name: 'JS + CSS before first render, uncompressed', value: kb(sum(raw)), unit: 'KB' },
    {
      name: 'precache total, uncompressed',
      value: kb(precacheBytes),
      unit: 'KB',
      note: `${entries.length} entries`,
    },
    { name: 'service worker script, gzip', value: kb(gzip(sw)), unit: 'KB' },
  ];
}

/** One offline start of the installed app in a fresh browser; ms from navigation start. */
async function coldStart(profile: string, origin: string, cpuSlowdown: number) {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable,
    args: chromiumArgs,
    headless: true,
  });
  try {
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const response = await page.goto(`${origin}/`);
    if (!response?.fromServiceWorker())
      throw new Error('The offline start was not served by the service worker');
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('schouw:interactive').length > 0 &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    // The mark is set right after the first render; check the navigation really takes a click.
    await page.getByRole('navigation').getByRole('link').first().click({ trial: true });
    const times = await page.evaluate(() => ({
      rendered: performance.getEntriesByName('schouw:interactive')[0]!.startTime,
      painted: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    }));
    // Usable = rendered with its handlers attached AND on screen, whichever comes last.
    return { ...times, usable: Math.max(times.rendered, times.painted) };
  } finally {
    await context.close();
  }
}

async function coldStartMeasurements(): Promise<Measurement[]> {
  const work = mkdtempSync(join(tmpdir(), 'schouw-bench-'));
  const server = await startAppServer({
    releaseDir: repoRoot,
    dataDir: join(work, 'data'),
    port: PORT,
  }).catch((error: unknown) => {
    rmSync(work, { recursive: true, force: true });
    throw error;
  });
  const profile = join(work, 'profile');
  try {
    // The one online visit that installs the service worker and its precache.
    const install = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
      headless: true,
    });
    const page = install.pages()[0] ?? (await install.newPage());
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    // Everything the page itself fetched at startup, including chunks main.tsx imports at once.
    await page.waitForLoadState('networkidle');
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && /\.(js|css)$/.test(url.pathname))
        .map((url) => url.pathname.slice(1)),
    );
    await install.close();

    const startupFiles = [...new Set(fetched)].sort();
    const results: Measurement[] = [
      {
        name: 'JS + CSS a first visit fetches until idle, gzip',
        value: kb(
          startupFiles.reduce(
            (total, file) => total + gzip(readFileSync(join(builtDist, file))),
            0,
          ),
        ),
        unit: 'KB',
        aim: { atMost: JS_CSS_BUDGET_KB },
        note: startupFiles.join(', '),
      },
    ];
    for (const slowdown of [1, CPU_SLOWDOWN]) {
      const runs = [];
      for (let i = 0; i < COLD_START_RUNS; i++)
        runs.push(await coldStart(profile, server.origin, slowdown));
      const usable = runs.map((run) => run.usable);
      const note = `median of ${COLD_START_RUNS} fresh browser starts, offline; runs: ${usable.map((v) => Math.round(v)).join(', ')}`;
      results.push(
        {
          name: `offline cold start to usable shell, ${slowdown}x CPU`,
          value: Math.round(median(usable)),
          unit: 'ms',
          ...(slowdown === CPU_SLOWDOWN ? { aim: { atMost: COLD_START_BUDGET_MS } } : {}),
          note,
        },
        {
          name: `  of which: first render done (mark), ${slowdown}x CPU`,
          value: Math.round(median(runs.map((run) => run.rendered))),
          unit: 'ms',
        },
        {
          name: `  of which: first contentful paint, ${slowdown}x CPU`,
          value: Math.round(median(runs.map((run) => run.painted))),
          unit: 'ms',
        },
      );
    }
    return results;
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  title: 'bytes on first load, precache size, offline cold start (Chromium)',
  async run() {
    if (!existsSync(join(builtDist, 'sw.js'))) {
      throw new Error('No production build in dist/: run `npm run build` first');
    }
    console.log(
      `  measuring dist/ built ${statSync(join(builtDist, 'index.html')).mtime.toISOString()}`,
    );
    return [...byteMeasurements(builtDist), ...(await coldStartMeasurements())];
  },
};
