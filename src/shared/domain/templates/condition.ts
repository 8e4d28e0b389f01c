import { z } from 'zod';
import type { AnswerSet, AnswerValue } from './answer.ts';

// A small declarative condition language, so template logic is data (versioned, fingerprinted)
// and one evaluator serves visibility, photo requirements and compliance checks alike.
//
// A leaf without `question` refers to the question being evaluated itself (used by
// photoRequiredWhen and checks: "answer 'nee' needs a photo"). Every leaf except `answered` is
// false when its question has no answer: a condition speaks about answers that were given.
// Multi-choice answers: equals = the option is selected, in = any of the options is selected.

export const ScalarSchema = z.union([z.string(), z.number()]);
export type Scalar = z.infer<typeof ScalarSchema>;

const questionRef = z.string().min(1).optional();

export type Condition =
  | { op: 'equals' | 'notEquals'; question?: string; value: Scalar }
  | { op: 'in'; question?: string; values: Scalar[] }
  | { op: 'greaterThan' | 'lessThan' | 'atLeast' | 'atMost'; question?: string; value: number }
  | { op: 'answered'; question?: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      op: z.enum(['equals', 'notEquals']),
      question: questionRef,
      value: ScalarSchema,
    }),
    z.strictObject({ op: z.literal('in'), question: questionRef, values: z.array(ScalarSchema) }),
    z.strictObject({
      op: z.enum(['greaterThan', 'lessThan', 'atLeast', 'atMost']),
      question: questionRef,
      value: z.number(),
    }),
    z.strictObject({ op: z.literal('answered'), question: questionRef }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

/** The comparable content of an answer: a scalar, a list of selected ids, or nothing. */
function comparable(value: AnswerValue): Scalar | readonly string[] | undefined {
  switch (value.type) {
    case 'ja-nee':
    case 'single-choice':
    case 'date':
    case 'text':
    case 'number':
    case 'measurement':
      return value.value;
    case 'multi-choice':
      return value.value;
    case 'photo':
      return undefined;
  }
}

function matchesScalar(actual: Scalar | readonly string[], expected: Scalar): boolean {
  return Array.isArray(actual) ? actual.includes(String(expected)) : actual === expected;
}

function numeric(actual: Scalar | readonly string[] | undefined): number | undefined {
  return typeof actual === 'number' && Number.isFinite(actual) ? actual : undefined;
}

/** Evaluates a condition against the answers; `self` is the question a leaf without `question` means. */
export function evaluateCondition(
  condition: Condition,
  answers: AnswerSet,
  self?: string,
): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers, self));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers, self));
  if ('not' in condition) return !evaluateCondition(condition.not, answers, self);
  const questionId = condition.question ?? self;
  const answer = questionId === undefined ? undefined : answers[questionId];
  if (condition.op === 'answered') return answer !== undefined;
  if (answer === undefined) return false;
  const actual = comparable(answer.value);
  if (actual === undefined) return false;
  switch (condition.op) {
    case 'equals':
      return matchesScalar(actual, condition.value);
    case 'notEquals':
      return !matchesScalar(actual, condition.value);
    case 'in':
      return condition.values.some((value) => matchesScalar(actual, value));
    case 'greaterThan':
    case 'lessThan':
    case 'atLeast':
    case 'atMost': {
      const number = numeric(actual);
      if (number === undefined) return false;
      if (condition.op === 'greaterThan') return number > condition.value;
      if (condition.op === 'lessThan') return number < condition.value;
      if (condition.op === 'atLeast') return number >= condition.value;
      return number <= condition.value;
    }
  }
}

/** Every question id a condition reads (a leaf without `question` reads `self`). */
export function conditionQuestions(condition: Condition, self?: string): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionQuestions(c, self));
  if ('any' in condition) return condition.any.flatMap((c) => conditionQuestions(c, self));
  if ('not' in condition) return conditionQuestions(condition.not, self);
  const questionId = condition.question ?? self;
  return questionId === undefined ? [] : [questionId];
}

/** Every leaf of a condition, for integrity checks on referenced option ids. */
export function conditionLeaves(
  condition: Condition,
): Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>[] {
  if ('all' in condition) return condition.all.flatMap(conditionLeaves);
  if ('any' in condition) return condition.any.flatMap(conditionLeaves);
  if ('not' in condition) return conditionLeaves(condition.not);
  return [condition];
}
