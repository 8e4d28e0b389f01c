// What an action belongs to: its finding (location, severity) and the inspection's target. The
// repositories have no join, so each action is a couple of small reads; the Acties list is short.
import type { ActionView, FindingView } from '../../db/index.ts';
import { getAppStore } from '../../db/index.ts';
import type { ModuleId, TargetLevel } from '../../../shared/domain/module.ts';
import type { Severity } from '../../../shared/domain/finding.ts';

export interface ActionInContext {
  action: ActionView;
  finding: FindingView | undefined;
  severity: Severity | undefined;
  module: ModuleId | undefined;
  target: { level: TargetLevel; id: string } | undefined;
}

export async function actionInContext(action: ActionView): Promise<ActionInContext> {
  const store = getAppStore();
  const [finding, inspection] = await Promise.all([
    action.findingId ? store.findings.get(action.findingId) : undefined,
    action.inspectionId ? store.inspections.get(action.inspectionId) : undefined,
  ]);
  const target = inspection
    ? { level: inspection.targetLevel, id: inspection.targetId }
    : action.pandId
      ? { level: 'pand' as const, id: action.pandId }
      : undefined;
  return {
    action,
    finding,
    severity: finding?.severity,
    module: action.moduleId ?? inspection?.module,
    target,
  };
}

export function actionsInContext(actions: readonly ActionView[]): Promise<ActionInContext[]> {
  return Promise.all(actions.map(actionInContext));
}
