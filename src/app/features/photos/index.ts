// Photos for answers and findings: take (resize on the device), show, and draw on them.
export { PhotoCapture, type PhotoCaptureProps } from './PhotoCapture.tsx';
export { PhotoGrid, type PhotoGridProps } from './PhotoGrid.tsx';
export { PhotoViewer, type PhotoViewerProps } from './PhotoViewer.tsx';
export { Annotator, type AnnotatorProps } from './Annotator.tsx';
export { AnnotationOverlay } from './AnnotationShapes.tsx';
export type { PhotoPosition } from './capture-pipeline.ts';
export { PhotoServicesProvider, usePhotoServices, type PhotoServices } from './photo-services.ts';
