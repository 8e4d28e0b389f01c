// Reads a PDF back with pdf.js (the viewer Firefox uses), so report tests check what a reader
// really gets: pages, the text on each page and the images painted on it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: number;
  /** The text of each page, its items joined by spaces. */
  text: string[];
  /** Images painted per page (image XObjects and inline images). */
  images: number[];
  /** Pixel size of each painted image, in page order. */
  imageSizes: { width: number; height: number }[];
  title: string | undefined;
  language: string | undefined;
}

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageXObjectRepeat,
]);

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js may take ownership of the buffer: give it a copy.
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const text: string[] = [];
    const images: number[] = [];
    const imageSizes: { width: number; height: number }[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      text.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .filter(Boolean)
          .join(' '),
      );
      const operators = await page.getOperatorList();
      let count = 0;
      operators.fnArray.forEach((fn, index) => {
        if (!IMAGE_OPS.has(fn)) return;
        count += 1;
        const args = operators.argsArray[index] as unknown[];
        if (typeof args[1] === 'number' && typeof args[2] === 'number')
          imageSizes.push({ width: args[1], height: args[2] });
      });
      images.push(count);
    }
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    return {
      pages: pdf.numPages,
      text,
      images,
      imageSizes,
      title: typeof info.Title === 'string' ? info.Title : undefined,
      language: typeof info.Language === 'string' ? info.Language : undefined,
    };
  } finally {
    await task.destroy();
  }
}
