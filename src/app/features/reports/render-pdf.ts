// Lays a ReportModel out as an A4 PDF with pdf-lib: headings, wrapped text, two-column facts,
// lists, a photo grid with the inspectors' drawings, and "pagina x van y" on every page. Pure:
// bytes in, bytes out, no DOM, so it runs the same in the browser, in tests and in the bench.
// pdf-lib is big; the app loads this module only when someone asks for a report.
// Text is set in an embedded subset of DejaVu Sans (fonts/, made by
// test/support/generate-report-font.ts), so names in Polish, Turkish or Arabic, "≥", "€" and "m²"
// print as written; the standard PDF fonts only know WinAnsi.
import fontkit from '@pdf-lib/fontkit';
import {
  LineCapStyle,
  PDFDocument,
  rgb,
  type Color,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { AnnotationShape } from '../../db/index.ts';
import {
  arrowGeometry,
  fontSize as annotationFontSize,
  strokeWidth,
  toPixels,
  type Size,
} from '../photos/annotation-model.ts';
import type { ReportBlock, ReportModel, ReportPhoto } from './report-model.ts';

/** The TrueType bytes of the report font, regular and bold (see report-fonts.ts). */
export interface ReportFontBytes {
  regular: Uint8Array | ArrayBuffer;
  bold: Uint8Array | ArrayBuffer;
}

export interface RenderOptions {
  /** Called after each photo is placed: done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Called when the layout is done and the file is being written. */
  onSaving?: () => void;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 56, bottom: 64 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FOOTER_Y = 32;
const BODY_SIZE = 10;
const SMALL_SIZE = 8.5;
const LINE = 1.35;
const HEADING_SIZES = { 1: 17, 2: 13.5, 3: 11 } as const;
const FACT_LABEL_SHARE = 0.42;
const LIST_INDENT = 16;
const PHOTO_COLUMNS = 2;
const PHOTO_GAP = 14;
const PHOTO_MAX_HEIGHT = 230;
/** Give the event loop (progress on screen) a turn after this much uninterrupted work. */
const YIELD_AFTER_MS = 50;

const TEXT = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.8, 0.8, 0.82);
const PLACEHOLDER = rgb(0.93, 0.93, 0.94);
const ANNOTATION_OUTLINE = rgb(0.07, 0.07, 0.07);

// Characters the font might lack, mapped to what a reader expects instead.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '⁄': '/',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u00a0': ' ',
  '\t': ' ',
};

/** What an emoji prints as: the font has none, and a reader must see that something was there. */
export const EMOJI_FALLBACK = '[emoji]';
/** What any other character the font lacks prints as: visible, never a silent '?'. */
export const MISSING_GLYPH = '\ufffd';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
// Emoji sequences (skin tone, joiner, flag) are one grapheme: one fallback each.
const graphemes = new Intl.Segmenter('nl', { granularity: 'grapheme' });

/**
 * Text the font can encode: what it has stays, known look-alikes replace what it lacks, accents it
 * lacks are dropped (ő -> o), an emoji becomes "[emoji]", anything else "\ufffd".
 */
export function sanitizeText(text: string, supported: ReadonlySet<number>): string {
  let result = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const first = segment.codePointAt(0)!;
    if (EMOJI.test(segment) && !(segment.length === 1 && supported.has(first))) {
      result += EMOJI_FALLBACK;
      continue;
    }
    for (const char of segment) result += sanitizeChar(char, supported);
  }
  return result;
}

