import {
  efgStatus,
  EnergyLabelRecordSchema,
  EnergyMeasureIdSchema,
  indicativeLabelAfter,
  isEfgClass,
  mostRecentLabel,
  type EfgLabelStatus,
  type EnergyLabelRecord,
  type EnergyMeasureId,
  type IndicativeLabelResult,
} from '../energy-label.ts';
import { IsoDateSchema } from '../iso-date.ts';
import { formatDate, sentence } from '../templates/format.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import type { AnswerReader } from './reader.ts';

// Energie-opname: the registered label (EP-online records passed in by the caller) next to what
// the inspector observed, the EFG status, and measures with an indicative label after them.

interface Observation {
  question: string;
  /** Answers that mean this part is already good. */
  good: readonly string[];
  /** Answers that are a weak point, and the measure that addresses it. */
  weak: Readonly<Record<string, EnergyMeasureId>>;
}

// Which observation suggests which measure (energy-label.ts holds the measures' class steps).
export const energyObservations: readonly Observation[] = [
  ...['glas-voorgevel', 'glas-achtergevel', 'glas-zijgevel'].map((question) => ({
    question,
    good: ['hr-plus-plus', 'triple'],
    weak: {
      enkel: 'hr-plus-plus-glas',
      dubbel: 'hr-plus-plus-glas',
      gemengd: 'hr-plus-plus-glas',
    } as const,
  })),
  {
    question: 'gevelisolatie',
    good: ['volledig'],
    weak: { geen: 'spouwmuurisolatie', deels: 'spouwmuurisolatie' },
  },
  {
    question: 'dakisolatie',
    good: ['volledig'],
    weak: { geen: 'dakisolatie', deels: 'dakisolatie' },
  },
  {
    question: 'vloerisolatie',
    good: ['volledig'],
    weak: { geen: 'vloerisolatie', deels: 'vloerisolatie' },
  },
  {
    question: 'verwarming',
    good: ['warmtepomp', 'hybride-warmtepomp'],
    weak: {
      'hr-ketel': 'hr-ketel-naar-hybride-warmtepomp',
      'vr-cr-ketel': 'hr-ketel-naar-hybride-warmtepomp',
      'lokale-kachels': 'hr-ketel-naar-hybride-warmtepomp',
    },
  },
  { question: 'ventilatie', good: ['balans-wtw'], weak: { natuurlijk: 'ventilatie-kierdichting' } },
  { question: 'zonnepanelen', good: ['ja'], weak: { nee: 'zonnepanelen' } },
];

/** With this many parts already good, an E/F/G label probably no longer reflects the dwelling. */
export const OUTDATED_LABEL_GOOD_PARTS = 3;

export interface EnergieOpnameResult {
  registered: EfgLabelStatus;
  /** Observed parts already in good shape (question ids). */
  goodParts: string[];
  /** Observed weak points with the measure that addresses them. */
  weakPoints: { questionId: string; measure: EnergyMeasureId }[];
  moisture: boolean | null;
  /** The registered E/F/G label probably understates the dwelling: a new recording may lift it out of EFG. */
  labelSeemsOutdated: boolean;
  suggestedMeasures: EnergyMeasureId[];
  /** The inspector's chosen measures, or the suggested ones when none were chosen. */
  proposedMeasures: EnergyMeasureId[];
  indicativeAfter: IndicativeLabelResult | null;
  /** True/false only for an EFG dwelling with a known label and proposed measures. */
  leavesEfg: boolean | null;
}

/** The measure's name as the template's 'maatregelen' question shows it ("HR++-glas"). */
function measureName(read: AnswerReader, id: EnergyMeasureId): string {
  const question = read.question('maatregelen');
  const option =
    question?.type === 'multi-choice' ? question.options.find((o) => o.id === id) : undefined;
  return option?.label.nl ?? id;
}

function withoutDate(records: readonly EnergyLabelRecord[]): EfgLabelStatus {
  const record = mostRecentLabel(records) ?? null;
  return {
    isEfg: record !== null && isEfgClass(record.class),
    label: record?.class ?? null,
    expired: false,
    record,
  };
}

