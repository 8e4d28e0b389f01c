import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, AddressSchema, formatAddress, formatHuisnummer } from './address.ts';

const base = { postcode: '3011he', huisnummer: 40, woonplaats: 'Rotterdam' };

describe('AddressSchema', () => {
  it('normalises postcode and huisletter and trims the rest', () => {
    expect(
      AddressSchema.parse({
        ...base,
        straat: ' Coolsingel ',
        huisletter: 'a',
        toevoeging: ' bis ',
      }),
    ).toEqual({
      straat: 'Coolsingel',
      postcode: '3011 HE',
      huisnummer: 40,
      huisletter: 'A',
      toevoeging: 'bis',
      woonplaats: 'Rotterdam',
    });
  });

  it('treats empty huisletter, toevoeging and street as absent', () => {
    const parsed = AddressSchema.parse({ ...base, straat: '', huisletter: '', toevoeging: '  ' });
    expect(parsed).toEqual({ postcode: '3011 HE', huisnummer: 40, woonplaats: 'Rotterdam' });
  });

  it.each([
    [1, true],
    [99999, true],
    [0, false],
    [100000, false],
    [12.5, false],
  ])('accepts huisnummer %d: %s', (huisnummer, ok) => {
    expect(AddressSchema.safeParse({ ...base, huisnummer }).success).toBe(ok);
  });

  it.each([
    [{ huisletter: 'AB' }, 'Huisletter is precies één letter (A-Z).'],
    [{ huisletter: '1' }, 'Huisletter is precies één letter (A-Z).'],
    [{ toevoeging: '12345' }, 'Toevoeging is 1 tot 4 letters of cijfers.'],
    [{ toevoeging: '2-h' }, 'Toevoeging is 1 tot 4 letters of cijfers.'],
    [{ huisnummer: 0 }, 'Huisnummer is minimaal 1.'],
    [{ woonplaats: ' ' }, 'Woonplaats ontbreekt.'],
    [{ postcode: '0123 AB' }, 'Een postcode begint niet met 0.'],
  ])('rejects %j with "%s"', (change, message) => {
    expect(AddressSchema.safeParse({ ...base, ...change }).error?.issues[0]?.message).toBe(message);
  });

  it('accepts toevoegingen of up to 4 letters or digits', () => {
    for (const toevoeging of ['1', 'A', 'bis', 'A1b2'])
      expect(AddressSchema.safeParse({ ...base, toevoeging }).success).toBe(true);
  });
});

describe('formatAddress', () => {
  it.each([
    [{ straat: 'Coolsingel' }, 'Coolsingel 40, 3011 HE Rotterdam'],
    [{ straat: 'Coolsingel', huisletter: 'A' }, 'Coolsingel 40A, 3011 HE Rotterdam'],
    [{ straat: 'Coolsingel', toevoeging: '2' }, 'Coolsingel 40-2, 3011 HE Rotterdam'],
    [
      { straat: 'Coolsingel', huisletter: 'a', toevoeging: 'bis' },
      'Coolsingel 40A-bis, 3011 HE Rotterdam',
    ],
    [{}, '40, 3011 HE Rotterdam'],
  ])('writes %j as %s', (change, text) => {
    expect(formatAddress(AddressSchema.parse({ ...base, ...change }))).toBe(text);
  });

  it('formats the number part alone', () => {
    expect(formatHuisnummer({ huisnummer: 7, huisletter: 'B', toevoeging: '1' })).toBe('7B-1');
  });
});

describe('addressKey', () => {
  it('normalises postcode, case and separators', () => {
    expect(
      addressKey({ postcode: '3011 he', huisnummer: 40, huisletter: 'a', toevoeging: '2' }),
    ).toBe('3011HE|40|A2');
    expect(
      addressKey({
        postcode: '3011HE',
        huisnummer: ' 40 ',
        huisletter: null,
        toevoeging: undefined,
      }),
    ).toBe('3011HE|40|');
  });

  it('matches a combined EP-online toevoeging column with split BAG fields', () => {
    const bag = addressKey({
      postcode: '3011 HE',
      huisnummer: 40,
      huisletter: 'A',
      toevoeging: 'bis',
    });
    const epOnline = addressKey({ postcode: '3011HE', huisnummer: '40', toevoeging: 'A-BIS' });
    expect(epOnline).toBe(bag);
  });

  it('is null for an invalid postcode or huisnummer', () => {
    expect(addressKey({ postcode: '0123 AB', huisnummer: 1 })).toBeNull();
    expect(addressKey({ postcode: '3011 HE', huisnummer: 0 })).toBeNull();
    expect(addressKey({ postcode: '3011 HE', huisnummer: 'veertig' })).toBeNull();
    expect(addressKey({ postcode: '3011 HE', huisnummer: '' })).toBeNull();
  });

  it('distinguishes different house numbers and is the same for the same address', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom('', 'A', 'b'),
        (a, b, letter) => {
          const keyA = addressKey({ postcode: '1234 AB', huisnummer: a, huisletter: letter });
          const keyB = addressKey({
            postcode: '1234ab',
            huisnummer: b,
            huisletter: letter.toUpperCase(),
          });
          expect(keyA === keyB).toBe(a === b);
        },
      ),
    );
  });
});
