// The complex the PDF benchmark reports on, seeded through the app's repositories: 20
// zorggeschiktheid inspections of 40 dwellings, each with answers and two findings (NEN 2767
// rating) of five photos, finished. Shared by the Node run and the Chromium page.
import type { SchouwStore } from '../../src/app/db/store.ts';
import { generatePortfolio } from '../../test/unit/db/portfolio-generator.ts';

export const PHOTOS = 200;
export const PHOTO_WIDTH = 1600;
export const PHOTO_HEIGHT = 1200;
const INSPECTIONS = 20;
const PHOTOS_PER_FINDING = 5;

/** Seeds the complex; `photo(n)` gives the JPEG bytes of photo n (0..199). Returns its id. */
export async function seedComplex(
  store: SchouwStore,
  photo: (index: number) => Promise<Uint8Array>,
): Promise<string> {
  const portfolio = generatePortfolio({
    complexes: 1,
    pandenPerComplex: 4,
    dwellingsPerPand: 10,
    seed: 11,
  });
  await store.portfolio.importPortfolio(portfolio);
  const complex = portfolio.complexes[0]!;
  const dwellings = complex.panden.flatMap((pand) => pand.verblijfsobjecten);
  let next = 0;
  for (let index = 0; index < INSPECTIONS; index += 1) {
    const inspection = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: dwellings[index]!.id,
    });
    await store.answers.saveAnswer(inspection.id, 'deurbreedte', {
      type: 'measurement',
      value: 0.8 + index / 100,
      unit: 'm',
    });
    await store.answers.saveAnswer(inspection.id, 'steunbeugels', { type: 'ja-nee', value: 'nee' });
    for (let finding = 0; finding < PHOTOS / INSPECTIONS / PHOTOS_PER_FINDING; finding += 1) {
      const created = await store.findings.create(inspection.id, {
        location: `Galerij ${finding + 1}e verdieping`,
        description: 'Scheur in de gevel boven de voordeur, vocht zichtbaar – € 450 geraamd',
        severity: 'ernstig',
        nen2767: { ernst: 'serieus', intensiteit: 2, omvang: 3 },
      });
      for (let count = 0; count < PHOTOS_PER_FINDING; count += 1) {
        const data = await photo(next);
        next += 1;
        await store.photos.addPhoto(
          {
            data: data.slice().buffer,
            mimeType: 'image/jpeg',
            width: PHOTO_WIDTH,
            height: PHOTO_HEIGHT,
          },
          { inspectionId: inspection.id, findingId: created.id },
        );
      }
    }
    await store.inspections.finish(inspection.id);
  }
  return complex.id;
}

/** Image XObjects are streams, which never sit inside object streams: count them as text. */
export function countImages(pdf: Uint8Array): number {
  return new TextDecoder('latin1').decode(pdf).split('/Subtype /Image').length - 1;
}
