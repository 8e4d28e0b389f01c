// PDF report of a complex with 200 photos: gathering it from the local store
// (buildComplexReport) and laying it out with pdf-lib (renderReportPdf): time and peak memory.
// Run: `npm run bench -- pdf-report` (or `npx tsx bench/run.ts pdf-report`).
//
// Photos: 200 distinct 1600 x 1200 JPEGs encoded by Chromium's canvas at the app's quality
// (0.82), with texture and noise so they weigh what camera photos weigh after the capture
// pipeline (~400 KB). Made once and kept in the OS temp folder. The complex (bench/pdf-report-page/
// seed.ts): 20 finished inspections, each with two findings of five photos.
//
// Measured twice:
// - Chromium (what the app does): bench/pdf-report-page built with Vite, the store on the real
//   IndexedDB of an on-disk profile, gather + render + the download's Blob. Memory: the renderer
//   process's peak RSS from /proc (VmHWM, reset before each run), so photo bytes count too.
// - Node: the same code on fake-indexeddb; process.memoryUsage() splits out ArrayBuffers. The
//   gather time there is fake IndexedDB, not a browser's.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chromium } from '@playwright/test';
import 'fake-indexeddb/auto';
import { PDFDocument } from 'pdf-lib';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import {
  countImages,
  PHOTO_HEIGHT,
  PHOTO_WIDTH,
  PHOTOS,
  seedComplex,
} from './pdf-report-page/seed.ts';
import type { PageRun } from './pdf-report-page/entry.ts';
import type { Benchmark, Measurement } from './support/benchmark.ts';
import { withBenchPage } from './support/chromium-page.ts';

const RUNS = 3;
const WIDTH = PHOTO_WIDTH;
const HEIGHT = PHOTO_HEIGHT;
const QUALITY = 0.82; // PHOTO_QUALITY in src/app/platform/image-processing.ts
const NOISE = 30;
const photoDir = join(tmpdir(), `schouw-pdf-bench-photos-${WIDTH}x${HEIGHT}-q${QUALITY}-n${NOISE}`);
const pageDir = fileURLToPath(new URL('./pdf-report-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/pdf-report-page/', import.meta.url));

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1]!;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const runsNote = (values: readonly number[]) => `runs: ${values.map(Math.round).join(', ')}`;
const photoName = (index: number) => `${String(index).padStart(3, '0')}.jpg`;

// Runs in Chromium, passed as source text: tsx would wrap a function with helpers the page lacks.
const PAINT_PHOTO = `async ({ seed, width, height, quality, noise }) => {
  let state = seed * 7919 + 1;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, 'hsl(' + random() * 360 + ',40%,60%)');
  gradient.addColorStop(1, 'hsl(' + random() * 360 + ',30%,30%)');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  for (let index = 0; index < 300; index += 1) {
    context.fillStyle =
      'hsla(' + random() * 360 + ',' + (20 + random() * 40) + '%,' + (20 + random() * 60) + '%,0.6)';
    context.fillRect(random() * width, random() * height, random() * 300, random() * 200);
  }
  const pixels = context.getImageData(0, 0, width, height);
  for (let index = 0; index < pixels.data.length; index += 4) {
    const shift = (random() - 0.5) * noise;
    pixels.data[index] += shift;
    pixels.data[index + 1] += shift;
    pixels.data[index + 2] += shift;
  }
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}`;

/** Makes the photos with Chromium (once), returns their bytes. */
async function photos(): Promise<Uint8Array[]> {
  mkdirSync(photoDir, { recursive: true });
  const existing = readdirSync(photoDir).filter((name) => name.endsWith('.jpg'));
  if (existing.length < PHOTOS) {
    const browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage();
      for (let seed = existing.length; seed < PHOTOS; seed += 1) {
        const base64 = await page.evaluate<string>(
          `(${PAINT_PHOTO})(${JSON.stringify({ seed, width: WIDTH, height: HEIGHT, quality: QUALITY, noise: NOISE })})`,
        );
        writeFileSync(join(photoDir, photoName(seed)), base64, 'base64');
      }
    } finally {
      await browser.close();
    }
  }
  return Array.from({ length: PHOTOS }, (_, seed) =>
    readFileSync(join(photoDir, photoName(seed))),
  ).map((buffer) => new Uint8Array(buffer));
}

/** A full garbage collection, so "before" is what is really held (the store with its photos). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Samples the process's memory while `work` runs; the render yields every 50 ms. */
async function withMemoryPeak<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRss: number; peakArrayBuffers: number }> {
  let peakRss = 0;
  let peakArrayBuffers = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    sample();
    return { result, ms, peakRss, peakArrayBuffers };
  } finally {
    clearInterval(timer);
  }
}

