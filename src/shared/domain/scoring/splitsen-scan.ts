import { formatQuantity } from '../templates/format.ts';
import { ruleOf } from '../templates/rules.ts';
import { criterionExplanation, runCriteria, type CriterionResult } from './criteria.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import { newDwellingCriteria } from './new-dwelling.ts';
import type { AnswerReader } from './reader.ts';

// Splitsen feasibility: both new dwellings must meet the minimum requirements. A failed
// blocking requirement (too little verblijfsgebied, too low, no own entrance or no
// kitchen/shower/toilet for B) makes it niet haalbaar; other failures (room layout, storage,
// outdoor space) can be solved in the design: haalbaar met aanpassingen.

export type SplitsenFeasibility =
  'haalbaar' | 'haalbaar-met-aanpassingen' | 'niet-haalbaar' | 'onvolledig';

const shared = { ceiling: 'plafondhoogte' } as const;

export const splitsenCriteria = {
  A: newDwellingCriteria(
    {
      ...shared,
      area: 'a-oppervlak',
      verblijfsgebied: 'a-verblijfsgebied',
      roomArea: 'a-kamer-oppervlak',
      roomWidth: 'a-kamer-breedte',
      storage: 'a-berging',
      storageShared: 'a-berging-gemeenschappelijk',
      outdoor: 'a-buitenruimte',
    },
    'A',
  ),
  B: newDwellingCriteria(
    {
      ...shared,
      area: 'b-oppervlak',
      verblijfsgebied: 'b-verblijfsgebied',
      roomArea: 'b-kamer-oppervlak',
      roomWidth: 'b-kamer-breedte',
      storage: 'b-berging',
      storageShared: 'b-berging-gemeenschappelijk',
      outdoor: 'b-buitenruimte',
      entrance: 'tweede-entree',
      facilities: 'tweede-voorzieningen',
    },
    'B',
  ),
};

/** Splitting turns one dwelling into two: one extra dwelling when it is (conditionally) feasible. */
export const SPLITSEN_EXTRA_DWELLINGS = 1;

export interface SplitsenResult {
  feasibility: SplitsenFeasibility;
  /**
   * Indicative net gain in dwellings: 1 when haalbaar (with or without design changes), 0 when
   * niet haalbaar, null while onvolledig. Indicative like the scan itself.
   */
  indicativeExtraDwellings: number | null;
  dwellings: { name: 'A' | 'B'; criteria: CriterionResult[] }[];
  /** What splitting means for the BAG (the old object is retired, two new ones are created). */
  bagNote: string;
  disclaimer: string;
}

const feasibilityText: Readonly<Record<SplitsenFeasibility, string>> = {
  haalbaar: 'haalbaar: beide woningen voldoen aan de minimumeisen',
  'haalbaar-met-aanpassingen': 'haalbaar met aanpassingen in het ontwerp',
  'niet-haalbaar': 'niet haalbaar',
  onvolledig: 'nog niet te beoordelen: er ontbreken antwoorden',
};

export function scoreSplitsen(read: AnswerReader): {
  result: SplitsenResult;
  explanation: ExplanationEntry[];
} {
  const dwellings = (['A', 'B'] as const).map((name) => ({
    name,
    criteria: runCriteria(splitsenCriteria[name], read),
  }));
  const all = dwellings.flatMap((dwelling) => dwelling.criteria);
  const explanation = all.map(criterionExplanation);

  const total = read.number('totaal-oppervlak');
  const a = read.number('a-oppervlak');
  const b = read.number('b-oppervlak');
  if (total !== undefined && a !== undefined && b !== undefined && a + b > total)
    explanation.push(
      explain(
        'splitsen.compact',
        'warn',
        ['totaal-oppervlak', 'a-oppervlak', 'b-oppervlak'],
        `Woning A en B samen (${formatQuantity(a + b, 'm2')}) zijn groter dan de bestaande woning (${formatQuantity(total, 'm2')}): controleer de maten.`,
      ),
    );

  const feasibility: SplitsenFeasibility = all.some((c) => c.blocking && c.status === 'fail')
    ? 'niet-haalbaar'
    : all.some((c) => c.status === 'unanswered')
      ? 'onvolledig'
      : all.some((c) => c.status === 'fail')
        ? 'haalbaar-met-aanpassingen'
        : 'haalbaar';
  explanation.push(
    explain(
      'splitsen.compact',
      feasibility === 'niet-haalbaar' ? 'fail' : feasibility === 'haalbaar' ? 'pass' : 'warn',
      all.flatMap((c) => c.questions),
      `Splitsen is ${feasibilityText[feasibility]}.`,
    ),
  );
  const bagNote = ruleOf('bag.splitsen').text;
  explanation.push(explain('bag.splitsen', 'info', [], bagNote));
  const disclaimer = ruleOf('quickscan.constructeur').text;
  explanation.push(explain('quickscan.constructeur', 'info', [], disclaimer));
  const indicativeExtraDwellings =
    feasibility === 'onvolledig'
      ? null
      : feasibility === 'niet-haalbaar'
        ? 0
        : SPLITSEN_EXTRA_DWELLINGS;
  return {
    result: { feasibility, indicativeExtraDwellings, dwellings, bagNote, disclaimer },
    explanation,
  };
}
