// The drawing an inspector puts on top of a photo: defined in the shared core, because it is
// synced as part of the answer or finding the photo is attached to (see photo-note.ts).
export {
  AnnotationLayerSchema,
  AnnotationShapeSchema,
  type AnnotationLayer,
  type AnnotationShape,
} from '../../shared/domain/photo-note.ts';
