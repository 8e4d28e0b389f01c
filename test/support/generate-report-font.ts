// Writes the subsets of DejaVu Sans (regular and bold) that the PDF reports embed, so Polish,
// Turkish, Arabic and Cyrillic names, "≥", "€" and "m²" print as written.
// Run: npx tsx test/support/generate-report-font.ts
// Source: the TTFs of the npm package dejavu-fonts-ttf (free licence, copied next to the
// subsets); subsetting by harfbuzz (subset-font) keeps the Arabic shaping tables for the kept
// letters. The subsets are committed; a unit test checks they cover REPORT_FONT_TEXT.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ranges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1, Latin Extended-A and -B (Polish, Turkish, Czech, Romanian, ...)
  [0x02b0, 0x02ff], // spacing modifiers
  [0x0300, 0x036f], // combining accents
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x0600, 0x06ff], // Arabic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // General Punctuation
  [0x2070, 0x209f], // super- and subscripts
  [0x20a0, 0x20cf], // currency signs
  [0x2100, 0x214f], // letterlike symbols
  [0x2150, 0x218f], // number forms (½)
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators (≥ ≤ ≠ ≈)
  [0x25a0, 0x25ff], // geometric shapes
  [0x2600, 0x26ff], // miscellaneous symbols (⚠)
  [0x2700, 0x27bf], // dingbats (✓ ✗)
  [0xfe70, 0xfeff], // Arabic presentation forms B
  [0xfffd, 0xfffd], // replacement character
];

/** Every character the subsets are asked to keep (those DejaVu Sans has are kept). */
export const REPORT_FONT_TEXT = ranges
  .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))
  .map((code) => String.fromCodePoint(code))
  .join('');

const here = dirname(fileURLToPath(import.meta.url));
export const REPORT_FONT_DIR = join(here, '../../src/app/features/reports/fonts');
const source = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

async function main(): Promise<void> {
  for (const [from, to] of [
    ['DejaVuSans.ttf', 'DejaVuSans-subset.ttf'],
    ['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold-subset.ttf'],
  ] as const) {
    const subset = await subsetFont(readFileSync(join(source, from)), REPORT_FONT_TEXT, {
      targetFormat: 'sfnt',
      noHinting: true,
    });
    writeFileSync(join(REPORT_FONT_DIR, to), subset);
    console.log(`${to}: ${subset.length} bytes`);
  }
  copyFileSync(join(source, '../LICENSE'), join(REPORT_FONT_DIR, 'LICENSE-DejaVu.txt'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
