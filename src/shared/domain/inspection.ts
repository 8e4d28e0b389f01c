import { z } from 'zod';
import { EntityIdSchema } from './entity-id.ts';
import { GeoPositionSchema } from './finding.ts';
import { IsoDateSchema, IsoDateTimeSchema } from './iso-date.ts';
import { ModuleIdSchema, TargetLevelSchema } from './module.ts';
import { scoreInspection, type InspectionScore, type ScoreContext } from './scoring/index.ts';
import { isUnconfirmed, type Answer, type AnswerSet } from './templates/answer.ts';
import {
  missingRequired,
  photoRequirementsUnmet,
  questionStates,
  validateAnswer,
} from './templates/evaluate.ts';
import { getTemplate } from './templates/registry.ts';
import { findQuestion, type Template } from './templates/template-schema.ts';

// An inspection: the record as the device stores and the server syncs it (one schema for both),
// and the pure rules around it: which template version it was made with, whether its answers fit
// that version, whether it may be finished, and carrying answers forward.

/** An inspection always records the exact template version it was started with. */
export const InspectionTemplateRefSchema = z.object({
  templateId: ModuleIdSchema,
  templateVersion: z.number().int().positive(),
});
export type InspectionTemplateRef = z.infer<typeof InspectionTemplateRefSchema>;

export const InspectionStatusSchema = z.enum(['planned', 'draft', 'finished', 'reopened']);
export type InspectionStatus = z.infer<typeof InspectionStatusSchema>;

export const InspectionRecordSchema = z.object({
  id: EntityIdSchema,
  module: ModuleIdSchema,
  /** Template id and version the form was started with; an old draft keeps its version. */
  ...InspectionTemplateRefSchema.shape,
  targetLevel: TargetLevelSchema,
  /** Id of the complex, pand or verblijfsobject inspected. */
  targetId: EntityIdSchema,
  /** The complex the target belongs to, so a complex lists all its inspections at once. */
  complexId: EntityIdSchema,
  status: InspectionStatusSchema,
  plannedFor: IsoDateSchema.optional(),
  startedAt: IsoDateTimeSchema.optional(),
  finishedAt: IsoDateTimeSchema.optional(),
  inspectorId: z.string().min(1).optional(),
  position: GeoPositionSchema.optional(),
  /** The finished inspection whose answers were carried forward into this one. */
  carriedForwardFrom: EntityIdSchema.optional(),
});
export type InspectionRecord = z.infer<typeof InspectionRecordSchema>;

/**
 * Whether an inspection is the given user's to carry out: assigned to them, or to nobody (made
 * before assignments existed). Work of a colleague syncs to every device of the organisation but
 * is not offered to continue: the server lets only the owner or the assigned inspector edit it.
 */
export function isOwnInspection(
  inspection: { inspectorId?: string | undefined },
  userId: string | undefined,
): boolean {
  return (
    userId === undefined ||
    inspection.inspectorId === undefined ||
    inspection.inspectorId === userId
  );
}

export type TemplateLookup = { ok: true; template: Template } | { ok: false; error: string };

/** The template version of an inspection; older versions stay available after a newer one ships. */
export function templateForInspection(ref: InspectionTemplateRef): TemplateLookup {
  const template = getTemplate(ref.templateId, ref.templateVersion);
  return template
    ? { ok: true, template }
    : {
        ok: false,
        error: `Deze inspectie gebruikt versie ${ref.templateVersion} van de vragenlijst ${ref.templateId}, die deze app niet kent. Werk de app bij.`,
      };
}

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** Every stored answer that does not fit the template version (unknown question, wrong key, invalid value). */
export function answerProblems(template: Template, answers: AnswerSet): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [key, answer] of Object.entries(answers)) {
    if (answer === undefined) continue;
    if (answer.questionId !== key)
      problems.push({
        questionId: key,
        message: `Antwoord staat onder '${key}' maar hoort bij '${answer.questionId}'.`,
      });
    const question = findQuestion(template, answer.questionId);
    if (!question) {
      problems.push({
        questionId: answer.questionId,
        message: `Vraag '${answer.questionId}' bestaat niet in versie ${template.version} van deze vragenlijst.`,
      });
      continue;
    }
    for (const message of validateAnswer(question, answer.value))
      problems.push({ questionId: answer.questionId, message });
  }
  return problems;
}

export interface CompletionCheck {
  canFinish: boolean;
  /** Required visible questions without a valid, confirmed answer. */
  missing: string[];
  /** Visible answers that require a photo that is not attached. */
  photosMissing: string[];
  /** Visible carried-forward answers the inspector has not confirmed. */
  unconfirmed: string[];
  /** Problems of visible answers (hidden answers are kept but do not count). */
  invalid: AnswerProblem[];
}

/** Whether an inspection may be finished, and if not, exactly what is still open. */
export function completionCheck(template: Template, answers: AnswerSet): CompletionCheck {
  const states = questionStates(template, answers).filter((state) => state.visible);
  const visibleIds = new Set(states.map((state) => state.question.id));
  const invalid = answerProblems(template, answers).filter((problem) =>
    visibleIds.has(problem.questionId),
  );
  const unconfirmed = states.filter((state) => state.unconfirmed).map((state) => state.question.id);
  const missing = missingRequired(template, answers);
  const photosMissing = photoRequirementsUnmet(template, answers);
  return {
    canFinish:
      missing.length === 0 &&
      photosMissing.length === 0 &&
      unconfirmed.length === 0 &&
      invalid.length === 0,
    missing,
    photosMissing,
    unconfirmed,
    invalid,
  };
}

/**
 * Answers of a finished inspection copied into a new one (an identical dwelling, or the next
 * round), marked unconfirmed. Only answers that still fit the target template are copied:
 * the question exists there with the same answer type and the value is valid for it. Photos
 * stay with the dwelling they show, so photo answers and attached photos are not copied.
 */
export function carryForwardAnswers(
  source: { inspectionId: string; answers: AnswerSet },
  target: Template,
  at: string,
): AnswerSet {
  const copied: Record<string, Answer> = {};
  for (const answer of Object.values(source.answers)) {
    if (answer === undefined) continue;
    const question = findQuestion(target, answer.questionId);
    if (!question || question.type === 'photo' || question.type !== answer.value.type) continue;
    if (validateAnswer(question, answer.value).length > 0) continue;
    copied[answer.questionId] = {
      questionId: answer.questionId,
      value: answer.value,
      answeredAt: at,
      carriedForwardFrom: { inspectionId: source.inspectionId, unconfirmed: true },
    };
  }
  return copied;
}

/** The inspector confirms a carried-forward answer on site. */
export function confirmAnswer(answer: Answer, at: string): Answer {
  if (!isUnconfirmed(answer) || answer.carriedForwardFrom === undefined) return answer;
  return {
    ...answer,
    answeredAt: at,
    carriedForwardFrom: { ...answer.carriedForwardFrom, unconfirmed: false },
  };
}

/** Scores an inspection with its own template version; an unknown version is an error result, not a throw. */
export function scoreInspectionWithVersion(
  ref: InspectionTemplateRef,
  answers: AnswerSet,
  context: ScoreContext,
): { ok: true; score: InspectionScore } | { ok: false; error: string } {
  const lookup = templateForInspection(ref);
  return lookup.ok
    ? { ok: true, score: scoreInspection(lookup.template, answers, context) }
    : lookup;
}
