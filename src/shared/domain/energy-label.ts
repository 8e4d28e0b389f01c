import { z } from 'zod';
import { addDays, addYears, compareIsoDate, IsoDateSchema } from './iso-date.ts';
import { rules, type RuleRef } from './rule.ts';

/** Label classes from best to worst; the index is the order used by every comparison. */
export const EnergyLabelClassSchema = z.enum(
  ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'],
  { error: 'Onbekende labelklasse: verwacht A++++ t/m G.' },
);
export type EnergyLabelClass = z.infer<typeof EnergyLabelClassSchema>;

export const energyLabelClasses: readonly EnergyLabelClass[] = EnergyLabelClassSchema.options;

/** 0 for A++++ up to 10 for G. */
export function classIndex(labelClass: EnergyLabelClass): number {
  return energyLabelClasses.indexOf(labelClass);
}

/** Negative when a is better than b, positive when worse, 0 when equal (usable in sort). */
export function compareClass(a: EnergyLabelClass, b: EnergyLabelClass): number {
  return classIndex(a) - classIndex(b);
}

export const efgClasses: readonly EnergyLabelClass[] = ['E', 'F', 'G'];

export function isEfgClass(labelClass: EnergyLabelClass): boolean {
  return efgClasses.includes(labelClass);
}

// Upper bounds are inclusive, lower bounds exclusive (NTA 8800 as published; NOT the 2019
// draft thresholds 80/110/165/... that many web pages still show).
const ep2UpperBounds: readonly (readonly [number, EnergyLabelClass])[] = [
  [0, 'A++++'],
  [50, 'A+++'],
  [75, 'A++'],
  [105, 'A+'],
  [160, 'A'],
  [190, 'B'],
  [250, 'C'],
  [290, 'D'],
  [335, 'E'],
  [380, 'F'],
];

const eiUpperBounds: readonly (readonly [number, EnergyLabelClass])[] = [
  [0.6, 'A++'],
  [0.8, 'A+'],
  [1.2, 'A'],
  [1.4, 'B'],
  [1.8, 'C'],
  [2.1, 'D'],
  [2.4, 'E'],
  [2.7, 'F'],
];

function classFromBounds(
  value: number,
  bounds: readonly (readonly [number, EnergyLabelClass])[],
  what: string,
): EnergyLabelClass {
  // A missing or corrupt number must never silently become a label, so this throws.
  if (!Number.isFinite(value)) throw new RangeError(`${what} moet een eindig getal zijn.`);
  for (const [upper, labelClass] of bounds) if (value <= upper) return labelClass;
  return 'G';
}

/**
 * The NTA 8800 label class for EP2 (primary fossil energy, kWh/m² per year, EMG forfaitair).
 * Throws RangeError for NaN or ±Infinity.
 */
export function labelFromEP2(ep2: number): EnergyLabelClass {
  return classFromBounds(ep2, ep2UpperBounds, 'EP2');
}

/** The label class for an Energie-Index (labels 2015-2020). Throws RangeError for NaN or ±Infinity. */
export function labelFromEnergyIndex(ei: number): EnergyLabelClass {
  return classFromBounds(ei, eiUpperBounds, 'Energie-Index');
}

export const EnergyLabelMethodSchema = z.enum(['NTA8800', 'EI'], {
  error: 'Onbekende bepalingsmethode: verwacht NTA8800 of EI.',
});
export type EnergyLabelMethod = z.infer<typeof EnergyLabelMethodSchema>;

export const EnergyLabelSourceSchema = z.enum(['ep-online', 'inspectie', 'handmatig'], {
  error: 'Onbekende bron: verwacht ep-online, inspectie of handmatig.',
});
export type EnergyLabelSource = z.infer<typeof EnergyLabelSourceSchema>;

export const LABEL_VALIDITY_YEARS = 10;

