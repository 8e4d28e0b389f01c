import { describe, expect, it } from 'vitest';
import { AnnotationLayerSchema, type AnnotationShape } from '../../db/index.ts';
import {
  addShape,
  arrowGeometry,
  canUndo,
  clampPoint,
  clearShapes,
  deserializeLayer,
  MAX_TEXT_LENGTH,
  emptyLayer,
  sameShapes,
  serializeLayer,
  shapeFromDrag,
  startEdit,
  strokeWidth,
  textShape,
  toLayer,
  undo,
} from './annotation-model.ts';

const photo = { width: 1600, height: 1200 };
const red = '#e4002b';

describe('shapes from gestures', () => {
  it('makes an arrow from where the finger went down to where it lifted', () => {
    expect(shapeFromDrag('arrow', [0.1, 0.2], [0.5, 0.6], photo, red)).toEqual({
      kind: 'arrow',
      from: [0.1, 0.2],
      to: [0.5, 0.6],
      color: red,
    });
  });

  it('makes a round circle on a non-square photo: the same pixel radius on both axes', () => {
    // 160 px to the right of the centre on a 1600×1200 photo.
    const shape = shapeFromDrag('ellipse', [0.5, 0.5], [0.6, 0.5], photo, red);
    expect(shape?.kind).toBe('ellipse');
    if (shape?.kind !== 'ellipse') return;
    expect(shape.center).toEqual([0.5, 0.5]);
    expect(shape.radius[0] * photo.width).toBeCloseTo(160);
    expect(shape.radius[1] * photo.height).toBeCloseTo(160);
  });

  it('treats a tiny drag as a tap, not a shape', () => {
    expect(shapeFromDrag('arrow', [0.5, 0.5], [0.505, 0.5], photo, red)).toBeNull();
    expect(shapeFromDrag('ellipse', [0.5, 0.5], [0.5, 0.5], photo, red)).toBeNull();
  });

  it('keeps points dragged past the edge on the photo', () => {
    expect(clampPoint(-0.2, 1.4)).toEqual([0, 1]);
    expect(clampPoint(Number.NaN, 0.5)).toEqual([0, 0.5]);
    const arrow = shapeFromDrag('arrow', [0.5, 0.5], [1.3, -0.1], photo, red);
    expect(arrow).toMatchObject({ to: [1, 0] });
    // A huge circle is capped so it still fits the stored schema.
    const circle = shapeFromDrag('ellipse', [0, 0], [1, 1], { width: 100, height: 4000 }, red);
    expect(AnnotationLayerSchema.safeParse(toLayer([circle!])).success).toBe(true);
  });

  it('places trimmed text and refuses empty text', () => {
    expect(textShape([0.3, 0.4], '  scheur in kozijn ', red)).toEqual({
      kind: 'text',
      at: [0.3, 0.4],
      text: 'scheur in kozijn',
      color: red,
    });
    expect(textShape([0.3, 0.4], '   ', red)).toBeNull();
    // Cut at the limit on a character boundary: never half an emoji (a lone surrogate).
    const long = textShape([0.3, 0.4], `${'x'.repeat(MAX_TEXT_LENGTH - 1)}😀`, red);
    expect(long).toMatchObject({ text: 'x'.repeat(MAX_TEXT_LENGTH - 1) });
  });
});

describe('editing with undo', () => {
  const arrow: AnnotationShape = { kind: 'arrow', from: [0, 0], to: [1, 1], color: red };
  const circle: AnnotationShape = {
    kind: 'ellipse',
    center: [0.5, 0.5],
    radius: [0.1, 0.1],
    color: red,
  };

  it('undoes the last added shape, then the one before, then nothing', () => {
    let edit = startEdit(emptyLayer());
    expect(canUndo(edit)).toBe(false);
    edit = addShape(addShape(edit, arrow), circle);
    expect(edit.shapes).toEqual([arrow, circle]);
    edit = undo(edit);
    expect(edit.shapes).toEqual([arrow]);
    edit = undo(edit);
    expect(edit.shapes).toEqual([]);
    expect(canUndo(edit)).toBe(false);
    expect(undo(edit)).toBe(edit);
  });

  it('starts from the saved drawing, which undo does not remove but clear does (undoably)', () => {
    let edit = startEdit(toLayer([arrow]));
    expect(canUndo(edit)).toBe(false);
    edit = clearShapes(edit);
    expect(edit.shapes).toEqual([]);
    edit = undo(edit);
    expect(edit.shapes).toEqual([arrow]);
    expect(sameShapes(edit.shapes, [arrow])).toBe(true);
  });
});

describe('serialisation', () => {
  it('round-trips every kind of shape through JSON unchanged', () => {
    const layer = toLayer([
      { kind: 'arrow', from: [0.1, 0.1], to: [0.9, 0.8], color: red },
      { kind: 'ellipse', center: [0.25, 0.75], radius: [0.05, 0.0667], color: '#ffd400' },
      { kind: 'text', at: [0.5, 0.5], text: 'lekkage', color: '#1f6feb' },
      { kind: 'rectangle', from: [0, 0], to: [0.2, 0.2], color: red },
      {
        kind: 'freehand',
        points: [
          [0, 0],
          [0.1, 0.2],
          [0.3, 0.3],
        ],
        color: red,
      },
    ]);
    const json = serializeLayer(layer);
    expect(typeof json).toBe('string');
    expect(deserializeLayer(json)).toEqual(layer);
  });

  it('refuses a layer with coordinates off the photo or an unknown version', () => {
    expect(() =>
      deserializeLayer(
        JSON.stringify({
          version: 1,
          shapes: [{ kind: 'arrow', from: [0, 0], to: [1.5, 0], color: red }],
        }),
      ),
    ).toThrow();
    expect(() => deserializeLayer(JSON.stringify({ version: 2, shapes: [] }))).toThrow();
  });
});

describe('arrow geometry', () => {
  it('puts the head tip on the target and the shaft along the line, stopping at the head', () => {
    const { shaft, head } = arrowGeometry([0, 0.5], [0.5, 0.5], photo);
    expect(head[0]).toEqual([800, 600]);
    expect(shaft[0]).toEqual([0, 600]);
    expect(shaft[1][1]).toBeCloseTo(600);
    expect(shaft[1][0]).toBeLessThan(800);
    // The two back corners sit symmetrically around the shaft's end.
    expect(head[1][0]).toBeCloseTo(shaft[1][0]);
    expect(head[1][1] + head[2][1]).toBeCloseTo(1200);
  });

  it('scales the line width with the photo so a drawing looks the same at any size', () => {
    expect(strokeWidth({ width: 3200, height: 2400 })).toBe(
      2 * strokeWidth({ width: 1600, height: 1200 }),
    );
  });
});
