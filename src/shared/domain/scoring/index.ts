import type { EnergyLabelRecord } from '../energy-label.ts';
import type { AnswerSet } from '../templates/answer.ts';
import { missingRequired } from '../templates/evaluate.ts';
import type { Template } from '../templates/template-schema.ts';
import { scoreBrandveiligheid, type BrandveiligheidResult } from './brandveiligheidsronde.ts';
import { scoreEnergieOpname, type EnergieOpnameResult } from './energie-opname.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import { scoreOndertoppen, type OndertoppenResult } from './ondertoppen-scan.ts';
import { scoreOptoppen, type OptoppenResult } from './optoppen-scan.ts';
import { createReader } from './reader.ts';
import { scoreSplitsen, type SplitsenResult } from './splitsen-scan.ts';
import { scoreZorggeschiktheid, type ZorgResult } from './zorggeschiktheid.ts';

export * from './brandveiligheidsronde.ts';
export * from './checks.ts';
export * from './criteria.ts';
export * from './energie-opname.ts';
export * from './explanation.ts';
export * from './new-dwelling.ts';
export * from './ondertoppen-scan.ts';
export * from './optoppen-scan.ts';
export * from './potential.ts';
export * from './reader.ts';
export * from './splitsen-scan.ts';
export * from './zorggeschiktheid.ts';

/** What scoring needs besides the answers; all of it comes from the inspection and portfolio. */
export interface ScoreContext {
  /** 'YYYY-MM-DD': the day of the inspection (due dates, certificate expiry, label validity). */
  inspectionDate: string;
  /** 'YYYY-MM-DD': the planned next round (brandveiligheidsronde, for 'gering' deviations). */
  nextRoundDate?: string;
  /** The dwelling's registered labels (EP-online and earlier recordings), for energie-opname. */
  labelRecords?: readonly EnergyLabelRecord[];
}

interface ScoreBase {
  templateVersion: number;
  explanation: ExplanationEntry[];
  /** Required visible questions without a valid, confirmed answer (template order). */
  unanswered: string[];
}

export type InspectionScore = ScoreBase &
  (
    | { module: 'optoppen-scan'; result: OptoppenResult }
    | { module: 'ondertoppen-scan'; result: OndertoppenResult }
    | { module: 'splitsen-scan'; result: SplitsenResult }
    | { module: 'energie-opname'; result: EnergieOpnameResult }
    | { module: 'brandveiligheidsronde'; result: BrandveiligheidResult }
    | { module: 'zorggeschiktheid'; result: ZorgResult }
  );

/**
 * Scores an inspection with the template version it was made with. Pure and total: missing,
 * hidden or invalid answers are explained, never thrown.
 */
export function scoreInspection(
  template: Template,
  answers: AnswerSet,
  context: ScoreContext,
): InspectionScore {
  const read = createReader(template, answers);
  const base = {
    templateVersion: template.version,
    unanswered: missingRequired(template, answers),
  };
  const unconfirmed = read.unconfirmedUsed();
  const carried: ExplanationEntry[] =
    unconfirmed.length === 0
      ? []
      : [
          explain(
            'inspectie.overgenomen-antwoord',
            'warn',
            unconfirmed,
            `Gerekend met ${unconfirmed.length} overgenomen, nog niet bevestigde antwoord(en): ${unconfirmed.map((id) => read.label(id)).join('; ')}.`,
          ),
        ];
  const withBase = <T>(scored: { result: T; explanation: ExplanationEntry[] }) => ({
    ...base,
    result: scored.result,
    explanation: [...scored.explanation, ...carried],
  });
  switch (template.id) {
    case 'optoppen-scan':
      return { module: template.id, ...withBase(scoreOptoppen(read)) };
    case 'ondertoppen-scan':
      return { module: template.id, ...withBase(scoreOndertoppen(read)) };
    case 'splitsen-scan':
      return { module: template.id, ...withBase(scoreSplitsen(read)) };
    case 'energie-opname':
      return { module: template.id, ...withBase(scoreEnergieOpname(read, context)) };
    case 'brandveiligheidsronde':
      return { module: template.id, ...withBase(scoreBrandveiligheid(read, answers, context)) };
    case 'zorggeschiktheid':
      return { module: template.id, ...withBase(scoreZorggeschiktheid(read)) };
  }
}