/** A registered energy label of one dwelling or building. */
export const EnergyLabelRecordSchema = z
  .object({
    class: EnergyLabelClassSchema,
    registrationDate: IsoDateSchema,
    /** Opnamedatum: the day the adviser recorded the building. */
    recordingDate: IsoDateSchema,
    validUntil: IsoDateSchema,
    ep2: z.number({ error: 'EP2 moet een getal zijn.' }).finite().optional(),
    energyIndex: z.number({ error: 'Energie-Index moet een getal zijn.' }).finite().optional(),
    method: EnergyLabelMethodSchema,
    source: EnergyLabelSourceSchema,
  })
  .superRefine((record, context) => {
    // Zod still runs this refinement when a date already failed its own check.
    const datesValid = [record.registrationDate, record.recordingDate, record.validUntil].every(
      (date) => IsoDateSchema.safeParse(date).success,
    );
    if (!datesValid) return;
    if (record.recordingDate > record.registrationDate)
      context.addIssue({
        code: 'custom',
        path: ['recordingDate'],
        message: 'De opnamedatum ligt na de registratiedatum.',
      });
    if (record.validUntil < record.registrationDate)
      context.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'Geldig tot ligt vóór de registratiedatum.',
      });
    else if (record.validUntil > addYears(record.registrationDate, LABEL_VALIDITY_YEARS))
      context.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: `Een energielabel is ten hoogste ${LABEL_VALIDITY_YEARS} jaar geldig na registratie.`,
      });
    if (record.method === 'NTA8800' && record.energyIndex !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['energyIndex'],
        message: 'Een NTA 8800-label heeft geen Energie-Index maar een EP2-waarde.',
      });
    if (record.method === 'EI' && record.ep2 !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['ep2'],
        message: 'Een label volgens de Energie-Index heeft geen EP2-waarde.',
      });
    if (record.method === 'EI' && classIndex(record.class) < classIndex('A++'))
      context.addIssue({
        code: 'custom',
        path: ['class'],
        message: 'Labels volgens de Energie-Index gaan niet verder dan A++.',
      });
  });
export type EnergyLabelRecord = z.infer<typeof EnergyLabelRecordSchema>;

/**
 * A warning (not a parse error) when the registered class does not follow from the registered
 * number: registered data is what counts legally, so importers keep the record and report this.
 */
export function labelClassMismatch(record: EnergyLabelRecord): string | null {
  if (record.ep2 !== undefined) {
    const expected = labelFromEP2(record.ep2);
    if (expected !== record.class)
      return `Klasse ${record.class} past niet bij EP2 ${record.ep2} (dat is ${expected}).`;
  }
  if (record.energyIndex !== undefined) {
    const expected = labelFromEnergyIndex(record.energyIndex);
    if (expected !== record.class)
      return `Klasse ${record.class} past niet bij Energie-Index ${record.energyIndex} (dat is ${expected}).`;
  }
  return null;
}

type LabelDates = Pick<EnergyLabelRecord, 'registrationDate' | 'validUntil'>;

/** The last day the label is valid: its validUntil, but never more than 10 years after registration. */
export function validityEnd(record: LabelDates): string {
  const cap = addYears(record.registrationDate, LABEL_VALIDITY_YEARS);
  return compareIsoDate(record.validUntil, cap) <= 0 ? record.validUntil : cap;
}

/** A label is still valid ON its last day (validUntil inclusive) and expired from the day after. */
export function isExpired(record: LabelDates, onDate: string): boolean {
  return compareIsoDate(onDate, validityEnd(record)) > 0;
}

/** The first day a label is no longer valid ("verlopen sinds"): the day after its validity end. */
export function expiredSince(record: LabelDates): string {
  return addDays(validityEnd(record), 1);
}

const sourcePriority: Readonly<Record<EnergyLabelSource, number>> = {
  'ep-online': 0,
  inspectie: 1,
  handmatig: 2,
};

/**
 * Negative when a is more recent than b. Newest opnamedatum wins (issue #6: "per dwelling the
 * most recent opnamedatum wins"; the EP-online importer ranks the same way), then the newest
 * registration (domain.md's rule, as the tie-break). Remaining ties are broken deterministically
 * (so every device picks the same record): EP-online before inspection before manual, then the
 * WORSE class, so a tie never hides an EFG label.
 */
export function compareLabelRecency(a: EnergyLabelRecord, b: EnergyLabelRecord): number {
  return (
    compareIsoDate(b.recordingDate, a.recordingDate) ||
    compareIsoDate(b.registrationDate, a.registrationDate) ||
    sourcePriority[a.source] - sourcePriority[b.source] ||
    compareClass(b.class, a.class)
  );
}

/** The label that counts for a dwelling (an older label is replaced by a newer registration). */
export function mostRecentLabel(
  records: readonly EnergyLabelRecord[],
): EnergyLabelRecord | undefined {
  let best: EnergyLabelRecord | undefined;
  for (const record of records)
    if (best === undefined || compareLabelRecency(record, best) < 0) best = record;
  return best;
}

export interface EfgLabelStatus {
  /** True when the most recent registered label is E, F or G (also when that label has expired). */
  isEfg: boolean;
  /** The class of the most recent registered label, or null when the dwelling has none. */
  label: EnergyLabelClass | null;
  /** True when that most recent label is no longer valid on the given date. */
  expired: boolean;
  record: EnergyLabelRecord | null;
}

/**
 * Whether a dwelling counts as EFG on a date. An expired E/F/G label still counts (expiry does
 * not improve a dwelling; only a new, better registered label takes it out of EFG). A dwelling
 * without any label is not EFG but has label null, so callers can list it as "onbekend".
 */
