import type { RuleRef } from '../rule.ts';
import { formatQuantity, sentence } from '../templates/format.ts';
import type { RuleCitation } from '../templates/template-schema.ts';
import { ruleOf } from '../templates/rules.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import type { AnswerReader } from './reader.ts';

// A criterion is one rule applied to one or more answers. Modules whose logic is a list of
// criteria (new dwellings, zorggeschiktheid) declare them with these helpers and share the
// evaluation and its explanation.

export type CriterionStatus = 'pass' | 'fail' | 'nvt' | 'unanswered';

export interface CriterionOutcome {
  status: CriterionStatus;
  detail: string;
}

export interface Criterion {
  id: string;
  rule: RuleCitation;
  questions: readonly string[];
  /** A failure that is hard to solve (no daylight, too low) rather than a matter of layout. */
  blocking?: boolean;
  evaluate(read: AnswerReader): CriterionOutcome;
}

export interface CriterionResult {
  id: string;
  rule: RuleRef;
  blocking: boolean;
  status: CriterionStatus;
  detail: string;
  questions: string[];
}

/** An 'unanswered' outcome naming every input that is missing or invalid; undefined when all are there. */
export function requireAnswers(
  read: AnswerReader,
  ids: readonly string[],
): CriterionOutcome | undefined {
  const missing = ids.filter((id) => read.status(id) !== 'answered');
  if (missing.length === 0) return undefined;
  return {
    status: 'unanswered',
    detail: `Niet te beoordelen: ${missing.map((id) => read.describe(id)).join('; ')}.`,
  };
}

export function runCriterion(criterion: Criterion, read: AnswerReader): CriterionResult {
  const outcome = criterion.evaluate(read);
  return {
    id: criterion.id,
    rule: ruleOf(criterion.rule),
    blocking: criterion.blocking ?? false,
    status: outcome.status,
    detail: outcome.detail,
    // A question missing from an older template version was not used (scoring-references.test.ts
    // checks every id exists in the latest version, so this never hides a typo).
    questions: criterion.questions.filter((id) => read.status(id) !== 'absent'),
  };
}

export function runCriteria(criteria: readonly Criterion[], read: AnswerReader): CriterionResult[] {
  return criteria.map((criterion) => runCriterion(criterion, read));
}

const outcomeOf = { pass: 'pass', fail: 'fail', nvt: 'info', unanswered: 'warn' } as const;

export function criterionExplanation(result: CriterionResult): ExplanationEntry {
  return explain(result.rule, outcomeOf[result.status], result.questions, result.detail);
}

type Comparison = 'atLeast' | 'atMost' | 'below';

const compare: Readonly<Record<Comparison, (value: number, limit: number) => boolean>> = {
  atLeast: (value, limit) => value >= limit,
  atMost: (value, limit) => value <= limit,
  below: (value, limit) => value < limit,
};

const failWord: Readonly<Record<Comparison, string>> = {
  atLeast: 'is minder dan',
  atMost: 'is meer dan',
  below: 'is niet minder dan',
};

const passWord: Readonly<Record<Comparison, string>> = {
  atLeast: 'is ten minste',
  atMost: 'is ten hoogste',
  below: 'is minder dan',
};

/** When it returns applies: false, the criterion does not apply (n.v.t.) with this reason. */
type AppliesCheck = (read: AnswerReader) => { applies: boolean; reason: string };

interface SingleQuestionSpec {
  id: string;
  blocking?: boolean;
  rule: RuleCitation;
  question: string;
  applies?: AppliesCheck;
}

/** A criterion on one question: n.v.t. when `applies` says so, otherwise `judge` decides. */
function singleQuestionCriterion(
  spec: SingleQuestionSpec,
  judge: (read: AnswerReader) => CriterionOutcome,
): Criterion {
  return {
    id: spec.id,
    rule: spec.rule,
    blocking: spec.blocking ?? false,
    questions: [spec.question],
    evaluate(read) {
      if (spec.applies) {
        const { applies, reason } = spec.applies(read);
        if (!applies) return { status: 'nvt', detail: reason };
      }
      return judge(read);
    },
  };
}

/** A single measurement against a limit ("vrije hoogte 2,55 m is minder dan 2,6 m"). */
export function numericCriterion(
  spec: SingleQuestionSpec & {
    comparison: Comparison;
    limit: number;
    unit: string;
    what: string;
  },
): Criterion {
  return singleQuestionCriterion(spec, (read) => {
    const value = read.number(spec.question);
    if (value === undefined) return requireAnswers(read, [spec.question]) ?? missingValue;
    const pass = compare[spec.comparison](value, spec.limit);
    const word = pass ? passWord[spec.comparison] : failWord[spec.comparison];
    return {
      status: pass ? 'pass' : 'fail',
      detail: `${spec.what} ${formatQuantity(value, spec.unit)} ${word} ${formatQuantity(spec.limit, spec.unit)}.`,
    };
  });
}

/** A ja/nee answer where ja is required ("eigen entree mogelijk: nee"). */
export function jaCriterion(spec: SingleQuestionSpec & { pass: string; fail: string }): Criterion {
  return singleQuestionCriterion(spec, (read) => {
    const answer = read.jaNee(spec.question);
    if (answer === undefined) return requireAnswers(read, [spec.question]) ?? missingValue;
    if (answer === 'nvt') return { status: 'nvt', detail: sentence(read.describe(spec.question)) };
    return answer === 'ja'
      ? { status: 'pass', detail: spec.pass }
      : { status: 'fail', detail: spec.fail };
  });
}

// Only reachable if a question's type and the criterion's expectation disagree.
const missingValue: CriterionOutcome = {
  status: 'unanswered',
  detail: 'Niet te beoordelen: het antwoord heeft niet het verwachte soort.',
};
