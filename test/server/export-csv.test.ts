// CSV round trip: what the export writer produces for Dutch Excel is read back by the project's
// own readers (the streaming tokenizer of the importers, the header-driven parser and the
// EP-online number/date rules) and by the portfolio importer, and gives the same values.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/server/demo/csv.ts';
import { parsePortfolioCsv } from '../../src/server/demo/portfolio-csv.ts';
import { parseDecimal, parseEpDate } from '../../src/server/import/ep-online.ts';
import { CsvTokenizer, type CsvRecord } from '../../src/server/import/csv-stream.ts';
import {
  csvColumns,
  decodeCsvCell,
  toCsv,
  type AnyCsvColumn,
} from '../../src/shared/export/index.ts';

interface Row {
  text: string | null;
  id: string | null;
  number: number | null;
  integer: number | null;
  date: string | null;
  flag: boolean | null;
}

const col = csvColumns<Row>();
const columns: readonly AnyCsvColumn<Row>[] = [
  col.text('Tekst; met "quotes"', (row) => row.text),
  col.id('Id', (row) => row.id),
  col.number('Getal', (row) => row.number),
  col.integer('Geheel', (row) => row.integer),
  col.date('Datum', (row) => row.date),
  col.boolean('Vlag', (row) => row.flag),
];

/** Feeds the text to the importers' tokenizer in the given piece sizes (records may straddle). */
function tokenize(text: string, pieces: readonly number[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer((record) => records.push(record));
  let offset = 0;
  for (const size of pieces) {
    if (offset >= text.length) break;
    tokenizer.push(text.slice(offset, offset + size));
    offset += size;
  }
  if (offset < text.length) tokenizer.push(text.slice(offset));
  tokenizer.end();
  return records;
}

// Doubles as a spreadsheet holds them; exponent-range values are written with 20 decimals
// (readable, not exact), so the exact round trip is checked within the plain range.
const plainDouble = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
  .filter((value) => value === 0 || Math.abs(value) >= 1e-6)
  .map((value) => (Object.is(value, -0) ? 0 : value));

const isoDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  // Text with the characters that matter: separators, quotes, line ends, formula starters.
  text: fc.option(
    fc.string({
      unit: fc.oneof(
        fc.constantFrom(';', '"', '\n', '\r', '=', '+', '-', '@', "'", '\t', ' ', 'é', '€', '😀'),
        fc.string({ minLength: 1, maxLength: 3 }),
      ),
      minLength: 1,
    }),
  ),
  id: fc.option(
    fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.string({ minLength: 1, maxLength: 20 })),
  ),
  number: fc.option(plainDouble),
  integer: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 })),
  date: fc.option(isoDate),
  flag: fc.option(fc.boolean()),
});

function decodeRow(fields: readonly string[]): Row {
  return {
    text: decodeCsvCell('text', fields[0] ?? '') as string | null,
    id: decodeCsvCell('id', fields[1] ?? '') as string | null,
    number: decodeCsvCell('number', fields[2] ?? '') as number | null,
    integer: decodeCsvCell('integer', fields[3] ?? '') as number | null,
    date: decodeCsvCell('date', fields[4] ?? '') as string | null,
    flag: decodeCsvCell('boolean', fields[5] ?? '') as boolean | null,
  };
}

describe('CSV round trip through the importers’ reader', () => {
  it('gives back every row, whatever the cells contain and however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom<'excel' | 'plain'>('excel', 'plain'),
        (rows, pieces, idStyle) => {
          const text = toCsv(columns, rows, { idStyle });
          const [header, ...records] = tokenize(text, pieces);
          expect(header?.fields).toEqual(columns.map((column) => column.header));
          expect(records.map((record) => decodeRow(record.fields))).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads as the EP-online importer reads numbers and dates, after the BOM and with quoted line breaks', () => {
    const rows: Row[] = [
      {
        text: 'Regel 1\r\nRegel 2; "quote"',
        id: '0599010000001001',
        number: 1.45,
        integer: 2031,
        date: '2031-05-01',
        flag: true,
      },
      { text: '=1+1', id: null, number: -312.5, integer: null, date: null, flag: false },
    ];
    // As a browser or server hands the file over: UTF-8 bytes, decoded again.
    const bytes = new TextEncoder().encode(toCsv(columns, rows));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(table.header[0]).toBe('tekst; met "quotes"');
    expect(table.rows).toHaveLength(2);
    const [first, second] = table.rows;
    expect(first?.values.getal && parseDecimal(first.values.getal)).toBe(1.45);
    expect(second?.values.getal && parseDecimal(second.values.getal)).toBe(-312.5);
    expect(first?.values.datum && parseEpDate(first.values.datum)).toBe('2031-05-01');
    expect(first?.values['tekst; met "quotes"']).toBe('Regel 1\r\nRegel 2; "quote"');
    expect(decodeCsvCell('id', first?.values.id ?? '')).toBe('0599010000001001');
    expect(second?.values['tekst; met "quotes"']).toBe("'=1+1");
    expect(first?.values.vlag).toBe('ja');
  });
});

describe('portfolio export in the import format', () => {
  it('imports again into the same complexes, panden and dwellings (plain ids)', () => {
    const source = readFileSync(
      new URL('../../src/server/demo/portfolio-demo.csv', import.meta.url),
      'utf8',
    );
    const portfolio = parsePortfolioCsv(source);
    // The rows as the portfolio export writes them (same header names, see export-kinds.ts).
    type Flat = Record<string, string | number | boolean | null>;
    const flat: Flat[] = portfolio.flatMap((complex) =>
      complex.panden.flatMap((pand) =>
        pand.verblijfsobjecten.map((vo) => ({
          complexnummer: complex.complexnummer,
          complexnaam: complex.name,
          gemeente: complex.gemeente,
          pand_id: pand.bagPandId,
          bouwjaar: pand.bouwjaar,
          bouwlagen: pand.storeys,
          vhe_nummer: vo.vheNummer,
          verblijfsobject_id: vo.bagVerblijfsobjectId,
          postcode: vo.postcode,
          huisnummer: vo.huisnummer,
          huisletter: vo.huisletter,
          toevoeging: vo.toevoeging,
          woonplaats: vo.woonplaats,
          woningtype: vo.woningtype,
          gebruiksoppervlakte_m2: vo.areaM2,
          verdieping: vo.floor,
          lift: vo.lift,
        })),
      ),
    );
    const c = csvColumns<Flat>();
    const text = (name: string) => c.text(name, (row) => row[name] as string | null);
    const id = (name: string) => c.id(name, (row) => row[name] as string | null);
    const integer = (name: string) => c.integer(name, (row) => row[name] as number | null);
    const flatColumns: AnyCsvColumn<Flat>[] = [
      text('complexnummer'),
      text('complexnaam'),
      text('gemeente'),
      id('pand_id'),
      integer('bouwjaar'),
      integer('bouwlagen'),
      text('vhe_nummer'),
      id('verblijfsobject_id'),
      text('postcode'),
      integer('huisnummer'),
      text('huisletter'),
      text('toevoeging'),
      text('woonplaats'),
      text('woningtype'),
      integer('gebruiksoppervlakte_m2'),
      integer('verdieping'),
      c.boolean('lift', (row) => row.lift as boolean | null),
    ];
    const exported = toCsv(flatColumns, flat, { idStyle: 'plain' });
    expect(parsePortfolioCsv(exported)).toEqual(portfolio);
    // The Excel variant protects the ids, which the importer (rightly) does not take as ids.
    expect(() => parsePortfolioCsv(toCsv(flatColumns, flat))).toThrow(/pand_id/);
  });
});
