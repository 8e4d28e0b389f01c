// The IndexedDB schema of the device, through Dexie. Only repositories in this folder touch these
// tables; the UI asks repositories. Shipped versions are history: never edit a `version(n)` that
// has been released, add `version(n + 1)` with an `.upgrade()` and a test that opens a database of
// the old version full of data (database.test.ts).
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  DemoComplex,
  DemoPand,
  DemoVerblijfsobject,
} from '../../shared/domain/demo-portfolio.ts';
import type { Action, EfgCase, Finding, RoundSchedule } from '../../shared/domain/index.ts';
import type { Answer } from '../../shared/domain/templates/index.ts';
import type { EntityType } from '../../shared/sync/protocol.ts';
import type { InspectionRecord } from './inspection-types.ts';
import type { AnnotationLayer } from './photo-types.ts';
import { upgradeToV4 } from './photo-notes-upgrade.ts';
import { complexSearchTokens, dwellingSearchTokens } from './search-tokens.ts';

export const DEFAULT_DATABASE_NAME = 'schouw';

/** Meta key of the last pulled sync cursor. */
export const SYNC_CURSOR_KEY = 'sync.cursor';

/**
 * Per-field clocks of a synced record: the HLC of the write that set each field, and of the
 * newest delete. The sync engine merges pulled changes field by field with these
 * (shared/sync/merge.ts), so a pulled value never overwrites a newer local edit.
 */
export interface SyncClocks {
  clocks: Record<string, string>;
  deletedHlc?: string;
}

// Portfolio rows keep what the server knows (DemoPortfolioSchema), nulls included: a missing
// bouwjaar is shown as unknown, never invented.

export interface ComplexRow extends Omit<DemoComplex, 'panden'> {
  organisationId: string;
  /** Number of dwellings, for lists and to plan searches. */
  dwellingCount: number;
  /** Lower-case words users type (complexnummer, name, gemeente); searched in memory. */
  searchTokens: string[];
}

export interface PandRow extends Omit<DemoPand, 'verblijfsobjecten'> {
  complexId: string;
}

/** A verblijfsobject (the corporation's VHE) with its energy label. */
export interface DwellingRow extends DemoVerblijfsobject {
  pandId: string;
  /** Denormalised from the pand so a complex's dwellings are one index lookup. */
  complexId: string;
  /** Street, woonplaats, postcode, huisnummer, VHE, BAG id; multiEntry index. */
  searchTokens: string[];
}

export type InspectionRow = InspectionRecord & SyncClocks;

export interface AnswerRow extends Answer, SyncClocks {
  inspectionId: string;
  /** Who answered (user id), when known. */
  answeredBy?: string;
}

export type AnswerChangeReason =
  | 'answered'
  | 'changed'
  | 'cleared'
  | 'carried-forward'
  | 'confirmed'
  | 'reopened-correction'
  | 'photo-added'
  | 'photo-removed'
  | 'restored-from-backup'
  /** A later edit from another device (pulled, or the server's value after a refusal) won. */
  | 'replaced';

/** One change of one answer, for the audit trail. Local; included in the backup file. */
export interface AnswerHistoryRow {
  /** UUIDv7, so rows sort by time and a backup imported twice does not duplicate them. */
  id: string;
  inspectionId: string;
  questionId: string;
  oldValue: Answer['value'] | null;
  newValue: Answer['value'] | null;
  at: string;
  /** The clock of the change; orders the history even when two changes share a millisecond. */
  hlc: string;
  by?: string;
  reason: AnswerChangeReason;
}

export type FindingRow = Finding & SyncClocks;
export type ActionRow = Action & SyncClocks;
/** The EFG case of a dwelling; its id is the verblijfsobject id. */
export type EfgCaseRow = EfgCase & SyncClocks;
export type RoundScheduleRow = RoundSchedule & SyncClocks;

export interface PhotoOwner {
  inspectionId: string;
  questionId?: string;
  findingId?: string;
  /**
   * Evidence for a step of this action (closing it); the inspection is the action's, which may be
   * finished. Not indexed: the action's history lists its photos.
   */
  actionId?: string;
}

/** A photo's metadata; its bytes live in photoData so lists never load megabytes. */
export interface PhotoRow extends PhotoOwner, SyncClocks {
  /** SHA-256 of the original bytes, lowercase hex. */
  hash: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  /** 0 until the server confirmed it stored the bytes (numbers, because booleans are not keys). */
  uploaded: 0 | 1;
}

export interface PhotoDataRow {
  hash: string;
  /** ArrayBuffer, not Blob: Safari cannot always store Blobs in IndexedDB. */
  data: ArrayBuffer;
}

export interface PhotoThumbnailRow {
  hash: string;
  data: ArrayBuffer;
  mimeType: string;
  width: number;
  height: number;
}

/**
 * Up to schema version 3, the drawing on a photo per hash. Since version 4 a drawing belongs to
 * the answer or finding using the photo (`photoNotes`); this table stays empty, kept only so
 * backups of older versions can still be read.
 */