/** The Node run: the store on fake IndexedDB. */
async function runInNode(jpegs: readonly Uint8Array[]): Promise<Measurement[]> {
  const { createStore } = await import('../src/app/db/store.ts');
  const { fixedStorage } = await import('../src/app/platform/storage.ts');
  const { buildComplexReport } = await import('../src/app/features/reports/build-report.ts');
  const { renderReportPdf } = await import('../src/app/features/reports/render-pdf.ts');
  const { reportFonts } = await import('../test/support/report-fonts.ts');
  const fonts = reportFonts();
  const store = createStore({
    name: `pdf-bench-${Date.now()}`,
    storage: fixedStorage({ usage: 0, quota: 100 * 1024 ** 3 }),
  });
  const complexId = await seedComplex(store, async (index) => jpegs[index]!);
  const gathers: number[] = [];
  const renders: number[] = [];
  let extraRss = 0;
  let extraArrayBuffers = 0;
  let pages = 0;
  let images = 0;
  for (let run = 0; run < RUNS; run += 1) {
    collectGarbage();
    const before = process.memoryUsage();
    const measured = await withMemoryPeak(async () => {
      const started = performance.now();
      const model = await buildComplexReport(store, complexId);
      const gathered = performance.now() - started;
      const pdf = await renderReportPdf(model, fonts);
      return { gathered, pdf };
    });
    gathers.push(measured.result.gathered);
    renders.push(measured.ms - measured.result.gathered);
    extraRss = Math.max(extraRss, measured.peakRss - before.rss);
    extraArrayBuffers = Math.max(
      extraArrayBuffers,
      measured.peakArrayBuffers - before.arrayBuffers,
    );
    images = countImages(measured.result.pdf);
    pages = (await PDFDocument.load(measured.result.pdf, { updateMetadata: false })).getPageCount();
  }
  store.close();
  if (images !== PHOTOS) throw new Error(`Node: ${images} images in the PDF, expected ${PHOTOS}`);
  return [
    {
      name: 'Node: gather + render (median)',
      value: Math.round(median(gathers) + median(renders)),
      unit: 'ms',
      note: `${RUNS} runs`,
    },
    {
      name: 'Node: render with pdf-lib (median)',
      value: Math.round(median(renders)),
      unit: 'ms',
      note: runsNote(renders),
    },
    {
      name: 'Node: gather from fake IndexedDB (median)',
      value: Math.round(median(gathers)),
      unit: 'ms',
      note: runsNote(gathers),
    },
    {
      name: 'Node: extra RSS, peak above before',
      value: mb(extraRss),
      unit: 'MB',
      note: 'largest of the runs; before = after a full GC',
    },
    {
      name: 'Node: extra ArrayBuffer memory, peak above before',
      value: mb(extraArrayBuffers),
      unit: 'MB',
      note: 'photo copies read from the store + the PDF being written',
    },
    { name: 'PDF pages', value: pages, unit: 'pages' },
    { name: 'Images in the PDF', value: images, unit: 'images' },
  ];
}

/** Linux: the renderer processes of the profile, by pid. */
function rendererPids(profile: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return command.includes('--type=renderer') && command.includes(profile);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return match ? Number(match[1]) * 1024 : 0;
}

/** The Chromium run: the app's code on the real IndexedDB, as the button runs it. */
async function runInChromium(): Promise<Measurement[]> {
  const options = {
    pageDir,
    outDir,
    profilePrefix: 'schouw-pdf-bench-',
    extraArgs: ['--js-flags=--expose-gc'],
    mounts: { '/photos/': photoDir },
  };
  return withBenchPage(options, async ({ page, profile }) => {
    const seedStart = performance.now();
    await page.evaluate(() => window.pdfBench.seed());
    const seedMs = performance.now() - seedStart;
    // The page's renderer holds the store's photos after seeding: the biggest one is ours.
    const pid = rendererPids(profile).sort(
      (a, b) => statusKb(b, 'VmRSS') - statusKb(a, 'VmRSS'),
    )[0];
    if (pid === undefined) throw new Error('renderer process not found');
    const runs: PageRun[] = [];
    let extra = 0;
    let peak = 0;
    for (let run = 0; run < RUNS; run += 1) {
      await page.evaluate(() => window.gc?.());
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      const before = statusKb(pid, 'VmRSS');
      runs.push(await page.evaluate(() => window.pdfBench.run()));
      const high = statusKb(pid, 'VmHWM');
      extra = Math.max(extra, high - before);
      peak = Math.max(peak, high);
    }
    const last = runs.at(-1)!;
    if (last.images !== PHOTOS)
      throw new Error(`Chromium: ${last.images} images in the PDF, expected ${PHOTOS}`);
    const gathers = runs.map((item) => item.gatherMs);
    const renders = runs.map((item) => item.renderMs);
    const totals = runs.map((item) => item.gatherMs + item.renderMs + item.blobMs);
    return [
      {
        name: 'Chromium: gather + render + Blob, total (median)',
        value: Math.round(median(totals)),
        unit: 'ms',
        note: runsNote(totals),
      },
      {
        name: 'Chromium: render with pdf-lib (median)',
        value: Math.round(median(renders)),
        unit: 'ms',
        note: runsNote(renders),
      },
      {
        name: 'Chromium: gather from IndexedDB (median)',
        value: Math.round(median(gathers)),
        unit: 'ms',
        note: runsNote(gathers),
      },
      {
        name: 'Chromium: renderer extra RSS, peak above before',
        value: mb(extra),
        unit: 'MB',
        note: 'VmHWM after clear_refs; largest of the runs',
      },
      { name: 'Chromium: renderer peak RSS', value: mb(peak), unit: 'MB' },
      { name: 'Chromium: PDF size', value: mb(last.pdfBytes), unit: 'MB' },
      { name: 'Chromium: seeding the store (setup)', value: Math.round(seedMs), unit: 'ms' },
    ];
  });
}

export const benchmark: Benchmark = {
  title: `PDF report of a complex with ${PHOTOS} photos (~400 KB JPEGs, 1600 px): Chromium and Node`,
  async run() {
    const jpegs = await photos();
    const photoBytes = jpegs.reduce((sum, photo) => sum + photo.byteLength, 0);
    const chromiumRun = await runInChromium();
    const nodeRun = await runInNode(jpegs);
    return [
      ...chromiumRun,
      ...nodeRun,
      {
        name: 'Photo bytes in the complex',
        value: mb(photoBytes),
        unit: 'MB',
        note: `${PHOTOS} JPEGs, ${WIDTH} x ${HEIGHT}`,
      },
    ];
  },
};
