import { z } from 'zod';

export type PostcodeResult = { ok: true; value: string } | { ok: false; error: string };

// PostNL does not issue the letter combinations SA, SD and SS (historical connotations), so
// such a postcode is certainly a typo: reject it rather than store an address that cannot exist.
export const unissuedPostcodeLetters: readonly string[] = ['SA', 'SD', 'SS'];

/**
 * Parses a Dutch postcode and normalises it to "1234 AB". Case and whitespace anywhere are
 * ignored ("3011he", " 3011  HE ", "30 11HE"): typing on a tablet is forgiving, storage is not.
 */
export function parsePostcode(text: string): PostcodeResult {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (compact.length === 0) return { ok: false, error: 'Postcode ontbreekt.' };
  const match = /^(\d{4})([A-Z]{2})$/.exec(compact);
  if (!match)
    return {
      ok: false,
      error: 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.',
    };
  const [, digits = '', letters = ''] = match;
  if (digits.startsWith('0')) return { ok: false, error: 'Een postcode begint niet met 0.' };
  if (unissuedPostcodeLetters.includes(letters))
    return { ok: false, error: `De lettercombinatie ${letters} wordt in postcodes niet gebruikt.` };
  return { ok: true, value: `${digits} ${letters}` };
}

/** A postcode, normalised to "1234 AB". */
export const PostcodeSchema = z
  .string({ error: 'Postcode ontbreekt.' })
  .transform((value, context) => {
    const parsed = parsePostcode(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.value;
  });
export type Postcode = z.infer<typeof PostcodeSchema>;
