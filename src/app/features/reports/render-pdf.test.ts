import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../../test/support/png.ts';
import { readPdf } from '../../../../test/support/read-pdf.ts';
import { reportFonts } from '../../../../test/support/report-fonts.ts';
import { testJpeg } from '../../../../test/unit/reports/block-jpeg.ts';
import type { ReportModel, ReportPhoto } from './report-model.ts';
import { renderReportPdf, sanitizeText } from './render-pdf.ts';

function jpegPhoto(seed: number, caption: string): ReportPhoto {
  return {
    hash: `hash-${seed}`,
    caption,
    image: { data: testJpeg(seed, 64, 48), mimeType: 'image/jpeg' },
  };
}

function pngPhoto(): ReportPhoto {
  const width = 16;
  const height = 16;
  const data = new Uint8Array(width * height * 4).fill(200);
  return {
    hash: 'hash-png',
    caption: 'Tekening van de meterkast',
    image: { data: encodePng({ width, height, data }), mimeType: 'image/png' },
  };
}

function model(blocks: ReportModel['blocks']): ReportModel {
  return {
    title: 'Inspectierapport Zorggeschiktheid',
    subtitle: 'Woning Botersloot 100A-2, 3011 HE Rotterdam',
    footer: 'Schouw · Inspectierapport · gemaakt 22 nov. 2026 09:00',
    pageNumber: 'pagina {page} van {pages}',
    language: 'nl-NL',
    createdAt: new Date('2026-11-22T09:00:00Z'),
    blocks,
  };
}

const allText = (pages: readonly string[]) => pages.join(' ');

