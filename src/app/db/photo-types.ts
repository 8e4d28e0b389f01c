// The drawing an inspector puts on top of a photo (arrows, circles, text), kept apart from the
// original so the evidence itself is never altered. Coordinates are fractions of the photo's
// width and height (0..1), so the layer fits any rendition (thumbnail, full size, PDF).
import { z } from 'zod';

const fraction = z.number().min(0).max(1);
const PointSchema = z.tuple([fraction, fraction]);

export const AnnotationShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arrow'), from: PointSchema, to: PointSchema, color: z.string() }),
  z.object({
    kind: z.literal('ellipse'),
    center: PointSchema,
    radius: PointSchema,
    color: z.string(),
  }),
  z.object({ kind: z.literal('rectangle'), from: PointSchema, to: PointSchema, color: z.string() }),
  z.object({ kind: z.literal('freehand'), points: z.array(PointSchema).min(2), color: z.string() }),
  z.object({
    kind: z.literal('text'),
    at: PointSchema,
    text: z.string().min(1),
    color: z.string(),
  }),
]);
export type AnnotationShape = z.infer<typeof AnnotationShapeSchema>;

export const AnnotationLayerSchema = z.object({
  version: z.literal(1),
  shapes: z.array(AnnotationShapeSchema),
});
export type AnnotationLayer = z.infer<typeof AnnotationLayerSchema>;
