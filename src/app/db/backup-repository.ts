// The backup file: all local work (every synced entity of the registry in shared/sync/entities.ts,
// the answers' history, photo bytes and drawings, the outbox) as one JSON document the inspector
// can keep outside the browser. Importing it is idempotent and merges by clock, and it restores
// the outbox so the work still syncs.
import type { Table } from 'dexie';
import { z } from 'zod';
import { AnswerValueSchema } from '../../shared/domain/templates/index.ts';
import {
  PhotoRecordSchema,
  syncedEntities,
  type LocalKey,
  type SyncedEntity,
} from '../../shared/sync/entities.ts';
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
import { legacyDrawings, splitIntoUse } from './photo-notes-upgrade.ts';
import { AnnotationLayerSchema } from './photo-types.ts';
import { answerPhotoHashes } from './photo-uses.ts';
import { WRITER_KEY, type StoreContext, type WriterState } from './store-context.ts';
import { mergeRows, rowHlc } from './synced.ts';

export const BACKUP_FORMAT = 'schouw-backup';
/**
 * Bumped when the file layout changes; older files stay importable. Version 2 added the EFG cases
 * and round schedules (every synced entity of the registry).
 */
export const BACKUP_VERSION = 2;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, 'Ongeldige foto-hash.');
const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Ongeldige base64-gegevens.');

const ClocksSchema = z.object({
  clocks: z.record(z.string(), HlcSchema),
  deletedHlc: HlcSchema.optional(),
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
    'photo-removed',
    'restored-from-backup',
    'replaced',
  ]),
});

// A photo row also keeps whether its bytes reached the server (local knowledge).
const PhotoRowSchema = PhotoRecordSchema.extend({
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

/** The tables of the synced entities, from the registry. */
type SyncedTable = SyncedEntity['table'];
const SYNCED: readonly SyncedEntity[] = Object.values(syncedEntities);
/** Tables only the device keeps. */
const LOCAL_TABLES = [
  'answerHistory',
  'photoData',
  'photoThumbnails',
  'photoAnnotations',
  'outbox',
] as const;
export type BackupTable = SyncedTable | (typeof LOCAL_TABLES)[number];

// Tables of a version-1 file; one added later is optional, so an older file still imports.
const V1_TABLES: readonly BackupTable[] = [
  'inspections',
  'answers',
  'findings',
  'actions',
  'photos',
  ...LOCAL_TABLES,
];
const TABLES: readonly BackupTable[] = [...SYNCED.map((spec) => spec.table), ...LOCAL_TABLES];

const TablesSchema = z.object(
  Object.fromEntries(
    TABLES.map((table) => [table, V1_TABLES.includes(table) ? rows : rows.default([])]),
  ) as Record<BackupTable, typeof rows>,
);

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
  tables: TablesSchema,
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

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

type SyncedRow = Record<string, unknown> & SyncClocks;

const syncedParsers = Object.fromEntries(
  SYNCED.map((spec) => [
    spec.table,
    syncedRow(spec.table === 'photos' ? PhotoRowSchema : spec.record) as (
      row: unknown,
    ) => SyncedRow,
  ]),
) as Record<SyncedTable, (row: unknown) => SyncedRow>;

const parsers = {
  ...syncedParsers,
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

/** The Dexie key of a synced row. */
function keyOf(key: LocalKey): (row: SyncedRow) => unknown {
  switch (key) {
    case 'id':
      return (row) => row.id;
    case 'hash':
      return (row) => row.hash;
    case 'inspection-question':
      return (row) => [row.inspectionId, row.questionId];
  }
}

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
        const synced = await Promise.all(SYNCED.map((spec) => db.table(spec.table).toArray()));
        const [answerHistory, photoData, photoThumbnails, photoAnnotations, outbox, writer] =
          await Promise.all([
            db.answerHistory.toArray(),
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
            ...Object.fromEntries(SYNCED.map((spec, index) => [spec.table, synced[index]])),
            answerHistory,
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
        const mergeSynced = async (
          name: BackupTable,
          rowsIn: readonly SyncedRow[],
          table: Table,
          key: (row: SyncedRow) => unknown,
          keep: (merged: SyncedRow, local: SyncedRow | undefined) => SyncedRow = (merged) => merged,
        ) => {
          const existing = (await table.bulkGet(rowsIn.map(key) as string[])) as (
            SyncedRow | undefined
          )[];
          const changed: SyncedRow[] = [];
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

        for (const spec of SYNCED) {
          // A photo's upload state is local knowledge: keep "uploaded" when either copy knows it.
          const keep =
            spec.table === 'photos'
              ? (row: SyncedRow, local: SyncedRow | undefined) =>
                  local?.uploaded === 1 ? { ...row, uploaded: 1 as const } : row
              : undefined;
          await mergeSynced(
            spec.table,
            data[spec.table],
            db.table(spec.table),
            keyOf(spec.key),
            keep,
          );
        }

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

        // A backup of a version before 4 keeps drawings per photo hash: they become the drawings
        // of the uses of that photo in the backup (as the version-4 upgrade does on a device).
        for (const row of data.photoAnnotations) see(row.hlc);
        const drawings = legacyDrawings(
          data.photoAnnotations,
          data.photos as unknown as PhotoRow[],
        );
        const split = new Set<string>();
        if (drawings.size > 0) {
          const answerKeys = data.answers.map(
            (row) => [row.inspectionId, row.questionId] as [string, string],
          );
          const answers = (await db.answers.bulkGet(answerKeys)).flatMap((row) => {
            const notes =
              row &&
              splitIntoUse(row.photoNotes, row.clocks.photoNotes, answerPhotoHashes(row), drawings);
            notes?.hashes.forEach((hash) => split.add(hash));
            return row && notes
              ? [
                  {
                    ...row,
                    photoNotes: notes.photoNotes,
                    clocks: { ...row.clocks, photoNotes: notes.hlc },
                  },
                ]
              : [];
          });
          const findings = (
            await db.findings.bulkGet(data.findings.map((row) => String(row.id)))
          ).flatMap((row) => {
            const notes =
              row && splitIntoUse(row.photoNotes, row.clocks.photoNotes, row.photoIds, drawings);
            notes?.hashes.forEach((hash) => split.add(hash));
            return row && notes
              ? [
                  {
                    ...row,
                    photoNotes: notes.photoNotes,
                    clocks: { ...row.clocks, photoNotes: notes.hlc },
                  },
                ]
              : [];
          });
          if (answers.length) await db.answers.bulkPut(answers);
          if (findings.length) await db.findings.bulkPut(findings);
        }
        for (const row of data.photoAnnotations) count('photoAnnotations', split.has(row.hash));

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
