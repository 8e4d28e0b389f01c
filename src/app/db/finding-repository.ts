// Findings (bevindingen) of an inspection, optionally with the action that follows from them in
// the same transaction. A finding of a finished inspection changes only after reopening.
import { FindingSchema, type Finding } from '../../shared/domain/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { newActionRecord, type NewAction } from './action-repository.ts';
import type { FindingRow, SchouwDatabase } from './database.ts';
import { deleteEntity, insertEntity, updateEntity } from './entity-writes.ts';
import { InspectionClosedError, NotFoundError } from './errors.ts';
import { live, type Live } from './live.ts';
import type { StoreContext, WriteScope } from './store-context.ts';
import { isTombstone, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

export type FindingView = Finding;

export type NewFinding = Omit<Finding, 'id' | 'inspectionId' | 'createdAt' | 'photoIds'> & {
  photoIds?: string[];
};

export type FindingChanges = Partial<
  Pick<Finding, 'location' | 'description' | 'severity' | 'nen2767' | 'photoIds' | 'position'>
>;

export function toFindingView(row: FindingRow): FindingView | undefined {
  return isTombstone(row) ? undefined : stripClocks(row);
}

export class FindingRepository {
  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  create(inspectionId: string, input: NewFinding): Promise<FindingView> {
    const db = this.db;
    return this.context.write([db.inspections, db.findings], (scope) =>
      this.insert(scope, inspectionId, input),
    );
  }

  /**
   * A finding and the action it requires, in one transaction (one user action). The action's
   * findingId and inspectionId are filled in.
   */
  createWithAction(
    inspectionId: string,
    finding: NewFinding,
    action: Omit<NewAction, 'findingId' | 'inspectionId'>,
  ): Promise<{ finding: FindingView; action: ReturnType<typeof newActionRecord> }> {
    const db = this.db;
    return this.context.write([db.inspections, db.findings, db.actions], async (scope) => {
      const created = await this.insert(scope, inspectionId, finding);
      const record = newActionRecord(
        { ...action, findingId: created.id, inspectionId },
        scope,
        this.context.now(),
      );
      await insertEntity(scope, db.actions, 'action', record);
      return { finding: created, action: record };
    });
  }

  update(findingId: string, changes: FindingChanges): Promise<FindingView> {
    const db = this.db;
    return this.context.write([db.inspections, db.findings], async (scope) => {
      const row = await this.require(findingId);
      await this.requireEditable(row.inspectionId);
      const next = validate(FindingSchema, { ...stripClocks(row), ...changes });
      const fields = Object.fromEntries(
        Object.keys(changes).map((name) => [name, next[name as keyof Finding]]),
      ) as FindingChanges;
      return updateEntity(scope, db.findings, 'finding', row, fields);
    });
  }

  remove(findingId: string): Promise<void> {
    const db = this.db;
    return this.context.write([db.inspections, db.findings], async (scope) => {
      const row = await this.require(findingId);
      await this.requireEditable(row.inspectionId);
      await deleteEntity(scope, db.findings, 'finding', row);
    });
  }

  get(findingId: string): Promise<FindingView | undefined> {
    return this.context.run(async () => {
      const row = await this.db.findings.get(findingId);
      return row && toFindingView(row);
    });
  }

  /** Findings of an inspection, oldest first. */
  listForInspection(inspectionId: string): Promise<FindingView[]> {
    return this.context.run(() => this.readForInspection(inspectionId));
  }

  watchForInspection(inspectionId: string): Live<FindingView[]> {
    return live(() => this.readForInspection(inspectionId));
  }

  private async insert(
    scope: WriteScope,
    inspectionId: string,
    input: NewFinding,
  ): Promise<FindingView> {
    await this.requireEditable(inspectionId);
    const record = validate(FindingSchema, {
      ...input,
      id: uuidv7(this.context.now()),
      inspectionId,
      createdAt: scope.at,
      photoIds: input.photoIds ?? [],
    });
    return insertEntity(scope, this.db.findings, 'finding', record);
  }

  private async require(findingId: string): Promise<FindingRow> {
    const row = await this.db.findings.get(findingId);
    if (!row || isTombstone(row)) throw new NotFoundError('finding', findingId);
    return row;
  }

  private async requireEditable(inspectionId: string): Promise<void> {
    const inspection = await this.db.inspections.get(inspectionId);
    if (!inspection || isTombstone(inspection)) throw new NotFoundError('inspection', inspectionId);
    if (inspection.status === 'finished') throw new InspectionClosedError(inspectionId);
  }

  private async readForInspection(inspectionId: string): Promise<FindingView[]> {
    const rows = await this.db.findings.where('inspectionId').equals(inspectionId).toArray();
    return rows
      .map(toFindingView)
      .filter((row): row is FindingView => row !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
