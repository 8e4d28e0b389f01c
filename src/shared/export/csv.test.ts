import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  csvChunks,
  csvColumns,
  decodeCsvCell,
  dutchDay,
  formatDutchNumber,
  toCsv,
  type AnyCsvColumn,
} from './csv.ts';

interface Row {
  name: string | null;
  bagId: string | null;
  ep2: number | null;
  floor: number | null;
  validUntil: string | null;
  expired: boolean | null;
}

const col = csvColumns<Row>();
const columns: readonly AnyCsvColumn<Row>[] = [
  col.text('Naam', (row) => row.name),
  col.id('BAG verblijfsobject-id', (row) => row.bagId),
  col.number('EP2', (row) => row.ep2),
  col.integer('Verdieping', (row) => row.floor),
  col.date('Geldig tot', (row) => row.validUntil),
  col.boolean('Verlopen', (row) => row.expired),
];

const row: Row = {
  name: 'Café "De Hoek"; 1e etage',
  bagId: '0599010000001001',
  ep2: 312.5,
  floor: -1,
  validUntil: '2031-05-01',
  expired: false,
};

describe('toCsv for Dutch Excel', () => {
  it('starts with the UTF-8 BOM, separates with semicolons and ends every line with CRLF', () => {
    const text = toCsv(columns, [row]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe(
      'Naam;BAG verblijfsobject-id;EP2;Verdieping;Geldig tot;Verlopen\r\n' +
        '"Café ""De Hoek""; 1e etage";"=""0599010000001001""";312,5;-1;2031-05-01;nee\r\n',
    );
  });

  it('encodes the BOM as the bytes EF BB BF when the text is written as UTF-8', () => {
    const bytes = new TextEncoder().encode(toCsv(columns, []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes empty cells for null and undefined values of every kind', () => {
    const empty: Row = {
      name: null,
      bagId: null,
      ep2: null,
      floor: null,
      validUntil: null,
      expired: null,
    };
    expect(toCsv(columns, [empty]).split('\r\n')[1]).toBe(';;;;;');
  });

  it('quotes cells with a line break, a quote, a semicolon or surrounding spaces', () => {
    const names = ['twee\nregels', 'cr\ralleen', 'a"b', 'a;b', ' spatie', 'spatie ', 'gewoon'];
    const text = toCsv(
      [col.text('Naam', (r) => r.name)],
      names.map((name) => ({ ...row, name })),
    );
    expect(text.slice(1).split('\r\n').slice(1, -1).join('|')).toBe(
      '"twee\nregels"|"cr\ralleen"|"a""b"|"a;b"|" spatie"|"spatie "|gewoon',
    );
  });

  it('puts an apostrophe before text that Excel would run as a formula', () => {
    const cells = ['=SUM(A1)', '+31 10', '-5', '@cmd', '\tx', "'=al beschermd", 'gewoon = ok'];
    const text = toCsv(
      [col.text('Naam', (r) => r.name)],
      cells.map((name) => ({ ...row, name })),
    );
    expect(text.slice(1).split('\r\n').slice(1, -1)).toEqual([
      "'=SUM(A1)",
      "'+31 10",
      "'-5",
      "'@cmd",
      "'\tx",
      "''=al beschermd",
      'gewoon = ok',
    ]);
  });

  it('never writes a formula for an id that is not only digits', () => {
    const text = toCsv(
      [col.id('Id', (r) => r.bagId)],
      ['=HYPERLINK("x")', 'C-1001', '0599'].map((bagId) => ({ ...row, bagId })),
    );
    expect(text.slice(1).split('\r\n').slice(1, -1)).toEqual([
      '"\'=HYPERLINK(""x"")"',
      'C-1001',
      '"=""0599"""',
    ]);
  });

  it('writes digit-only ids as they are with idStyle plain', () => {
    const text = toCsv([col.id('Id', (r) => r.bagId)], [row], { idStyle: 'plain' });
    expect(text.slice(1).split('\r\n')[1]).toBe('0599010000001001');
  });

  it('refuses a date column value that is not JJJJ-MM-DD', () => {
    expect(() => toCsv(columns, [{ ...row, validUntil: '01-05-2031' }])).toThrow(RangeError);
  });

  it('streams the same text in chunks as toCsv gives at once', () => {
    const rows = Array.from({ length: 2500 }, (_, index) => ({ ...row, floor: index }));
    const chunks = [...csvChunks(columns, rows, { linesPerChunk: 1000 })];
    expect(chunks).toHaveLength(3);
    expect(chunks.join('')).toBe(toCsv(columns, rows));
  });
});

describe('formatDutchNumber', () => {
  it('uses a decimal comma, no grouping and no exponent', () => {
    expect(formatDutchNumber(1.45)).toBe('1,45');
    expect(formatDutchNumber(-12.5)).toBe('-12,5');
    expect(formatDutchNumber(1234567)).toBe('1234567');
    expect(formatDutchNumber(1e21)).toBe('1000000000000000000000');
    expect(formatDutchNumber(0.0000001)).toBe('0,0000001');
    expect(formatDutchNumber(2.345, 1)).toBe('2,3');
    expect(formatDutchNumber(-0.01, 1)).toBe('0,0');
    expect(formatDutchNumber(Number.NaN)).toBe('');
  });
});

describe('decodeCsvCell', () => {
  it('reverses every kind of cell the writer produces', () => {
    expect(decodeCsvCell('id', '="0599010000001001"')).toBe('0599010000001001');
    expect(decodeCsvCell('text', "'=SUM(A1)")).toBe('=SUM(A1)');
    expect(decodeCsvCell('text', "''=x")).toBe("'=x");
    expect(decodeCsvCell('text', "'gewoon")).toBe("'gewoon");
    expect(decodeCsvCell('number', '-12,5')).toBe(-12.5);
    expect(decodeCsvCell('boolean', 'ja')).toBe(true);
    expect(decodeCsvCell('date', '2031-05-01')).toBe('2031-05-01');
    expect(decodeCsvCell('integer', '')).toBeNull();
    expect(() => decodeCsvCell('number', '1.5')).toThrow(RangeError);
  });

  it('gives back any text unchanged after formula protection', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const line = toCsv([col.text('n', (r) => r.name)], [{ ...row, name }]);
        const cell = line.slice(line.indexOf('\r\n') + 2, -2);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(decodeCsvCell('text', unquoted)).toBe(name);
      }),
    );
  });
});

describe('dutchDay', () => {
  it('gives the calendar day in the Netherlands, across midnight and daylight saving', () => {
    expect(dutchDay('2026-11-21T23:30:00Z')).toBe('2026-11-22');
    expect(dutchDay('2026-07-01T21:59:00Z')).toBe('2026-07-01');
    expect(dutchDay('2026-07-01T22:00:00Z')).toBe('2026-07-02');
    expect(() => dutchDay('gisteren')).toThrow(RangeError);
  });
});
