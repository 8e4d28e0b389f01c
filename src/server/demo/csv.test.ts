import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvRecords } from './csv.ts';

const fields = (text: string) => parseCsvRecords(text).map((record) => record.fields);

describe('parseCsvRecords', () => {
  it('splits semicolon-separated lines into fields, keeping empty ones', () => {
    expect(fields('a;b;c\n1;;3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('accepts CRLF, CR and a missing final line end alike', () => {
    expect(fields('a;b\r\n1;2\r\n')).toEqual(fields('a;b\n1;2'));
    expect(fields('a;b\r1;2\r')).toEqual(fields('a;b\n1;2'));
  });

  it('drops a UTF-8 byte order mark, as Excel writes one', () => {
    expect(fields('\uFEFFcomplexnummer;naam\nC-1;Eén')).toEqual([
      ['complexnummer', 'naam'],
      ['C-1', 'Eén'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    expect(fields('naam;opmerking\n"Hof; Oost";"zei ""ja""\r\nen ging"\n')).toEqual([
      ['naam', 'opmerking'],
      ['Hof; Oost', 'zei "ja"\r\nen ging'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fields('a\n12" scherm')).toEqual([['a'], ['12" scherm']]);
  });

  it('skips blank lines but keeps a line of only delimiters', () => {
    expect(fields('a;b\n\n1;2\n\n;\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['', ''],
    ]);
  });

  it('reports the line where a record starts, counting line breaks inside quotes', () => {
    const records = parseCsvRecords('a;b\n"x\ny";1\n\nz;2\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('refuses an unterminated quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsvRecords('a\n"open')).toThrow(/line 2: unterminated/);
    expect(() => parseCsvRecords('a;b\n"x"y;1')).toThrow(/line 2: text after a closing quote/);
  });
});

describe('parseCsv', () => {
  it('keys each row by trimmed, lowercased header names in any column order', () => {
    const table = parseCsv(' Postcode ;HUISNUMMER\n3011 HE;100\n');
    expect(table.header).toEqual(['postcode', 'huisnummer']);
    expect(table.rows).toEqual([{ line: 2, values: { postcode: '3011 HE', huisnummer: '100' } }]);
  });

  it('refuses rows with a different number of fields than the header', () => {
    expect(() => parseCsv('a;b\n1;2\n1;2;3\n')).toThrow(/line 3: 3 fields, expected 2/);
  });

  it('refuses an empty file, an empty column name and a duplicate column', () => {
    expect(() => parseCsv('')).toThrow(CsvError);
    expect(() => parseCsv('a;;b\n')).toThrow(/empty column name/);
    expect(() => parseCsv('a;A\n')).toThrow(/duplicate column "a"/);
  });
});
