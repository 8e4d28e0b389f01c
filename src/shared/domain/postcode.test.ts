import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostcode, PostcodeSchema } from './postcode.ts';

describe('parsePostcode', () => {
  it.each([
    ['3011 HE', '3011 HE'],
    ['3011HE', '3011 HE'],
    ['3011he', '3011 HE'],
    ['3011 he', '3011 HE'],
    ['  3011   He ', '3011 HE'],
    ['3011\tHE', '3011 HE'],
    ['30 11HE', '3011 HE'],
    ['1000 AA', '1000 AA'],
    ['9999 ZZ', '9999 ZZ'],
    ['1234 SB', '1234 SB'],
  ])('normalises %j to %s', (input, value) => {
    expect(parsePostcode(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Postcode ontbreekt.'],
    ['   ', 'Postcode ontbreekt.'],
    ['0123 AB', 'Een postcode begint niet met 0.'],
    ['301 HE', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['30111 HE', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['3011 H', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['3011 HEE', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['3011-HE', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['HE 3011', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['3011 É1', 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3011 HE.'],
    ['3011 SA', 'De lettercombinatie SA wordt in postcodes niet gebruikt.'],
    ['3011 sd', 'De lettercombinatie SD wordt in postcodes niet gebruikt.'],
    ['3011SS', 'De lettercombinatie SS wordt in postcodes niet gebruikt.'],
  ])('rejects %j with "%s"', (input, error) => {
    expect(parsePostcode(input)).toEqual({ ok: false, error });
  });

  it('accepts only what is 4 digits (first not 0) and 2 letters once spaces and case are ignored', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        const result = parsePostcode(text);
        const compact = text.replace(/\s+/g, '').toUpperCase();
        if (!/^[1-9]\d{3}[A-Z]{2}$/.test(compact)) expect(result.ok).toBe(false);
        if (result.ok) expect(result.value.replace(' ', '')).toBe(compact);
      }),
    );
  });

  it('accepts every issued postcode in any spelling and normalisation is idempotent', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{3}$/),
        fc.stringMatching(/^[A-Za-z]{2}$/),
        fc.constantFrom('', ' ', '  ', '\t'),
        (digits, letters, gap) => {
          fc.pre(!['SA', 'SD', 'SS'].includes(letters.toUpperCase()));
          const result = parsePostcode(`${digits}${gap}${letters}`);
          expect(result).toEqual({ ok: true, value: `${digits} ${letters.toUpperCase()}` });
          if (result.ok) expect(parsePostcode(result.value)).toEqual(result);
        },
      ),
    );
  });
});

describe('PostcodeSchema', () => {
  it('returns the normalised postcode', () => {
    expect(PostcodeSchema.parse('3011he')).toBe('3011 HE');
  });

  it('reports what is wrong in Dutch', () => {
    expect(PostcodeSchema.safeParse('0123AB').error?.issues[0]?.message).toBe(
      'Een postcode begint niet met 0.',
    );
    expect(PostcodeSchema.safeParse(3011).error?.issues[0]?.message).toBe('Postcode ontbreekt.');
  });
});