describe('renderReportPdf', () => {
  it('writes answers, score and findings with Dutch characters that read back from the PDF', async () => {
    const bytes = await renderReportPdf(
      model([
        { kind: 'heading', level: 2, text: 'Uitkomst' },
        { kind: 'paragraph', text: 'Rollatorgeschikt', style: 'strong' },
        {
          kind: 'facts',
          rows: [
            { label: 'Oppervlakte woonkamer', value: '24,5 m²' },
            { label: 'Kosten drempelhulp', value: '€ 85' },
            { label: 'Drempel bij de voordeur', value: 'ja – 4 cm' },
            { label: 'Opmerking', value: 'Bewoner’s wens: douchestoel; geïsoleerd, café' },
          ],
        },
        {
          kind: 'list',
          ordered: true,
          items: ['Voldoet niet: draairuimte 1,2 m → minder dan 1,5 m\nBron: Woonkeur ≥ 2026'],
        },
        { kind: 'heading', level: 3, text: '1. Hoog · Voordeur' },
        { kind: 'paragraph', text: 'Drempel van 4 cm bij de voordeur' },
      ]),
      reportFonts(),
    );

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    const text = allText(pdf.text);
    for (const expected of [
      'Inspectierapport Zorggeschiktheid',
      'Rollatorgeschikt',
      '24,5 m²',
      '€ 85',
      'ja – 4 cm',
      'Bewoner’s wens: douchestoel; geïsoleerd, café',
      '1. Hoog · Voordeur',
      'Drempel van 4 cm bij de voordeur',
      'pagina 1 van 1',
    ])
      expect(text).toContain(expected);
    // The embedded font prints arrows and "≥" as written.
    expect(text).toContain('1,2 m → minder dan 1,5 m');
    expect(text).toContain('Woonkeur ≥ 2026');
    expect(pdf.title).toBe('Inspectierapport Zorggeschiktheid');
    expect(pdf.images).toEqual([0]);
  });

  it('heads the first page with the organisation’s name and logo; a broken logo is left out', async () => {
    const logo = {
      data: encodePng({ width: 20, height: 10, data: new Uint8Array(800).fill(90) }),
      mimeType: 'image/png' as const,
    };
    const withLogo = await readPdf(
      await renderReportPdf(
        {
          ...model([{ kind: 'paragraph', text: 'Inhoud' }]),
          organisation: { name: 'Woonstichting Noord', logo },
        },
        reportFonts(),
      ),
    );
    expect(withLogo.text[0]).toContain('Woonstichting Noord');
    expect(withLogo.imageSizes).toEqual([{ width: 20, height: 10 }]);

    const broken = await readPdf(
      await renderReportPdf(
        {
          ...model([{ kind: 'paragraph', text: 'Inhoud' }]),
          organisation: {
            name: 'Woonstichting Noord',
            logo: { data: new Uint8Array([1, 2, 3]), mimeType: 'image/png' },
          },
        },
        reportFonts(),
      ),
    );
    expect(broken.text[0]).toContain('Woonstichting Noord');
    expect(broken.images).toEqual([0]);
  });

  it('paints as many images as there are photos and embeds a photo shown twice once', async () => {
    const photos = [1, 2, 3, 4, 5].map((seed) => jpegPhoto(seed, `Foto ${seed}: galerij`));
    const bytes = await renderReportPdf(
      model([
        { kind: 'heading', level: 2, text: 'Bevindingen' },
        { kind: 'photos', photos: [...photos, pngPhoto()] },
        {
          kind: 'photos',
          photos: [
            { hash: 'elsewhere', caption: 'Hal', missingNote: 'Foto staat niet hier.' },
            { ...photos[0]!, caption: 'Dezelfde foto bij een antwoord' },
          ],
        },
      ]),
      reportFonts(),
    );

    const pdf = await readPdf(bytes);
    expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(7);
    const first = Buffer.from(photos[0]!.image!.data);
    expect(Buffer.from(bytes).indexOf(first)).toBe(Buffer.from(bytes).lastIndexOf(first));
    expect(pdf.imageSizes).toContainEqual({ width: 64, height: 48 });
    expect(pdf.imageSizes).toContainEqual({ width: 16, height: 16 });
    const text = allText(pdf.text);
    expect(text).toContain('Foto 3: galerij');
    expect(text).toContain('Tekening van de meterkast');
    expect(text).toContain('Foto staat niet hier.');

    // The JPEG is stored as it was taken: its bytes appear unchanged in the file.
    const haystack = Buffer.from(bytes);
    expect(haystack.indexOf(Buffer.from(photos[2]!.image!.data))).toBeGreaterThan(0);
  });

  it(
    'breaks long reports over pages and numbers every page "pagina x van y"',
    { timeout: 30_000 },
    async () => {
      const rows = Array.from({ length: 160 }, (_, index) => ({
        label: `Vraag ${index + 1}`,
        value: `Antwoord ${index + 1}`,
      }));
      const photos = Array.from({ length: 12 }, (_, index) =>
        jpegPhoto(index + 10, `Foto ${index}`),
      );
      const progress: number[] = [];
      const bytes = await renderReportPdf(
        model([
          { kind: 'facts', rows },
          { kind: 'page-break' },
          { kind: 'heading', level: 1, text: 'Tweede inspectie' },
          { kind: 'photos', photos },
        ]),
        reportFonts(),
        { onProgress: (done, total) => progress.push(done / total) },
      );

      const pdf = await readPdf(bytes);
      expect(pdf.pages).toBeGreaterThanOrEqual(4);
      pdf.text.forEach((page, index) =>
        expect(page).toContain(`pagina ${index + 1} van ${pdf.pages}`),
      );
      expect(allText(pdf.text)).toContain('Antwoord 160');
      // The page break puts the second inspection at the top of a fresh page.
      const second = pdf.text.findIndex((page) => page.includes('Tweede inspectie'));
      expect(pdf.text[second - 1]).toContain('Antwoord 160');
      expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(12);
      expect(progress).toHaveLength(12);
      expect(progress.at(-1)).toBe(1);
    },
  );

  it('draws the inspector’s annotation over the photo', async () => {
    const photo: ReportPhoto = {
      ...jpegPhoto(7, 'Scheur in de gevel'),
      annotation: {
        version: 1,
        shapes: [
          { kind: 'arrow', from: [0.1, 0.1], to: [0.5, 0.5], color: '#e4002b' },
          { kind: 'ellipse', center: [0.5, 0.5], radius: [0.2, 0.1], color: '#ffd400' },
          { kind: 'text', at: [0.2, 0.8], text: 'scheur ≥ 2 mm', color: '#1f6feb' },
        ],
      },
    };
    const pdf = await readPdf(
      await renderReportPdf(model([{ kind: 'photos', photos: [photo] }]), reportFonts()),
    );
    expect(pdf.images).toEqual([1]);
    expect(allText(pdf.text)).toContain('scheur ≥ 2 mm');
  });

  it('prints Polish, Turkish, Arabic and Cyrillic names, "≥", "€" and "m²", and marks emoji', async () => {
    const names = [
      'Łukasz Wróblewski',
      'Zażółć gęślą jaźń',
      'Şükrü Çağlayan, İlkay Öztürk, ığ',
      'Олександр Шевченко',
      'Δημήτρης',
    ];
    const pdf = await readPdf(
      await renderReportPdf(
        model([
          { kind: 'heading', level: 2, text: 'Bewoners' },
          { kind: 'list', ordered: false, items: names },
          { kind: 'paragraph', text: 'محمد العلي' },
          { kind: 'facts', rows: [{ label: 'Bewoner', value: 'Dhr. محمد (huurder)' }] },
          { kind: 'paragraph', text: 'Draairuimte ≥ 1,5 m, € 1.250 voor 12 m² – klaar 👍🏽 ✓' },
        ]),
        reportFonts(),
      ),
    );
    // pdf.js gives Arabic as the presentation forms that were drawn: NFKC makes letters of them.
    const text = allText(pdf.text).normalize('NFKC');
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain(
      'Draairuimte ≥ 1,5 m, € 1.250 voor 12 m2 – klaar [emoji] ✓'.normalize('NFKC'),
    );
    expect(text).toMatch(/محمد العلي|يلعلا دمحم/);
    expect(text).toMatch(/محمد|دمحم/);
    expect(text).not.toContain('?');
  });
});

describe('sanitizeText', () => {
  it('keeps what the font can encode, replaces or simplifies the rest, never a silent "?"', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const supported = new Set(font.getCharacterSet());
    expect(sanitizeText('ë é ’ – € m² · ×', supported)).toBe('ë é ’ – € m² · ×');
    expect(sanitizeText('Ő → ≥ ✓ 😀', supported)).toBe('O -> >= v [emoji]');
    // One emoji sequence (skin tone, joiner, flag) is one fallback; a missing letter is visible.
    expect(sanitizeText('ok 👍🏽 👩‍🔧 🇳🇱!', supported)).toBe('ok [emoji] [emoji] [emoji]!');
    // The report font has a visible replacement character for what it lacks.
    const dejaVu = new Set(
      fontkit.create(Buffer.from(reportFonts().regular as Uint8Array)).characterSet,
    );
    expect(sanitizeText('漢 Ł ≥ → m²', dejaVu)).toBe('\ufffd Ł ≥ → m²');
    expect(sanitizeText('a\u00a0b\u202fc\td\u0007', supported)).toBe('a\u00a0b c d');
    expect(() => font.encodeText(sanitizeText('ő 😀 → ≠ ∑', supported))).not.toThrow();
  });
});
