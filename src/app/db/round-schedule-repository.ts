// Fire-safety rounds (team veiligheid): one round schedule per pand, and the queries of the
// fire-safety workspace: which buildings are overdue or due soon, the open fire-safety actions by
// severity and due date, and a building's history. Due dates are the domain's
// (fire-safety-schedule.ts); this file only gathers the rows.
import Dexie from 'dexie';
import {
  buildingHistory,
  groupOpenActions,
  roundOverview,
  roundScheduleIdFor,
  RoundScheduleSchema,
  roundDueState,
  lastRoundOn as lastRoundOfPand,
  roundsOf,
  type BuildingEvent,
  type OpenActionGroup,
  type RoundDueState,
  type RoundFrequency,
  type RoundSchedule,
  type ScheduledRound,
  type Severity,
} from '../../shared/domain/index.ts';
import type { ActionView } from './action-repository.ts';
import { toActionView } from './action-repository.ts';
import type {
  ComplexRow,
  DwellingRow,
  FindingRow,
  InspectionRow,
  PandRow,
  RoundScheduleRow,
  SchouwDatabase,
} from './database.ts';
import { insertEntity, updateEntity } from './entity-writes.ts';
import { NotFoundError } from './errors.ts';
import type { FindingView } from './finding-repository.ts';
import { toFindingView } from './finding-repository.ts';
import type { InspectionView } from './inspection-repository.ts';
import { toInspectionView } from './inspection-repository.ts';
import { live, type Live } from './live.ts';
import type { StoreContext } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

export type RoundScheduleView = RoundSchedule;

/** What the safety officer sets for a pand; the complex follows from the pand. */
export interface RoundScheduleInput {
  pandId: string;
  frequency: RoundFrequency;
  startsOn: string;
  active: boolean;
  note?: string;
}

/** A building as the workspace names it: pand, complex and the first dwelling's address. */
export interface BuildingRef {
  pandId: string;
  complexId: string;
  bagPandId: string | null;
  complexnummer: string | undefined;
  complexName: string | undefined;
  /** The first dwelling (by address) of the pand, to recognise the building. */
  firstDwelling: Omit<DwellingRow, 'searchTokens'> | undefined;
  dwellingCount: number;
}

export interface ScheduledBuilding extends ScheduledRound<RoundScheduleView> {
  building: BuildingRef;
  /** A planned, draft or reopened round of this pand to resume instead of starting a new one. */
  openRound: InspectionView | undefined;
}

export interface FireSafetyOverview {
  overdue: ScheduledBuilding[];
  dueSoon: ScheduledBuilding[];
  planned: ScheduledBuilding[];
  paused: ScheduledBuilding[];
}

export interface FireSafetyAction {
  id: string;
  status: ActionView['status'];
  dueDate: string;
  ownerRole: ActionView['ownerRole'];
  action: ActionView;
  finding: FindingView | undefined;
  building: BuildingRef | undefined;
}

export type FireSafetyActionGroup = OpenActionGroup<FireSafetyAction>;

export interface BuildingFile {
  building: BuildingRef;
  schedule: RoundScheduleView | undefined;
  /** Undefined without a schedule. */
  state: RoundDueState | undefined;
  lastRoundOn: string | undefined;
  openRound: InspectionView | undefined;
  /** Newest first. */
  events: BuildingEvent[];
}

const OPEN_ROUND_STATUSES = new Set(['planned', 'draft', 'reopened']);
const OPEN_ACTION_STATUSES = ['open', 'in-behandeling'] as const;
const FIRE_SAFETY_MODULE = 'brandveiligheidsronde';
const FIELDS = ['pandId', 'complexId', 'frequency', 'startsOn', 'active', 'note'] as const;

function toScheduleView(row: RoundScheduleRow): RoundScheduleView | undefined {
  return isTombstone(row) ? undefined : stripClocks(row);
}

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

export class RoundScheduleRepository {
  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /**
   * Creates or changes the pand's schedule (one per pand, its id is the pand's id), writing only
   * the fields that changed, with the outbox op in the same transaction.
   */
  save(input: RoundScheduleInput): Promise<RoundScheduleView> {
    const db = this.db;
    return this.context.write([db.roundSchedules, db.panden], async (scope) => {
      const pand = await db.panden.get(input.pandId);
      if (!pand) throw new NotFoundError('pand', input.pandId);
      const id = roundScheduleIdFor(input.pandId);
      // An empty note is stored as '': a per-field merge cannot remove a field, only set it.
      const record = validate(RoundScheduleSchema, {
        id,
        pandId: input.pandId,
        complexId: pand.complexId,
        frequency: input.frequency,
        startsOn: input.startsOn,
        active: input.active,
        note: input.note?.trim() ?? '',
      });
      const existing = await db.roundSchedules.get(id);
      if (!existing) return insertEntity(scope, db.roundSchedules, 'roundSchedule', record);
      // A deleted schedule comes back with every field written anew (newer than its tombstone).
      const current = isTombstone(existing) ? undefined : stripClocks(existing);
      const changes: Partial<RoundScheduleView> = {};
      for (const name of FIELDS)
        if (current?.[name] !== record[name]) Object.assign(changes, { [name]: record[name] });
      if (current && Object.keys(changes).length === 0) return current;
      return updateEntity(scope, db.roundSchedules, 'roundSchedule', existing, changes);
    });
  }

