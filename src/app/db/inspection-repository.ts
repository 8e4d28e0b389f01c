// Inspections on the device: start one at a level of the portfolio with the latest version of a
// module's template, resume it, list them per target and as "mijn planning", finish and reopen
// for a correction. Every change is one transaction with its outbox op.
import Dexie from 'dexie';
import { dutchDateOf } from '../../shared/domain/iso-date.ts';
import {
  getTemplate,
  isOwnInspection,
  moduleAllowsTarget,
  type Actor,
  type Answer,
  type AnswerSet,
  type GeoPosition,
  type ModuleId,
  type TargetLevel,
} from '../../shared/domain/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  closeResolvedActions,
  resolvedCheckActions,
  writeCheckFindings,
  type ResolvedCheckAction,
} from './check-findings-writer.ts';
import type { AnswerRow, InspectionRow, SchouwDatabase } from './database.ts';
import { InvalidInputError, InvalidStateError, NotFoundError } from './errors.ts';
import type { InspectionRecord, InspectionStatus } from './inspection-types.ts';
import { live, type Live } from './live.ts';
import type { StoreContext, WriteScope } from './store-context.ts';
import { withClocks } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';
import type { TemplateCatalogue } from './template-catalogue.ts';

export type InspectionView = InspectionRecord;

export interface StartInspectionInput {
  module: ModuleId;
  targetLevel: TargetLevel;
  targetId: string;
  position?: GeoPosition;
}

export interface PlanInspectionInput extends StartInspectionInput {
  /** The day the inspection is planned (YYYY-MM-DD). */
  plannedFor: string;
  /** Whose list it goes on (user id); default the signed-in user (e.g. EFG planning for an inspector). */
  inspectorId?: string;
}

/** Statuses in which answers may still change. */
export const EDITABLE_STATUSES: readonly InspectionStatus[] = ['planned', 'draft', 'reopened'];
const PLANNING_STATUSES: readonly InspectionStatus[] = ['draft', 'reopened', 'planned'];

export function toInspectionView(row: InspectionRow): InspectionView | undefined {
  return isTombstone(row) ? undefined : (stripClocks(row) as InspectionView);
}

export function answerRange(inspectionId: string): [[string, string], [string, string]] {
  return [
    [inspectionId, Dexie.minKey as unknown as string],
    [inspectionId, Dexie.maxKey as unknown as string],
  ];
}

/** Drafts and reopened ones first (most recently started first), then planned by date. */
function comparePlanning(a: InspectionView, b: InspectionView): number {
  const rank = (inspection: InspectionView) => (inspection.status === 'planned' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 1) return (a.plannedFor ?? '').localeCompare(b.plannedFor ?? '');
  return (b.startedAt ?? '').localeCompare(a.startedAt ?? '');
}

/** Fields of an inspection that sync; an upsert op carries only the ones that changed. */
type InspectionFields = Partial<Omit<InspectionRecord, 'id'>>;

