// What the group stepper says per group: how many visible questions still need something, each
// counted once whatever it needs (an answer, a confirmation of a copied answer, a valid value or
// a required photo). "Compleet" means none: a missing required photo keeps a group open.
import type { QuestionState } from '../../../shared/domain/templates/evaluate.ts';
import type { Template } from '../../../shared/domain/templates/template-schema.ts';

export interface GroupStatus {
  /** Visible questions that still need something. */
  open: number;
}

export function groupStatuses(
  template: Template,
  states: readonly QuestionState[],
  missing: ReadonlySet<string>,
): GroupStatus[] {
  const byId = new Map(states.map((state) => [state.question.id, state]));
  return template.groups.map((group) => {
    let open = 0;
    for (const question of group.questions) {
      const state = byId.get(question.id);
      if (!state?.visible) continue;
      if (missing.has(question.id) || state.unconfirmed || state.photoMissing) open += 1;
    }
    return { open };
  });
}
