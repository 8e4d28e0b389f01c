import { dueDateForSeverity } from '../action.ts';
import type { Severity } from '../finding.ts';
import { IsoDateSchema } from '../iso-date.ts';
import type { RuleRef } from '../rule.ts';
import { rules } from '../rule.ts';
import type { AnswerSet } from '../templates/answer.ts';
import { photoRequirementsUnmet } from '../templates/evaluate.ts';
import { formatDate } from '../templates/format.ts';
import type { Template } from '../templates/template-schema.ts';
import { evaluateChecks } from './checks.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import type { AnswerReader } from './reader.ts';

// Fire-safety round: compliance over the applicable checks (visible, answered, not n.v.t.),
// and every deviation with the severity its question declares and a proposed action with a due
// date (direct gevaar: today; ernstig: within 30 days; gering: next round).

export interface Deviation {
  questionId: string;
  label: string;
  severity: Severity;
  rule: RuleRef;
  /** The proposed action, in Dutch, as declared in the template. */
  action: string;
  /** Null when the inspection date is unknown or invalid. */
  dueDate: string | null;
  /** A non-compliant answer needs a photo; true while it has none. */
  photoMissing: boolean;
}

export interface BrandveiligheidResult {
  /** 0-100 over answered applicable checks; null when none is answered. */
  compliancePercent: number | null;
  /** Applicable checks that were answered (the denominator of the percentage). */
  assessed: number;
  compliant: number;
  deviations: Deviation[];
  /** Visible checks without an answer (not counted in the percentage). */
  unansweredChecks: string[];
}

const severityOrder: Readonly<Record<Severity, number>> = {
  'direct-gevaar': 0,
  ernstig: 1,
  gering: 2,
};
const severityText: Readonly<Record<Severity, string>> = {
  // The finding's urgency words, never the NEN 2767 defect words (ernstig/serieus/gering).
  'direct-gevaar': 'direct gevaar',
  ernstig: 'hoog',
  gering: 'laag',
};
const dueRule: Readonly<Record<Severity, RuleRef>> = {
  'direct-gevaar': rules['actie.termijn.direct-gevaar'],
  ernstig: rules['actie.termijn.ernstig'],
  gering: rules['actie.termijn.gering'],
};

export function scoreBrandveiligheid(
  read: AnswerReader,
  answers: AnswerSet,
  context: { inspectionDate: string; nextRoundDate?: string },
): { result: BrandveiligheidResult; explanation: ExplanationEntry[] } {
  const template: Template = read.template;
  const explanation: ExplanationEntry[] = [];
  const dateOk = IsoDateSchema.safeParse(context.inspectionDate).success;
  const nextRoundOk =
    context.nextRoundDate !== undefined && IsoDateSchema.safeParse(context.nextRoundDate).success;
  if (!dateOk)
    explanation.push(
      explain(
        rules['actie.termijn.ernstig'],
        'warn',
        [],
        'Geen geldige inspectiedatum: termijnen van acties zijn niet berekend.',
      ),
    );
  if (context.nextRoundDate !== undefined && !nextRoundOk)
    explanation.push(
      explain(
        rules['actie.termijn.gering'],
        'warn',
        [],
        'De datum van de volgende ronde is ongeldig en wordt genegeerd.',
      ),
    );

  const results = evaluateChecks(
    template,
    answers,
    read,
    dateOk ? context.inspectionDate : undefined,
  );
  const missingPhotos = new Set(photoRequirementsUnmet(template, answers));
  const deviations: Deviation[] = [];
  for (const result of results) {
    const id = result.question.id;
    if (result.status === 'pass')
      explanation.push(explain(result.rule, 'pass', [id], result.detail));
    else if (result.status === 'nvt')
      explanation.push(explain(result.rule, 'info', [id], result.detail));
    else if (result.status === 'unanswered')
      explanation.push(explain(result.rule, 'warn', [id], result.detail));
    else {
      const dueDate = dateOk
        ? dueDateForSeverity(
            result.severity,
            context.inspectionDate,
            nextRoundOk ? context.nextRoundDate : undefined,
          )
        : null;
      const deviation: Deviation = {
        questionId: id,
        label: result.question.label.nl,
        severity: result.severity,
        rule: result.rule,
        action: result.check.action.nl,
        dueDate,
        photoMissing: missingPhotos.has(id),
      };
      deviations.push(deviation);
      explanation.push(
        explain(
          result.rule,
          'fail',
          [id],
          `${result.detail} Urgentie: ${severityText[result.severity]}. Actie: ${deviation.action}${dueDate ? ` Uiterlijk ${formatDate(dueDate)} (${dueRule[result.severity].text})` : ''}${deviation.photoMissing ? ' Foto ontbreekt nog.' : ''}`,
        ),
      );
    }
  }
  deviations.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);

  const answered = results.filter((result) => result.status === 'pass' || result.status === 'fail');
  const compliant = answered.filter((result) => result.status === 'pass').length;
  const compliancePercent =
    answered.length === 0 ? null : Math.round((compliant / answered.length) * 100);
  const unansweredChecks = results
    .filter((result) => result.status === 'unanswered')
    .map((result) => result.question.id);
  explanation.push(
    explain(
      'brand.ernst',
      deviations.length === 0 ? (unansweredChecks.length === 0 ? 'pass' : 'warn') : 'fail',
      results.map((result) => result.question.id),
      compliancePercent === null
        ? 'Nog geen controlepunt beantwoord: naleving niet te bepalen.'
        : `Naleving ${compliancePercent}% (${compliant} van ${answered.length} beantwoorde controlepunten in orde); ${deviations.length} afwijking(en)${unansweredChecks.length > 0 ? `, ${unansweredChecks.length} niet beantwoord` : ''}.`,
    ),
  );
  return {
    result: {
      compliancePercent,
      assessed: answered.length,
      compliant,
      deviations,
      unansweredChecks,
    },
    explanation,
  };
}
