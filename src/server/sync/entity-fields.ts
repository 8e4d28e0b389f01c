// What a pushed op may set, per entity: partial schemas derived from the shared domain schemas
// (the same ones the app stores with), strict so an unknown field is refused rather than stored.
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
} from '../../shared/domain/index.ts';
import type { EntityType } from '../../shared/sync/protocol.ts';

// Free-text ids from a client are bounded here; the device itself does not need the bound.
const UserRefSchema = z.string().min(1).max(200);

const InspectionFieldsSchema = InspectionRecordSchema.omit({ id: true })
  .extend({ inspectorId: UserRefSchema })
  .partial()
  .strict();

const AnswerFieldsSchema = AnswerRecordSchema.extend({ answeredBy: UserRefSchema })
  .partial()
  .strict();

const FindingFieldsSchema = FindingSchema.omit({ id: true }).partial().strict();

// ActionSchema carries whole-record refinements (history ends in status); a partial op cannot
// satisfy those alone, so the plain shape is used and the merged record is checked afterwards.
export const ActionFieldsSchema = z
  .object(ActionSchema.shape)
  .omit({ id: true })
  .partial()
  .strict();

// The annotation layer's exact shapes belong to the app's photo editor; the server keeps it as an
// opaque versioned object of bounded size (checked by the push body limit).
const PhotoFieldsSchema = z
  .object({
    mimeType: z.enum(['image/jpeg', 'image/webp', 'image/png']),
    width: z.number().int().positive().max(100_000),
    height: z.number().int().positive().max(100_000),
    bytes: z.number().int().positive(),
    createdAt: IsoDateTimeSchema,
    inspectionId: EntityIdSchema,
    questionId: z.string().min(1).max(200),
    findingId: EntityIdSchema,
    /** Set when the photo is evidence for a step of this action (e.g. closing it). */
    actionId: EntityIdSchema,
    annotation: z.object({ version: z.number().int(), shapes: z.array(z.unknown()) }).nullable(),
  })
  .partial()
  .strict();

// Whole-record rules (status equals the last history step, a drop reason when afgevallen) are
// checked on the merged record, like actions.
export const EfgCaseFieldsSchema = EfgCaseSchema.omit({ id: true }).partial().strict();

const RoundScheduleFieldsSchema = RoundScheduleSchema.omit({ id: true }).partial().strict();

export const entityFieldSchemas: Readonly<Record<EntityType, z.ZodType>> = {
  inspection: InspectionFieldsSchema,
  answer: AnswerFieldsSchema,
  finding: FindingFieldsSchema,
  action: ActionFieldsSchema,
  photo: PhotoFieldsSchema,
  efgCase: EfgCaseFieldsSchema,
  roundSchedule: RoundScheduleFieldsSchema,
};

/** Checks the record id's form per entity; returns a Dutch problem or undefined. */
export function idProblem(entity: EntityType, id: string): string | undefined {
  switch (entity) {
    case 'photo':
      return Sha256HexSchema.safeParse(id).success
        ? undefined
        : 'Een foto-id moet een SHA-256 in hex zijn.';
    case 'answer': {
      // answerOpId in the app: "<inspectionId>/<questionId>".
      const [inspectionId, questionId, ...rest] = id.split('/');
      return EntityIdSchema.safeParse(inspectionId).success && questionId && rest.length === 0
        ? undefined
        : 'Een antwoord-id moet de vorm <inspectie-id>/<vraag-id> hebben.';
    }
    default:
      return EntityIdSchema.safeParse(id).success ? undefined : 'De id moet een UUID zijn.';
  }
}

/** The inspection a record belongs to (for ownership checks); undefined when it has none. */
export function inspectionIdOf(
  entity: EntityType,
  id: string,
  values: Record<string, unknown>,
): string | undefined {
  if (entity === 'inspection') return id;
  if (entity === 'answer') return id.split('/')[0];
  const value = values.inspectionId;
  return typeof value === 'string' ? value : undefined;
}

export function fieldProblems(entity: EntityType, fields: Record<string, unknown>): string[] {
  const result = entityFieldSchemas[entity].safeParse(fields);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return issue.code === 'unrecognized_keys'
      ? `Onbekend veld voor ${entity}: ${issue.keys.join(', ')}.`
      : `${where ? `${where}: ` : ''}${issue.message}`;
  });
}
