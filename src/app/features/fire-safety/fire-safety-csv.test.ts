import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/export/index.ts';
import type { BuildingRef, FireSafetyActionGroup, FireSafetyOverview } from '../../db/index.ts';
import {
  actionCsvColumns,
  actionCsvRows,
  roundCsvColumns,
  roundCsvRows,
} from './fire-safety-csv.ts';

const building: BuildingRef = {
  pandId: 'p1',
  complexId: 'c1',
  bagPandId: '0599100000000501',
  complexnummer: 'C-1001',
  complexName: 'Plusflat Botersloot',
  firstDwelling: {
    id: 'v1',
    vheNummer: 'C-1001-001',
    bagVerblijfsobjectId: null,
    straat: 'Botersloot',
    postcode: '3011 HE',
    huisnummer: 100,
    huisletter: null,
    toevoeging: null,
    woonplaats: 'Rotterdam',
    woningtype: null,
    areaM2: null,
    floor: null,
    lift: null,
    energyLabel: null,
    pandId: 'p1',
    complexId: 'c1',
  },
  dwellingCount: 12,
};

const schedule = {
  id: 'p1',
  pandId: 'p1',
  complexId: 'c1',
  frequency: 'per-kwartaal' as const,
  startsOn: '2026-01-01',
  active: true,
};

describe('fire-safety CSV', () => {
  it('writes one row per scheduled building, overdue first, with Excel-safe BAG ids', () => {
    const overview: FireSafetyOverview = {
      overdue: [],
      dueSoon: [
        {
          schedule,
          building,
          lastRoundOn: '2026-08-31',
          state: { status: 'due-soon', dueOn: '2026-11-30', daysLeft: 8 },
          openRound: undefined,
        },
      ],
      planned: [],
      paused: [
        {
          schedule: { ...schedule, id: 'p2', pandId: 'p2', active: false },
          building: { ...building, pandId: 'p2', bagPandId: null, firstDwelling: undefined },
          state: { status: 'paused' },
          openRound: undefined,
        },
      ],
    };
    const lines = toCsv(roundCsvColumns(), roundCsvRows(overview))
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Stand;Complexnummer;Complexnaam;BAG pand-id;Adres;Frequentie;Ronde uiterlijk;Laatste ronde',
    );
    expect(lines[1]).toBe(
      'Binnenkort;C-1001;Plusflat Botersloot;"=""0599100000000501""";Botersloot 100, 3011 HE Rotterdam;Per kwartaal;2026-11-30;2026-08-31',
    );
    expect(lines[2]).toBe('Gepauzeerd;C-1001;Plusflat Botersloot;;;Per kwartaal;;');
  });

  it('writes one row per open action with its severity, owner, due date and overdue mark', () => {
    const action = {
      id: 'a1',
      what: '=Deur herstellen',
      ownerRole: 'veiligheid' as const,
      dueDate: '2026-11-01',
      status: 'open' as const,
      history: [{ status: 'open' as const, by: 'u', at: '2026-10-01T09:00:00Z' }],
    };
    const groups: FireSafetyActionGroup[] = [
      {
        severity: 'onbekend',
        items: [
          {
            overdue: true,
            action: {
              id: 'a1',
              status: 'open',
              dueDate: '2026-11-01',
              ownerRole: 'veiligheid',
              action,
              finding: undefined,
              building,
            },
          },
        ],
      },
    ];
    const lines = toCsv(actionCsvColumns(), actionCsvRows(groups))
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Urgentie;Actie;Eigenaar;Uiterlijk;Te laat;Status;Locatie;Complexnummer;BAG pand-id;Adres',
    );
    // A text starting with "=" is protected against formula injection.
    expect(lines[1]).toBe(
      `Urgentie onbekend;'=Deur herstellen;Team veiligheid;2026-11-01;ja;Open;;C-1001;"=""0599100000000501""";Botersloot 100, 3011 HE Rotterdam`,
    );
  });
});
