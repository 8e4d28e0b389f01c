// Inside the transaction that finishes an inspection: every failed template check gets its
// finding and action (created, or updated after a correction), and actions of checks that now
// pass are reported, and closed only when the user said so (InspectionRepository.finish).
import { dutchDateOf } from '../../shared/domain/iso-date.ts';
import {
  ActionSchema,
  FindingSchema,
  applyActionTransition,
  checkOwnerRole,
  checkRecordIds,
  failedChecks,
  mayCloseAction,
  type Action,
  type Actor,
  type AnswerSet,
  type Finding,
  type Template,
} from '../../shared/domain/index.ts';
import { newActionRecord } from './action-repository.ts';
import type { InspectionRow, SchouwDatabase } from './database.ts';
import { insertEntity, updateEntity } from './entity-writes.ts';
import type { WriteScope } from './store-context.ts';
import { isTombstone, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

/** An open action of a check that no longer fails, offered to close when finishing. */
export interface ResolvedCheckAction {
  action: Action;
  questionId: string;
  /** Whether the finishing user's role may close it (fire-safety actions: veiligheid, beheerder). */
  mayClose: boolean;
}

const OPEN: readonly Action['status'][] = ['open', 'in-behandeling'];

async function pandOf(db: SchouwDatabase, inspection: InspectionRow): Promise<string | undefined> {
  if (inspection.targetLevel === 'pand') return inspection.targetId;
  if (inspection.targetLevel !== 'verblijfsobject') return undefined;
  return (await db.dwellings.get(inspection.targetId))?.pandId;
}

/** Writes (creates or updates) the finding and action of every failed check. */
export async function writeCheckFindings(
  db: SchouwDatabase,
  scope: WriteScope,
  now: number,
  inspection: InspectionRow,
  template: Template,
  answers: AnswerSet,
): Promise<void> {
  const failed = failedChecks(template, answers, dutchDateOf(scope.at));
  const pandId = failed.length > 0 ? await pandOf(db, inspection) : undefined;
  for (const check of failed) {
    const ids = checkRecordIds(inspection.id, check.questionId);
    const findingFields = {
      location: check.location,
      description: `${check.detail}`,
      severity: check.severity,
      photoIds: check.photoIds,
      questionId: check.questionId,
    };
    const findingRow = await db.findings.get(ids.findingId);
    // A finding the inspector deleted stays deleted (a tombstone is never revived).
    if (findingRow && isTombstone(findingRow)) continue;
    if (!findingRow) {
      const record: Finding = validate(FindingSchema, {
        ...findingFields,
        id: ids.findingId,
        inspectionId: inspection.id,
        createdAt: scope.at,
      });
      await insertEntity(scope, db.findings, 'finding', record);
    } else {
      const changed = changedFields(stripClocks(findingRow), findingFields);
      if (changed) await updateEntity(scope, db.findings, 'finding', findingRow, changed);
    }

    const actionFields = {
      what: `${check.label}: ${check.action}`,
      ownerRole: checkOwnerRole(inspection.module),
      dueDate: check.dueDate,
    };
    const actionRow = await db.actions.get(ids.actionId);
    if (actionRow && isTombstone(actionRow)) continue;
    if (!actionRow) {
      const record = newActionRecord(
        {
          ...actionFields,
          findingId: ids.findingId,
          inspectionId: inspection.id,
          moduleId: inspection.module,
          ...(pandId !== undefined && { pandId }),
        },
        scope,
        now,
      );
      await insertEntity(scope, db.actions, 'action', { ...record, id: ids.actionId });
    } else if (OPEN.includes(actionRow.status)) {
      // A closed action stays closed: the deviation of this round was already dealt with.
      const changed = changedFields(stripClocks(actionRow), actionFields);
      if (changed) {
        validate(ActionSchema, { ...stripClocks(actionRow), ...changed });
        await updateEntity(scope, db.actions, 'action', actionRow, changed);
      }
    }
  }
}

/**
 * Open actions of this inspection's check findings whose check does not fail any more (answered
 * "ja" now, n.v.t., or hidden). `actor` decides which of them the user may close.
 */
export async function resolvedCheckActions(
  db: SchouwDatabase,
  inspection: InspectionRow,
  template: Template,
  answers: AnswerSet,
  date: string,
  actor?: Actor,
): Promise<ResolvedCheckAction[]> {
  const failing = new Set(failedChecks(template, answers, date).map((check) => check.questionId));
  const findings = await db.findings.where('inspectionId').equals(inspection.id).toArray();
  const resolved: ResolvedCheckAction[] = [];
  for (const finding of findings) {
    const questionId = finding.questionId;
    if (isTombstone(finding) || questionId === undefined || failing.has(questionId)) continue;
    const row = await db.actions.get(checkRecordIds(inspection.id, questionId).actionId);
    if (!row || isTombstone(row) || !OPEN.includes(row.status)) continue;
    const action = stripClocks(row);
    resolved.push({
      action,
      questionId,
      mayClose: actor !== undefined && mayCloseAction(actor.role, action),
    });
  }
  return resolved.sort((a, b) => a.action.dueDate.localeCompare(b.action.dueDate));
}

/** Closes (afgerond, with a note saying why) the resolved actions the actor may close. */
export async function closeResolvedActions(
  db: SchouwDatabase,
  scope: WriteScope,
  resolved: readonly ResolvedCheckAction[],
  actor: Actor,
  note: string,
): Promise<void> {
  for (const item of resolved) {
    if (!item.mayClose) continue;
    const row = await db.actions.get(item.action.id);
    if (!row || isTombstone(row)) continue;
    const result = applyActionTransition(stripClocks(row), 'afgerond', actor, scope.at, note);
    if (!result.ok) continue;
    const { status, history } = result.action;
    await updateEntity(scope, db.actions, 'action', row, { status, history });
  }
}

function changedFields<T extends Record<string, unknown>>(
  stored: Record<string, unknown>,
  wanted: T,
): Partial<T> | undefined {
  const changed: Partial<T> = {};
  let any = false;
  for (const [name, value] of Object.entries(wanted) as [keyof T & string, T[keyof T & string]][]) {
    if (JSON.stringify(stored[name]) === JSON.stringify(value)) continue;
    changed[name] = value;
    any = true;
  }
  return any ? changed : undefined;
}
