// What belongs to one USE of a photo: the drawing on it and its caption. A photo's bytes are
// stored once per SHA-256 (the same image may be attached to several answers and findings, even
// in different inspections), so the drawing cannot live with the bytes: annotating the roof photo
// of one inspection would change the same image in another inspection and its PDF. Instead each
// answer and finding carries `photoNotes`, keyed by the photo's hash: the drawing and caption of
// that photo as used there. The bytes stay content-addressed (upload by hash unchanged).
//
// The drawing is kept apart from the original so the evidence itself is never altered.
// Coordinates are fractions of the photo's width and height (0..1), so the layer fits any
// rendition (thumbnail, full size, PDF).
import { z } from 'zod';
import { Sha256HexSchema } from './entity-id.ts';

const fraction = z.number().min(0).max(1);
const PointSchema = z.tuple([fraction, fraction]);
const ColorSchema = z.string().max(40);

export const AnnotationShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arrow'), from: PointSchema, to: PointSchema, color: ColorSchema }),
  z.object({
    kind: z.literal('ellipse'),
    center: PointSchema,
    radius: PointSchema,
    color: ColorSchema,
  }),
  z.object({
    kind: z.literal('rectangle'),
    from: PointSchema,
    to: PointSchema,
    color: ColorSchema,
  }),
  z.object({
    kind: z.literal('freehand'),
    points: z.array(PointSchema).min(2),
    color: ColorSchema,
  }),
  z.object({
    kind: z.literal('text'),
    at: PointSchema,
    text: z.string().min(1).max(500),
    color: ColorSchema,
  }),
]);
export type AnnotationShape = z.infer<typeof AnnotationShapeSchema>;

export const AnnotationLayerSchema = z.object({
  version: z.literal(1),
  shapes: z.array(AnnotationShapeSchema),
});
export type AnnotationLayer = z.infer<typeof AnnotationLayerSchema>;

export const MAX_PHOTO_CAPTION_LENGTH = 300;

export const PhotoNoteSchema = z
  .object({
    annotation: AnnotationLayerSchema.optional(),
    caption: z
      .string()
      .trim()
      .min(1)
      .max(MAX_PHOTO_CAPTION_LENGTH, {
        error: `Een bijschrift heeft hooguit ${MAX_PHOTO_CAPTION_LENGTH} tekens.`,
      })
      .optional(),
  })
  .strict();
export type PhotoNote = z.infer<typeof PhotoNoteSchema>;

/**
 * Per photo hash, what this answer or finding adds to it. One synced field per record, so two
 * devices editing notes of the same record at once keep the later whole map (an inspection has
 * one inspector, so that is rare); notes of different records never interfere.
 */
export const PhotoNotesSchema = z.record(Sha256HexSchema, PhotoNoteSchema);
export type PhotoNotes = z.infer<typeof PhotoNotesSchema>;

/** The notes without the photo's entry (a photo removed from its use takes its note along). */
export function withoutPhotoNote(
  notes: PhotoNotes | undefined,
  hash: string,
): PhotoNotes | undefined {
  if (!notes || !(hash in notes)) return notes;
  return Object.fromEntries(Object.entries(notes).filter(([key]) => key !== hash));
}
