import { describe, expect, it } from 'vitest';
import type { Action } from './action.ts';
import {
  buildingHistory,
  groupOpenActions,
  type HistoryFinding,
  type HistoryInspection,
} from './fire-safety-history.ts';

const PAND = 'pand-1';

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 'a',
    what: 'Deurdranger vervangen',
    ownerRole: 'veiligheid',
    dueDate: '2026-12-01',
    status: 'open',
    moduleId: 'brandveiligheidsronde',
    history: [{ status: 'open', by: 'u1', at: '2026-11-01T09:00:00Z' }],
    ...overrides,
  };
}

describe('open fire-safety actions', () => {
  it('are grouped by severity, direct gevaar first, then by due date, with overdue marked', () => {
    const groups = groupOpenActions(
      [
        { action: action({ id: 'g1', dueDate: '2027-01-01' }), severity: 'gering' },
        { action: action({ id: 'e2', dueDate: '2026-12-10' }), severity: 'ernstig' },
        { action: action({ id: 'e1', dueDate: '2026-11-20' }), severity: 'ernstig' },
        { action: action({ id: 'd1', dueDate: '2026-11-22' }), severity: 'direct-gevaar' },
        { action: action({ id: 'x1', dueDate: '2026-11-01', status: 'in-behandeling' }) },
        { action: action({ id: 'c1', status: 'afgerond' }), severity: 'direct-gevaar' },
      ],
      '2026-11-22',
    );
    expect(groups.map((group) => group.severity)).toEqual([
      'direct-gevaar',
      'ernstig',
      'gering',
      'onbekend',
    ]);
    expect(groups.map((group) => group.items.map((item) => item.action.id))).toEqual([
      ['d1'],
      ['e1', 'e2'],
      ['g1'],
      ['x1'],
    ]);
    // Due today is not overdue yet; due yesterday or earlier is.
    expect(groups[0]?.items[0]?.overdue).toBe(false);
    expect(groups[1]?.items.map((item) => item.overdue)).toEqual([true, false]);
    expect(groups[3]?.items[0]?.overdue).toBe(true);
  });

  it('leaves out empty groups and closed actions', () => {
    expect(
      groupOpenActions(
        [{ action: action({ status: 'vervallen' }), severity: 'ernstig' }],
        '2026-11-22',
      ),
    ).toEqual([]);
  });
});

describe('history of a building', () => {
  const rounds: HistoryInspection[] = [
    {
      id: 'r1',
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: PAND,
      status: 'finished',
      startedAt: '2026-03-10T09:00:00Z',
      finishedAt: '2026-03-10T11:00:00Z',
    },
    {
      id: 'r2',
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: PAND,
      status: 'planned',
      plannedFor: '2026-12-15',
    },
    {
      id: 'other',
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: 'pand-2',
      status: 'finished',
      finishedAt: '2026-04-01T09:00:00Z',
    },
    {
      id: 'scan',
      module: 'optoppen-scan',
      targetLevel: 'pand',
      targetId: PAND,
      status: 'finished',
      finishedAt: '2026-05-01T09:00:00Z',
    },
  ];
  const findings: HistoryFinding[] = [
    {
      id: 'f1',
      inspectionId: 'r1',
      location: 'Trappenhuis B',
      description: 'Deur sluit niet',
      severity: 'ernstig',
      createdAt: '2026-03-10T10:00:00Z',
    },
    {
      id: 'f2',
      inspectionId: 'other',
      location: 'Kelder',
      description: 'Nooduitgang geblokkeerd',
      severity: 'direct-gevaar',
      createdAt: '2026-04-01T08:30:00Z',
    },
  ];
  const photo = 'a'.repeat(64);
  const actions = [
    action({
      id: 'a1',
      inspectionId: 'r1',
      status: 'afgerond',
      history: [
        { status: 'open', by: 'u1', at: '2026-03-10T10:01:00Z' },
        {
          status: 'afgerond',
          by: 'u2',
          at: '2026-04-02T08:00:00Z',
          note: 'Deurdranger vervangen',
          photoIds: [photo],
        },
      ],
    }),
    action({ id: 'a2', inspectionId: 'other' }),
    action({
      id: 'a3',
      pandId: PAND,
      history: [{ status: 'open', by: 'u1', at: '2026-06-01T08:00:00Z' }],
    }),
    // Another module's action on the same pand is not fire-safety history.
    action({ id: 'a4', pandId: PAND, moduleId: 'optoppen-scan' }),
  ];

  it('lists rounds, their findings and the action steps of this pand, newest first', () => {
    const events = buildingHistory({ pandId: PAND, inspections: rounds, findings, actions });
    expect(events.map((event) => `${event.kind}:${event.at}`)).toEqual([
      'round:2026-12-15',
      'action:2026-06-01T08:00:00Z',
      'action:2026-04-02T08:00:00Z',
      'round:2026-03-10T11:00:00Z',
      'action:2026-03-10T10:01:00Z',
      'finding:2026-03-10T10:00:00Z',
    ]);
    expect(events[2]).toMatchObject({
      kind: 'action',
      actionId: 'a1',
      status: 'afgerond',
      note: 'Deurdranger vervangen',
      photoIds: [photo],
    });
    expect(events[5]).toMatchObject({
      kind: 'finding',
      severity: 'ernstig',
      location: 'Trappenhuis B',
    });
  });

  it('puts an action above the finding it was raised from when both have the same time', () => {
    const at = '2026-05-01T10:00:00Z';
    const events = buildingHistory({
      pandId: PAND,
      inspections: [
        { ...rounds[0]!, id: 'r9', startedAt: at, finishedAt: undefined, status: 'draft' },
      ],
      findings: [{ ...findings[0]!, id: 'f9', inspectionId: 'r9', createdAt: at }],
      actions: [
        action({ id: 'a9', inspectionId: 'r9', history: [{ status: 'open', by: 'u', at }] }),
      ],
    });
    expect(events.map((event) => event.kind)).toEqual(['action', 'finding', 'round']);
  });

  it('is empty for a building without rounds or actions', () => {
    expect(buildingHistory({ pandId: 'pand-9', inspections: rounds, findings, actions })).toEqual(
      [],
    );
  });
});