export function efgStatus(records: readonly EnergyLabelRecord[], onDate: string): EfgLabelStatus {
  const record = mostRecentLabel(records);
  if (!record) return { isEfg: false, label: null, expired: false, record: null };
  return {
    isEfg: isEfgClass(record.class),
    label: record.class,
    expired: isExpired(record, onDate),
    record,
  };
}

export interface PolicyDeadline {
  rule: RuleRef;
  /** The date by which the target must be met (inclusive). */
  date: string;
  /** True for a proposal that is not (yet) law. */
  proposed: boolean;
}

/** All EFG labels out by the end of 2028 (Nationale Prestatieafspraken). */
export const efgPhaseOutDeadline: PolicyDeadline = {
  rule: rules['efg.uitfasering.2028'],
  date: '2028-12-31',
  proposed: false,
};

/** Proposed: rented EFG dwellings at least label D by 1-1-2029. */
export const rentedMinimumDDeadline: PolicyDeadline & { minimumClass: EnergyLabelClass } = {
  rule: rules['efg.huur.minimaal-d.2029'],
  date: '2029-01-01',
  proposed: true,
  minimumClass: 'D',
};

export const EnergyMeasureIdSchema = z.enum(
  [
    'spouwmuurisolatie',
    'dakisolatie',
    'vloerisolatie',
    'hr-plus-plus-glas',
    'triple-glas',
    'hr-ketel-naar-hybride-warmtepomp',
    'zonnepanelen',
    'ventilatie-kierdichting',
  ],
  { error: 'Onbekende maatregel.' },
);
export type EnergyMeasureId = z.infer<typeof EnergyMeasureIdSchema>;

export interface EnergyMeasure {
  id: EnergyMeasureId;
  /** Indicative number of label classes this measure usually gains on its own. */
  classStep: number;
  /** Measures in the same group replace each other (one kind of glazing); the largest step counts. */
  group: string;
  indicative: true;
}

// Rules of thumb from corporations' EFG plans, not a calculation: the real gain depends on
// the dwelling and only a new NTA 8800 recording decides the label.
export const energyMeasures: Readonly<Record<EnergyMeasureId, EnergyMeasure>> = {
  spouwmuurisolatie: { id: 'spouwmuurisolatie', classStep: 2, group: 'gevel', indicative: true },
  dakisolatie: { id: 'dakisolatie', classStep: 1, group: 'dak', indicative: true },
  vloerisolatie: { id: 'vloerisolatie', classStep: 1, group: 'vloer', indicative: true },
  'hr-plus-plus-glas': {
    id: 'hr-plus-plus-glas',
    classStep: 1,
    group: 'beglazing',
    indicative: true,
  },
  'triple-glas': { id: 'triple-glas', classStep: 2, group: 'beglazing', indicative: true },
  'hr-ketel-naar-hybride-warmtepomp': {
    id: 'hr-ketel-naar-hybride-warmtepomp',
    classStep: 1,
    group: 'verwarming',
    indicative: true,
  },
  zonnepanelen: { id: 'zonnepanelen', classStep: 1, group: 'opwekking', indicative: true },
  'ventilatie-kierdichting': {
    id: 'ventilatie-kierdichting',
    classStep: 1,
    group: 'ventilatie',
    indicative: true,
  },
};

export const INDICATIVE_LABEL_DISCLAIMER =
  'Indicatief: de verwachte labelsprong is een vuistregel per maatregel. De werkelijke klasse hangt af van de woning en blijkt pas uit een nieuwe NTA 8800-opname door een gecertificeerd energieadviseur.';

export interface IndicativeLabelResult {
  indicative: true;
  disclaimer: string;
  from: EnergyLabelClass;
  to: EnergyLabelClass;
  /** Classes gained after grouping, before clamping at A++++. */
  steps: number;
  measureIds: EnergyMeasureId[];
}

/** An indicative label after the measures (duplicates ignored; one step per group; never beyond A++++). */
export function indicativeLabelAfter(
  currentClass: EnergyLabelClass,
  measureIds: readonly EnergyMeasureId[],
): IndicativeLabelResult {
  const unique = [...new Set(measureIds)];
  const stepByGroup = new Map<string, number>();
  for (const id of unique) {
    const measure = energyMeasures[id];
    stepByGroup.set(
      measure.group,
      Math.max(stepByGroup.get(measure.group) ?? 0, measure.classStep),
    );
  }
  const steps = [...stepByGroup.values()].reduce((sum, step) => sum + step, 0);
  const targetIndex = Math.max(0, classIndex(currentClass) - steps);
  return {
    indicative: true,
    disclaimer: INDICATIVE_LABEL_DISCLAIMER,
    from: currentClass,
    to: energyLabelClasses[targetIndex] ?? currentClass,
    steps,
    measureIds: unique,
  };
}
