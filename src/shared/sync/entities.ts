// The one registry of synced entities: per entity what a pushed op may set (its zod field schema),
// the whole record as a device stores it, the fields fixed at creation, the fields the server
// derives from the id or from the pushing user, who may write it, which fields are workflow
// transitions and since which protocol version it exists. The server decides every op from this
// (src/server/sync), the device maps records to its tables and writes its backup file from it
// (src/app/db), so a new entity cannot be half-wired.
import { z } from 'zod';
import {
  ActionSchema,
  AnswerRecordSchema,
  EfgCaseSchema,
  EntityIdSchema,
  FindingSchema,
  InspectionRecordSchema,
  IsoDateTimeSchema,
  RoundScheduleSchema,
  Sha256HexSchema,
  type Permission,
} from '../domain/index.ts';
import type { EntityType } from './protocol.ts';

// Free-text ids from a client are bounded here; the device itself does not need the bound.
const UserRefSchema = z.string().min(1).max(200);

/** A photo's metadata as synced and stored; its key is the SHA-256 of its bytes. */
export const PhotoRecordSchema = z.object({
  hash: Sha256HexSchema,
  mimeType: z.enum(['image/jpeg', 'image/webp', 'image/png']),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  bytes: z.number().int().positive(),
  createdAt: IsoDateTimeSchema,
  inspectionId: EntityIdSchema,
  questionId: z.string().min(1).max(200).optional(),
  findingId: EntityIdSchema.optional(),
  /** Set when the photo is evidence for a step of this action (e.g. closing it). */
  actionId: EntityIdSchema.optional(),
  // The annotation layer's exact shapes belong to the app's photo editor; the server keeps it as
  // an opaque versioned object of bounded size (checked by the push body limit).
  annotation: z
    .object({ version: z.number().int(), shapes: z.array(z.unknown()) })
    .nullable()
    .optional(),
});

/** How a record's id maps to the device's table key. */
export type LocalKey = 'id' | 'hash' | 'inspection-question';

/** Who owns a record: the inspector of its inspection, or the team (rules decide per role). */
export type Ownership = 'inspection' | 'team';

export interface SyncedEntity {
  /** The device's (Dexie) table holding the records. */
  readonly table:
    'inspections' | 'answers' | 'findings' | 'actions' | 'photos' | 'efgCases' | 'roundSchedules';
  readonly key: LocalKey;
  /** The protocol version that introduced the entity; an older app neither sends nor gets it. */
  readonly since: number;
  /** What one upsert op may set: strict (an unknown field is refused) and partial. */
  readonly fields: z.ZodType;
  /** The whole record as the device stores it (with its key fields, without clocks). */
  readonly record: z.ZodType;
  /** Fields set when the record is created and never changed after; an optional Dutch reason. */
  readonly fixed: Readonly<Record<string, string | undefined>>;
  /** Fields the id implies (the server refuses another value) and the reason it gives. */
  readonly fromId?: { fields: (id: string) => Record<string, unknown>; reason: string };
  /** Fields that name who wrote them: an op may only name the pushing user. */
  readonly authors: readonly string[];
  /** Who may write the entity at all, and the Dutch refusal for anyone else. */
  readonly writers: { permission: Permission; refusal: string };
  readonly ownership: Ownership;
  /**
   * Fields that change only as one server-checked workflow step (the history grows by exactly
   * that step, authored by the pushing user); undefined when the entity has no workflow.
   */
  readonly workflow?: readonly string[];
}

/** An answer's record id is "<inspectionId>/<questionId>"; inspection ids never contain a slash. */
export function answerIdParts(id: string): { inspectionId: string; questionId: string } {
  const slash = id.indexOf('/');
  return slash < 0
    ? { inspectionId: id, questionId: '' }
    : { inspectionId: id.slice(0, slash), questionId: id.slice(slash + 1) };
}

const INSPECTION_WORK = {
  permission: 'inspectie.uitvoeren',
  refusal: 'Uw rol mag geen inspecties uitvoeren.',
} as const;