export interface PhotoAnnotationRow {
  hash: string;
  layer: AnnotationLayer;
  updatedAt: string;
  hlc: string;
}

export interface OutboxRow {
  clientId: string;
  seq: number;
  entity: EntityType;
  id: string;
  hlc: string;
  kind: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  /** Epoch milliseconds on this device, for "unsynced work gets old". */
  createdAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Schema version 1 (shipped): the initial tables. Frozen. */
export const SCHEMA_V1 = {
  complexes: 'id, complexnummer',
  panden: 'id, complexId, bagPandId',
  dwellings: 'id, complexId',
  inspections: 'id, [targetLevel+targetId], complexId, status',
  answers: '[inspectionId+questionId]',
  answerHistory: 'id, [inspectionId+questionId]',
  findings: 'id, inspectionId',
  actions: 'id, inspectionId, findingId, pandId, status',
  photos: 'hash, inspectionId, findingId, uploaded',
  photoData: 'hash',
  photoThumbnails: 'hash',
  photoAnnotations: 'hash',
  outbox: '[clientId+seq], createdAt',
  meta: 'key',
} as const;

/** Schema version 2: search-as-you-type through a multiEntry token index. Frozen once shipped. */
export const SCHEMA_V2 = {
  dwellings: 'id, complexId, *searchTokens',
} as const;

/** Schema version 3: the review workspaces' synced records. Frozen once shipped. */
export const SCHEMA_V3 = {
  efgCases: 'id, complexId, status',
  roundSchedules: 'id, pandId, complexId',
} as const;

/**
 * Schema version 4: no new index. Its upgrade moves each per-hash drawing onto the answers and
 * findings that use the photo (photo-notes-upgrade.ts). Frozen once shipped.
 */
export const SCHEMA_V4 = {} as const;

export const CURRENT_SCHEMA_VERSION = 4;

/**
 * Fills the search tokens of every dwelling and complex that existed before version 2, and the
 * dwelling count of each complex (which search uses to plan a query).
 */
async function upgradeToV2(transaction: Transaction): Promise<void> {
  const complexes = transaction.table<ComplexRow, string>('complexes');
  const dwellings = transaction.table<DwellingRow, string>('dwellings');
  const counts = new Map<string, number>();
  await dwellings.toCollection().modify((dwelling) => {
    counts.set(dwelling.complexId, (counts.get(dwelling.complexId) ?? 0) + 1);
    dwelling.searchTokens = dwellingSearchTokens(dwelling);
  });
  await complexes.toCollection().modify((complex) => {
    complex.searchTokens = complexSearchTokens(complex);
    complex.dwellingCount = counts.get(complex.id) ?? 0;
  });
}

/**
 * The version-2 app spoke sync protocol 1, whose pulls leave out the kinds protocol 2 added
 * (EFG cases, round schedules) while its cursor moved past them. Forgetting the cursor makes the
 * next pull start over, so those records arrive; merging the rest again changes nothing.
 */
async function upgradeToV3(transaction: Transaction): Promise<void> {
  await transaction.table<MetaRow, string>('meta').delete(SYNC_CURSOR_KEY);
}

export class SchouwDatabase extends Dexie {
  complexes!: EntityTable<ComplexRow, 'id'>;
  panden!: EntityTable<PandRow, 'id'>;
  dwellings!: EntityTable<DwellingRow, 'id'>;
  inspections!: EntityTable<InspectionRow, 'id'>;
  answers!: Table<AnswerRow, [string, string]>;
  answerHistory!: EntityTable<AnswerHistoryRow, 'id'>;
  findings!: EntityTable<FindingRow, 'id'>;
  actions!: EntityTable<ActionRow, 'id'>;
  photos!: EntityTable<PhotoRow, 'hash'>;
  photoData!: EntityTable<PhotoDataRow, 'hash'>;
  photoThumbnails!: EntityTable<PhotoThumbnailRow, 'hash'>;
  photoAnnotations!: EntityTable<PhotoAnnotationRow, 'hash'>;
  outbox!: Table<OutboxRow, [string, number]>;
  meta!: EntityTable<MetaRow, 'key'>;
  efgCases!: EntityTable<EfgCaseRow, 'id'>;
  roundSchedules!: EntityTable<RoundScheduleRow, 'id'>;

  constructor(
    name: string = DEFAULT_DATABASE_NAME,
    durability: 'default' | 'strict' | 'relaxed' = 'strict',
  ) {
    super(name, { chromeTransactionDurability: durability });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  }
}

/** Every table whose rows are local work (not reference data downloaded from the server). */
export function workTables(db: SchouwDatabase) {
  return [
    db.inspections,
    db.answers,
    db.answerHistory,
    db.findings,
    db.actions,
    db.photos,
    db.photoData,
    db.photoThumbnails,
    db.photoAnnotations,
    db.outbox,
    db.efgCases,
    db.roundSchedules,
  ] as const;
}
