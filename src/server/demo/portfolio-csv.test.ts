import { describe, expect, it } from 'vitest';
import { parsePortfolioCsv } from './portfolio-csv.ts';

const HEADER =
  'complexnummer;complexnaam;gemeente;pand_id;bouwjaar;bouwlagen;vhe_nummer;verblijfsobject_id;' +
  'postcode;huisnummer;huisletter;toevoeging;woonplaats;woningtype;gebruiksoppervlakte_m2;verdieping;lift';

const row = (overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    complexnummer: 'C-1',
    complexnaam: 'Hof',
    gemeente: 'Rotterdam',
    pand_id: '0599100000000501',
    bouwjaar: '1968',
    bouwlagen: '4',
    vhe_nummer: 'C-1-001',
    verblijfsobject_id: '0599010000001001',
    postcode: '3011 HE',
    huisnummer: '100',
    huisletter: '',
    toevoeging: 'A',
    woonplaats: 'Rotterdam',
    woningtype: 'Portiekflat',
    gebruiksoppervlakte_m2: '61',
    verdieping: '0',
    lift: 'nee',
    ...overrides,
  };
  return HEADER.split(';')
    .map((column) => values[column] ?? '')
    .join(';');
};

describe('parsePortfolioCsv', () => {
  it('groups dwellings under their pand and complex', () => {
    const csv = [
      HEADER,
      row(),
      row({ vhe_nummer: 'C-1-002', verblijfsobject_id: '0599010000001002', lift: 'ja' }),
      row({
        complexnummer: 'C-2',
        complexnaam: 'Dorp',
        pand_id: '1959100000000504',
        vhe_nummer: 'C-2-001',
        verblijfsobject_id: '1959010000002001',
      }),
    ].join('\r\n');
    const complexes = parsePortfolioCsv(csv);
    expect(complexes.map((complex) => complex.complexnummer)).toEqual(['C-1', 'C-2']);
    expect(complexes[0]?.panden).toHaveLength(1);
    expect(complexes[0]?.panden[0]?.verblijfsobjecten.map((object) => object.lift)).toEqual([
      false,
      true,
    ]);
    expect(complexes[0]?.panden[0]).toMatchObject({
      bagPandId: '0599100000000501',
      bouwjaar: 1968,
      storeys: 4,
    });
  });

  it('normalises postcodes and reads empty cells as unknown', () => {
    const [complex] = parsePortfolioCsv(
      [HEADER, row({ postcode: '3011he', huisletter: '', verdieping: '', lift: '' })].join('\n'),
    );
    expect(complex?.panden[0]?.verblijfsobjecten[0]).toMatchObject({
      postcode: '3011 HE',
      huisletter: null,
      floor: null,
      lift: null,
    });
  });

  it('finds columns by name, whatever their order, and tolerates missing optional ones', () => {
    const csv = 'vhe_nummer;pand_id;complexnaam;complexnummer\nV-1;0599100000000501;Hof;C-1\n';
    const [complex] = parsePortfolioCsv(csv);
    expect(complex?.panden[0]?.verblijfsobjecten[0]).toMatchObject({
      vheNummer: 'V-1',
      postcode: null,
    });
  });

  it.each([
    [{ pand_id: '059910000000050' }, /pand_id moet 16 cijfers/],
    [{ pand_id: '0599010000000501' }, /objecttype 10/],
    [{ verblijfsobject_id: '0599100000001001' }, /objecttype 01/],
    [{ postcode: '0123 AB' }, /postcode/],
    [{ huisnummer: '10a' }, /huisnummer moet een geheel getal/],
    [{ lift: 'misschien' }, /lift moet ja of nee/],
    [{ bouwjaar: '3000' }, /bouwjaar moet tussen/],
  ])('refuses an invalid value %o with the line number', (override, message) => {
    expect(() =>
      parsePortfolioCsv(
        [HEADER, row(), row({ vhe_nummer: 'X', verblijfsobject_id: '', ...override })].join('\n'),
      ),
    ).toThrow(message);
    expect(() =>
      parsePortfolioCsv(
        [HEADER, row(), row({ vhe_nummer: 'X', verblijfsobject_id: '', ...override })].join('\n'),
      ),
    ).toThrow(/^Regel 3/);
  });

  it('refuses contradicting complex or pand data and duplicate dwellings', () => {
    const second = { vhe_nummer: 'C-1-002', verblijfsobject_id: '0599010000001002' };
    expect(() =>
      parsePortfolioCsv([HEADER, row(), row({ ...second, complexnaam: 'Anders' })].join('\n')),
    ).toThrow(/complex C-1 heeft hier een andere naam/);
    expect(() =>
      parsePortfolioCsv([HEADER, row(), row({ ...second, bouwjaar: '1970' })].join('\n')),
    ).toThrow(/ander bouwjaar/);
    expect(() =>
      parsePortfolioCsv(
        [HEADER, row(), row({ verblijfsobject_id: '0599010000001002' })].join('\n'),
      ),
    ).toThrow(/vhe_nummer C-1-001 komt dubbel voor/);
    expect(() =>
      parsePortfolioCsv([HEADER, row(), row({ vhe_nummer: 'C-1-002' })].join('\n')),
    ).toThrow(/verblijfsobject_id 0599010000001001 komt dubbel voor/);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parsePortfolioCsv('complexnummer;pand_id\nC-1;0599100000000501\n')).toThrow(
      /missing columns: complexnaam, vhe_nummer/,
    );
  });
});
