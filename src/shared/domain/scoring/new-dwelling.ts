import { formatQuantity } from '../templates/format.ts';
import { jaCriterion, numericCriterion, requireAnswers, type Criterion } from './criteria.ts';

// The minimum requirements for a new dwelling (ondertoppen, splitsen), from domain.md:
// >= 18 m2 verblijfsgebied, >= 55% of the floor area verblijfsgebied, one room >= 11 m2 and
// 3 m wide, ceiling 2,6 m, storage >= 5 m2 (shared 1,5 m2 if the dwelling is <= 50 m2),
// outdoor space >= 4 m2, own entrance, kitchen, shower and toilet.

export const MIN_VERBLIJFSGEBIED_M2 = 18;
export const MIN_VERBLIJFSGEBIED_SHARE = 0.55;
export const MIN_ROOM_M2 = 11;
export const MIN_ROOM_WIDTH_M = 3;
export const MIN_CEILING_M = 2.6;
export const MIN_STORAGE_M2 = 5;
export const MIN_SHARED_STORAGE_M2 = 1.5;
export const SHARED_STORAGE_MAX_DWELLING_M2 = 50;
export const MIN_OUTDOOR_M2 = 4;
export const REQUIRED_FACILITIES = ['keuken', 'douche', 'toilet'] as const;

export interface NewDwellingQuestions {
  /** Gebruiksoppervlakte of the new dwelling (m2). */
  area: string;
  verblijfsgebied: string;
  roomArea: string;
  roomWidth: string;
  ceiling: string;
  storage: string;
  storageShared: string;
  outdoor: string;
  /** Omitted when the dwelling keeps the existing entrance. */
  entrance?: string;
  /** Multi-choice of facilities that can be made; omitted when the existing ones stay. */
  facilities?: string;
  daylight?: string;
}

