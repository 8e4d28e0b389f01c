import { describe, expect, it } from 'vitest';
import {
  emptyLabelDistribution,
  portfolioPotential,
} from '../../../shared/domain/portfolio-potential.ts';
import { CSV_BOM, toCsv } from '../../../shared/export/csv.ts';
import { nl } from '../../i18n/messages.ts';
import {
  complexColumns,
  extraDwellingColumns,
  gemeenteRows,
  labelColumns,
  woondealColumns,
} from './overview-tables.ts';

const potential = portfolioPotential({
  complexes: [
    {
      id: 'c1',
      complexnummer: 'C-1002',
      name: 'Seniorencomplex; Hoogvliet',
      gemeente: 'Rotterdam',
    },
    { id: 'c2', complexnummer: 'C-2001', name: 'Dorpshof', gemeente: null },
  ],
  labelsByComplex: new Map([['c1', { ...emptyLabelDistribution(), A: 2, G: 1, geen: 1 }]]),
  contributions: [
    {
      complexId: 'c1',
      contribution: { kind: 'extra-dwellings', module: 'optoppen-scan', dwellings: 8 },
    },
    {
      complexId: 'c1',
      contribution: { kind: 'zorg', classification: 'rollatorgeschikt', provisional: true },
    },
  ],
});

function lines(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return csv
    .slice(CSV_BOM.length)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

describe('overview tables as CSV', () => {
  it('writes the extra dwellings per gemeente with Dutch headers, unknown gemeente named', () => {
    const rows = lines(toCsv(extraDwellingColumns(), gemeenteRows(potential.gemeenten)));
    expect(rows).toEqual([
      [
        nl['overview.col.gemeente'],
        nl['overview.col.complexes'],
        nl['overview.col.optoppen'],
        nl['overview.col.ondertoppen'],
        nl['overview.col.splitsen'],
        nl['overview.col.extraTotal'],
        nl['overview.col.scans'],
      ],
      ['Rotterdam', '1', '8', '0', '0', '8', '1'],
      [nl['overview.gemeente.unknown'], '1', '0', '0', '0', '0', '0'],
    ]);
  });

  it('writes woondeal levels cumulatively and the provisional count', () => {
    const rows = lines(toCsv(woondealColumns(), gemeenteRows(potential.gemeenten)));
    expect(rows[1]).toEqual(['Rotterdam', '4', '1', '1', '1', '0', '0', '1']);
  });

  it('writes one column per label class plus no label and EFG', () => {
    const rows = lines(toCsv(labelColumns(), gemeenteRows(potential.gemeenten)));
    expect(rows[0]?.slice(2, 13)).toEqual([
      'A++++',
      'A+++',
      'A++',
      'A+',
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
    expect(rows[1]).toEqual([
      'Rotterdam',
      '4',
      '0',
      '0',
      '0',
      '0',
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '1',
      '1',
    ]);
  });

  it('quotes a complex name with a semicolon so the columns stay put', () => {
    const csv = toCsv(complexColumns(), potential.complexes);
    expect(csv).toContain('C-1002;"Seniorencomplex; Hoogvliet";Rotterdam;4;8;0;0;8;1;1;0;0;1');
  });
});
