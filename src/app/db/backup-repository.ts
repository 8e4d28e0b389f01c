// The backup file: all local work (inspections, answers and their history, findings, actions,
// photos, the outbox) as one JSON document the inspector can keep outside the browser. Importing
// it is idempotent and merges by clock, and it restores the outbox so the work still syncs.
import type { Table } from 'dexie';
import { z } from 'zod';
import { ActionSchema, FindingSchema } from '../../shared/domain/index.ts';
import { AnswerSchema, AnswerValueSchema } from '../../shared/domain/templates/index.ts';
import { compareHlc, HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { HlcSchema, OpSchema } from '../../shared/sync/protocol.ts';
import {
  CURRENT_SCHEMA_VERSION,
  type AnswerHistoryRow,
  type OutboxRow,
  type PhotoAnnotationRow,
  type PhotoDataRow,
  type PhotoRow,
  type PhotoThumbnailRow,
  type SchouwDatabase,
  type SyncClocks,
  workTables,
} from './database.ts';
import { InvalidInputError } from './errors.ts';
import { InspectionRecordSchema } from './inspection-types.ts';
import { AnnotationLayerSchema } from './photo-types.ts';
import { WRITER_KEY, type StoreContext, type WriterState } from './store-context.ts';
import { mergeRows, rowHlc } from './synced.ts';

export const BACKUP_FORMAT = 'schouw-backup';
/** Bumped when the file layout changes; older files stay importable. */
export const BACKUP_VERSION = 1;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, 'Ongeldige foto-hash.');
const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Ongeldige base64-gegevens.');

const ClocksSchema = z.object({
  clocks: z.record(z.string(), HlcSchema),
  deletedHlc: HlcSchema.optional(),
});

const AnswerRowSchema = AnswerSchema.extend({
  inspectionId: z.string().min(1),
  answeredBy: z.string().min(1).optional(),
});

const AnswerHistoryRowSchema = z.object({
  id: z.string().min(1),
  inspectionId: z.string().min(1),
  questionId: z.string().min(1),
  oldValue: AnswerValueSchema.nullable(),
  newValue: AnswerValueSchema.nullable(),
  at: z.string().min(1),
  hlc: HlcSchema,
  by: z.string().min(1).optional(),
  reason: z.enum([
    'answered',
    'changed',
    'cleared',
    'carried-forward',
    'confirmed',
    'reopened-correction',
    'photo-added',
    'restored-from-backup',
    'replaced',
  ]),
});

const PhotoRowSchema = z.object({
  hash: SHA256,
  mimeType: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string().min(1),
  inspectionId: z.string().min(1),
  questionId: z.string().min(1).optional(),
  findingId: z.string().min(1).optional(),
  actionId: z.string().min(1).optional(),
  uploaded: z.union([z.literal(0), z.literal(1)]),
});

