// The server's rules from the registry of synced entities (src/shared/sync/entities.ts) that do
// not need the store: fields implied by the id or naming the pushing user, fixed fields, and an
// action's workflow. Each returns a Dutch reason or undefined; sync-service refuses the op with it.
import {
  ActionSchema,
  actionTransitions,
  applyActionTransition,
  mayCloseAction,
  type Action,
  type ActionStatus,
  type Actor,
  type Role,
} from '../../shared/domain/index.ts';
import { fixedFieldReason, syncedEntities } from '../../shared/sync/entities.ts';
import type { EntityType } from '../../shared/sync/protocol.ts';

/** Deep equality of JSON values; key order does not count (jsonb reorders keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  if (keys.length !== Object.keys(y).filter((key) => y[key] !== undefined).length) return false;
  return keys.every((key) => sameValue(x[key], y[key]));
}

/** Fields of an upsert that the id implies or that must name the pushing user. */
export function opFieldsProblem(
  entity: EntityType,
  id: string,
  fields: Record<string, unknown>,
  userId: string,
): string | undefined {
  const spec = syncedEntities[entity];
  if (spec.fromId) {
    const implied = spec.fromId.fields(id);
    for (const [name, value] of Object.entries(implied))
      if (name in fields && !sameValue(fields[name], value)) return spec.fromId.reason;
  }
  for (const name of spec.authors)
    if (name in fields && fields[name] !== userId)
      return `Het veld ${name} noemt wie het schreef: dat moet uw eigen gebruiker zijn.`;
  return undefined;
}

/** A fixed field of an existing record that the merged record changes (also one set later). */
export function fixedFieldProblem(
  entity: EntityType,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | undefined {
  for (const name of Object.keys(syncedEntities[entity].fixed))
    if (!sameValue(before[name], after[name])) return fixedFieldReason(entity, name);
  return undefined;
}

const CLOSING: readonly ActionStatus[] = ['afgerond', 'vervallen'];

/** Whether `role` may add any step to the action now (an evidence photo belongs to a step). */
export function mayWriteActionStep(role: Role, action: Action): boolean {
  return Object.entries(actionTransitions[action.status]).some(
    ([to, rule]) =>
      (rule.roles === undefined || rule.roles.includes(role)) &&
      (!CLOSING.includes(to as ActionStatus) || mayCloseAction(role, action)),
  );
}

function firstIssue(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'onbekende fout';
}

/**
 * Why an action may not become `after` (merged values), or undefined. `stored` is the record as
 * stored before this op (also a deleted one), undefined for a new action. Status and history
 * change only together, as one step of the transition table that the server checks for the
 * pushing user against the stored record; stored steps never change.
 */
export function actionProblem(
  id: string,
  stored: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  actor: Actor,
  clientId: string,
): string | undefined {
  const merged = ActionSchema.safeParse({ ...after, id });
  if (!merged.success) return `Ongeldige actie na deze wijziging: ${firstIssue(merged.error)}`;
  const next = merged.data;
  if (stored === undefined) {
    if (next.status !== 'open' || next.history.length !== 1)
      return 'Een nieuwe actie begint met status open.';
    // Its maker: the signed-in user, or this device for one made before anyone signed in.
    const by = next.history[0]?.by;
    if (by !== actor.userId && by !== clientId)
      return 'De eerste stap van een nieuwe actie moet uw eigen gebruiker noemen.';
    return undefined;
  }
  if (sameValue(stored.status, next.status) && sameValue(stored.history, next.history))
    return undefined;
  const previous = ActionSchema.safeParse({ ...stored, id });
  if (!previous.success)
    return `De opgeslagen actie is ongeldig (${firstIssue(previous.error)}); haar status kan niet wijzigen.`;
  const old = previous.data;
  const kept =
    next.history.length >= old.history.length &&
    old.history.every((step, index) => sameValue(step, next.history[index]));
  if (!kept)
    return 'De historie van deze actie is intussen gewijzigd of wordt herschreven; opgeslagen stappen veranderen niet. Synchroniseer en probeer het opnieuw.';
  if (old.status === next.status)
    return 'De historie van een actie groeit alleen met een statuswijziging.';
  if (next.history.length !== old.history.length + 1)
    return 'Een statuswijziging voegt precies één stap toe aan de historie.';
  const step = next.history.at(-1);
  if (!step) return 'De historie is leeg.';
  const outcome = applyActionTransition(old, next.status, actor, step.at, step.note, step.photoIds);
  if (!outcome.ok) return outcome.error;
  if (step.by !== actor.userId)
    return 'De nieuwe stap in de historie moet uw eigen gebruiker noemen.';
  if (!sameValue(outcome.action.history.at(-1), step))
    return 'De nieuwe stap in de historie klopt niet met de statuswijziging.';
  return undefined;
}
