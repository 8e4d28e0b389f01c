// The report font read from disk, for unit tests and benchmarks (the app fetches the same files).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFontBytes } from '../../src/app/features/reports/render-pdf.ts';

const dir = fileURLToPath(new URL('../../src/app/features/reports/fonts/', import.meta.url));

export function reportFonts(): ReportFontBytes {
  return {
    regular: readFileSync(join(dir, 'DejaVuSans-subset.ttf')),
    bold: readFileSync(join(dir, 'DejaVuSans-Bold-subset.ttf')),
  };
}
