import { describe, expect, it } from 'vitest';
import { ComplexSchema } from './complex.ts';
import { OrganisationSchema } from './organisation.ts';
import { maxBouwjaar, PandSchema, type Pand } from './pand.ts';
import { VerblijfsobjectSchema, type Verblijfsobject } from './verblijfsobject.ts';

const organisationId = '0195a1b2-c3d4-7e5f-8a6b-000000000001';
const complexId = '0195a1b2-c3d4-7e5f-8a6b-000000000002';
const pandId = '0195a1b2-c3d4-7e5f-8a6b-000000000003';

function pand(overrides: Partial<Record<keyof Pand, unknown>> = {}) {
  return {
    id: pandId,
    complexId,
    bagPandId: '0599100000654321',
    bouwjaar: 1965,
    storeys: 4,
    highestFloorHeightM: 8.4,
    roofType: 'plat',
    lift: false,
    loadBearingStructure: 'kalkzandsteen',
    foundation: 'betonpalen',
    ...overrides,
  };
}

function verblijfsobject(overrides: Partial<Record<keyof Verblijfsobject, unknown>> = {}) {
  return {
    id: '0195a1b2-c3d4-7e5f-8a6b-000000000004',
    pandId,
    bagVerblijfsobjectId: '0599010000123456',
    vheNummer: 'VHE-10401',
    address: {
      straat: 'Coolsingel',
      postcode: '3011he',
      huisnummer: 40,
      huisletter: 'a',
      woonplaats: 'Rotterdam',
    },
    floor: 2,
    areaM2: 62.5,
    dwellingType: 'galerijwoning',
    energyLabels: [
      {
        class: 'F',
        registrationDate: '2016-01-10',
        recordingDate: '2016-01-05',
        validUntil: '2026-01-10',
        energyIndex: 2.5,
        method: 'EI',
        source: 'ep-online',
      },
    ],
    ...overrides,
  };
}

describe('OrganisationSchema and ComplexSchema', () => {
  it('accept a corporation and its complex', () => {
    expect(
      OrganisationSchema.safeParse({
        id: organisationId,
        name: 'Woonstichting Voorbeeld',
        kvkNummer: '12345678',
      }).success,
    ).toBe(true);
    expect(
      ComplexSchema.safeParse({
        id: complexId,
        organisationId,
        complexnummer: '1040',
        name: 'Hofpleinflat',
        gemeente: 'Rotterdam',
      }).success,
    ).toBe(true);
  });

  it('explain what is missing in Dutch', () => {
    expect(
      OrganisationSchema.safeParse({ id: organisationId, name: 'X', kvkNummer: '1234' }).error
        ?.issues[0]?.message,
    ).toBe('Een KvK-nummer bestaat uit 8 cijfers.');
    expect(
      ComplexSchema.safeParse({
        id: complexId,
        organisationId,
        complexnummer: ' ',
        name: 'A',
        gemeente: 'B',
      }).error?.issues[0]?.message,
    ).toBe('Vul het complexnummer in.');
  });
});

describe('PandSchema', () => {
  it('accepts a post-war flat', () => {
    expect(PandSchema.safeParse(pand()).success).toBe(true);
    expect(PandSchema.safeParse(pand({ highestFloorHeightM: undefined })).success).toBe(true);
  });

  it.each([
    [999, false],
    [1000, true],
    [maxBouwjaar(), true],
    [maxBouwjaar() + 1, false],
    [1965.5, false],
  ])('accepts bouwjaar %d: %s', (bouwjaar, ok) => {
    expect(PandSchema.safeParse(pand({ bouwjaar })).success).toBe(ok);
  });

  it('allows a bouwjaar up to five years ahead of the given date', () => {
    expect(maxBouwjaar(new Date('2025-06-01T00:00:00Z'))).toBe(2030);
  });

  it.each([
    [
      { bagPandId: '0599010000123456' },
      'Dit BAG-id is een verblijfsobject (01), verwacht een pand (10).',
    ],
    [{ storeys: 0 }, 'Een pand heeft minstens 1 bouwlaag.'],
    [{ roofType: 'koepel' }, 'Onbekend daktype.'],
    [{ loadBearingStructure: 'stro' }, 'Onbekende draagconstructie.'],
    [{ foundation: 'drijvend' }, 'Onbekend funderingstype.'],
    [{ lift: 'ja' }, 'Geef aan of er een lift is.'],
    [{ highestFloorHeightM: -1 }, 'Hoogste vloer ligt niet onder het maaiveld.'],
    [{ bouwjaar: 999 }, 'Bouwjaar ligt niet vóór 1000.'],
  ])('rejects %j with "%s"', (change, message) => {
    expect(PandSchema.safeParse(pand(change)).error?.issues[0]?.message).toBe(message);
  });
});

describe('VerblijfsobjectSchema', () => {
  it('accepts a dwelling and normalises its address', () => {
    const parsed = VerblijfsobjectSchema.parse(verblijfsobject());
    expect(parsed.address).toEqual({
      straat: 'Coolsingel',
      postcode: '3011 HE',
      huisnummer: 40,
      huisletter: 'A',
      woonplaats: 'Rotterdam',
    });
    expect(parsed.energyLabels).toHaveLength(1);
  });

  it('accepts a dwelling without labels', () => {
    expect(VerblijfsobjectSchema.safeParse(verblijfsobject({ energyLabels: [] })).success).toBe(
      true,
    );
  });

  it.each([
    [
      { bagVerblijfsobjectId: '0599100000654321' },
      'Dit BAG-id is een pand (10), verwacht een verblijfsobject (01).',
    ],
    [{ vheNummer: '' }, 'Vul het VHE-nummer in.'],
    [{ areaM2: 0 }, 'Oppervlakte moet groter dan 0 m² zijn.'],
    [{ floor: 1.5 }, 'Verdieping moet een geheel getal zijn.'],
    [{ dwellingType: 'kasteel' }, 'Onbekend woningtype.'],
  ])('rejects %j with "%s"', (change, message) => {
    expect(VerblijfsobjectSchema.safeParse(verblijfsobject(change)).error?.issues[0]?.message).toBe(
      message,
    );
  });

  it('rejects an invalid energy label with its path', () => {
    const result = VerblijfsobjectSchema.safeParse(
      verblijfsobject({
        energyLabels: [
          {
            class: 'F',
            registrationDate: '2016-01-10',
            recordingDate: '2016-01-05',
            validUntil: '2027-01-10',
            method: 'EI',
            source: 'ep-online',
          },
        ],
      }),
    );
    expect(result.error?.issues[0]?.path).toEqual(['energyLabels', 0, 'validUntil']);
  });
});
