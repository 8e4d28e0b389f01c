import { describe, expect, it } from 'vitest';
import { PhotoNotesSchema, withoutPhotoNote } from './photo-note.ts';

const HASH = 'ab'.repeat(32);
const arrow = { kind: 'arrow', from: [0.1, 0.2], to: [0.5, 0.5], color: '#e4002b' };

describe('photo notes (drawing and caption per use of a photo)', () => {
  it('accepts a drawing and a caption per photo hash', () => {
    const notes = { [HASH]: { annotation: { version: 1, shapes: [arrow] }, caption: 'Dakrand' } };
    expect(PhotoNotesSchema.parse(notes)).toEqual(notes);
  });

  it('refuses a key that is not a photo hash, unknown fields, points off the photo and long captions', () => {
    for (const notes of [
      { 'not-a-hash': { caption: 'x' } },
      { [HASH]: { caption: 'x', colour: 'rood' } },
      { [HASH]: { annotation: { version: 1, shapes: [{ ...arrow, to: [1.5, 0.5] }] } } },
      { [HASH]: { annotation: { version: 2, shapes: [] } } },
      { [HASH]: { caption: 'x'.repeat(301) } },
      { [HASH]: { caption: '   ' } },
    ])
      expect(PhotoNotesSchema.safeParse(notes).success, JSON.stringify(notes)).toBe(false);
  });

  it('drops one photo’s note and leaves the others', () => {
    const other = 'cd'.repeat(32);
    const notes = { [HASH]: { caption: 'a' }, [other]: { caption: 'b' } };
    expect(withoutPhotoNote(notes, HASH)).toEqual({ [other]: { caption: 'b' } });
    expect(withoutPhotoNote(notes, 'ef'.repeat(32))).toBe(notes);
    expect(withoutPhotoNote(undefined, HASH)).toBeUndefined();
  });
});