export const syncedEntities: Readonly<Record<EntityType, SyncedEntity>> = {
  inspection: {
    table: 'inspections',
    key: 'id',
    since: 1,
    fields: InspectionRecordSchema.omit({ id: true })
      .extend({ inspectorId: UserRefSchema })
      .partial()
      .strict(),
    record: InspectionRecordSchema,
    // What was inspected with which form; the assignment (inspectorId) and status do change.
    fixed: {
      module: undefined,
      templateId: undefined,
      templateVersion: undefined,
      targetLevel: undefined,
      targetId: undefined,
      complexId: undefined,
      carriedForwardFrom: undefined,
    },
    authors: [],
    writers: INSPECTION_WORK,
    ownership: 'inspection',
  },
  answer: {
    table: 'answers',
    key: 'inspection-question',
    since: 1,
    fields: AnswerRecordSchema.extend({ answeredBy: UserRefSchema }).partial().strict(),
    record: AnswerRecordSchema,
    fixed: { inspectionId: undefined, questionId: undefined },
    fromId: {
      fields: answerIdParts,
      reason: 'De inspectie en vraag van een antwoord volgen uit zijn id.',
    },
    authors: ['answeredBy'],
    writers: INSPECTION_WORK,
    ownership: 'inspection',
  },
  finding: {
    table: 'findings',
    key: 'id',
    since: 1,
    fields: FindingSchema.omit({ id: true }).partial().strict(),
    record: FindingSchema,
    fixed: { inspectionId: 'Een bevinding kan niet naar een andere inspectie verhuizen.' },
    authors: [],
    writers: INSPECTION_WORK,
    ownership: 'inspection',
  },
  action: {
    table: 'actions',
    key: 'id',
    since: 1,
    // ActionSchema carries whole-record refinements (history ends in status); a partial op cannot
    // satisfy those alone, so the plain shape is used and the merged record is checked afterwards.
    fields: z.object(ActionSchema.shape).omit({ id: true }).partial().strict(),
    record: ActionSchema,
    // moduleId decides who may close it; where it came from is its audit trail.
    fixed: {
      moduleId: 'De module van een actie ligt vast bij het aanmaken.',
      findingId: undefined,
      inspectionId: undefined,
    },
    authors: [],
    writers: {
      permission: 'actie.aanmaken',
      refusal: 'Uw rol mag geen acties aanmaken of wijzigen.',
    },
    ownership: 'team',
    workflow: ['status', 'history'],
  },
  photo: {
    table: 'photos',
    key: 'hash',
    since: 1,
    fields: PhotoRecordSchema.omit({ hash: true })
      .extend({
        // A partial op may leave an owner field out, but never sets it to nothing.
        questionId: z.string().min(1).max(200),
        findingId: EntityIdSchema,
        actionId: EntityIdSchema,
        annotation: PhotoRecordSchema.shape.annotation.unwrap(),
      })
      .partial()
      .strict(),
    record: PhotoRecordSchema,
    // A photo belongs to what it was taken for; it is never moved to another owner.
    fixed: {
      inspectionId: 'Een foto kan niet naar een andere inspectie verhuizen.',
      questionId: undefined,
      findingId: undefined,
      actionId: undefined,
    },
    authors: [],
    writers: INSPECTION_WORK,
    ownership: 'inspection',
  },
  efgCase: {
    table: 'efgCases',
    key: 'id',
    since: 2,
    // Whole-record rules (status equals the last history step, a drop reason when afgevallen) are
    // checked on the merged record, like actions (src/server/sync/efg-rules.ts).
    fields: EfgCaseSchema.omit({ id: true }).partial().strict(),
    record: EfgCaseSchema,
    fixed: { complexId: 'Een EFG-dossier kan niet naar een ander complex verhuizen.' },
    authors: [],
    writers: {
      permission: 'efg.status.wijzigen',
      refusal: 'Alleen duurzaamheid of beheerder mag een EFG-dossier wijzigen.',
    },
    ownership: 'team',
    workflow: ['status', 'history', 'drop'],
  },
  roundSchedule: {
    table: 'roundSchedules',
    key: 'id',
    since: 2,
    fields: RoundScheduleSchema.omit({ id: true }).partial().strict(),
    record: RoundScheduleSchema,
    fixed: { pandId: undefined, complexId: undefined },
    fromId: {
      // A pand has one schedule: its id is the pand's id.
      fields: (id) => ({ pandId: id }),
      reason: 'Een pand heeft één rondeschema: de id van het schema moet de id van het pand zijn.',
    },
    authors: [],
    writers: {
      permission: 'brandronde.plannen',
      refusal: 'Alleen veiligheid of beheerder mag het rondeschema wijzigen.',
    },
    ownership: 'team',
  },
};

/** The synced entity types, in registry order. */
export const syncedEntityTypes = Object.keys(syncedEntities) as EntityType[];

/** The reason a fixed field may not change (the registry's, or a general one). */
export function fixedFieldReason(entity: EntityType, field: string): string {
  return (
    syncedEntities[entity].fixed[field] ??
    `Het veld ${field} van ${entity} ligt vast bij het aanmaken en kan niet meer wijzigen.`
  );
}
