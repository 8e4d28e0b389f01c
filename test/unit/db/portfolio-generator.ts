// A deterministic, realistic-looking portfolio in the server's demo format, for tests and the
// store benchmark: complexes of flats in Dutch towns with panden, dwellings and energy labels.
import type { DemoPortfolio } from '../../../src/shared/domain/demo-portfolio.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';

export interface GeneratorOptions {
  complexes: number;
  pandenPerComplex: number;
  dwellingsPerPand: number;
  seed?: number;
}

/** mulberry32: small, fast, good enough to make data varied and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREETS = [
  'Kerkstraat',
  'Dorpsstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Julianastraat',
  'Beatrixlaan',
  'Oranjestraat',
  'Wilhelminapark',
  'Van der Helststraat',
  'Botersloot',
  'Coolsingel',
  'Eendrachtsweg',
  'Zonnehof',
  'Lindenlaan',
  'Populierenstraat',
];
const TOWNS: readonly [string, string, number][] = [
  ['Rotterdam', '0599', 3011],
  ['Utrecht', '0344', 3511],
  ['Amersfoort', '0307', 3811],
  ['Zwolle', '0193', 8011],
  ['Groningen', '0014', 9711],
  ['Eindhoven', '0772', 5611],
  ['Den Haag', '0518', 2511],
  ['Haarlem', '0392', 2011],
];
const NAMES = [
  'Zonnehof',
  'De Linde',
  'Parkzicht',
  'Het Anker',
  'Plusflat',
  'De Meander',
  'Rivierstaete',
];
const LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
const LETTERS = 'ABCDEFGHJKLMNPRTVWXZ';

export function generatePortfolio(options: GeneratorOptions): DemoPortfolio {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const bytes = {
    getRandomValues<T extends Uint8Array>(array: T): T {
      for (let index = 0; index < array.length; index += 1)
        array[index] = Math.floor(random() * 256);
      return array;
    },
  };
  const id = () => uuidv7(1_700_000_000_000, bytes);
  let bagCounter = 1;
  const complexes: DemoPortfolio['complexes'] = [];
  for (let c = 0; c < options.complexes; c += 1) {
    const [town, gemeentecode, basePostcode] = pick(TOWNS);
    const complexnummer = `C-${1000 + c}`;
    const panden: DemoPortfolio['complexes'][number]['panden'] = [];
    for (let p = 0; p < options.pandenPerComplex; p += 1) {
      const street = pick(STREETS);
      const postcodeDigits = basePostcode + Math.floor(random() * 80);
      const postcodeLetters = `${pick([...LETTERS])}${pick([...LETTERS])}`;
      const bouwjaar = 1950 + Math.floor(random() * 70);
      const baseNumber = 1 + Math.floor(random() * 200);
      const verblijfsobjecten: DemoPortfolio['complexes'][number]['panden'][number]['verblijfsobjecten'] =
        [];
      for (let d = 0; d < options.dwellingsPerPand; d += 1) {
        const registrationYear = 2015 + Math.floor(random() * 10);
        const hasLabel = random() < 0.85;
        verblijfsobjecten.push({
          id: id(),
          vheNummer: `${complexnummer}-${String(p * options.dwellingsPerPand + d + 1).padStart(3, '0')}`,
          bagVerblijfsobjectId: `${gemeentecode}01${String(bagCounter++).padStart(10, '0')}`,
          straat: street,
          postcode: `${postcodeDigits} ${postcodeLetters}`,
          huisnummer: baseNumber + Math.floor(d / 4),
          huisletter: null,
          toevoeging: d % 4 === 0 ? null : String.fromCharCode(64 + (d % 4)),
          woonplaats: town,
          woningtype: 'galerijwoning',
          areaM2: 40 + Math.floor(random() * 60),
          floor: d % 5,
          lift: random() < 0.5,
          energyLabel: hasLabel
            ? {
                class: pick(LABELS),
                registrationDate: `${registrationYear}-03-01`,
                recordingDate: `${registrationYear}-02-15`,
                validUntil: `${registrationYear + 10}-03-01`,
                ep2: null,
                energyIndex: null,
                source: 'ep-online',
              }
            : null,
        });
      }
      panden.push({
        id: id(),
        bagPandId: `${gemeentecode}10${String(bagCounter++).padStart(10, '0')}`,
        bouwjaar,
        storeys: 3 + Math.floor(random() * 8),
        verblijfsobjecten,
      });
    }
    complexes.push({
      id: id(),
      complexnummer,
      name: `${pick(NAMES)} ${town}`,
      gemeente: town,
      panden,
    });
  }
  return {
    organisation: { id: id(), name: 'Woonstichting Voorbeeld', slug: 'demo' },
    complexes,
  };
}
