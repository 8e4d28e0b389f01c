import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cleanInput,
  cutText,
  isSafeText,
  jsonProblem,
  storableText,
  textProblem,
} from './text-safety.ts';
import { safeJson, safeText } from './text-safety-schemas.ts';

const emoji = '😀'; // two UTF-16 code units

describe('text safety', () => {
  it('accepts ordinary Dutch text, emoji and every plane', () => {
    for (const text of [
      '',
      'galerij 3e verdieping, bij lift',
      'ĳzer € ß',
      `scheur ${emoji}`,
      '\u{10FFFD}',
    ])
      expect(textProblem(text), text).toBeUndefined();
  });

  it('names NUL, lone surrogates and non-characters in Dutch', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL-teken op positie 2/);
    expect(textProblem('kapot \uD83D')).toMatch(/half teken/);
    expect(textProblem('\uDE00 kapot')).toMatch(/half teken/);
    expect(textProblem('\uDE00\uD83D')).toMatch(/half teken/);
    for (const text of ['\uFFFE', '\uFFFF', '\uFDD0', '\u{1FFFE}', '\u{10FFFF}'])
      expect(textProblem(text), JSON.stringify(text)).toMatch(/ongeldig Unicode-teken/);
    expect(isSafeText(`x${emoji}`)).toBe(true);
  });

  it('walks a JSON value: keys, nested strings, depth, string length and size', () => {
    expect(jsonProblem({ shapes: [{ text: `ok ${emoji}`, at: [0.1, 0.2] }] })).toBeUndefined();
    expect(jsonProblem({ a: [{ b: 'x\u0000' }] })).toMatch(/NUL-teken.*bij a\.0\.b/);
    expect(jsonProblem({ ['k\uD800']: 1 })).toMatch(/half teken/);
    // The path of a bad key is itself made storable in the message.
    expect(isSafeText(jsonProblem({ ['k\uD800']: 1 }) ?? '')).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(jsonProblem(deep)).toMatch(/te diep genest/);
    expect(
      jsonProblem({ a: [[[1]]] }, { maxDepth: 3, maxStringLength: 10, maxNodes: 100 }),
    ).toMatch(/te diep/);
    expect(
      jsonProblem('x'.repeat(11), { maxDepth: 3, maxStringLength: 10, maxNodes: 100 }),
    ).toMatch(/te lang/);
    expect(
      jsonProblem(
        Array.from({ length: 100 }, () => 1),
        { maxDepth: 3, maxStringLength: 10, maxNodes: 100 },
      ),
    ).toMatch(/te groot/);
  });

  it('cuts at a length limit on a character boundary, never inside an emoji', () => {
    const text = `ab${emoji}cd`;
    expect(cutText(text, 3)).toBe('ab');
    expect(cutText(text, 4)).toBe(`ab${emoji}`);
    expect(cutText(text, 10)).toBe(text);
    for (let max = 0; max <= text.length; max += 1)
      expect(isSafeText(cutText(text, max))).toBe(true);
  });

  it('cleans typed or pasted input: NUL and halves of characters removed, then cut', () => {
    expect(cleanInput('ga\u0000lerij')).toBe('galerij');
    expect(cleanInput(`a\uD83D b ${emoji}`)).toBe(`a b ${emoji}`);
    expect(cleanInput(`${emoji}${emoji}`, 3)).toBe(emoji);
    expect(storableText('x\u0000y\uDC00')).toBe('x\uFFFDy\uFFFD');
  });

  it('works as a zod refinement for route schemas', () => {
    const Name = z.string().max(100).check(safeText());
    expect(Name.safeParse('Ingrid').success).toBe(true);
    expect(Name.safeParse('In\u0000grid').error?.issues[0]?.message).toMatch(/NUL-teken/);
    const Body = z.unknown().check(safeJson());
    expect(Body.safeParse({ a: 'b' }).success).toBe(true);
    expect(Body.safeParse({ a: '\uDFFF' }).success).toBe(false);
  });
});
