import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/export/index.ts';
import type { ActionInContext } from './action-context.ts';
import { actionsCsvColumns } from './actions-csv.ts';

const item: ActionInContext = {
  action: {
    id: '01a20000-0000-7000-8000-000000000001',
    what: 'Deur; afstellen "zelfsluitend"',
    ownerRole: 'veiligheid',
    dueDate: '2026-11-01',
    status: 'open',
    history: [{ status: 'open', by: 'u1', at: '2026-10-01T08:00:00.000Z' }],
  } as ActionInContext['action'],
  finding: {
    location: 'Trappenhuis B',
    description: 'Valt niet in het slot',
  } as ActionInContext['finding'],
  severity: 'ernstig',
  module: 'brandveiligheidsronde',
  target: undefined,
};

describe('the Acties list as CSV', () => {
  it('writes one Dutch-Excel row per action with status, severity, due date and overdue mark', () => {
    const csv = toCsv(actionsCsvColumns('2026-11-22'), [item]);
    const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Actie;Status;Urgentie;Uiterlijk;Te laat;Eigenaar;Inspectie;Locatie;Bevinding',
    );
    expect(row).toContain('"Deur; afstellen ""zelfsluitend""";Open;Hoog;2026-11-01;');
    expect(row).toContain(';Trappenhuis B;Valt niet in het slot');
  });
});
