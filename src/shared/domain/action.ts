import { z } from 'zod';
import { EntityIdSchema, Sha256HexSchema } from './entity-id.ts';
import { type Severity } from './finding.ts';
import {
  addDays,
  addMonths,
  compareIsoDate,
  IsoDateSchema,
  IsoDateTimeSchema,
} from './iso-date.ts';
import { ModuleIdSchema } from './module.ts';
import { may, RoleSchema, type Role } from './role.ts';

export const ActionStatusSchema = z.enum(['open', 'in-behandeling', 'afgerond', 'vervallen'], {
  error: 'Status moet open, in-behandeling, afgerond of vervallen zijn.',
});
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ActionHistoryEntrySchema = z.object({
  status: ActionStatusSchema,
  /** User id of whoever set this status. */
  by: z.string({ error: 'Gebruiker ontbreekt.' }).min(1, { error: 'Gebruiker ontbreekt.' }),
  at: IsoDateTimeSchema,
  note: z.string().trim().min(1, { error: 'Een toelichting mag niet leeg zijn.' }).optional(),
  /** Photos taken as evidence for this step (e.g. the repaired door when closing); SHA-256 hashes. */
  photoIds: z.array(Sha256HexSchema).max(20, { error: 'Hooguit 20 foto’s per stap.' }).optional(),
});
export type ActionHistoryEntry = z.infer<typeof ActionHistoryEntrySchema>;

export const ActionSchema = z
  .object({
    id: EntityIdSchema,
    findingId: EntityIdSchema.optional(),
    inspectionId: EntityIdSchema.optional(),
    pandId: EntityIdSchema.optional(),
    /** The module whose inspection raised the action; decides who may close it. */
    moduleId: ModuleIdSchema.optional(),
    what: z
      .string({ error: 'Omschrijving ontbreekt.' })
      .trim()
      .min(1, { error: 'Vul in wat er moet gebeuren.' }),
    ownerRole: RoleSchema,
    dueDate: IsoDateSchema,
    status: ActionStatusSchema,
    /** Oldest first; the first entry is the creation ('open'), the last equals status. */
    history: z.array(ActionHistoryEntrySchema).min(1, { error: 'De historie is leeg.' }),
  })
  .superRefine((action, context) => {
    if (action.history[0]?.status !== 'open')
      context.addIssue({
        code: 'custom',
        path: ['history', 0, 'status'],
        message: 'Een actie begint met status open.',
      });
    if (action.history.at(-1)?.status !== action.status)
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'De status komt niet overeen met de laatste stap in de historie.',
      });
  });
export type Action = z.infer<typeof ActionSchema>;

export interface ActionTransitionRule {
  /** A note is required (why it is done, why it lapsed, why it is reopened). */
  requiresNote: boolean;
  /** Only these roles may make this transition; undefined means any role. */
  roles?: readonly Role[];
}

// Afgerond and vervallen are final for everyone except a beheerder, who can reopen with a
// reason (e.g. a repair that did not hold); otherwise a closed action could silently revive.
export const actionTransitions: Readonly<
  Record<ActionStatus, Partial<Record<ActionStatus, ActionTransitionRule>>>
> = {
  open: {
    'in-behandeling': { requiresNote: false },
    afgerond: { requiresNote: true },
    vervallen: { requiresNote: true },
  },
  'in-behandeling': {
    open: { requiresNote: false },
    afgerond: { requiresNote: true },
    vervallen: { requiresNote: true },
  },
  afgerond: { open: { requiresNote: true, roles: ['beheerder'] } },
  vervallen: { open: { requiresNote: true, roles: ['beheerder'] } },
};

export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  return actionTransitions[from][to] !== undefined;
}

export interface Actor {
  userId: string;
  role: Role;
}

export type ActionTransitionResult = { ok: true; action: Action } | { ok: false; error: string };

const closing: readonly ActionStatus[] = ['afgerond', 'vervallen'];

/** Whether this role may close (afgerond/vervallen) this action: fire-safety actions need veiligheid or beheerder. */
export function mayCloseAction(role: Role, action: Pick<Action, 'moduleId'>): boolean {
  return action.moduleId === 'brandveiligheidsronde'
    ? may(role, 'actie.afsluiten.brandveiligheid')
    : may(role, 'actie.afsluiten');
}

/** Applies a status change, checking the transition table, the note and the actor's role. */
export function applyActionTransition(
  action: Action,
  to: ActionStatus,
  by: Actor,
  at: string,
  note?: string,
  photoIds?: readonly string[],
): ActionTransitionResult {
  const from = action.status;
  if (from === to) return { ok: false, error: `De actie heeft al status ${to}.` };
  const rule = actionTransitions[from][to];
  if (!rule) return { ok: false, error: `Van status ${from} naar ${to} is niet toegestaan.` };
  const trimmedNote = note?.trim();
  if (rule.requiresNote && !trimmedNote)
    return { ok: false, error: `Voor status ${to} vanuit ${from} is een toelichting verplicht.` };
  if (rule.roles && !rule.roles.includes(by.role))
    return {
      ok: false,
      error: `Alleen ${rule.roles.join(' of ')} mag een actie van ${from} naar ${to} zetten.`,
    };
  if (closing.includes(to) && !mayCloseAction(by.role, action))
    return {
      ok: false,
      error: 'Alleen veiligheid of beheerder mag een brandveiligheidsactie afsluiten.',
    };
  if (!IsoDateTimeSchema.safeParse(at).success)
    return { ok: false, error: 'Ongeldig tijdstip voor de statuswijziging.' };
  const entry: ActionHistoryEntry = { status: to, by: by.userId, at };
  if (trimmedNote) entry.note = trimmedNote;
  if (photoIds !== undefined && photoIds.length > 0) {
    const parsed = ActionHistoryEntrySchema.shape.photoIds.safeParse([...new Set(photoIds)]);
    if (!parsed.success)
      return { ok: false, error: parsed.error.issues[0]?.message ?? 'Ongeldige foto’s.' };
    entry.photoIds = parsed.data;
  }
  return { ok: true, action: { ...action, status: to, history: [...action.history, entry] } };
}

export const DEFAULT_NEXT_ROUND_MONTHS = 3;
export const SERIOUS_DEFECT_DAYS = 30;

/**
 * The due date for an action from a finding: direct gevaar the inspection day itself; ernstig
 * within 30 days; gering by the next round, or 3 months after the inspection when no next round
 * is planned (a next round dated before the inspection is ignored as a data error).
 */
export function dueDateForSeverity(
  severity: Severity,
  inspectionDate: string,
  nextRoundDate?: string,
): string {
  switch (severity) {
    case 'direct-gevaar':
      return addDays(inspectionDate, 0);
    case 'ernstig':
      return addDays(inspectionDate, SERIOUS_DEFECT_DAYS);
    case 'gering':
      return nextRoundDate !== undefined && compareIsoDate(nextRoundDate, inspectionDate) >= 0
        ? nextRoundDate
        : addMonths(inspectionDate, DEFAULT_NEXT_ROUND_MONTHS);
  }
}

/** True when the action is still open or in progress after its due date. */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, onDate: string): boolean {
  return (
    (action.status === 'open' || action.status === 'in-behandeling') &&
    compareIsoDate(onDate, action.dueDate) > 0
  );
}
