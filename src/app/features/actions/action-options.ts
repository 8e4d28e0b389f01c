// What the Acties screen offers and how it orders the list. The UI only offers transitions the
// signed-in role may make; the store (applyActionTransition) and the server stay the authority.
import {
  actionTransitions,
  mayCloseAction,
  type Action,
  type ActionStatus,
} from '../../../shared/domain/action.ts';
import type { Severity } from '../../../shared/domain/finding.ts';
import { compareIsoDate, addDays } from '../../../shared/domain/iso-date.ts';
import type { Role } from '../../../shared/domain/role.ts';

export interface TransitionOption {
  to: ActionStatus;
  requiresNote: boolean;
}

const closing: readonly ActionStatus[] = ['afgerond', 'vervallen'];

/** The status changes this role may make on this action, in the transition table's order. */
export function transitionOptions(
  action: Pick<Action, 'status' | 'moduleId'>,
  role: Role,
): TransitionOption[] {
  const rules = actionTransitions[action.status];
  return (Object.keys(rules) as ActionStatus[]).flatMap((to) => {
    const rule = rules[to];
    if (!rule) return [];
    if (rule.roles && !rule.roles.includes(role)) return [];
    if (closing.includes(to) && !mayCloseAction(role, action)) return [];
    return [{ to, requiresNote: rule.requiresNote }];
  });
}

export type DueGroup = 'overdue' | 'today' | 'week' | 'later';

export const dueGroups: readonly DueGroup[] = ['overdue', 'today', 'week', 'later'];

/** Which due-date group an action falls in on `today` (both 'YYYY-MM-DD'). */
export function dueGroup(dueDate: string, today: string): DueGroup {
  const compared = compareIsoDate(dueDate, today);
  if (compared < 0) return 'overdue';
  if (compared === 0) return 'today';
  return compareIsoDate(dueDate, addDays(today, 7)) <= 0 ? 'week' : 'later';
}

const severityRank: Record<Severity, number> = { 'direct-gevaar': 0, ernstig: 1, gering: 2 };

export interface GroupedAction<T> {
  group: DueGroup;
  items: T[];
}

/**
 * Open actions by due-date group (overdue first); within a group the most severe finding first,
 * then the earliest due date. Actions without a finding count as least severe. Empty groups are
 * left out.
 */
export function groupOpenActions<
  T extends { action: Pick<Action, 'dueDate'>; severity?: Severity },
>(items: readonly T[], today: string): GroupedAction<T>[] {
  const rank = (item: T) => (item.severity ? severityRank[item.severity] : 3);
  return dueGroups
    .map((group) => ({
      group,
      items: items
        .filter((item) => dueGroup(item.action.dueDate, today) === group)
        .sort((a, b) => rank(a) - rank(b) || compareIsoDate(a.action.dueDate, b.action.dueDate)),
    }))
    .filter((entry) => entry.items.length > 0);
}