  get(pandId: string): Promise<RoundScheduleView | undefined> {
    return this.context.run(() => this.readSchedule(pandId));
  }

  watch(pandId: string): Live<RoundScheduleView | undefined> {
    return live(() => this.readSchedule(pandId));
  }

  /** Every schedule on this device (paused ones included). */
  list(): Promise<RoundScheduleView[]> {
    return this.context.run(() => this.readSchedules());
  }

  /** Every schedule sorted into overdue, due soon, planned and paused, per building. */
  overview(today: string): Promise<FireSafetyOverview> {
    return this.context.run(() => this.readOverview(today));
  }

  watchOverview(today: string): Live<FireSafetyOverview> {
    return live(() => this.readOverview(today));
  }

  /** Open and in-progress fire-safety actions, by severity (direct gevaar first), then due date. */
  openActions(today: string): Promise<FireSafetyActionGroup[]> {
    return this.context.run(() => this.readOpenActions(today));
  }

  watchOpenActions(today: string): Live<FireSafetyActionGroup[]> {
    return live(() => this.readOpenActions(today));
  }

  /** A building's schedule, due state and history; undefined for an unknown pand. */
  building(pandId: string, today: string): Promise<BuildingFile | undefined> {
    return this.context.run(() => this.readBuilding(pandId, today));
  }

  watchBuilding(pandId: string, today: string): Live<BuildingFile | undefined> {
    return live(() => this.readBuilding(pandId, today));
  }

  /** Every building of the portfolio, by complex number, for choosing one to plan. */
  buildings(): Promise<BuildingRef[]> {
    return this.context.run(async () => {
      const panden = await this.db.panden.toArray();
      const refs = await this.buildingRefs(panden);
      return [...refs.values()].sort(
        (a, b) =>
          (a.complexnummer ?? '').localeCompare(b.complexnummer ?? '', 'nl', { numeric: true }) ||
          (a.bagPandId ?? a.pandId).localeCompare(b.bagPandId ?? b.pandId),
      );
    });
  }

  private async readSchedule(pandId: string): Promise<RoundScheduleView | undefined> {
    const row = await this.db.roundSchedules.get(roundScheduleIdFor(pandId));
    return row && toScheduleView(row);
  }

  private async readSchedules(): Promise<RoundScheduleView[]> {
    return (await this.db.roundSchedules.toArray()).map(toScheduleView).filter(defined);
  }

  /** Every inspection on a pand (any module); rounds are picked out by the domain. */
  private async pandInspections(): Promise<InspectionView[]> {
    const rows: InspectionRow[] = await this.db.inspections
      .where('[targetLevel+targetId]')
      .between(['pand', Dexie.minKey], ['pand', Dexie.maxKey])
      .toArray();
    return rows.map(toInspectionView).filter(defined);
  }

  private async buildingRefs(panden: readonly PandRow[]): Promise<Map<string, BuildingRef>> {
    const db = this.db;
    const complexIds = [...new Set(panden.map((pand) => pand.complexId))];
    const [complexes, dwellings] = await Promise.all([
      db.complexes.bulkGet(complexIds),
      db.dwellings.where('complexId').anyOf(complexIds).toArray(),
    ]);
    const complexById = new Map(
      complexes.filter((row): row is ComplexRow => row !== undefined).map((row) => [row.id, row]),
    );
    const byPand = new Map<string, DwellingRow[]>();
    for (const dwelling of dwellings) {
      const list = byPand.get(dwelling.pandId) ?? [];
      list.push(dwelling);
      byPand.set(dwelling.pandId, list);
    }
    const refs = new Map<string, BuildingRef>();
    for (const pand of panden) {
      const complex = complexById.get(pand.complexId);
      const list = (byPand.get(pand.id) ?? []).sort(
        (a, b) =>
          (a.huisnummer ?? 0) - (b.huisnummer ?? 0) || a.vheNummer.localeCompare(b.vheNummer),
      );
      const first = list[0];
      refs.set(pand.id, {
        pandId: pand.id,
        complexId: pand.complexId,
        bagPandId: pand.bagPandId,
        complexnummer: complex?.complexnummer,
        complexName: complex?.name,
        firstDwelling: first && withoutTokens(first),
        dwellingCount: list.length,
      });
    }
    return refs;
  }

  private async refsFor(pandIds: readonly string[]): Promise<Map<string, BuildingRef>> {
    const panden = (await this.db.panden.bulkGet([...new Set(pandIds)])).filter(defined);
    return this.buildingRefs(panden);
  }