export function scoreEnergieOpname(
  read: AnswerReader,
  context: { inspectionDate: string; labelRecords?: readonly EnergyLabelRecord[] },
): { result: EnergieOpnameResult; explanation: ExplanationEntry[] } {
  const explanation: ExplanationEntry[] = [];
  // Stored records were validated on import; a corrupt one is skipped (and said), never thrown.
  const given = context.labelRecords ?? [];
  const records = given.filter((record) => EnergyLabelRecordSchema.safeParse(record).success);
  if (records.length < given.length)
    explanation.push(
      explain(
        'energielabel.geldigheid',
        'warn',
        [],
        `${given.length - records.length} ongeldig(e) labelregistratie(s) overgeslagen.`,
      ),
    );
  const dateOk = IsoDateSchema.safeParse(context.inspectionDate).success;
  const registered: EfgLabelStatus = dateOk
    ? efgStatus(records, context.inspectionDate)
    : withoutDate(records);

  if (!dateOk)
    explanation.push(
      explain(
        'energielabel.geldigheid',
        'warn',
        [],
        'Geen geldige inspectiedatum: de geldigheid van het label is niet beoordeeld.',
      ),
    );
  if (registered.record === null)
    explanation.push(
      explain(
        'efg.uitfasering.2028',
        'warn',
        ['label-oordeel'],
        'Geen geregistreerd energielabel bekend: EFG-status onbekend; een labelopname is nodig.',
      ),
    );
  else {
    const { record } = registered;
    explanation.push(
      explain(
        'energielabel.geldigheid',
        registered.expired ? 'warn' : 'info',
        [],
        `Geregistreerd label ${record.class} (geregistreerd ${formatDate(record.registrationDate)}, geldig tot ${formatDate(record.validUntil)})${registered.expired ? ': verlopen op de inspectiedatum' : ''}.`,
      ),
    );
    explanation.push(
      explain(
        'efg.uitfasering.2028',
        registered.isEfg ? 'fail' : 'pass',
        [],
        registered.isEfg
          ? `Label ${record.class} is een EFG-label: uitfaseren uiterlijk in 2028.`
          : `Label ${record.class} is geen EFG-label.`,
      ),
    );
  }

  const goodParts: string[] = [];
  const weakPoints: { questionId: string; measure: EnergyMeasureId }[] = [];
  for (const observation of energyObservations) {
    const status = read.status(observation.question);
    if (status === 'hidden' || status === 'absent') continue;
    const answer = read.choice(observation.question) ?? read.jaNee(observation.question);
    if (answer === undefined) {
      explanation.push(
        explain(
          'energie.opname.staat',
          'warn',
          [observation.question],
          sentence(read.describe(observation.question)),
        ),
      );
      continue;
    }
    const measure = observation.weak[answer];
    if (observation.good.includes(answer)) goodParts.push(observation.question);
    if (measure !== undefined) weakPoints.push({ questionId: observation.question, measure });
    explanation.push(
      explain(
        'energie.opname.staat',
        measure ? 'warn' : 'info',
        [observation.question],
        sentence(
          `${read.describe(observation.question)}${measure ? `: kans voor ${measureName(read, measure)}` : ''}`,
        ),
      ),
    );
  }

  const moistureAnswer = read.jaNee('vocht');
  const moisture = moistureAnswer === undefined ? null : moistureAnswer === 'ja';
  if (moisture === null)
    explanation.push(
      explain('energie.opname.staat', 'warn', ['vocht'], sentence(read.describe('vocht'))),
    );
  else if (moisture)
    explanation.push(
      explain(
        'energie.opname.staat',
        'fail',
        ['vocht'],
        'Vocht of schimmel gezien: eerst de oorzaak (vaak ventilatie) oplossen, vóór isolatiemaatregelen.',
      ),
    );

  const judgement = read.choice('label-oordeel');
  const labelSeemsOutdated =
    registered.isEfg && (judgement === 'beter' || goodParts.length >= OUTDATED_LABEL_GOOD_PARTS);
  if (labelSeemsOutdated)
    explanation.push(
      explain(
        'energie.opname.staat',
        'warn',
        ['label-oordeel', ...goodParts],
        `De woning lijkt beter dan label ${registered.label ?? '?'} (${goodParts.length} onderdelen al op orde${judgement === 'beter' ? ', oordeel inspecteur: beter' : ''}): een nieuwe labelopname kan de woning uit EFG halen.`,
      ),
    );
  else if (judgement === undefined)
    explanation.push(
      explain(
        'energie.opname.staat',
        'warn',
        ['label-oordeel'],
        sentence(read.describe('label-oordeel')),
      ),
    );

  const suggestedMeasures = [...new Set(weakPoints.map((point) => point.measure))];
  const chosen = (read.choices('maatregelen') ?? []).filter(
    (id): id is EnergyMeasureId => EnergyMeasureIdSchema.safeParse(id).success,
  );
  const proposedMeasures = chosen.length > 0 ? chosen : suggestedMeasures;
  explanation.push(
    explain(
      'energie.maatregelen.indicatief',
      'info',
      ['maatregelen', ...weakPoints.map((point) => point.questionId)],
      chosen.length > 0
        ? `Gekozen maatregelen: ${chosen.map((id) => measureName(read, id)).join(', ')}.`
        : suggestedMeasures.length > 0
          ? `Geen maatregelen gekozen; voorgesteld op grond van de opname: ${suggestedMeasures.map((id) => measureName(read, id)).join(', ')}.`
          : 'Geen maatregelen gekozen of uit de opname af te leiden.',
    ),
  );

  let indicativeAfter: IndicativeLabelResult | null = null;
  let leavesEfg: boolean | null = null;
  if (registered.label !== null && proposedMeasures.length > 0) {
    indicativeAfter = indicativeLabelAfter(registered.label, proposedMeasures);
    if (registered.isEfg) leavesEfg = !isEfgClass(indicativeAfter.to);
    explanation.push(
      explain(
        'energie.maatregelen.indicatief',
        leavesEfg === false ? 'warn' : 'info',
        ['maatregelen'],
        `Indicatief label na maatregelen: ${indicativeAfter.from} → ${indicativeAfter.to}${leavesEfg === true ? ' (uit EFG)' : leavesEfg === false ? ' (nog steeds EFG: meer maatregelen nodig)' : ''}. ${indicativeAfter.disclaimer}`,
      ),
    );
  }

  return {
    result: {
      registered,
      goodParts,
      weakPoints,
      moisture,
      labelSeemsOutdated,
      suggestedMeasures,
      proposedMeasures,
      indicativeAfter,
      leavesEfg,
    },
    explanation,
  };
}
