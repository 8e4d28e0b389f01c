import type { Severity } from '../finding.ts';
import { addMonths, IsoDateSchema } from '../iso-date.ts';
import type { RuleRef } from '../rule.ts';
import { visibleAnswers } from '../templates/evaluate.ts';
import type { AnswerSet } from '../templates/answer.ts';
import { evaluateCondition } from '../templates/condition.ts';
import { formatDate, sentence } from '../templates/format.ts';
import { ruleOf } from '../templates/rules.ts';
import {
  templateQuestions,
  type Check,
  type Question,
  type Template,
} from '../templates/template-schema.ts';
import type { AnswerReader } from './reader.ts';

// The generic evaluator of compliance checks declared in template data (see CheckSchema).

export type CheckStatus = 'pass' | 'fail' | 'nvt' | 'unanswered';

export interface CheckResult {
  question: Question;
  check: Check;
  rule: RuleRef;
  severity: Severity;
  status: CheckStatus;
  /** Dutch: the answer and what it means against the rule. */
  detail: string;
}

function isValidDate(date: string | undefined): date is string {
  return date !== undefined && IsoDateSchema.safeParse(date).success;
}

function evaluateOne(
  question: Question & { check: Check },
  read: AnswerReader,
  effective: AnswerSet,
  inspectionDate: string | undefined,
): { status: CheckStatus; detail: string } {
  const status = read.status(question.id);
  if (status !== 'answered')
    return { status: 'unanswered', detail: sentence(read.describe(question.id)) };
  if (read.jaNee(question.id) === 'nvt')
    return { status: 'nvt', detail: sentence(read.describe(question.id)) };
  const check = question.check;
  const said = read.describe(question.id);
  if (check.kind === 'condition') {
    const pass = evaluateCondition(check.passWhen, effective, question.id);
    return {
      status: pass ? 'pass' : 'fail',
      detail: `${said} (${pass ? 'in orde' : 'afwijking'}).`,
    };
  }
  const date = read.date(question.id);
  if (date === undefined || !isValidDate(inspectionDate))
    return {
      status: 'unanswered',
      detail: `${said}; zonder geldige inspectiedatum is dit niet te beoordelen.`,
    };
  if (check.kind === 'not-expired') {
    const pass = date >= inspectionDate;
    return {
      status: pass ? 'pass' : 'fail',
      detail: pass
        ? `${said}, geldig op de inspectiedatum ${formatDate(inspectionDate)}.`
        : `${said}, verlopen vóór de inspectiedatum ${formatDate(inspectionDate)}.`,
    };
  }
  const earliest = addMonths(inspectionDate, -check.months);
  if (date > inspectionDate)
    return {
      status: 'unanswered',
      detail: `${said}, ligt na de inspectiedatum: controleer de datum.`,
    };
  const pass = date >= earliest;
  return {
    status: pass ? 'pass' : 'fail',
    detail: pass
      ? `${said}, binnen ${check.months} maanden vóór de inspectie.`
      : `${said}, langer dan ${check.months} maanden geleden (vóór ${formatDate(earliest)}).`,
  };
}

/** Every check on a visible question, in template order; hidden questions do not apply. */
export function evaluateChecks(
  template: Template,
  answers: AnswerSet,
  read: AnswerReader,
  inspectionDate: string | undefined,
): CheckResult[] {
  const effective = visibleAnswers(template, answers);
  const results: CheckResult[] = [];
  for (const question of templateQuestions(template)) {
    const check = question.check;
    if (check === undefined) continue;
    if (read.status(question.id) === 'hidden') continue;
    if (question.visibleWhen && !evaluateCondition(question.visibleWhen, effective)) continue;
    const outcome = evaluateOne({ ...question, check }, read, effective, inspectionDate);
    results.push({
      question,
      check,
      rule: ruleOf(check.rule),
      severity: check.severity,
      ...outcome,
    });
  }
  return results;
}
