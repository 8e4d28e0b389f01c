import { describe, expect, it } from 'vitest';
import { typedText } from './typed-text.ts';

/** The two properties typedText reads and writes; the unit project runs without a DOM. */
function field(value: string, maxLength = -1) {
  return { value, maxLength } as HTMLTextAreaElement;
}

describe('typed text', () => {
  it('strips NUL and halves of characters and shows what is kept', () => {
    const input = field('galerij\u0000 3 \uD83D');
    expect(typedText(input)).toBe('galerij 3 ');
    expect(input.value).toBe('galerij 3 ');
  });

  it('cuts at maxLength on a character boundary, never inside an emoji', () => {
    const input = field('kozijn 😀', 8);
    expect(typedText(input)).toBe('kozijn ');
    expect(typedText(field('kozijn 😀', 9))).toBe('kozijn 😀');
  });

  it('leaves ordinary text alone', () => {
    const input = field('scheur in de gevel', 200);
    expect(typedText(input)).toBe('scheur in de gevel');
  });
});
