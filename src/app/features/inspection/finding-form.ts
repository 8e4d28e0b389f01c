// The finding form as plain data: what a half-filled form holds, what is still wrong with it,
// and the due date proposed from the severity (direct gevaar today, ernstig within 30 days,
// gering by the next round; shared/domain/action.ts).
import { dueDateForSeverity } from '../../../shared/domain/action.ts';
import type { Severity } from '../../../shared/domain/finding.ts';
import type { ModuleId } from '../../../shared/domain/module.ts';
import type {
  Nen2767Ernst,
  Nen2767Intensiteit,
  Nen2767Omvang,
  Nen2767Rating,
} from '../../../shared/domain/nen2767.ts';
import type { Role } from '../../../shared/domain/role.ts';
import type { NewAction, NewFinding } from '../../db/index.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface FindingDraft {
  location: string;
  description: string;
  severity: Severity | '';
  nenEnabled: boolean;
  ernst: Nen2767Ernst | '';
  intensiteit: Nen2767Intensiteit | 0;
  omvang: Nen2767Omvang | 0;
}

export interface ActionDraft {
  enabled: boolean;
  what: string;
  ownerRole: Role;
  dueDate: string;
  /** The inspector chose the date; a later severity change no longer replaces it. */
  dueDateEdited: boolean;
}

export interface NewFindingDraft {
  finding: FindingDraft;
  action: ActionDraft;
}

/** Who usually acts on a finding of this module. */
export function defaultOwnerRole(module: ModuleId): Role {
  if (module === 'brandveiligheidsronde') return 'veiligheid';
  if (module === 'energie-opname') return 'duurzaamheid';
  return 'beheerder';
}

export function emptyFindingDraft(): FindingDraft {
  return {
    location: '',
    description: '',
    severity: '',
    nenEnabled: false,
    ernst: '',
    intensiteit: 0,
    omvang: 0,
  };
}

export function emptyNewFindingDraft(module: ModuleId): NewFindingDraft {
  return {
    finding: emptyFindingDraft(),
    action: {
      enabled: true,
      what: '',
      ownerRole: defaultOwnerRole(module),
      dueDate: '',
      dueDateEdited: false,
    },
  };
}

/** Applies a new severity: the due date follows it unless the inspector picked a date. */
export function withSeverity(
  draft: NewFindingDraft,
  severity: Severity,
  today: string,
): NewFindingDraft {
  return {
    finding: { ...draft.finding, severity },
    action: draft.action.dueDateEdited
      ? draft.action
      : { ...draft.action, dueDate: dueDateForSeverity(severity, today) },
  };
}

export function nenRating(draft: FindingDraft): Nen2767Rating | undefined {
  if (!draft.nenEnabled || !draft.ernst || !draft.intensiteit || !draft.omvang) return undefined;
  return { ernst: draft.ernst, intensiteit: draft.intensiteit, omvang: draft.omvang };
}

export type FindingField = 'location' | 'description' | 'severity' | 'nen';
export type ActionField = 'what' | 'dueDate';

export function findingProblems(draft: FindingDraft): Partial<Record<FindingField, MessageKey>> {
  const problems: Partial<Record<FindingField, MessageKey>> = {};
  if (!draft.location.trim()) problems.location = 'finding.error.location';
  if (!draft.description.trim()) problems.description = 'finding.error.description';
  if (!draft.severity) problems.severity = 'finding.error.severity';
  if (draft.nenEnabled && !nenRating(draft)) problems.nen = 'finding.error.nen';
  return problems;
}

export function actionProblems(draft: ActionDraft): Partial<Record<ActionField, MessageKey>> {
  if (!draft.enabled) return {};
  const problems: Partial<Record<ActionField, MessageKey>> = {};
  if (!draft.what.trim()) problems.what = 'action.error.what';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) problems.dueDate = 'action.error.dueDate';
  return problems;
}

export function toNewFinding(draft: FindingDraft): NewFinding {
  if (!draft.severity) throw new Error('A finding needs a severity (check findingProblems first).');
  const rating = nenRating(draft);
  return {
    location: draft.location.trim(),
    description: draft.description.trim(),
    severity: draft.severity,
    ...(rating && { nen2767: rating }),
  };
}

export function toNewAction(
  draft: ActionDraft,
  context: { moduleId: ModuleId; pandId: string | undefined },
): Omit<NewAction, 'findingId' | 'inspectionId'> {
  return {
    what: draft.what.trim(),
    ownerRole: draft.ownerRole,
    dueDate: draft.dueDate,
    moduleId: context.moduleId,
    ...(context.pandId && { pandId: context.pandId }),
  };
}
