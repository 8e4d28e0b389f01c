import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/server/demo/csv.ts';
import { CsvTokenizer, type CsvRecord } from '../../src/server/import/csv-stream.ts';
import { parseDecimal, parseEpDate } from '../../src/server/import/ep-online.ts';
import {
  ImportInputError,
  openImportBytes,
  openImportText,
} from '../../src/server/import/input.ts';
import { buildZip } from '../fixtures/ep-online-files.ts';
import { makeTempDir } from './store-fixtures.ts';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

async function readBytes(file: string): Promise<Buffer> {
  return Buffer.concat(await collect(openImportBytes(file)));
}

function tokenize(chunks: readonly string[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer((record) => records.push(record));
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return records;
}

// Text that exercises every tokenizer state: quotes, "" escapes, separators and line ends
// inside quotes, CRLF, lone CR, blank lines and a BOM.
const tricky = '\uFEFFa;b;c\r\n"x;1";"say ""hi""";3\r\n\r\n"multi\r\nline";;\n1;2;3\r4;"";6\n"end"';

describe('the streaming CSV tokenizer', () => {
  it('gives the same records however the text is split into chunks', () => {
    const whole = tokenize([tricky]);
    expect(whole.map((record) => record.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x;1', 'say "hi"', '3'],
      ['multi\r\nline', '', ''],
      ['1', '2', '3'],
      ['4', '', '6'],
      ['end'],
    ]);
    expect(whole.map((record) => record.line)).toEqual([1, 2, 4, 6, 7, 8]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: tricky.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), tricky.length];
          const chunks = points.slice(1).map((end, index) => tricky.slice(points[index], end));
          expect(tokenize(chunks)).toEqual(whole);
        },
      ),
    );
  });

  it('is the parser behind the demo reader, with the same errors', () => {
    expect(parseCsvRecords(tricky)).toEqual(tokenize([tricky]));
    expect(() => tokenize(['a\n"op', 'en'])).toThrow(/line 2: unterminated/);
    expect(() => tokenize(['a;b\n"x"', 'y;1'])).toThrow(/line 2: text after a closing quote/);
  });
});

describe('EP-online values', () => {
  it('reads published dates and decimal commas, and rejects what is not one', () => {
    expect(parseEpDate('20240229')).toBe('2024-02-29');
    expect(parseEpDate('2024-03-01')).toBe('2024-03-01');
    expect(parseEpDate('20230229')).toBeNull();
    expect(parseEpDate('01-03-2024')).toBeNull();
    expect(parseDecimal('1,45')).toBe(1.45);
    expect(parseDecimal('-3,5')).toBe(-3.5);
    expect(parseDecimal('419')).toBe(419);
    expect(parseDecimal('1,2,3')).toBeNull();
    expect(parseDecimal('veel')).toBeNull();
  });
});

describe('import files', () => {
  const dir = makeTempDir('import-input');
  // Large enough to span many read chunks and inflate outputs.
  const csv = Buffer.from(
    Array.from({ length: 40_000 }, (_, index) => `${index};rij ${index};é ${index % 97}`).join(
      '\n',
    ),
    'utf8',
  );

  it('reads the CSV entry of a ZIP, deflated or stored, with or without data descriptor', async () => {
    const cases = [
      { method: 'deflated', dataDescriptor: true },
      { method: 'deflated', dataDescriptor: false },
      { method: 'stored', dataDescriptor: false },
    ] as const;
    for (const [index, options] of cases.entries()) {
      const file = path.join(dir, `case-${index}.zip`);
      writeFileSync(
        file,
        buildZip([
          { name: 'leesmij.txt', data: Buffer.from('geen csv'), method: 'deflated' },
          { name: 'v20261101_v2.csv', data: csv, ...options },
        ]),
      );
      expect((await readBytes(file)).equals(csv)).toBe(true);
    }
    const plain = path.join(dir, 'plain.csv');
    writeFileSync(plain, csv);
    expect((await readBytes(plain)).equals(csv)).toBe(true);
  });

  it('reports corrupt and CSV-less archives clearly', async () => {
    const zip = buildZip([{ name: 'data.csv', data: csv, method: 'deflated' }]);
    const corrupt = path.join(dir, 'corrupt.zip');
    writeFileSync(corrupt, Buffer.concat([zip.subarray(0, 60), Buffer.alloc(500, 0xff)]));
    await expect(readBytes(corrupt)).rejects.toThrow(ImportInputError);
    const stored = buildZip([{ name: 'data.csv', data: csv, method: 'stored' }]);
    const flipped = Buffer.from(stored);
    flipped[1000] = (flipped[1000] ?? 0) ^ 0x01;
    const badCrc = path.join(dir, 'bad-crc.zip');
    writeFileSync(badCrc, flipped);
    await expect(readBytes(badCrc)).rejects.toThrow(/CRC mismatch/);
    const noCsv = path.join(dir, 'no-csv.zip');
    writeFileSync(noCsv, buildZip([{ name: 'a.txt', data: csv, method: 'stored' }]));
    await expect(readBytes(noCsv)).rejects.toThrow(/holds no CSV/);
    await expect(readBytes(path.join(dir, 'missing.csv'))).rejects.toThrow(/file not found/);
  });

  it('decodes UTF-8 with a BOM and rejects other encodings', async () => {
    const bom = path.join(dir, 'bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é;ü\n')]));
    expect((await collect(openImportText(bom))).join('')).toBe('é;ü\n');
    const latin1 = path.join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('Caf\xe9;1\n', 'latin1'));
    await expect(collect(openImportText(latin1))).rejects.toThrow(/not valid UTF-8/);
  });
});
