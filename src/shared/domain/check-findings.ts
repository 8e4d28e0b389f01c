// Failed template checks become findings with an action when an inspection is finished. The ids
// are derived from (inspection, question), so finishing again after a correction (on this or any
// other device) updates the same finding and action instead of adding a second one.
import { dueDateForSeverity } from './action.ts';
import type { Severity } from './finding.ts';
import type { ModuleId } from './module.ts';
import type { Role } from './role.ts';
import { createReader } from './scoring/reader.ts';
import { evaluateChecks } from './scoring/checks.ts';
import type { AnswerSet } from './templates/answer.ts';
import type { Template } from './templates/template-schema.ts';

/** A check that failed: what the finding and its action will say. */
export interface FailedCheck {
  questionId: string;
  /** Dutch question label. */
  label: string;
  /** The group title, used as the finding's location ("Vluchtwegen"). */
  location: string;
  /** The answer and why it fails (Dutch). */
  detail: string;
  severity: Severity;
  /** The proposed action of the template (Dutch). */
  action: string;
  dueDate: string;
  /** Photos of the answer, so the finding and its action show what was seen. */
  photoIds: string[];
}

/** Who follows up a deviation of a module's checks. */
export function checkOwnerRole(module: ModuleId): Role {
  switch (module) {
    case 'brandveiligheidsronde':
      return 'veiligheid';
    case 'energie-opname':
      return 'duurzaamheid';
    default:
      return 'beheerder';
  }
}

/** Every failed check on a visible question, in template order, with its action's due date. */
export function failedChecks(
  template: Template,
  answers: AnswerSet,
  inspectionDate: string,
  nextRoundDate?: string,
): FailedCheck[] {
  const read = createReader(template, answers);
  const groupOf = new Map<string, string>();
  for (const group of template.groups)
    for (const question of group.questions) groupOf.set(question.id, group.title.nl);
  return evaluateChecks(template, answers, read, inspectionDate)
    .filter((result) => result.status === 'fail')
    .map((result) => ({
      questionId: result.question.id,
      label: result.question.label.nl,
      location: groupOf.get(result.question.id) ?? result.question.label.nl,
      detail: result.detail,
      severity: result.severity,
      action: result.check.action.nl,
      dueDate: dueDateForSeverity(result.severity, inspectionDate, nextRoundDate),
      photoIds: [...(answers[result.question.id]?.photoIds ?? [])],
    }));
}

/** The ids of the finding and the action a failed check of one inspection gets. */
export function checkRecordIds(
  inspectionId: string,
  questionId: string,
): { findingId: string; actionId: string } {
  return {
    findingId: derivedUuid(`${inspectionId}/${questionId}/finding`),
    actionId: derivedUuid(`${inspectionId}/${questionId}/action`),
  };
}

/**
 * A UUID (version 8, RFC 9562 "custom") from a name: 128 bits of four independent 32-bit
 * multiply-xorshift hashes. Deterministic, no crypto API needed inside a Dexie transaction; not
 * a security measure (the server decides ownership from the stored inspection).
 */
export function derivedUuid(name: string): string {
  const words = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f].map((seed) => {
    let h = seed ^ name.length;
    for (let index = 0; index < name.length; index += 1) {
      h = Math.imul(h ^ name.charCodeAt(index), 0x5bd1e995);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  });
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