/** Criteria for one new dwelling; `name` prefixes criterion ids and texts ("Woning B: ..."). */
export function newDwellingCriteria(ids: NewDwellingQuestions, name?: string): Criterion[] {
  const prefix = name === undefined ? '' : `${name.toLowerCase()}-`;
  const what = (text: string) =>
    name === undefined ? text : `Woning ${name}: ${text.toLowerCase()}`;
  const criteria: Criterion[] = [
    numericCriterion({
      id: `${prefix}verblijfsgebied-18m2`,
      rule: 'woning.verblijfsgebied.18m2',
      question: ids.verblijfsgebied,
      comparison: 'atLeast',
      limit: MIN_VERBLIJFSGEBIED_M2,
      unit: 'm2',
      what: what('Verblijfsgebied'),
      blocking: true,
    }),
    {
      id: `${prefix}verblijfsgebied-55pct`,
      rule: 'woning.verblijfsgebied.55pct',
      questions: [ids.verblijfsgebied, ids.area],
      evaluate(read) {
        const missing = requireAnswers(read, [ids.verblijfsgebied, ids.area]);
        const vg = read.number(ids.verblijfsgebied);
        const area = read.number(ids.area);
        if (missing || vg === undefined || area === undefined)
          return missing ?? { status: 'unanswered', detail: 'Niet te beoordelen.' };
        if (area <= 0)
          return {
            status: 'fail',
            detail: what('Gebruiksoppervlakte is 0 m²: geen woning mogelijk.'),
          };
        const share = vg / area;
        const pass = share >= MIN_VERBLIJFSGEBIED_SHARE;
        return {
          status: pass ? 'pass' : 'fail',
          detail: `${what('Verblijfsgebied')} ${formatQuantity(vg, 'm2')} is ${formatQuantity(Math.floor(share * 1000) / 10)}% van ${formatQuantity(area, 'm2')}; ${pass ? 'voldoet aan' : 'minder dan'} ${formatQuantity(Math.round(MIN_VERBLIJFSGEBIED_SHARE * 100))}%.`,
        };
      },
    },
    numericCriterion({
      id: `${prefix}kamer-11m2`,
      rule: 'woning.verblijfsruimte.11m2',
      question: ids.roomArea,
      comparison: 'atLeast',
      limit: MIN_ROOM_M2,
      unit: 'm2',
      what: what('Grootste kamer'),
    }),
    numericCriterion({
      id: `${prefix}kamer-3m`,
      rule: 'woning.verblijfsruimte.11m2',
      question: ids.roomWidth,
      comparison: 'atLeast',
      limit: MIN_ROOM_WIDTH_M,
      unit: 'm',
      what: what('Breedte grootste kamer'),
    }),
    numericCriterion({
      id: `${prefix}plafondhoogte-2-6m`,
      rule: 'woning.plafondhoogte.2-6m',
      question: ids.ceiling,
      comparison: 'atLeast',
      limit: MIN_CEILING_M,
      unit: 'm',
      what: what('Vrije hoogte'),
      blocking: true,
    }),
    {
      id: `${prefix}berging`,
      rule: 'woning.berging',
      questions: [ids.storage, ids.storageShared, ids.area],
      evaluate(read) {
        const missing = requireAnswers(read, [ids.storage, ids.storageShared, ids.area]);
        const storage = read.number(ids.storage);
        const shared = read.jaNee(ids.storageShared);
        const area = read.number(ids.area);
        if (missing || storage === undefined || shared === undefined || area === undefined)
          return missing ?? { status: 'unanswered', detail: 'Niet te beoordelen.' };
        const sharedAllowed = area <= SHARED_STORAGE_MAX_DWELLING_M2;
        if (shared === 'ja' && sharedAllowed) {
          const pass = storage >= MIN_SHARED_STORAGE_M2;
          return {
            status: pass ? 'pass' : 'fail',
            detail: `${what('Gemeenschappelijke berging')} ${formatQuantity(storage, 'm2')} bij een woning van ${formatQuantity(area, 'm2')} (tot en met 50 m²): ${pass ? 'voldoet aan' : 'minder dan'} ${formatQuantity(MIN_SHARED_STORAGE_M2, 'm2')}.`,
          };
        }
        if (shared === 'ja')
          return {
            status: 'fail',
            detail: `${what('Berging is gemeenschappelijk')}, maar de woning is ${formatQuantity(area, 'm2')} (meer dan 50 m²): nodig is ${formatQuantity(MIN_STORAGE_M2, 'm2')} eigen bergruimte.`,
          };
        const pass = storage >= MIN_STORAGE_M2;
        return {
          status: pass ? 'pass' : 'fail',
          detail: `${what('Eigen berging')} ${formatQuantity(storage, 'm2')}: ${pass ? 'voldoet aan' : 'minder dan'} ${formatQuantity(MIN_STORAGE_M2, 'm2')}.`,
        };
      },
    },
    numericCriterion({
      id: `${prefix}buitenruimte-4m2`,
      rule: 'woning.buitenruimte.4m2',
      question: ids.outdoor,
      comparison: 'atLeast',
      limit: MIN_OUTDOOR_M2,
      unit: 'm2',
      what: what('Buitenruimte'),
    }),
  ];
  if (ids.entrance !== undefined)
    criteria.push(
      jaCriterion({
        id: `${prefix}eigen-entree`,
        rule: 'woning.eigen-entree',
        question: ids.entrance,
        pass: what('Eigen entree is mogelijk.'),
        fail: what('Geen eigen entree mogelijk.'),
        blocking: true,
      }),
    );
  const facilities = ids.facilities;
  if (facilities !== undefined)
    criteria.push({
      id: `${prefix}voorzieningen`,
      rule: 'woning.voorzieningen',
      questions: [facilities],
      blocking: true,
      evaluate(read) {
        const chosen = read.choices(facilities);
        if (chosen === undefined)
          return (
            requireAnswers(read, [facilities]) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        const lacking = REQUIRED_FACILITIES.filter((facility) => !chosen.includes(facility));
        return lacking.length === 0
          ? { status: 'pass', detail: what('Keuken, douche en toilet kunnen worden aangelegd.') }
          : { status: 'fail', detail: what(`Niet aan te leggen: ${lacking.join(', ')}.`) };
      },
    });
  if (ids.daylight !== undefined)
    criteria.push(
      jaCriterion({
        id: `${prefix}daglicht`,
        rule: 'woning.daglicht',
        question: ids.daylight,
        pass: what('Verblijfsruimten kunnen daglicht krijgen.'),
        fail: what('Verblijfsruimten kunnen geen daglicht krijgen.'),
        blocking: true,
      }),
    );
  return criteria;
}
