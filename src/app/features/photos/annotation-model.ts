// The drawing on a photo as data: shapes in fractions (0..1) of the photo's width and height,
// so one layer fits the full photo, the thumbnail and the PDF alike. Pure functions; the
// Annotator turns pointer gestures into these calls and the repository stores the result.
import {
  AnnotationLayerSchema,
  type AnnotationLayer,
  type AnnotationShape,
} from '../../db/index.ts';
import { cleanInput } from '../../../shared/text-safety.ts';

export type Point = [number, number];

export interface Size {
  width: number;
  height: number;
}

export type DrawTool = 'arrow' | 'ellipse' | 'text';

/** High-contrast colours that stay visible on concrete, brick and sky. */
export const ANNOTATION_COLORS = ['#e4002b', '#ffd400', '#1f6feb'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

export const MAX_TEXT_LENGTH = 120;

/** A drag shorter than this share of the photo's long side is a tap, not a shape. */
export const MIN_DRAG_SHARE = 0.015;

export function emptyLayer(): AnnotationLayer {
  return { version: 1, shapes: [] };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function clampPoint(x: number, y: number): Point {
  return [clamp(Number.isFinite(x) ? x : 0), clamp(Number.isFinite(y) ? y : 0)];
}

/** Distance between two fraction points in photo pixels. */
function pixelDistance(from: Point, to: Point, size: Size): number {
  return Math.hypot((to[0] - from[0]) * size.width, (to[1] - from[1]) * size.height);
}

/**
 * An arrow from where the finger went down to where it lifted (pointing at the defect), or a
 * circle centred where it went down through where it lifted. Null for a tap.
 */
export function shapeFromDrag(
  tool: 'arrow' | 'ellipse',
  from: Point,
  to: Point,
  size: Size,
  color: string,
): AnnotationShape | null {
  const start = clampPoint(from[0], from[1]);
  const end = clampPoint(to[0], to[1]);
  const distance = pixelDistance(start, end, size);
  if (distance < MIN_DRAG_SHARE * Math.max(size.width, size.height)) return null;
  if (tool === 'arrow') return { kind: 'arrow', from: start, to: end, color };
  // A round circle on the photo: the same pixel radius is a different fraction per axis.
  return {
    kind: 'ellipse',
    center: start,
    radius: [clamp(distance / size.width), clamp(distance / size.height)],
    color,
  };
}

export function textShape(at: Point, text: string, color: string): AnnotationShape | null {
  // Cut on a character boundary: half an emoji would be a lone surrogate the server refuses.
  const trimmed = cleanInput(text.trim(), MAX_TEXT_LENGTH);
  if (trimmed === '') return null;
  return { kind: 'text', at: clampPoint(at[0], at[1]), text: trimmed, color };
}

// ---------------------------------------------------------------- editing with undo

export interface AnnotationEdit {
  shapes: readonly AnnotationShape[];
  /** Earlier versions of `shapes`, newest last. */
  past: readonly (readonly AnnotationShape[])[];
}

export function startEdit(layer: AnnotationLayer): AnnotationEdit {
  return { shapes: layer.shapes, past: [] };
}

export function addShape(edit: AnnotationEdit, shape: AnnotationShape): AnnotationEdit {
  return { shapes: [...edit.shapes, shape], past: [...edit.past, edit.shapes] };
}

/** Removes every shape, the saved ones too; undo brings them back. */
export function clearShapes(edit: AnnotationEdit): AnnotationEdit {
  if (edit.shapes.length === 0) return edit;
  return { shapes: [], past: [...edit.past, edit.shapes] };
}

export function canUndo(edit: AnnotationEdit): boolean {
  return edit.past.length > 0;
}

export function undo(edit: AnnotationEdit): AnnotationEdit {
  const previous = edit.past.at(-1);
  if (!previous) return edit;
  return { shapes: previous, past: edit.past.slice(0, -1) };
}

export function toLayer(shapes: readonly AnnotationShape[]): AnnotationLayer {
  return { version: 1, shapes: [...shapes] };
}

export function sameShapes(a: readonly AnnotationShape[], b: readonly AnnotationShape[]): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------- serialisation

/** The layer as it travels (sync, backup): plain JSON. */
export function serializeLayer(layer: AnnotationLayer): string {
  return JSON.stringify(AnnotationLayerSchema.parse(layer));
}

/** Reads a layer from JSON; throws when it is not a valid version-1 layer. */
export function deserializeLayer(json: string): AnnotationLayer {
  return AnnotationLayerSchema.parse(JSON.parse(json));
}

// ---------------------------------------------------------------- geometry for drawing

/** Line width in photo pixels, proportional so a drawing looks the same at any rendition. */
export function strokeWidth(size: Size): number {
  return Math.max(size.width, size.height) * 0.006;
}

export function fontSize(size: Size): number {
  return Math.max(size.width, size.height) * 0.04;
}

export function toPixels(point: Point, size: Size): Point {
  return [point[0] * size.width, point[1] * size.height];
}

/**
 * The arrow's shaft (ending at the base of the head, so the thick line does not poke through
 * the tip) and the head triangle, in photo pixels.
 */
export function arrowGeometry(
  from: Point,
  to: Point,
  size: Size,
): { shaft: [Point, Point]; head: [Point, Point, Point] } {
  const [x1, y1] = toPixels(from, size);
  const [x2, y2] = toPixels(to, size);
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const headLength = Math.min(length * 0.5, strokeWidth(size) * 5);
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const baseX = x2 - ux * headLength;
  const baseY = y2 - uy * headLength;
  const half = headLength * 0.55;
  return {
    shaft: [
      [x1, y1],
      [baseX, baseY],
    ],
    head: [
      [x2, y2],
      [baseX - uy * half, baseY + ux * half],
      [baseX + uy * half, baseY - ux * half],
    ],
  };
}
