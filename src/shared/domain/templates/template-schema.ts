import { z } from 'zod';
import { SeveritySchema } from '../finding.ts';
import { ModuleIdSchema, TargetLevelSchema } from '../module.ts';
import { RuleRefSchema } from '../rule.ts';
import { MeasurementUnitSchema } from './answer.ts';
import { ConditionSchema } from './condition.ts';

// A template is versioned declarative data: the app renders it, the evaluator reads it, and a
// shipped version never changes (registry.test.ts fingerprints each one). Templates are domain
// data, so their Dutch text lives here, with an optional English variant.

export const LocalizedTextSchema = z.strictObject({
  nl: z.string().min(1, { error: 'Nederlandse tekst ontbreekt.' }),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A rule cited by id (see templates/rules.ts and rule.ts) or inline. */
export const RuleCitationSchema = z.union([z.string().min(1), RuleRefSchema]);
export type RuleCitation = z.infer<typeof RuleCitationSchema>;

export const HelpSchema = z.strictObject({
  text: LocalizedTextSchema,
  /** The rules (with their sources) this question establishes; at least one. */
  rules: z.array(RuleCitationSchema).min(1, { error: 'Een helptekst noemt minstens één bron.' }),
});
export type Help = z.infer<typeof HelpSchema>;

// Stable within a template lineage: v2 keeps v1's ids for the same question, so answers and
// carried-forward values keep their meaning across versions.
export const QuestionIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'Vraag-id: kleine letters, cijfers en streepjes.',
});

/**
 * A compliance check declared on a question (brandveiligheidsronde): when it fails it is a
 * deviation of the declared severity, with a proposed action.
 */
export const CheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('condition'),
    rule: RuleCitationSchema,
    passWhen: ConditionSchema,
    severity: SeveritySchema,
    action: LocalizedTextSchema,
  }),
  /** A date answer (certificate valid until) that must not lie before the inspection date. */
  z.strictObject({
    kind: z.literal('not-expired'),
    rule: RuleCitationSchema,
    severity: SeveritySchema,
    action: LocalizedTextSchema,
  }),
  /** A date answer (last maintenance) that must lie within `months` before the inspection date. */
  z.strictObject({
    kind: z.literal('recent'),
    months: z.number().int().positive(),
    rule: RuleCitationSchema,
    severity: SeveritySchema,
    action: LocalizedTextSchema,
  }),
]);
export type Check = z.infer<typeof CheckSchema>;

export const OptionSchema = z.strictObject({
  id: QuestionIdSchema,
  label: LocalizedTextSchema,
});
export type Option = z.infer<typeof OptionSchema>;

const base = {
  id: QuestionIdSchema,
  label: LocalizedTextSchema,
  required: z.boolean(),
  help: HelpSchema,
  visibleWhen: ConditionSchema.optional(),
  photoRequiredWhen: ConditionSchema.optional(),
  check: CheckSchema.optional(),
};

const range = {
  min: z.number().finite(),
  max: z.number().finite(),
  /** Decimals allowed (0 = whole numbers). */
  decimals: z.number().int().min(0).max(4),
};

export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('ja-nee'), allowNvt: z.boolean() }),
  z.strictObject({
    ...base,
    type: z.literal('single-choice'),
    options: z.array(OptionSchema).min(2),
  }),
  z.strictObject({
    ...base,
    type: z.literal('multi-choice'),
    options: z.array(OptionSchema).min(2),
  }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    unit: z.string().min(1).optional(),
    ...range,
  }),
  z.strictObject({
    ...base,
    type: z.literal('measurement'),
    unit: MeasurementUnitSchema,
    ...range,
  }),
  z.strictObject({ ...base, type: z.literal('date') }),
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().positive() }),
  z.strictObject({ ...base, type: z.literal('photo'), maxPhotos: z.number().int().positive() }),
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];

export const GroupSchema = z.strictObject({
  id: QuestionIdSchema,
  title: LocalizedTextSchema,
  questions: z.array(QuestionSchema).min(1),
});
export type Group = z.infer<typeof GroupSchema>;

export const TemplateSchema = z.strictObject({
  id: ModuleIdSchema,
  version: z.number().int().positive(),
  title: LocalizedTextSchema,
  /** Portfolio levels an inspection with this template attaches to. */
  levels: z.array(TargetLevelSchema).min(1),
  /** Shown with every result of this module (e.g. "a quick scan only ranks candidates"). */
  disclaimer: LocalizedTextSchema.optional(),
  /** What changed against the previous version, for the people who see both. */
  changes: LocalizedTextSchema.optional(),
  groups: z.array(GroupSchema).min(1),
});
export type Template = z.infer<typeof TemplateSchema>;

/** All questions in template order. */
export function templateQuestions(template: Template): Question[] {
  return template.groups.flatMap((group) => group.questions);
}

export function findQuestion(template: Template, questionId: string): Question | undefined {
  for (const group of template.groups)
    for (const question of group.questions) if (question.id === questionId) return question;
  return undefined;
}