function sanitizeChar(char: string, supported: ReadonlySet<number>): string {
  const code = char.codePointAt(0)!;
  if (code === 0x0a) return '\n';
  if (code === 0x09) return ' ';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return '';
  if (supported.has(code)) return char;
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return replacement;
  if (/\s/u.test(char)) return ' ';
  // Joiners and selectors the font lacks add nothing visible.
  if ((code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return '';
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if ([...base].every((part) => supported.has(part.codePointAt(0)!)) && base) return base;
  return supported.has(MISSING_GLYPH.codePointAt(0)!) ? MISSING_GLYPH : '?';
}

// Right-to-left letters (Hebrew, Arabic and their presentation forms).
const RTL_CHAR = '\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff';
const RTL_RUN = new RegExp(`([${RTL_CHAR}](?:[${RTL_CHAR} ]*[${RTL_CHAR}])?)`, 'u');

/**
 * Draws one line. pdf-lib shapes a string as one script; a right-to-left run (an Arabic name in a
 * Dutch sentence) is drawn on its own, so it is shaped and put in visual order, between the
 * left-to-right parts around it.
 */
function drawTextLine(
  page: PDFPage,
  text: string,
  options: { x: number; y: number; size: number; font: PDFFont; color: Color },
): void {
  const parts = text.split(RTL_RUN).filter((part) => part !== '');
  if (parts.length <= 1) {
    page.drawText(text, options);
    return;
  }
  let x = options.x;
  for (const part of parts) {
    page.drawText(part, { ...options, x });
    x += options.font.widthOfTextAtSize(part, options.size);
  }
}

function parseColor(hex: string): Color {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return rgb(0.89, 0, 0.17);
  return rgb(
    parseInt(match[1]!, 16) / 255,
    parseInt(match[2]!, 16) / 255,
    parseInt(match[3]!, 16) / 255,
  );
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  supported: ReadonlySet<number>;
}

/** Breaks text into lines that fit `width`; words longer than a line are split. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  page!: PDFPage;
  /** Baseline position of the next line's top, from the bottom of the page. */
  y = 0;
  private photoCount = 0;
  private lastYield = performance.now();
  private readonly images = new Map<string, PDFImage>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly totalPhotos: number,
    private readonly onProgress: RenderOptions['onProgress'],
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom && this.y < A4.height - MARGIN.top) this.newPage();
  }

  text(value: string): string {
    return sanitizeText(value, this.fonts.supported);
  }

  lines(
    value: string,
    options: { font?: PDFFont; size?: number; x?: number; width?: number; color?: Color } = {},
  ): void {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? BODY_SIZE;
    const x = options.x ?? MARGIN.left;
    const width = options.width ?? CONTENT_WIDTH - (x - MARGIN.left);
    const height = size * LINE;
    for (const line of wrapText(this.text(value), font, size, width)) {
      this.ensure(height);
      this.y -= height;
      drawTextLine(this.page, line, {
        x,
        y: this.y + size * 0.3,
        size,
        font,
        color: options.color ?? TEXT,
      });
    }
  }

  heading(level: 1 | 2 | 3, value: string): void {
    const size = HEADING_SIZES[level];
    const before = level === 1 ? 6 : 12;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(before + size * LINE + BODY_SIZE * LINE * 3);
    if (this.y < A4.height - MARGIN.top) this.y -= before;
    this.lines(value, { font: this.fonts.bold, size });
    if (level < 3) {
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y - 2 },
        end: { x: A4.width - MARGIN.right, y: this.y - 2 },
        thickness: 0.6,
        color: RULE,
      });
      this.y -= level === 1 ? 10 : 6;
    } else this.y -= 2;
  }

  paragraph(value: string, style: 'normal' | 'muted' | 'strong' = 'normal'): void {
    this.lines(value, {
      font: style === 'strong' ? this.fonts.bold : this.fonts.regular,
      size: style === 'muted' ? SMALL_SIZE + 0.5 : BODY_SIZE,
      color: style === 'muted' ? MUTED : TEXT,
    });
    this.y -= 4;
  }

  facts(rows: readonly { label: string; value: string }[]): void {
    const labelWidth = CONTENT_WIDTH * FACT_LABEL_SHARE;
    const valueX = MARGIN.left + labelWidth + 8;
    const valueWidth = CONTENT_WIDTH - labelWidth - 8;
    const height = BODY_SIZE * LINE;
    for (const row of rows) {
      const labelLines = wrapText(this.text(row.label), this.fonts.regular, BODY_SIZE, labelWidth);
      const valueLines = wrapText(this.text(row.value), this.fonts.bold, BODY_SIZE, valueWidth);
      const count = Math.max(labelLines.length, valueLines.length);
      // A row stays on one page unless it is taller than a page on its own.
      this.ensure(Math.min(count * height, A4.height / 2));
      for (let index = 0; index < count; index += 1) {
        this.ensure(height);
        this.y -= height;
        const baseline = this.y + BODY_SIZE * 0.3;
        const label = labelLines[index];
        const value = valueLines[index];
        if (label)
          drawTextLine(this.page, label, {
            x: MARGIN.left,
            y: baseline,
            size: BODY_SIZE,
            font: this.fonts.regular,
            color: MUTED,
          });
        if (value)
          drawTextLine(this.page, value, {
            x: valueX,
            y: baseline,
            size: BODY_SIZE,
            font: this.fonts.bold,
            color: TEXT,
          });
      }
      this.y -= 3;
    }
    this.y -= 4;
  }

  list(items: readonly string[], ordered: boolean): void {
    items.forEach((item, index) => {
      const [first = '', ...rest] = item.split('\n');
      const marker = ordered ? `${index + 1}.` : '•';
      // Room for the first line (and one more) first, so the marker sits beside it.
      this.ensure(BODY_SIZE * LINE * Math.min(2, 1 + rest.length));
      drawTextLine(this.page, marker, {
        x: MARGIN.left,
        y: this.y - BODY_SIZE * LINE + BODY_SIZE * 0.3,
        size: BODY_SIZE,
        font: this.fonts.regular,
        color: TEXT,
      });
      this.lines(first, { x: MARGIN.left + LIST_INDENT });
      for (const line of rest)
        this.lines(line, {
          x: MARGIN.left + LIST_INDENT,
          size: SMALL_SIZE + 0.5,
          color: MUTED,
        });
      this.y -= 3;
    });
    this.y -= 4;
  }

  async photos(photos: readonly ReportPhoto[]): Promise<void> {
    const cellWidth = (CONTENT_WIDTH - PHOTO_GAP * (PHOTO_COLUMNS - 1)) / PHOTO_COLUMNS;
    for (let start = 0; start < photos.length; start += PHOTO_COLUMNS) {
      const row = photos.slice(start, start + PHOTO_COLUMNS);
      const cells = await Promise.all(row.map((photo) => this.prepareCell(photo, cellWidth)));
      const height = Math.max(...cells.map((cell) => cell.height + cell.caption.length * 11)) + 10;
      this.ensure(height);
      const top = this.y;
      cells.forEach((cell, index) => {
        const x = MARGIN.left + index * (cellWidth + PHOTO_GAP);
        const bottom = top - cell.height;
        if (cell.image) {
          this.page.drawImage(cell.image, { x, y: bottom, width: cell.width, height: cell.height });
          for (const shape of cell.photo.annotation?.shapes ?? [])
            this.annotation(shape, x, top, { width: cell.width, height: cell.height });
        } else {
          this.page.drawRectangle({
            x,
            y: bottom,
            width: cell.width,
            height: cell.height,
            color: PLACEHOLDER,
          });
          const note = wrapText(
            this.text(cell.photo.missingNote ?? ''),
            this.fonts.regular,
            SMALL_SIZE,
            cell.width - 16,
          );
          note.forEach((line, lineIndex) =>
            drawTextLine(this.page, line, {
              x: x + 8,
              y: top - 18 - lineIndex * 11,
              size: SMALL_SIZE,
              font: this.fonts.regular,
              color: MUTED,
            }),
          );
        }
        cell.caption.forEach((line, lineIndex) =>
          drawTextLine(this.page, line, {
            x,
            y: bottom - 10 - lineIndex * 11,
            size: SMALL_SIZE,
            font: this.fonts.regular,
            color: MUTED,
          }),
        );
      });
      this.y = top - height;
      for (let index = 0; index < row.length; index += 1) await this.countPhoto();
    }
    this.y -= 4;
  }

  private async prepareCell(photo: ReportPhoto, cellWidth: number) {
    const caption = wrapText(this.text(photo.caption), this.fonts.regular, SMALL_SIZE, cellWidth);
    const image = photo.image && (await this.embed(photo));
    if (!image) return { photo, image: undefined, width: cellWidth, height: 70, caption };
    // Never enlarge: a small photo stays sharp at its own size.
    const scale = Math.min(cellWidth / image.width, PHOTO_MAX_HEIGHT / image.height, 1);
    return { photo, image, width: image.width * scale, height: image.height * scale, caption };
  }

  /** Embeds each photo once (JPEG bytes as they are, no re-encoding). */
  private async embed(photo: ReportPhoto): Promise<PDFImage | undefined> {
    const known = this.images.get(photo.hash);
    if (known) return known;
    const image = photo.image!;
    const embedded =
      image.mimeType === 'image/jpeg'
        ? await this.doc.embedJpg(image.data)
        : await this.doc.embedPng(image.data);
    this.images.set(photo.hash, embedded);
    return embedded;
  }

  private async countPhoto(): Promise<void> {
    this.photoCount += 1;
    this.onProgress?.(this.photoCount, this.totalPhotos);
    if (performance.now() - this.lastYield > YIELD_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.lastYield = performance.now();
    }
  }

  /** One shape of the drawing, in the photo's box whose top-left is (left, top). */
  private annotation(shape: AnnotationShape, left: number, top: number, size: Size): void {
    const color = parseColor(shape.color);
    const width = strokeWidth(size);
    const stroke = {
      x: left,
      y: top,
      borderColor: color,
      borderWidth: width,
      borderLineCap: LineCapStyle.Round,
    };
    const point = ([x, y]: [number, number]) => `${x.toFixed(2)} ${y.toFixed(2)}`;
    switch (shape.kind) {
      case 'arrow': {
        const { shaft, head } = arrowGeometry(shape.from, shape.to, size);
        this.page.drawSvgPath(`M ${point(shaft[0])} L ${point(shaft[1])}`, stroke);
        this.page.drawSvgPath(`M ${head.map(point).join(' L ')} Z`, { x: left, y: top, color });
        return;
      }
      case 'ellipse': {
        const [cx, cy] = toPixels(shape.center, size);
        const [rx, ry] = toPixels(shape.radius, size);
        this.page.drawEllipse({
          x: left + cx,
          y: top - cy,
          xScale: rx,
          yScale: ry,
          borderColor: color,
          borderWidth: width,
        });
        return;
      }
      case 'rectangle': {
        const [x1, y1] = toPixels(shape.from, size);
        const [x2, y2] = toPixels(shape.to, size);
        this.page.drawRectangle({
          x: left + Math.min(x1, x2),
          y: top - Math.max(y1, y2),
          width: Math.abs(x2 - x1),
          height: Math.abs(y2 - y1),
          borderColor: color,
          borderWidth: width,
        });
        return;
      }
      case 'freehand': {
        const points = shape.points.map((item) => point(toPixels(item, size)));
        this.page.drawSvgPath(`M ${points.join(' L ')}`, stroke);
        return;
      }
      case 'text': {
        const [x, y] = toPixels(shape.at, size);
        const fontSize = annotationFontSize(size);
        // As in the app: vertically centred on the point, a dark outline under the fill.
        const options = { size: fontSize, font: this.fonts.bold, y: top - y - fontSize * 0.35 };
        const text = this.text(shape.text);
        drawTextLine(this.page, text, {
          ...options,
          x: left + x + 0.4,
          color: ANNOTATION_OUTLINE,
        });
        drawTextLine(this.page, text, { ...options, x: left + x, color });
        return;
      }
    }
  }

  footers(model: ReportModel): void {
    const pages = this.doc.getPages();
    const footer = this.text(model.footer);
    pages.forEach((page, index) => {
      const number = this.text(
        model.pageNumber
          .replace('{page}', String(index + 1))
          .replace('{pages}', String(pages.length)),
      );
      const numberWidth = this.fonts.regular.widthOfTextAtSize(number, SMALL_SIZE);
      page.drawLine({
        start: { x: MARGIN.left, y: FOOTER_Y + 12 },
        end: { x: A4.width - MARGIN.right, y: FOOTER_Y + 12 },
        thickness: 0.5,
        color: RULE,
      });
      const room = CONTENT_WIDTH - numberWidth - 16;
      const left = wrapText(footer, this.fonts.regular, SMALL_SIZE, room)[0] ?? '';
      drawTextLine(page, left, {
        x: MARGIN.left,
        y: FOOTER_Y,
        size: SMALL_SIZE,
        font: this.fonts.regular,
        color: MUTED,
      });
      drawTextLine(page, number, {
        x: A4.width - MARGIN.right - numberWidth,
        y: FOOTER_Y,
        size: SMALL_SIZE,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }
}

async function renderBlock(layout: Layout, block: ReportBlock): Promise<void> {
  switch (block.kind) {
    case 'heading':
      layout.heading(block.level, block.text);
      return;
    case 'paragraph':
      layout.paragraph(block.text, block.style);
      return;
    case 'facts':
      layout.facts(block.rows);
      return;
    case 'list':
      layout.list(block.items, block.ordered ?? false);
      return;
    case 'photos':
      await layout.photos(block.photos);
      return;
    case 'page-break':
      if (layout.y < A4.height - MARGIN.top) layout.newPage();
      return;
  }
}

const LOGO_MAX = { width: 140, height: 44 };

/** The organisation's name (left) and logo (right) above the title; a logo that fails to embed is left out. */
async function organisationHeader(
  doc: PDFDocument,
  layout: Layout,
  organisation: NonNullable<ReportModel['organisation']>,
): Promise<void> {
  const top = layout.y;
  let logoWidth = 0;
  let logoHeight = 0;
  if (organisation.logo) {
    try {
      const { data, mimeType } = organisation.logo;
      const image = mimeType === 'image/png' ? await doc.embedPng(data) : await doc.embedJpg(data);
      const scale = Math.min(LOGO_MAX.height / image.height, LOGO_MAX.width / image.width, 1);
      logoWidth = image.width * scale;
      logoHeight = image.height * scale;
      layout.page.drawImage(image, {
        x: A4.width - MARGIN.right - logoWidth,
        y: top - logoHeight,
        width: logoWidth,
        height: logoHeight,
      });
    } catch {
      logoWidth = 0;
      logoHeight = 0;
    }
  }
  layout.lines(organisation.name, {
    size: BODY_SIZE + 1,
    color: MUTED,
    width: CONTENT_WIDTH - (logoWidth > 0 ? logoWidth + 12 : 0),
  });
  layout.y = Math.min(layout.y, top - logoHeight) - 12;
}

/** The report as PDF bytes (A4, Dutch or English as the model was worded). */
export async function renderReportPdf(
  model: ReportModel,
  fontBytes: ReportFontBytes,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // subset: the PDF carries only the glyphs it uses.
  const regular = await doc.embedFont(fontBytes.regular, { subset: true });
  const bold = await doc.embedFont(fontBytes.bold, { subset: true });
  const fonts: Fonts = { regular, bold, supported: new Set(regular.getCharacterSet()) };
  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setSubject(model.subtitle);
  doc.setLanguage(model.language);
  doc.setCreator('Schouw');
  doc.setProducer('Schouw (pdf-lib)');
  doc.setCreationDate(model.createdAt);
  doc.setModificationDate(model.createdAt);

  const totalPhotos = model.blocks.reduce(
    (count, block) => count + (block.kind === 'photos' ? block.photos.length : 0),
    0,
  );
  const layout = new Layout(doc, fonts, totalPhotos, options.onProgress);
  if (model.organisation) await organisationHeader(doc, layout, model.organisation);
  layout.lines(model.title, { font: bold, size: 20 });
  layout.y -= 2;
  layout.lines(model.subtitle, { size: BODY_SIZE + 1, color: MUTED });
  layout.y -= 10;
  for (const block of model.blocks) await renderBlock(layout, block);
  layout.footers(model);
  options.onSaving?.();
  // objectsPerTick lets the browser paint progress while a large file is written.
  return doc.save({ useObjectStreams: true, objectsPerTick: 200 });
}
