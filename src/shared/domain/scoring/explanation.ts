import { z } from 'zod';
import { RuleRefSchema, type RuleRef } from '../rule.ts';
import { ruleOf } from '../templates/rules.ts';
import type { RuleCitation } from '../templates/template-schema.ts';

// Every score explains itself: which rule, what came out, from which answers, in Dutch. The
// UI shows these lines next to the result, and the rule's source is always at hand.

export const ExplanationOutcomeSchema = z.enum(['pass', 'fail', 'warn', 'info']);
export type ExplanationOutcome = z.infer<typeof ExplanationOutcomeSchema>;

export const ExplanationEntrySchema = z.object({
  rule: RuleRefSchema,
  outcome: ExplanationOutcomeSchema,
  /** Question ids whose answers this line used (or found missing). */
  answersUsed: z.array(z.string()),
  detail: z.string().min(1),
});
export type ExplanationEntry = z.infer<typeof ExplanationEntrySchema>;

export function explain(
  rule: RuleCitation | RuleRef,
  outcome: ExplanationOutcome,
  answersUsed: readonly string[],
  detail: string,
): ExplanationEntry {
  return { rule: ruleOf(rule), outcome, answersUsed: [...new Set(answersUsed)], detail };
}
