// The sync protocol shared by app, service worker and server: what a device sends and receives.
// One file so client and server can never disagree about a message's shape.
import { z } from 'zod';
import { isHlc } from './hlc.ts';
import { isUuidv7 } from '../ids.ts';

/**
 * Bumped when messages change; the server accepts this and the previous version.
 * v2 added the efgCase and roundSchedule entities (a v1 device never sends them).
 * v3 moved a photo's drawing from the photo record (`annotation`, one per image hash) to the
 * answer or finding using it (`photoNotes`, with a caption; shared/domain/photo-note.ts). A v2
 * device still sends photo `annotation` ops; the server accepts and keeps them on the photo.
 */
export const PROTOCOL_VERSION = 3;

export const HlcSchema = z.string().refine(isHlc, { message: 'Ongeldige HLC-tijdstempel.' });
export const ClientIdSchema = z
  .string()
  .refine(isUuidv7, { message: 'clientId moet een UUIDv7 zijn.' });

/** Kinds of records that travel through the outbox. */
export const EntityTypeSchema = z.enum([
  'inspection',
  'answer',
  'finding',
  'action',
  'photo',
  'efgCase',
  'roundSchedule',
]);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** A field name of a synced record: plain identifiers only, so it can be a JSON key safely. */
const FieldNameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'Ongeldige veldnaam.');

/**
 * One change made on one device. `fields` holds only the fields this change set; every field in
 * it carries the op's `hlc`, which decides per-field merges (last writer by HLC wins). A delete is
 * a tombstone with its own clock, so a late edit cannot resurrect a deleted record by accident.
 */
export const OpSchema = z.object({
  clientId: ClientIdSchema,
  seq: z.number().int().positive(),
  entity: EntityTypeSchema,
  id: z.string().min(1).max(200),
  hlc: HlcSchema,
  kind: z.enum(['upsert', 'delete']),
  fields: z.record(FieldNameSchema, z.unknown()),
});
export type Op = z.infer<typeof OpSchema>;

/** Protocol versions the server still accepts: this one and the previous app version's. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [
  PROTOCOL_VERSION - 1,
  PROTOCOL_VERSION,
].filter((version) => version >= 1);

/** Most ops in one push; a device with more sends several pushes. */
export const MAX_OPS_PER_PUSH = 500;

/** Every sync request says which protocol and which local schema the device speaks. */
export const VersionHeaderSchema = z.object({
  protocolVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
});

export const PushRequestSchema = VersionHeaderSchema.extend({
  clientId: ClientIdSchema,
  ops: z.array(OpSchema).min(1).max(MAX_OPS_PER_PUSH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const FieldStateSchema = z.object({ value: z.unknown(), hlc: HlcSchema });

/** A record's state as the server holds it: every field with its clock, and its tombstone. */
export const RecordStateSchema = z.object({
  fields: z.record(z.string(), FieldStateSchema),
  deletedHlc: HlcSchema.optional(),
});
export type ServerRecordState = z.infer<typeof RecordStateSchema>;

/**
 * Per-op outcome. `applied`: merged now. `duplicate`: seq already applied earlier (a retry).
 * `rejected`: permanently invalid (reason says why, in Dutch); it counts as applied so one bad op
 * never blocks the queue. A rejected op carries `current`, the record's server state after the
 * whole push (null: the server has no such record), so the device can drop the refused values:
 * their clocks are newer than the server's, so no later pull would ever replace them. A
 * duplicate of an op rejected earlier carries its reason and `current` again (the answer to the
 * first push may have been lost). Optional: added within protocol 2; a device that ignores it
 * keeps the refused values (the old behaviour).
 */
export const OpResultSchema = z.object({
  seq: z.number().int().positive(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  current: RecordStateSchema.nullable().optional(),
});
export type OpResult = z.infer<typeof OpResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(OpResultSchema),
  /** Highest seq of this client the server has applied (or rejected) without gaps. */
  appliedUpTo: z.number().int().nonnegative(),
  serverHlc: HlcSchema,
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** Records the server sends down: the synced kinds plus the server-owned portfolio. */
export const PulledEntityTypeSchema = z.enum([
  ...EntityTypeSchema.options,
  'complex',
  'pand',
  'verblijfsobject',
]);
export type PulledEntityType = z.infer<typeof PulledEntityTypeSchema>;

/** A record's full merged state after a change, so a device can merge it field by field. */
export const PulledChangeSchema = z.object({
  cursor: z.number().int().positive(),
  entity: PulledEntityTypeSchema,
  id: z.string().min(1),
  fields: z.record(z.string(), FieldStateSchema),
  deletedHlc: HlcSchema.optional(),
});
export type PulledChange = z.infer<typeof PulledChangeSchema>;

export const PullRequestSchema = VersionHeaderSchema.extend({
  clientId: ClientIdSchema,
  /** Last cursor this device has stored; 0 on first sync. */
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(PulledChangeSchema),
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Highest seq of the asking client the server has applied: outbox ops up to it may leave. */
  appliedUpTo: z.number().int().nonnegative(),
  serverHlc: HlcSchema,
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Error body of every failed API call: a code for programs, a sentence for people. */
export const ApiErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** Error codes the client acts on. */
export const SyncErrorCode = {
  /** HTTP 426: the app is too old (or too new) for this server; offer the update, keep the outbox. */
  updateRequired: 'update-required',
  /** HTTP 401: token missing or expired; ask to sign in again, keep the outbox. */
  unauthenticated: 'unauthenticated',
  /** HTTP 409: a seq gap; the client resends from appliedUpTo + 1. */
  seqGap: 'seq-gap',
} as const;

/** Photos are content-addressed: the SHA-256 of the stored bytes, lowercase hex. */
export const PhotoHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Een foto-id is een SHA-256 in hex.');
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const PHOTO_CHUNK_BYTES = 256 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;

export const PhotoUploadStatusSchema = z.object({
  hash: PhotoHashSchema,
  /** Bytes the server holds of an unfinished upload: resume from here. */
  receivedBytes: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type PhotoUploadStatus = z.infer<typeof PhotoUploadStatusSchema>;

export const PhotoCompleteRequestSchema = z.object({
  size: z.number().int().positive().max(MAX_PHOTO_BYTES),
  mimeType: z.enum(PHOTO_MIME_TYPES),
});

/** Body of a 409 seq-gap answer to a push: resend from appliedUpTo + 1. */
export const SeqGapErrorBodySchema = ApiErrorBodySchema.extend({
  error: z.literal(SyncErrorCode.seqGap),
  appliedUpTo: z.number().int().nonnegative(),
});
export type SeqGapErrorBody = z.infer<typeof SeqGapErrorBodySchema>;

/**
 * Body of a 409 on a photo chunk (`offset-mismatch`) or completion (`upload-incomplete`): the
 * server holds `receivedBytes`; continue uploading from there.
 */
export const PhotoUploadConflictBodySchema = ApiErrorBodySchema.extend({
  error: z.enum(['offset-mismatch', 'upload-incomplete']),
  receivedBytes: z.number().int().nonnegative(),
});
export type PhotoUploadConflictBody = z.infer<typeof PhotoUploadConflictBodySchema>;