export class InspectionRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly templates: TemplateCatalogue,
  ) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /** Starts a new draft with the latest template version of the module. */
  start(input: StartInspectionInput): Promise<InspectionView> {
    return this.create(input, 'draft');
  }

  /** Puts an inspection in "mijn planning" for a day; answering it later starts it. */
  plan(input: PlanInspectionInput): Promise<InspectionView> {
    return this.create(input, 'planned');
  }

  get(inspectionId: string): Promise<InspectionView | undefined> {
    return this.context.run(() => this.read(inspectionId));
  }

  watch(inspectionId: string): Live<InspectionView | undefined> {
    return live(() => this.read(inspectionId));
  }

  /**
   * The open (draft, reopened or planned) inspection of a module at a target, if any, so the UI
   * resumes it instead of starting a duplicate.
   */
  openFor(
    module: ModuleId,
    targetLevel: TargetLevel,
    targetId: string,
  ): Promise<InspectionView | undefined> {
    return this.context.run(async () => {
      const rows = await this.readForTarget(targetLevel, targetId);
      const me = this.context.currentUser();
      return rows.find(
        (row) =>
          row.module === module &&
          EDITABLE_STATUSES.includes(row.status) &&
          isOwnInspection(row, me),
      );
    });
  }

  /** All inspections of one portfolio object, newest first. */
  listForTarget(targetLevel: TargetLevel, targetId: string): Promise<InspectionView[]> {
    return this.context.run(() => this.readForTarget(targetLevel, targetId));
  }

  watchForTarget(targetLevel: TargetLevel, targetId: string): Live<InspectionView[]> {
    return live(() => this.readForTarget(targetLevel, targetId));
  }

  /** "Mijn planning": drafts and reopened inspections to continue, then planned ones by date. */
  myPlanning(): Promise<InspectionView[]> {
    return this.context.run(() => this.readPlanning());
  }

  watchMyPlanning(): Live<InspectionView[]> {
    return live(() => this.readPlanning());
  }

  /** Marks a planned inspection as started; drafts and reopened ones are returned as they are. */
  resume(inspectionId: string): Promise<InspectionView> {
    return this.context.write([this.db.inspections], async (scope) => {
      const row = await this.require(inspectionId);
      if (row.status === 'finished')
        throw new InvalidStateError('Deze inspectie is afgerond; heropen haar voor een correctie.');
      if (row.status !== 'planned') return stripClocks(row) as InspectionView;
      return this.change(scope, row, { status: 'draft', startedAt: scope.at });
    });
  }

  /** Records where the inspector stood (from the geolocation adapter). */
  setPosition(inspectionId: string, position: GeoPosition): Promise<InspectionView> {
    return this.context.write([this.db.inspections], async (scope) => {
      const row = await this.require(inspectionId);
      return this.change(scope, row, { position });
    });
  }

  /**
   * Finishes a draft or a correction. Refused while carried-forward answers are unconfirmed:
   * copied answers must be checked on site before they count. In the same transaction every
   * failed template check becomes a finding with an action (updated, never duplicated, when
   * finishing again); actions of checks that pass now are closed only with `close` (the user
   * confirmed the list from `resolvedOnFinish`), and only those the actor may close.
   */
  finish(
    inspectionId: string,
    options: { close?: { actor: Actor; note: string } } = {},
  ): Promise<InspectionView> {
    const db = this.db;
    return this.context.write(
      [db.inspections, db.answers, db.findings, db.actions, db.dwellings],
      async (scope) => {
        const row = await this.require(inspectionId);
        if (row.status === 'finished') return stripClocks(row) as InspectionView;
        const answers = await this.answerSet(inspectionId);
        const unconfirmed = Object.values(answers).filter(
          (answer) => answer?.carriedForwardFrom?.unconfirmed === true,
        ).length;
        if (unconfirmed > 0)
          throw new InvalidStateError(
            `Nog ${unconfirmed} overgenomen ${unconfirmed === 1 ? 'antwoord is' : 'antwoorden zijn'} niet bevestigd. Bevestig of wijzig ze voordat je de inspectie afrondt.`,
          );
        const template = getTemplate(row.templateId, row.templateVersion);
        if (template) {
          if (options.close) {
            const { actor, note } = options.close;
            const date = dutchDateOf(scope.at);
            const resolved = await resolvedCheckActions(db, row, template, answers, date, actor);
            await closeResolvedActions(db, scope, resolved, actor, note);
          }
          await writeCheckFindings(db, scope, this.context.now(), row, template, answers);
        }
        return this.change(scope, row, { status: 'finished', finishedAt: scope.at });
      },
    );
  }

  /** What finishing now would leave behind: open actions of checks that no longer fail. */
  resolvedOnFinish(inspectionId: string, actor?: Actor): Promise<ResolvedCheckAction[]> {
    return this.context.run(async () => {
      const row = await this.require(inspectionId);
      const template = getTemplate(row.templateId, row.templateVersion);
      if (!template) return [];
      const answers = await this.answerSet(inspectionId);
      const date = dutchDateOf(this.context.now());
      return resolvedCheckActions(this.db, row, template, answers, date, actor);
    });
  }

  private async answerSet(inspectionId: string): Promise<AnswerSet> {
    const [from, to] = answerRange(inspectionId);
    const rows = await this.db.answers
      .where('[inspectionId+questionId]')
      .between(from, to)
      .toArray();
    const set: Record<string, Answer> = {};
    for (const row of rows) {
      if (isTombstone(row)) continue;
      set[row.questionId] = omit(stripClocks(row), 'inspectionId', 'answeredBy');
    }
    return set;
  }

  /** Reopens a finished inspection; later answer changes are recorded as 'reopened-correction'. */
  reopen(inspectionId: string): Promise<InspectionView> {
    return this.context.write([this.db.inspections], async (scope) => {
      const row = await this.require(inspectionId);
      if (row.status !== 'finished')
        throw new InvalidStateError('Alleen een afgeronde inspectie kan worden heropend.');
      return this.change(scope, row, { status: 'reopened' });
    });
  }

  /**
   * Carry-forward: starts an inspection of `targetDwellingId` with the same module, copying the
   * answers of a finished inspection of an identical dwelling. Every copied answer is marked
   * carriedForwardFrom (source) and unconfirmed until the inspector confirms it on site.
   */
  startFromFinished(sourceInspectionId: string, targetDwellingId: string): Promise<InspectionView> {
    const db = this.db;
    return this.context.write(
      [db.inspections, db.answers, db.answerHistory, db.dwellings],
      async (scope) => {
        const source = await this.require(sourceInspectionId);
        if (source.status !== 'finished')
          throw new InvalidStateError(
            'Antwoorden overnemen kan alleen van een afgeronde inspectie.',
          );
        if (source.targetLevel !== 'verblijfsobject')
          throw new InvalidInputError(
            'Antwoorden overnemen kan alleen van een inspectie van een verblijfsobject.',
          );
        if (source.targetId === targetDwellingId)
          throw new InvalidInputError('Kies een andere woning dan die van de bron-inspectie.');
        const template = this.templates.latest(source.module);
        const inspection = await this.insert(scope, {
          module: source.module,
          targetLevel: 'verblijfsobject',
          targetId: targetDwellingId,
          status: 'draft',
          templateId: template.id,
          templateVersion: template.version,
          carriedForwardFrom: source.id,
        });
        const questionIds = template.questions;
        const [from, to] = answerRange(source.id);
        const answers = await db.answers
          .where('[inspectionId+questionId]')
          .between(from, to)
          .toArray();
        for (const answer of answers) {
          // Questions dropped from a newer template version are not carried into it.
          if (isTombstone(answer) || !questionIds.has(answer.questionId)) continue;
          await this.copyAnswer(scope, answer, inspection.id, source.id);
        }
        return inspection;
      },
    );
  }

  private async copyAnswer(
    scope: WriteScope,
    answer: AnswerRow,
    inspectionId: string,
    sourceId: string,
  ): Promise<void> {
    const db = this.db;
    const hlc = scope.stamp();
    const fields: Record<string, unknown> = {
      inspectionId,
      questionId: answer.questionId,
      value: answer.value,
      answeredAt: scope.at,
      carriedForwardFrom: { inspectionId: sourceId, unconfirmed: true },
    };
    // Photos stay with the dwelling they show; the copy starts without them.
    if (scope.by !== undefined) fields.answeredBy = scope.by;
    const row = { ...fields, clocks: withClocks(undefined, fields, hlc) } as AnswerRow;
    await db.answers.put(row);
    await db.answerHistory.add({
      id: uuidv7(this.context.now()),
      inspectionId,
      questionId: answer.questionId,
      oldValue: null,
      newValue: answer.value,
      at: scope.at,
      hlc,
      ...(scope.by !== undefined && { by: scope.by }),
      reason: 'carried-forward',
    });
    await scope.enqueue(
      'answer',
      answerOpId(inspectionId, answer.questionId),
      'upsert',
      fields,
      hlc,
    );
  }

  private async create(
    input: StartInspectionInput | PlanInspectionInput,
    status: 'draft' | 'planned',
  ): Promise<InspectionView> {
    if (!moduleAllowsTarget(input.module, input.targetLevel))
      throw new InvalidInputError(
        `Module ${input.module} kan niet op niveau ${input.targetLevel} worden uitgevoerd.`,
      );
    const template = this.templates.latest(input.module);
    const db = this.db;
    return this.context.write(
      [db.inspections, db.complexes, db.panden, db.dwellings],
      async (scope) =>
        this.insert(scope, {
          module: input.module,
          targetLevel: input.targetLevel,
          targetId: input.targetId,
          status,
          templateId: template.id,
          templateVersion: template.version,
          ...('plannedFor' in input && { plannedFor: input.plannedFor }),
          ...('inspectorId' in input &&
            input.inspectorId !== undefined && { inspectorId: input.inspectorId }),
          ...(input.position && { position: input.position }),
        }),
    );
  }

  private async insert(
    scope: WriteScope,
    values: Omit<InspectionRecord, 'id' | 'complexId' | 'startedAt'>,
  ): Promise<InspectionView> {
    const complexId = await this.complexOf(values.targetLevel, values.targetId);
    const record: InspectionRecord = {
      id: uuidv7(this.context.now()),
      ...values,
      complexId,
      ...(values.status !== 'planned' && { startedAt: scope.at }),
      ...(scope.by !== undefined && values.inspectorId === undefined && { inspectorId: scope.by }),
    };
    const { id, ...fields } = record;
    const hlc = scope.stamp();
    await this.db.inspections.add({ ...record, clocks: withClocks(undefined, fields, hlc) });
    await scope.enqueue('inspection', id, 'upsert', fields, hlc);
    return record;
  }

  private async complexOf(level: TargetLevel, targetId: string): Promise<string> {
    const db = this.db;
    if (level === 'complex') {
      if (!(await db.complexes.get(targetId))) throw new NotFoundError('complex', targetId);
      return targetId;
    }
    const row = level === 'pand' ? await db.panden.get(targetId) : await db.dwellings.get(targetId);
    if (!row) throw new NotFoundError(level, targetId);
    return row.complexId;
  }

  private async change(
    scope: WriteScope,
    row: InspectionRow,
    fields: InspectionFields,
  ): Promise<InspectionView> {
    const hlc = scope.stamp();
    const next: InspectionRow = { ...row, ...fields, clocks: withClocks(row.clocks, fields, hlc) };
    await this.db.inspections.put(next);
    await scope.enqueue('inspection', row.id, 'upsert', fields, hlc);
    return stripClocks(next) as InspectionView;
  }

  /** The inspection row inside a running transaction; NotFoundError when absent or deleted. */
  private async require(inspectionId: string): Promise<InspectionRow> {
    const row = await this.db.inspections.get(inspectionId);
    if (!row || isTombstone(row)) throw new NotFoundError('inspection', inspectionId);
    return row;
  }

  private async read(inspectionId: string): Promise<InspectionView | undefined> {
    const row = await this.db.inspections.get(inspectionId);
    return row && toInspectionView(row);
  }

  private async readForTarget(level: TargetLevel, targetId: string): Promise<InspectionView[]> {
    const rows = await this.db.inspections
      .where('[targetLevel+targetId]')
      .equals([level, targetId])
      .toArray();
    return rows
      .map(toInspectionView)
      .filter((row): row is InspectionView => row !== undefined)
      .sort((a, b) =>
        (b.startedAt ?? b.plannedFor ?? '').localeCompare(a.startedAt ?? a.plannedFor ?? ''),
      );
  }

  private async readPlanning(): Promise<InspectionView[]> {
    const rows = await this.db.inspections.where('status').anyOf(PLANNING_STATUSES).toArray();
    // Work planned for a colleague (e.g. an energie-opname the sustainability team assigned)
    // syncs to every device of the organisation but belongs on that colleague's list only.
    const me = this.context.currentUser();
    return rows
      .filter((row) => isOwnInspection(row, me))
      .map(toInspectionView)
      .filter((row): row is InspectionView => row !== undefined)
      .sort(comparePlanning);
  }
}

/** The op id of an answer: answers are keyed by (inspection, question), not by their own id. */
export function answerOpId(inspectionId: string, questionId: string): string {
  return `${inspectionId}/${questionId}`;
}
