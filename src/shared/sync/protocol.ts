// The sync protocol shared by app, service worker and server: what a device sends and receives.
// One file so client and server can never disagree about a message's shape.
import { z } from 'zod';
import { isHlc } from './hlc.ts';
import { isUuidv7 } from '../ids.ts';

/** Bumped when messages change incompatibly; the server accepts this and the previous version. */
export const PROTOCOL_VERSION = 1;

export const HlcSchema = z.string().refine(isHlc, { message: 'Ongeldige HLC-tijdstempel.' });
export const ClientIdSchema = z
  .string()
  .refine(isUuidv7, { message: 'clientId moet een UUIDv7 zijn.' });

/** Kinds of records that travel through the outbox. */
export const EntityTypeSchema = z.enum(['inspection', 'answer', 'finding', 'action', 'photo']);
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
