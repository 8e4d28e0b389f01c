// A report as a document: already-worded (localized) blocks plus the photo bytes to embed. The
// builder (build-report.ts) fills it from the local store; the renderer (render-pdf.ts) only lays
// it out, so the PDF code knows nothing of inspections and the builder nothing of PDF.
import type { AnnotationLayer } from '../../db/index.ts';

/** Image bytes the PDF can embed as they are (JPEG) or decode itself (PNG). */
export interface EmbeddableImage {
  data: Uint8Array;
  mimeType: 'image/jpeg' | 'image/png';
}

export interface ReportPhoto {
  /** SHA-256 of the stored original. */
  hash: string;
  caption: string;
  /** Missing when the bytes are not on this device or in a format the PDF cannot hold. */
  image?: EmbeddableImage;
  /** Why the photo is not shown (replaces the image in the PDF). */
  missingNote?: string;
  /** The inspector's drawing, drawn over the photo in the PDF as in the app. */
  annotation?: AnnotationLayer;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'muted' | 'strong' }
  /** Label and value pairs (answers, facts), two columns. */
  | { kind: 'facts'; rows: readonly { label: string; value: string }[] }
  /** Items may hold line breaks: the lines after the first are indented under it. */
  | { kind: 'list'; items: readonly string[]; ordered?: boolean }
  | { kind: 'photos'; photos: readonly ReportPhoto[] }
  | { kind: 'page-break' };

export interface ReportModel {
  /** The organisation's display name and logo at the top of the first page (set by its beheerder). */
  organisation?: { name: string; logo?: EmbeddableImage };
  title: string;
  subtitle: string;
  /** Left part of every page footer (app, kind of report, when made). */
  footer: string;
  /** Page number text with {page} and {pages} placeholders ("pagina {page} van {pages}"). */
  pageNumber: string;
  /** BCP 47 language of the text, stored in the PDF for screen readers. */
  language: string;
  /** When the report was made (PDF metadata). */
  createdAt: Date;
  blocks: ReportBlock[];
}

/** Every photo of a report, in document order. */
export function reportPhotos(model: ReportModel): ReportPhoto[] {
  return model.blocks.flatMap((block) => (block.kind === 'photos' ? [...block.photos] : []));
}
