import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BagPandIdSchema,
  BagVerblijfsobjectIdSchema,
  bagObjectTypeCodes,
  parseBagId,
  type BagObjectKind,
} from './bag.ts';

describe('parseBagId', () => {
  it.each<[string, BagObjectKind]>([
    ['0599010000123456', 'verblijfsobject'],
    ['0599020000000001', 'ligplaats'],
    ['0599030000000002', 'standplaats'],
    ['0599100000654321', 'pand'],
    ['0599200000111111', 'nummeraanduiding'],
    ['0599300000222222', 'openbareruimte'],
  ])('reads %s as a %s of gemeente 0599', (id, kind) => {
    expect(parseBagId(id)).toEqual({
      ok: true,
      id,
      kind,
      gemeentecode: '0599',
      volgnummer: id.slice(6),
    });
  });

  it('ignores surrounding whitespace', () => {
    expect(parseBagId('  0363010000659128\n')).toMatchObject({ ok: true, id: '0363010000659128' });
  });

  it.each<[string, string]>([
    ['', 'BAG-id ontbreekt.'],
    ['   ', 'BAG-id ontbreekt.'],
    ['059901000012345', 'Een BAG-id heeft 16 cijfers, dit zijn er 15.'],
    ['05990100001234567', 'Een BAG-id heeft 16 cijfers, dit zijn er 17.'],
    [
      '0599O10000123456',
      'Een BAG-id bestaat alleen uit cijfers (16 cijfers, geen letters of spaties).',
    ],
    [
      '0599 010000123456',
      'Een BAG-id bestaat alleen uit cijfers (16 cijfers, geen letters of spaties).',
    ],
    [
      '-599010000123456',
      'Een BAG-id bestaat alleen uit cijfers (16 cijfers, geen letters of spaties).',
    ],
    [
      '0599040000123456',
      'Onbekend objecttype 04 (cijfers 5-6); verwacht 01, 02, 03, 10, 20 of 30.',
    ],
    [
      '0599000000123456',
      'Onbekend objecttype 00 (cijfers 5-6); verwacht 01, 02, 03, 10, 20 of 30.',
    ],
    ['0000010000123456', 'De gemeentecode (eerste 4 cijfers) van een BAG-id kan niet 0000 zijn.'],
    ['0599010000000000', 'Het volgnummer (laatste 10 cijfers) van een BAG-id kan niet nul zijn.'],
  ])('rejects %j with "%s"', (id, error) => {
    expect(parseBagId(id)).toEqual({ ok: false, error });
  });

  it('restores dropped leading zeros only when asked', () => {
    expect(parseBagId('599010000123456').ok).toBe(false);
    expect(parseBagId('599010000123456', { padLeadingZeros: true })).toMatchObject({
      ok: true,
      id: '0599010000123456',
      gemeentecode: '0599',
    });
    expect(parseBagId('14100000001', { padLeadingZeros: true }).ok).toBe(false);
  });

  it('parses any 16-digit id with a known type code and returns it unchanged', () => {
    const typeCodes = Object.keys(bagObjectTypeCodes);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...typeCodes),
        fc.integer({ min: 1, max: 9_999_999_999 }),
        (gemeente, type, volgnummer) => {
          const id = `${String(gemeente).padStart(4, '0')}${type}${String(volgnummer).padStart(10, '0')}`;
          const parsed = parseBagId(id);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.kind).toBe(bagObjectTypeCodes[type]);
          expect(`${parsed.gemeentecode}${type}${parsed.volgnummer}`).toBe(id);
          expect(parsed.id).toBe(id);
        },
      ),
    );
  });

  it('rejects every string that is not 16 digits after trimming', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        fc.pre(!/^\d{16}$/.test(text.trim()));
        expect(parseBagId(text).ok).toBe(false);
      }),
    );
  });

  it('rejects every 16-digit id with an unknown type code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{3}\d{2}\d{9}[1-9]$/), (id) => {
        fc.pre(!(id.slice(4, 6) in bagObjectTypeCodes));
        expect(parseBagId(id)).toMatchObject({ ok: false });
      }),
    );
  });
});

describe('BAG id schemas', () => {
  it('accept their own kind and return the trimmed id', () => {
    expect(BagVerblijfsobjectIdSchema.parse(' 0599010000123456 ')).toBe('0599010000123456');
    expect(BagPandIdSchema.parse('0599100000654321')).toBe('0599100000654321');
  });

  it('reject the other kind with a message naming both', () => {
    const result = BagVerblijfsobjectIdSchema.safeParse('0599100000654321');
    expect(result.error?.issues[0]?.message).toBe(
      'Dit BAG-id is een pand (10), verwacht een verblijfsobject (01).',
    );
    expect(BagPandIdSchema.safeParse('0599010000123456').success).toBe(false);
  });

  it('pass on the parse error and reject non-strings', () => {
    expect(BagPandIdSchema.safeParse('12345').error?.issues[0]?.message).toBe(
      'Een BAG-id heeft 16 cijfers, dit zijn er 5.',
    );
    expect(BagPandIdSchema.safeParse(599100000654321).error?.issues[0]?.message).toBe(
      'BAG-id ontbreekt.',
    );
  });
});
