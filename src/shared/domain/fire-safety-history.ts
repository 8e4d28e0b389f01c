import type { Action, ActionStatus } from './action.ts';
import type { Severity } from './finding.ts';
import { compareIsoDate } from './iso-date.ts';
import type { Role } from './role.ts';

// What the safety officer reads per building and across buildings: open fire-safety actions
// ordered by how dangerous and how urgent they are, and the building's history of rounds,
// findings and action steps.

export type SeverityGroup = Severity | 'onbekend';

/** Most dangerous first; an action without a (known) finding comes last. */
export const severityGroupOrder: readonly SeverityGroup[] = [
  'direct-gevaar',
  'ernstig',
  'gering',
  'onbekend',
];

export interface OpenActionInput<
  A extends Pick<Action, 'id' | 'status' | 'dueDate' | 'ownerRole'>,
> {
  action: A;
  /** Severity of the finding the action came from, when known. */
  severity?: Severity;
}

export interface OpenActionItem<
  A extends Pick<Action, 'id' | 'status' | 'dueDate' | 'ownerRole'>,
> extends OpenActionInput<A> {
  overdue: boolean;
}

export interface OpenActionGroup<
  A extends Pick<Action, 'id' | 'status' | 'dueDate' | 'ownerRole'>,
> {
  severity: SeverityGroup;
  items: OpenActionItem<A>[];
}

const OPEN: readonly ActionStatus[] = ['open', 'in-behandeling'];

/**
 * Open and in-progress actions grouped by severity (direct gevaar first), each group soonest due
 * first; an action past its due date is marked overdue. Empty groups are left out.
 */
export function groupOpenActions<A extends Pick<Action, 'id' | 'status' | 'dueDate' | 'ownerRole'>>(
  inputs: readonly OpenActionInput<A>[],
  today: string,
): OpenActionGroup<A>[] {
  const groups = new Map<SeverityGroup, OpenActionItem<A>[]>();
  for (const input of inputs) {
    if (!OPEN.includes(input.action.status)) continue;
    const key: SeverityGroup = input.severity ?? 'onbekend';
    const overdue = compareIsoDate(today, input.action.dueDate) > 0;
    const list = groups.get(key) ?? [];
    list.push({ ...input, overdue });
    groups.set(key, list);
  }
  return severityGroupOrder
    .filter((severity) => groups.has(severity))
    .map((severity) => ({
      severity,
      items: (groups.get(severity) ?? []).sort(
        (a, b) =>
          a.action.dueDate.localeCompare(b.action.dueDate) ||
          a.action.id.localeCompare(b.action.id),
      ),
    }));
}

export interface HistoryInspection {
  id: string;
  module: string;
  targetLevel: string;
  targetId: string;
  status: string;
  plannedFor?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface HistoryFinding {
  id: string;
  inspectionId: string;
  location: string;
  description: string;
  severity: Severity;
  createdAt: string;
}

export type BuildingEvent =
  | {
      kind: 'round';
      /** ISO date-time or (planned) date. */
      at: string;
      inspectionId: string;
      status: string;
    }
  | {
      kind: 'finding';
      at: string;
      inspectionId: string;
      findingId: string;
      severity: Severity;
      location: string;
      description: string;
    }
  | {
      kind: 'action';
      at: string;
      actionId: string;
      what: string;
      status: ActionStatus;
      by: string;
      ownerRole: Role;
      note?: string;
      photoIds?: readonly string[];
    };

/** The fire-safety rounds of a pand: brandveiligheidsronde inspections on that pand, any status. */
export function roundsOf<I extends HistoryInspection>(
  inspections: readonly I[],
  pandId: string,
): I[] {
  return inspections.filter(
    (inspection) =>
      inspection.module === 'brandveiligheidsronde' &&
      inspection.targetLevel === 'pand' &&
      inspection.targetId === pandId,
  );
}

/**
 * A building's history, newest first: each round (at its finish, start or planned date), each
 * finding of those rounds, and each step of the fire-safety actions of the building (raised in
 * one of its rounds, or linked to the pand).
 */
export function buildingHistory(input: {
  pandId: string;
  inspections: readonly HistoryInspection[];
  findings: readonly HistoryFinding[];
  actions: readonly Pick<
    Action,
    'id' | 'what' | 'ownerRole' | 'history' | 'pandId' | 'inspectionId' | 'moduleId'
  >[];
}): BuildingEvent[] {
  const rounds = roundsOf(input.inspections, input.pandId);
  const roundIds = new Set(rounds.map((round) => round.id));
  const events: BuildingEvent[] = [];
  for (const round of rounds) {
    const at = round.finishedAt ?? round.startedAt ?? round.plannedFor;
    if (at !== undefined)
      events.push({ kind: 'round', at, inspectionId: round.id, status: round.status });
  }
  for (const finding of input.findings) {
    if (!roundIds.has(finding.inspectionId)) continue;
    events.push({
      kind: 'finding',
      at: finding.createdAt,
      inspectionId: finding.inspectionId,
      findingId: finding.id,
      severity: finding.severity,
      location: finding.location,
      description: finding.description,
    });
  }
  for (const action of input.actions) {
    const ofRound = action.inspectionId !== undefined && roundIds.has(action.inspectionId);
    const ofPand = action.pandId === input.pandId && action.moduleId === 'brandveiligheidsronde';
    if (!ofRound && !ofPand) continue;
    for (const step of action.history) {
      const event: BuildingEvent = {
        kind: 'action',
        at: step.at,
        actionId: action.id,
        what: action.what,
        status: step.status,
        by: step.by,
        ownerRole: action.ownerRole,
      };
      if (step.note !== undefined) event.note = step.note;
      if (step.photoIds !== undefined && step.photoIds.length > 0) event.photoIds = step.photoIds;
      events.push(event);
    }
  }
  // Newest first. At equal times the later link of the chain goes first: an action raised from
  // a finding in the same moment, a finding recorded as its round started.
  const rank = { action: 0, finding: 1, round: 2 } as const;
  return events.sort((a, b) => b.at.localeCompare(a.at) || rank[a.kind] - rank[b.kind]);
}
