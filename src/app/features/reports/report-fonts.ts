// The report font for the browser: two subset TTFs that Vite emits as hashed assets (precached by
// the service worker, so reports work offline) and that are fetched only when a report is made,
// so they never weigh on the first load.
import boldUrl from './fonts/DejaVuSans-Bold-subset.ttf?url';
import regularUrl from './fonts/DejaVuSans-subset.ttf?url';
import type { ReportFontBytes } from './render-pdf.ts';

async function bytesOf(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`Lettertype voor het rapport niet geladen (${response.status})`);
  return response.arrayBuffer();
}

export async function loadReportFonts(): Promise<ReportFontBytes> {
  const [regular, bold] = await Promise.all([bytesOf(regularUrl), bytesOf(boldUrl)]);
  return { regular, bold };
}
