// Runs inside Chromium (bench/pdf-report.ts builds this page with Vite and drives it with
// Playwright): the app's store on the real IndexedDB, the report builder and pdf-lib renderer,
// and the Blob the download makes, timed with performance.now().
import { createStore } from '../../src/app/db/store.ts';
import { renderRequest, type ReportStatus } from '../../src/app/features/reports/make-report.ts';
import { fixedStorage } from '../../src/app/platform/storage.ts';
import { countImages, seedComplex } from './seed.ts';

export interface PageRun {
  gatherMs: number;
  renderMs: number;
  blobMs: number;
  pdfBytes: number;
  images: number;
}

declare global {
  interface Window {
    pdfBench: { seed(): Promise<void>; run(): Promise<PageRun> };
    gc?: () => void;
  }
}

const store = createStore({
  name: 'pdf-bench',
  storage: fixedStorage({ usage: 0, quota: 50 * 1024 ** 3 }),
});
let complexId = '';

window.pdfBench = {
  async seed() {
    complexId = await seedComplex(store, async (index) => {
      const response = await fetch(`./photos/${String(index).padStart(3, '0')}.jpg`);
      return new Uint8Array(await response.arrayBuffer());
    });
  },
  async run() {
    window.gc?.();
    // The button's code path (makeReport without the click): gather, render, then the Blob.
    let gathered = 0;
    const onStatus = (status: ReportStatus) => {
      if (status.step === 'photos' && status.done === status.total) gathered = performance.now();
    };
    const started = performance.now();
    const { pdf } = await renderRequest(store, { kind: 'complex', complexId }, onStatus);
    const rendered = performance.now();
    const blob = new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    const done = performance.now();
    const images = countImages(pdf);
    return {
      gatherMs: gathered - started,
      renderMs: rendered - gathered,
      blobMs: done - rendered,
      pdfBytes: blob.size,
      images,
    };
  },
};
document.title = 'ready';
