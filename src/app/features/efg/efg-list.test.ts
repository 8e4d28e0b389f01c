import { describe, expect, it } from 'vitest';
import type { EfgCandidate } from '../../db/index.ts';
import { setLocale } from '../../i18n/i18n.ts';
import {
  complexesOf,
  efgCsvColumns,
  filterCandidates,
  groupByComplex,
  NO_FILTER,
} from './efg-list.ts';
import { toCsv } from '../../../shared/export/csv.ts';

function candidate(
  n: number,
  complexnummer: string,
  status: EfgCandidate['status'],
  extra: Partial<EfgCandidate> = {},
): EfgCandidate {
  return {
    dwellingId: `d${n}`,
    complexId: `c-${complexnummer}`,
    pandId: 'p1',
    complexnummer,
    complexName: `Complex ${complexnummer}`,
    vheNummer: `VHE-${n}`,
    address: {
      straat: 'Botersloot',
      postcode: '3011 HE',
      huisnummer: n,
      huisletter: null,
      toevoeging: null,
      woonplaats: 'Rotterdam',
    },
    label: { class: 'G', registrationDate: '2014-01-10', validUntil: '2024-01-10' },
    efgCase: undefined,
    status,
    expired: true,
    lastOpname: undefined,
    planned: undefined,
    ...extra,
  };
}

const list = [
  candidate(1, 'C-1', 'kandidaat'),
  candidate(2, 'C-1', 'in-voorbereiding'),
  candidate(3, 'C-2', 'kandidaat'),
];

describe('the EFG list screen logic', () => {
  it('filters by status and by complex, and shows everything without a filter', () => {
    expect(filterCandidates(list, NO_FILTER)).toHaveLength(3);
    expect(
      filterCandidates(list, { status: 'kandidaat', complexId: 'alle' }).map((c) => c.dwellingId),
    ).toEqual(['d1', 'd3']);
    expect(
      filterCandidates(list, { status: 'alle', complexId: 'c-C-1' }).map((c) => c.dwellingId),
    ).toEqual(['d1', 'd2']);
  });

  it('groups per complex in list order', () => {
    expect(groupByComplex(list).map((g) => [g.complexnummer, g.candidates.length])).toEqual([
      ['C-1', 2],
      ['C-2', 1],
    ]);
    expect(complexesOf(list).map((c) => c.complexId)).toEqual(['c-C-1', 'c-C-2']);
  });

  it('writes a CSV with Dutch headers, status names, measures and the planned inspector', () => {
    setLocale('nl');
    const rows = [
      candidate(4, 'C-1', 'afgevallen', {
        efgCase: {
          id: 'd4',
          complexId: 'c-C-1',
          status: 'afgevallen',
          drop: { reason: 'sloop-gepland', note: 'Sloop 2027' },
          history: [{ status: 'afgevallen', by: 'u', at: '2026-11-01T10:00:00.000Z' }],
        },
        lastOpname: {
          inspectionId: 'i1',
          targetLevel: 'verblijfsobject',
          status: 'finished',
          day: '2026-10-01',
          proposedMeasures: ['dakisolatie', 'hr-plus-plus-glas'],
        },
        planned: { inspectionId: 'i2', plannedFor: '2026-12-03', inspectorId: 'insp-1' },
      }),
    ];
    const csv = toCsv(
      efgCsvColumns(() => 'Ingrid Jansen'),
      rows,
    );
    const [header, line] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Complex;Complexnaam;VHE;Adres;Label;Geregistreerd;Geldig tot;Verlopen;Status;Reden afgevallen;Laatste energie-opname;Voorgestelde maatregelen;Opname gepland;Inspecteur',
    );
    expect(line).toContain(
      'Afgevallen;Sloop gepland: Sloop 2027;2026-10-01;Dakisolatie, HR++-glas;2026-12-03;Ingrid Jansen',
    );
  });
});
