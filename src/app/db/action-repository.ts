// Actions (acties) with owner role and due date, usually raised from a finding. Status changes
// follow the domain's transition table (applyActionTransition); the server checks it again.
import {
  ActionSchema,
  applyActionTransition,
  type Action,
  type ActionStatus,
  type Actor,
} from '../../shared/domain/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ActionRow, SchouwDatabase } from './database.ts';
import { deleteEntity, insertEntity, updateEntity } from './entity-writes.ts';
import { InvalidStateError, NotFoundError } from './errors.ts';
import { live, type Live } from './live.ts';
import type { StoreContext, WriteScope } from './store-context.ts';
import { isTombstone, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

export type ActionView = Action;

export type NewAction = Pick<Action, 'what' | 'ownerRole' | 'dueDate'> &
  Partial<Pick<Action, 'findingId' | 'inspectionId' | 'pandId' | 'moduleId'>>;

export type ActionChanges = Partial<Pick<Action, 'what' | 'ownerRole' | 'dueDate' | 'pandId'>>;

const OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in-behandeling'];
const CLOSED_STATUSES: readonly ActionStatus[] = ['afgerond', 'vervallen'];

export function toActionView(row: ActionRow): ActionView | undefined {
  return isTombstone(row) ? undefined : stripClocks(row);
}

/** A new open action; `by` in its history is the user, or this device when nobody signed in. */
export function newActionRecord(input: NewAction, scope: WriteScope, now: number): Action {
  return validate(ActionSchema, {
    ...input,
    id: uuidv7(now),
    status: 'open',
    history: [{ status: 'open', by: scope.by ?? scope.clientId, at: scope.at }],
  });
}

export class ActionRepository {
  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  create(input: NewAction): Promise<ActionView> {
    const db = this.db;
    return this.context.write([db.actions], (scope) =>
      insertEntity(scope, db.actions, 'action', newActionRecord(input, scope, this.context.now())),
    );
  }

  update(actionId: string, changes: ActionChanges): Promise<ActionView> {
    const db = this.db;
    return this.context.write([db.actions], async (scope) => {
      const row = await this.require(actionId);
      const next = validate(ActionSchema, { ...stripClocks(row), ...changes });
      const fields = Object.fromEntries(
        Object.keys(changes).map((name) => [name, next[name as keyof Action]]),
      ) as ActionChanges;
      return updateEntity(scope, db.actions, 'action', row, fields);
    });
  }

  /**
   * Changes the status (in behandeling, afgerond, vervallen, heropend) by the domain's rules;
   * `photoIds` are evidence photos stored before (PhotoRepository.addPhoto with this actionId).
   */
  transition(
    actionId: string,
    to: ActionStatus,
    actor: Actor,
    note?: string,
    photoIds?: readonly string[],
  ): Promise<ActionView> {
    const db = this.db;
    return this.context.write([db.actions], async (scope) => {
      const row = await this.require(actionId);
      const result = applyActionTransition(stripClocks(row), to, actor, scope.at, note, photoIds);
      if (!result.ok) throw new InvalidStateError(result.error);
      const { status, history } = result.action;
      return updateEntity(scope, db.actions, 'action', row, { status, history });
    });
  }

  remove(actionId: string): Promise<void> {
    const db = this.db;
    return this.context.write([db.actions], async (scope) => {
      await deleteEntity(scope, db.actions, 'action', await this.require(actionId));
    });
  }

  get(actionId: string): Promise<ActionView | undefined> {
    return this.context.run(async () => {
      const row = await this.db.actions.get(actionId);
      return row && toActionView(row);
    });
  }

  watch(actionId: string): Live<ActionView | undefined> {
    return live(async () => {
      const row = await this.db.actions.get(actionId);
      return row && toActionView(row);
    });
  }

  listForInspection(inspectionId: string): Promise<ActionView[]> {
    return this.context.run(() => this.readWhere('inspectionId', inspectionId));
  }

  watchForInspection(inspectionId: string): Live<ActionView[]> {
    return live(() => this.readWhere('inspectionId', inspectionId));
  }

  listForFinding(findingId: string): Promise<ActionView[]> {
    return this.context.run(() => this.readWhere('findingId', findingId));
  }

  /** Open and in-progress actions, soonest due first. */
  listOpen(): Promise<ActionView[]> {
    return this.context.run(() => this.readOpen());
  }

  watchOpen(): Live<ActionView[]> {
    return live(() => this.readOpen());
  }

  /** Afgerond and vervallen actions, most recently closed first (at most `limit`). */
  listRecentlyClosed(limit: number): Promise<ActionView[]> {
    return this.context.run(() => this.readRecentlyClosed(limit));
  }

  watchRecentlyClosed(limit: number): Live<ActionView[]> {
    return live(() => this.readRecentlyClosed(limit));
  }

  private async require(actionId: string): Promise<ActionRow> {
    const row = await this.db.actions.get(actionId);
    if (!row || isTombstone(row)) throw new NotFoundError('action', actionId);
    return row;
  }

  private async readWhere(index: 'inspectionId' | 'findingId', id: string): Promise<ActionView[]> {
    const rows = await this.db.actions.where(index).equals(id).toArray();
    return visible(rows).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }

  private async readRecentlyClosed(limit: number): Promise<ActionView[]> {
    const rows = await this.db.actions.where('status').anyOf(CLOSED_STATUSES).toArray();
    const closedAt = (action: ActionView) => action.history.at(-1)?.at ?? '';
    return visible(rows)
      .sort((a, b) => closedAt(b).localeCompare(closedAt(a)))
      .slice(0, limit);
  }

  private async readOpen(): Promise<ActionView[]> {
    const rows = await this.db.actions.where('status').anyOf(OPEN_STATUSES).toArray();
    return visible(rows).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }
}

function visible(rows: readonly ActionRow[]): ActionView[] {
  return rows.map(toActionView).filter((row): row is ActionView => row !== undefined);
}
