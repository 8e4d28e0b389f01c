// Answers: the autosave of the inspection form. `saveAnswer` is one transaction that writes the
// answer, its history row and its outbox op; when its promise resolves the answer is on disk.
import {
  AnswerValueSchema,
  type Answer,
  type AnswerSet,
  type AnswerValue,
} from '../../shared/domain/templates/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { compareHlc } from '../../shared/sync/hlc.ts';
import type {
  AnswerChangeReason,
  AnswerHistoryRow,
  AnswerRow,
  InspectionRow,
  SchouwDatabase,
} from './database.ts';
import {
  InspectionClosedError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from './errors.ts';
import { answerOpId, answerRange } from './inspection-repository.ts';
import { live, type Live } from './live.ts';
import type { StoreContext, WriteScope } from './store-context.ts';
import { withClocks } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';
import type { TemplateCatalogue } from './template-catalogue.ts';

export interface AnswerView extends Answer {
  inspectionId: string;
  answeredBy?: string;
}

export interface SaveAnswerOptions {
  /** Replaces the answer's photos (SHA-256 hashes of stored photos). */
  photoIds?: readonly string[];
}

export type AnswerHistoryEntry = AnswerHistoryRow;

export function toAnswerView(row: AnswerRow): AnswerView | undefined {
  return isTombstone(row) ? undefined : stripClocks(row);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class AnswerRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly templates: TemplateCatalogue,
  ) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /**
   * Saves one answer (autosave). Answering a planned inspection starts it; a finished one
   * refuses until it is reopened, and changes after reopening are recorded as corrections.
   * Saving the same value again changes nothing and queues nothing.
   */
  async saveAnswer(
    inspectionId: string,
    questionId: string,
    value: AnswerValue,
    options: SaveAnswerOptions = {},
  ): Promise<AnswerView> {
    const parsed = AnswerValueSchema.safeParse(value);
    if (!parsed.success)
      throw new InvalidInputError(parsed.error.issues[0]?.message ?? 'Ongeldig antwoord.');
    const db = this.db;
    return this.context.write([db.inspections, db.answers, db.answerHistory], async (scope) => {
      // Both reads in flight at once: one round trip less on every autosave.
      const [inspection, existing] = await Promise.all([
        this.requireEditable(scope, inspectionId),
        this.readRow(inspectionId, questionId),
      ]);
      this.checkQuestion(inspection, questionId, parsed.data);
      const previous = existing && toAnswerView(existing);
      const photoIds = options.photoIds ? [...options.photoIds] : previous?.photoIds;
      const confirmed = previous?.carriedForwardFrom && {
        ...previous.carriedForwardFrom,
        unconfirmed: false,
      };
      if (
        previous &&
        sameJson(previous.value, parsed.data) &&
        sameJson(previous.photoIds, photoIds) &&
        !previous.carriedForwardFrom?.unconfirmed
      )
        return previous;
      const fields: Record<string, unknown> = {
        inspectionId,
        questionId,
        value: parsed.data,
        answeredAt: scope.at,
      };
      if (scope.by !== undefined) fields.answeredBy = scope.by;
      if (photoIds !== undefined) fields.photoIds = photoIds;
      // Changing a copied answer on site confirms it just like confirming it unchanged.
      if (confirmed) fields.carriedForwardFrom = confirmed;
      const reason: AnswerChangeReason =
        inspection.status === 'reopened'
          ? 'reopened-correction'
          : previous
            ? previous.carriedForwardFrom?.unconfirmed && sameJson(previous.value, parsed.data)
              ? 'confirmed'
              : 'changed'
            : 'answered';
      return this.writeAnswer(scope, existing, fields, previous?.value ?? null, reason);
    });
  }

  /** Removes an answer (the question becomes unanswered); a tombstone syncs the removal. */
  clearAnswer(inspectionId: string, questionId: string): Promise<void> {
    const db = this.db;
    return this.context.write([db.inspections, db.answers, db.answerHistory], async (scope) => {
      const inspection = await this.requireEditable(scope, inspectionId);
      const existing = await this.readRow(inspectionId, questionId);
      if (!existing || isTombstone(existing)) return;
      await this.removeAnswer(
        scope,
        existing,
        inspection.status === 'reopened' ? 'reopened-correction' : 'cleared',
      );
    });
  }

  /** Writes the tombstone of a live answer, its history row and its op. Shared with photos. */
  async removeAnswer(
    scope: WriteScope,
    existing: AnswerRow,
    reason: AnswerChangeReason,
  ): Promise<void> {
    const { inspectionId, questionId } = existing;
    const hlc = scope.stamp();
    await this.db.answers.put({ ...existing, deletedHlc: hlc });
    await this.addHistory(scope, hlc, {
      inspectionId,
      questionId,
      oldValue: existing.value,
      newValue: null,
      reason,
    });
    await scope.enqueue('answer', answerOpId(inspectionId, questionId), 'delete', {}, hlc);
  }

  /** Confirms a carried-forward answer unchanged: the inspector checked it on site. */
  confirmAnswer(inspectionId: string, questionId: string): Promise<AnswerView> {
    const db = this.db;
    return this.context.write([db.inspections, db.answers, db.answerHistory], async (scope) => {
      await this.requireEditable(scope, inspectionId);
      const existing = await this.readRow(inspectionId, questionId);
      const previous = existing && toAnswerView(existing);
      if (!previous) throw new NotFoundError('answer', answerOpId(inspectionId, questionId));
      if (!previous.carriedForwardFrom?.unconfirmed) return previous;
      const fields = {
        carriedForwardFrom: { ...previous.carriedForwardFrom, unconfirmed: false },
      };
      return this.writeAnswer(scope, existing, fields, previous.value, 'confirmed');
    });
  }

  /** All current answers of an inspection, keyed by question id (what the form evaluates). */
  answerSet(inspectionId: string): Promise<AnswerSet> {
    return this.context.run(() => this.readSet(inspectionId));
  }

  watchAnswerSet(inspectionId: string): Live<AnswerSet> {
    return live(() => this.readSet(inspectionId));
  }

  /** All current answers of an inspection with who answered, in question id order. */
  list(inspectionId: string): Promise<AnswerView[]> {
    return this.context.run(() => this.readList(inspectionId));
  }

  get(inspectionId: string, questionId: string): Promise<AnswerView | undefined> {
    return this.context.run(async () => {
      const row = await this.readRow(inspectionId, questionId);
      return row && toAnswerView(row);
    });
  }

  /** How many carried-forward answers still wait for confirmation. */
  async unconfirmedCount(inspectionId: string): Promise<number> {
    const answers = await this.list(inspectionId);
    return answers.filter((answer) => answer.carriedForwardFrom?.unconfirmed).length;
  }

  /** Every change of the answers of an inspection (or of one question), oldest first. */
  history(inspectionId: string, questionId?: string): Promise<AnswerHistoryEntry[]> {
    const db = this.db;
    return this.context.run(async () => {
      const rows =
        questionId === undefined
          ? await db.answerHistory
              .where('[inspectionId+questionId]')
              .between(...answerRange(inspectionId))
              .toArray()
          : await db.answerHistory
              .where('[inspectionId+questionId]')
              .equals([inspectionId, questionId])
              .toArray();
      return rows.sort((a, b) => compareHlc(a.hlc, b.hlc));
    });
  }

  /** Writes the answer row, its history row and its op. Shared by the photo repository. */
  async writeAnswer(
    scope: WriteScope,
    existing: AnswerRow | undefined,
    fields: Record<string, unknown>,
    oldValue: AnswerValue | null,
    reason: AnswerChangeReason,
  ): Promise<AnswerView> {
    const hlc = scope.stamp();
    const inspectionId = (existing?.inspectionId ?? fields.inspectionId) as string;
    const questionId = (existing?.questionId ?? fields.questionId) as string;
    // An answer given again after it was cleared starts afresh: old photos or carry-forward
    // marks do not come back with it.
    const live = existing && !isTombstone(existing) ? existing : undefined;
    const opFields = live ? fields : { ...fields, inspectionId, questionId };
    const next = {
      ...live,
      ...opFields,
      clocks: withClocks(live?.clocks, opFields, hlc),
      ...(existing?.deletedHlc !== undefined && { deletedHlc: existing.deletedHlc }),
    } as AnswerRow;
    await this.db.answers.put(next);
    await this.addHistory(scope, hlc, {
      inspectionId,
      questionId,
      oldValue,
      newValue: next.value,
      reason,
    });
    await scope.enqueue('answer', answerOpId(inspectionId, questionId), 'upsert', opFields, hlc);
    return stripClocks(next);
  }

  /** The inspection inside a running transaction, when its answers may change. */
  async requireEditable(scope: WriteScope, inspectionId: string): Promise<InspectionRow> {
    const db = this.db;
    const row = await db.inspections.get(inspectionId);
    if (!row || isTombstone(row)) throw new NotFoundError('inspection', inspectionId);
    if (row.status === 'finished') throw new InspectionClosedError(inspectionId);
    if (row.status !== 'planned') return row;
    // The first answer starts a planned inspection.
    const fields = { status: 'draft' as const, startedAt: scope.at };
    const hlc = scope.stamp();
    const started: InspectionRow = {
      ...row,
      ...fields,
      clocks: withClocks(row.clocks, fields, hlc),
    };
    await db.inspections.put(started);
    await scope.enqueue('inspection', row.id, 'upsert', fields, hlc);
    return started;
  }

  readRow(inspectionId: string, questionId: string): Promise<AnswerRow | undefined> {
    return this.db.answers.get([inspectionId, questionId]);
  }

  /** The answer type of a question in the inspection's own template version. */
  questionType(inspection: InspectionRow, questionId: string): string | undefined {
    const template = this.templates.get(inspection.templateId, inspection.templateVersion);
    if (!template)
      throw new InvalidStateError(
        `Vragenlijst ${inspection.templateId} versie ${inspection.templateVersion} ontbreekt in deze app-versie.`,
      );
    return template.questions.get(questionId);
  }

  private checkQuestion(inspection: InspectionRow, questionId: string, value: AnswerValue): void {
    const type = this.questionType(inspection, questionId);
    if (type === undefined)
      throw new InvalidInputError(`Vraag ${questionId} hoort niet bij deze vragenlijst.`);
    if (type !== value.type)
      throw new InvalidInputError(
        `Vraag ${questionId} verwacht een antwoord van type ${type}, niet ${value.type}.`,
      );
  }

  private async addHistory(
    scope: WriteScope,
    hlc: string,
    entry: Omit<AnswerHistoryRow, 'id' | 'at' | 'by' | 'hlc'>,
  ): Promise<void> {
    await this.db.answerHistory.add({
      id: uuidv7(this.context.now()),
      ...entry,
      at: scope.at,
      hlc,
      ...(scope.by !== undefined && { by: scope.by }),
    });
  }

  private async readList(inspectionId: string): Promise<AnswerView[]> {
    const rows = await this.db.answers
      .where('[inspectionId+questionId]')
      .between(...answerRange(inspectionId))
      .toArray();
    return rows.map(toAnswerView).filter((row): row is AnswerView => row !== undefined);
  }

  private async readSet(inspectionId: string): Promise<AnswerSet> {
    const set: Record<string, Answer> = {};
    for (const answer of await this.readList(inspectionId))
      set[answer.questionId] = omit(answer, 'inspectionId', 'answeredBy');
    return set;
  }
}
