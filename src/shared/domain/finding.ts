import { z } from 'zod';
import { EntityIdSchema, Sha256HexSchema } from './entity-id.ts';
import { IsoDateTimeSchema } from './iso-date.ts';
import { Nen2767RatingSchema } from './nen2767.ts';
import { PhotoNotesSchema } from './photo-note.ts';

/**
 * The finding's urgency: direct gevaar (act today), ernstig (shown as "hoog": within weeks),
 * gering (shown as "laag": next round). Stored codes stay; screens use the urgency words so they
 * never read like the NEN 2767 defect scale.
 */
export const SeveritySchema = z.enum(['direct-gevaar', 'ernstig', 'gering'], {
  error: 'Urgentie moet direct-gevaar, ernstig of gering zijn.',
});
export type Severity = z.infer<typeof SeveritySchema>;

export const severities: readonly Severity[] = SeveritySchema.options;

export const GeoPositionSchema = z.object({
  lat: z
    .number({ error: 'Breedtegraad moet een getal zijn.' })
    .min(-90, { error: 'Breedtegraad ligt tussen -90 en 90.' })
    .max(90, { error: 'Breedtegraad ligt tussen -90 en 90.' }),
  lon: z
    .number({ error: 'Lengtegraad moet een getal zijn.' })
    .min(-180, { error: 'Lengtegraad ligt tussen -180 en 180.' })
    .max(180, { error: 'Lengtegraad ligt tussen -180 en 180.' }),
  accuracyM: z
    .number({ error: 'Nauwkeurigheid moet een getal zijn.' })
    .finite()
    .nonnegative({ error: 'Nauwkeurigheid kan niet negatief zijn.' }),
});
export type GeoPosition = z.infer<typeof GeoPositionSchema>;

export const FindingSchema = z.object({
  id: EntityIdSchema,
  inspectionId: EntityIdSchema,
  /** Where in the building, in the inspector's words ("galerij 3e verdieping, bij lift"). */
  location: z
    .string({ error: 'Locatie ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul in waar in het gebouw de bevinding is.' }),
  description: z
    .string({ error: 'Omschrijving ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul een omschrijving van de bevinding in.' }),
  severity: SeveritySchema,
  nen2767: Nen2767RatingSchema.optional(),
  /** SHA-256 hashes of the photos; a photo may still be uploading when the finding syncs. */
  photoIds: z.array(Sha256HexSchema),
  /** Drawing and caption per photo of this finding (photo-note.ts: they belong to this use). */
  photoNotes: PhotoNotesSchema.optional(),
  createdAt: IsoDateTimeSchema,
  position: GeoPositionSchema.optional(),
  /** The template check this finding records (made when the inspection was finished). */
  questionId: z.string().min(1).max(200).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