  private async readOverview(today: string): Promise<FireSafetyOverview> {
    const [schedules, inspections] = await Promise.all([
      this.readSchedules(),
      this.pandInspections(),
    ]);
    const overview = roundOverview(schedules, inspections, today);
    const refs = await this.refsFor(schedules.map((schedule) => schedule.pandId));
    const withBuilding = (items: ScheduledRound<RoundScheduleView>[]): ScheduledBuilding[] =>
      items.map((item) => ({
        ...item,
        building: refs.get(item.schedule.pandId) ?? unknownBuilding(item.schedule),
        openRound: openRoundOf(inspections, item.schedule.pandId),
      }));
    return {
      overdue: withBuilding(overview.overdue),
      dueSoon: withBuilding(overview.dueSoon),
      planned: withBuilding(overview.planned),
      paused: withBuilding(overview.paused),
    };
  }

  private async readOpenActions(today: string): Promise<FireSafetyActionGroup[]> {
    const db = this.db;
    const rows = await db.actions.where('status').anyOf(OPEN_ACTION_STATUSES).toArray();
    const actions = rows.map(toActionView).filter(defined);
    // The action's own module, or its inspection's for an action that did not record one.
    const inspectionIds = actions
      .filter((action) => action.moduleId === undefined && action.inspectionId !== undefined)
      .map((action) => action.inspectionId as string);
    const inspections = new Map(
      (await db.inspections.bulkGet(inspectionIds))
        .filter(defined)
        .map((row) => [row.id, row] as const),
    );
    const fireSafety = actions.filter(
      (action) =>
        (action.moduleId ??
          (action.inspectionId && inspections.get(action.inspectionId)?.module)) ===
        FIRE_SAFETY_MODULE,
    );
    const findingRows = await db.findings.bulkGet(
      fireSafety.map((action) => action.findingId).filter(defined),
    );
    const findings = new Map(
      findingRows
        .filter((row): row is FindingRow => row !== undefined)
        .map(toFindingView)
        .filter(defined)
        .map((finding) => [finding.id, finding] as const),
    );
    // The building: the action's pand, or the target of its round.
    const roundRows = await db.inspections.bulkGet(
      fireSafety.map((action) => action.inspectionId).filter(defined),
    );
    const roundTarget = new Map(
      roundRows
        .filter(defined)
        .filter((row) => row.targetLevel === 'pand')
        .map((row) => [row.id, row.targetId] as const),
    );
    const pandOf = (action: ActionView) =>
      action.pandId ?? (action.inspectionId && roundTarget.get(action.inspectionId)) ?? undefined;
    const refs = await this.refsFor(fireSafety.map(pandOf).filter(defined));
    const inputs = fireSafety.map((action) => {
      const finding = action.findingId ? findings.get(action.findingId) : undefined;
      const pandId = pandOf(action);
      const item: FireSafetyAction = {
        id: action.id,
        status: action.status,
        dueDate: action.dueDate,
        ownerRole: action.ownerRole,
        action,
        finding,
        building: pandId ? refs.get(pandId) : undefined,
      };
      const severity: Severity | undefined = finding?.severity;
      return severity ? { action: item, severity } : { action: item };
    });
    return groupOpenActions(inputs, today);
  }

  private async readBuilding(pandId: string, today: string): Promise<BuildingFile | undefined> {
    const db = this.db;
    const pand = await db.panden.get(pandId);
    if (!pand) return undefined;
    const [refs, schedule, inspectionRows] = await Promise.all([
      this.buildingRefs([pand]),
      this.readSchedule(pandId),
      db.inspections.where('[targetLevel+targetId]').equals(['pand', pandId]).toArray(),
    ]);
    const inspections = inspectionRows.map(toInspectionView).filter(defined);
    const rounds = roundsOf(inspections, pandId);
    const roundIds = rounds.map((round) => round.id);
    const [findingRows, byInspection, byPand] = await Promise.all([
      db.findings.where('inspectionId').anyOf(roundIds).toArray(),
      db.actions.where('inspectionId').anyOf(roundIds).toArray(),
      db.actions.where('pandId').equals(pandId).toArray(),
    ]);
    const actions = new Map<string, ActionView>();
    for (const row of [...byInspection, ...byPand]) {
      const action = toActionView(row);
      if (action) actions.set(action.id, action);
    }
    const last = lastRoundOfPand(inspections, pandId);
    const building = refs.get(pandId);
    if (!building) return undefined;
    return {
      building,
      schedule,
      state: schedule && roundDueState(schedule, last, today),
      lastRoundOn: last,
      openRound: openRoundOf(inspections, pandId),
      events: buildingHistory({
        pandId,
        inspections,
        findings: findingRows.map(toFindingView).filter(defined),
        actions: [...actions.values()],
      }),
    };
  }
}

function openRoundOf(
  inspections: readonly InspectionView[],
  pandId: string,
): InspectionView | undefined {
  return roundsOf(inspections, pandId).find((round) => OPEN_ROUND_STATUSES.has(round.status));
}

function unknownBuilding(schedule: RoundScheduleView): BuildingRef {
  return {
    pandId: schedule.pandId,
    complexId: schedule.complexId,
    bagPandId: null,
    complexnummer: undefined,
    complexName: undefined,
    firstDwelling: undefined,
    dwellingCount: 0,
  };
}

function withoutTokens(row: DwellingRow): Omit<DwellingRow, 'searchTokens'> {
  return omit(row, 'searchTokens');
}