const PhotoDataRowSchema = z.object({ hash: SHA256, data: Base64Schema });
const PhotoThumbnailRowSchema = z.object({
  hash: SHA256,
  data: Base64Schema,
  mimeType: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const PhotoAnnotationRowSchema = z.object({
  hash: SHA256,
  layer: AnnotationLayerSchema,
  updatedAt: z.string().min(1),
  hlc: HlcSchema,
});
const OutboxRowSchema = OpSchema.extend({ createdAt: z.number().finite() });

const WriterStateSchema = z.object({
  clientId: z.string().min(1),
  lastSeq: z.number().int().nonnegative(),
  hlc: HlcSchema,
});

const rows = z.array(z.unknown());

/** The envelope; rows are checked one by one so one bad row does not reject the whole file. */
export const BackupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Dit is geen Schouw-back-upbestand.' }),
  version: z.number().int().min(1).max(BACKUP_VERSION, {
    error:
      'Dit back-upbestand is gemaakt met een nieuwere versie van Schouw; werk de app eerst bij.',
  }),
  exportedAt: z.string(),
  schemaVersion: z.number().int().positive(),
  writer: WriterStateSchema.optional(),
  tables: z.object({
    inspections: rows,
    answers: rows,
    answerHistory: rows,
    findings: rows,
    actions: rows,
    photos: rows,
    photoData: rows,
    photoThumbnails: rows,
    photoAnnotations: rows,
    outbox: rows,
  }),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;
export type BackupTable = keyof BackupFile['tables'];

export interface BackupProblem {
  table: BackupTable;
  /** Position of the row in the file's table (0-based). */
  index: number;
  message: string;
}

export interface BackupImportReport {
  /** Rows added or updated (newer by clock) per table. */
  imported: Record<BackupTable, number>;
  /** Rows that were already here, or older than what is here. */
  unchanged: Record<BackupTable, number>;
  /** Rows that were not imported because they are invalid. */
  problems: BackupProblem[];
}

const TABLES: readonly BackupTable[] = [
  'inspections',
  'answers',
  'answerHistory',
  'findings',
  'actions',
  'photos',
  'photoData',
  'photoThumbnails',
  'photoAnnotations',
  'outbox',
];

// Chunked, because String.fromCharCode(...bytes) overflows the stack on megabyte photos.
const CHUNK = 0x8000;

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Ongeldige rij.';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function counters(): Record<BackupTable, number> {
  return Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<BackupTable, number>;
}

/** A synced row: its values must satisfy the entity schema and its clocks the clock schema. */
function syncedRow<S extends z.ZodType>(schema: S) {
  return (row: unknown): z.infer<S> & SyncClocks => {
    const values = schema.parse(row) as object;
    const clocks = ClocksSchema.parse(row);
    return { ...values, ...clocks } as z.infer<S> & SyncClocks;
  };
}

const parsers = {
  inspections: syncedRow(InspectionRecordSchema),
  answers: syncedRow(AnswerRowSchema),
  findings: syncedRow(FindingSchema),
  actions: syncedRow(ActionSchema),
  photos: syncedRow(PhotoRowSchema),
  answerHistory: (row: unknown) => AnswerHistoryRowSchema.parse(row) as AnswerHistoryRow,
  photoData: (row: unknown): PhotoDataRow => {
    const parsed = PhotoDataRowSchema.parse(row);
    return { hash: parsed.hash, data: fromBase64(parsed.data) };
  },
  photoThumbnails: (row: unknown): PhotoThumbnailRow => {
    const parsed = PhotoThumbnailRowSchema.parse(row);
    return { ...parsed, data: fromBase64(parsed.data) };
  },
  photoAnnotations: (row: unknown) => PhotoAnnotationRowSchema.parse(row) as PhotoAnnotationRow,
  outbox: (row: unknown) => OutboxRowSchema.parse(row) as OutboxRow,
} satisfies Record<BackupTable, (row: unknown) => unknown>;

type Parsed = { [T in BackupTable]: ReturnType<(typeof parsers)[T]>[] };

export class BackupRepository {
  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /** All local work as a backup document (a plain JSON-safe object), from one consistent snapshot. */
  async exportBackupFile(): Promise<BackupFile> {
    const db = this.db;
    return this.context.run(() =>
      db.transaction('r', [...workTables(db), db.meta], async () => {
        const [
          inspections,
          answers,
          answerHistory,
          findings,
          actions,
          photos,
          photoData,
          photoThumbnails,
          photoAnnotations,
          outbox,
          writer,
        ] = await Promise.all([
          db.inspections.toArray(),
          db.answers.toArray(),
          db.answerHistory.toArray(),
          db.findings.toArray(),
          db.actions.toArray(),
          db.photos.toArray(),
          db.photoData.toArray(),
          db.photoThumbnails.toArray(),
          db.photoAnnotations.toArray(),
          db.outbox.toArray(),
          db.meta.get(WRITER_KEY),
        ]);
        return {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: this.context.nowIso(),
          schemaVersion: CURRENT_SCHEMA_VERSION,
          ...(writer && { writer: writer.value as WriterState }),
          tables: {
            inspections,
            answers,
            answerHistory,
            findings,
            actions,
            photos,
            photoData: photoData.map((row) => ({ hash: row.hash, data: toBase64(row.data) })),
            photoThumbnails: photoThumbnails.map((row) => ({ ...row, data: toBase64(row.data) })),
            photoAnnotations,
            outbox,
          },
        } as BackupFile;
      }),
    );
  }

  /** The backup document as JSON text, ready to download (see platform/file-download.ts). */
  async exportBackup(): Promise<string> {
    return JSON.stringify(await this.exportBackupFile());
  }

  /**
   * Imports a backup (JSON text or parsed object). Invalid rows are reported and skipped; valid
   * ones are merged: per field the newer clock wins, so importing twice, or importing an older
   * backup over newer work, changes nothing. Pending outbox ops come back with their original
   * (clientId, seq), so the server recognises any it has already applied.
   */
  async importBackup(input: string | unknown): Promise<BackupImportReport> {
    let json: unknown = input;
    if (typeof input === 'string') {
      try {
        json = JSON.parse(input);
      } catch {
        throw new InvalidInputError('Het back-upbestand is geen geldige JSON.');
      }
    }
    const envelope = BackupFileSchema.safeParse(json);
    if (!envelope.success)
      throw new InvalidInputError(`Het back-upbestand is ongeldig: ${describe(envelope.error)}`);
    const problems: BackupProblem[] = [];
    const parsed = {} as Record<BackupTable, unknown[]>;
    for (const table of TABLES) {
      const valid: unknown[] = [];
      envelope.data.tables[table].forEach((row, index) => {
        try {
          valid.push(parsers[table](row));
        } catch (error) {
          const message =
            error instanceof z.ZodError
              ? describe(error)
              : 'Onleesbare rij (geen geldige gegevens).';
          problems.push({ table, index, message });
        }
      });
      parsed[table] = valid;
    }
    const report = await this.merge(parsed as Parsed, envelope.data.writer);
    return { ...report, problems };
  }

  private merge(
    data: Parsed,
    backupWriter: WriterState | undefined,
  ): Promise<Omit<BackupImportReport, 'problems'>> {
    const db = this.db;
    const imported = counters();
    const unchanged = counters();
    const count = (table: BackupTable, changed: boolean) => {
      if (changed) imported[table] += 1;
      else unchanged[table] += 1;
    };
    return this.context.run(() =>
      db.transaction('rw', [...workTables(db), db.meta], async () => {
        let newest: string | undefined;
        const see = (hlc: string | undefined) => {
          if (hlc !== undefined && (newest === undefined || compareHlc(hlc, newest) > 0))
            newest = hlc;
        };

        // Synced tables: merge field by field by clock; `keep` lets local knowledge survive.
        const mergeSynced = async <T extends I & SyncClocks & object, K, I>(
          name: BackupTable,
          rowsIn: readonly T[],
          table: Table<T, K, I>,
          keyOf: (row: T) => K,
          keep: (merged: T, local: T | undefined) => T = (merged) => merged,
        ) => {
          const existing = await table.bulkGet(rowsIn.map(keyOf));
          const changed: T[] = [];
          rowsIn.forEach((row, index) => {
            see(rowHlc(row));
            const merged = mergeRows(existing[index], row);
            if (merged) changed.push(keep(merged, existing[index]));
            count(name, merged !== undefined);
          });
          if (changed.length) await table.bulkPut(changed);
        };
        // Append-only and content-addressed tables: add what is missing.
        const addMissing = async <T extends I, K, I>(
          name: BackupTable,
          rowsIn: readonly T[],
          table: Table<T, K, I>,
          keyOf: (row: T) => K,
        ) => {
          const existing = await table.bulkGet(rowsIn.map(keyOf));
          const missing = rowsIn.filter((_row, index) => existing[index] === undefined);
          rowsIn.forEach((_row, index) => count(name, existing[index] === undefined));
          if (missing.length) await table.bulkAdd(missing);
        };
        const byId = (row: { id: string }) => row.id;
        const byHash = (row: { hash: string }) => row.hash;

        await mergeSynced('inspections', data.inspections, db.inspections, byId);
        await mergeSynced(
          'answers',
          data.answers,
          db.answers,
          (row) => [row.inspectionId, row.questionId] as [string, string],
        );
        await mergeSynced('findings', data.findings, db.findings, byId);
        await mergeSynced('actions', data.actions, db.actions, byId);
        // A photo's upload state is local knowledge: keep "uploaded" when either copy knows it.
        await mergeSynced('photos', data.photos as PhotoRow[], db.photos, byHash, (row, local) =>
          local?.uploaded === 1 ? { ...row, uploaded: 1 as const } : row,
        );

        await addMissing('answerHistory', data.answerHistory, db.answerHistory, byId);
        await addMissing('photoData', data.photoData, db.photoData, byHash);
        await addMissing('photoThumbnails', data.photoThumbnails, db.photoThumbnails, byHash);
        await addMissing(
          'outbox',
          data.outbox,
          db.outbox,
          (row) => [row.clientId, row.seq] as [string, number],
        );
        for (const op of data.outbox) see(op.hlc);

        const annotations = await db.photoAnnotations.bulkGet(
          data.photoAnnotations.map((row) => row.hash),
        );
        const newerAnnotations = data.photoAnnotations.filter((row, index) => {
          see(row.hlc);
          const local = annotations[index];
          const newer = !local || compareHlc(row.hlc, local.hlc) > 0;
          count('photoAnnotations', newer);
          return newer;
        });
        if (newerAnnotations.length) await db.photoAnnotations.bulkPut(newerAnnotations);

        await this.advanceWriter(data.outbox, backupWriter, newest);
        return { imported, unchanged };
      }),
    );
  }

  /**
   * After an import this device must never reuse a restored (clientId, seq) nor stamp a change
   * older than an imported one.
   */
  private async advanceWriter(
    outbox: readonly OutboxRow[],
    backupWriter: WriterState | undefined,
    newest: string | undefined,
  ): Promise<void> {
    const state = await this.context.readWriterState();
    let lastSeq = state.lastSeq;
    for (const op of outbox)
      if (op.clientId === state.clientId) lastSeq = Math.max(lastSeq, op.seq);
    if (backupWriter?.clientId === state.clientId)
      lastSeq = Math.max(lastSeq, backupWriter.lastSeq);
    const clock = new HybridLogicalClock(state.clientId, this.context.now, state.hlc);
    if (newest !== undefined) clock.receive(newest);
    if (backupWriter) clock.receive(backupWriter.hlc);
    const next: WriterState = { clientId: state.clientId, lastSeq, hlc: clock.current() };
    await this.db.meta.put({ key: WRITER_KEY, value: next });
  }
}
