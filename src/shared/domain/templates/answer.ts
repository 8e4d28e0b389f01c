import { z } from 'zod';
import { EntityIdSchema, Sha256HexSchema } from '../entity-id.ts';
import { IsoDateSchema, IsoDateTimeSchema } from '../iso-date.ts';
import { PhotoNotesSchema } from '../photo-note.ts';

// Answers are tagged with the question type they answer, so a stored answer can be checked
// against the (versioned) template without guessing what a bare value meant.

export const JaNeeSchema = z.enum(['ja', 'nee', 'nvt'], {
  error: 'Antwoord moet ja, nee of n.v.t. zijn.',
});
export type JaNee = z.infer<typeof JaNeeSchema>;

export const MeasurementUnitSchema = z.enum(['cm', 'm', 'm2'], {
  error: 'Eenheid moet cm, m of m2 zijn.',
});
export type MeasurementUnit = z.infer<typeof MeasurementUnitSchema>;

const finiteNumber = z
  .number({ error: 'Vul een getal in.' })
  .finite({ error: 'Vul een getal in.' });

export const AnswerValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ja-nee'), value: JaNeeSchema }),
  z.object({ type: z.literal('single-choice'), value: z.string().min(1) }),
  z.object({ type: z.literal('multi-choice'), value: z.array(z.string().min(1)) }),
  z.object({ type: z.literal('number'), value: finiteNumber }),
  z.object({ type: z.literal('measurement'), value: finiteNumber, unit: MeasurementUnitSchema }),
  z.object({ type: z.literal('date'), value: IsoDateSchema }),
  z.object({ type: z.literal('text'), value: z.string() }),
  z.object({ type: z.literal('photo'), value: z.array(Sha256HexSchema) }),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type AnswerType = AnswerValue['type'];

export const CarriedForwardSchema = z.object({
  /** The inspection (of this or an identical dwelling) the answer was copied from. */
  inspectionId: EntityIdSchema,
  /** True until the inspector confirms the copied answer on site. */
  unconfirmed: z.boolean(),
});
export type CarriedForward = z.infer<typeof CarriedForwardSchema>;

export const AnswerSchema = z.object({
  questionId: z.string().min(1, { error: 'Vraag-id ontbreekt.' }),
  value: AnswerValueSchema,
  answeredAt: IsoDateTimeSchema,
  /** Photos that document this answer (SHA-256 of the stored image). */
  photoIds: z.array(Sha256HexSchema).optional(),
  /** Drawing and caption per photo of this answer (photo-note.ts: they belong to this use). */
  photoNotes: PhotoNotesSchema.optional(),
  carriedForwardFrom: CarriedForwardSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** An answer as the device stores and the server syncs it: one record per inspection and question. */
export const AnswerRecordSchema = AnswerSchema.extend({
  inspectionId: EntityIdSchema,
  /** Who answered (user id), when known. */
  answeredBy: z.string().min(1).optional(),
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

/** Answers of one inspection keyed by question id (one field per question, so sync merges per answer). */
export type AnswerSet = Readonly<Partial<Record<string, Answer>>>;

export const AnswerSetSchema = z
  .record(z.string(), AnswerSchema)
  .refine((answers) => Object.entries(answers).every(([id, answer]) => answer.questionId === id), {
    error: 'Een antwoord staat onder een andere vraag-id dan het zelf noemt.',
  });

/** Indexes a list of answers by question id; a later answer to the same question wins. */
export function indexAnswers(answers: readonly Answer[]): AnswerSet {
  const set: Record<string, Answer> = {};
  for (const answer of answers) set[answer.questionId] = answer;
  return set;
}

/** True when the answer was copied from elsewhere and the inspector has not confirmed it yet. */
export function isUnconfirmed(answer: Answer | undefined): boolean {
  return answer?.carriedForwardFrom?.unconfirmed === true;
}
