import { describe, expect, it } from 'vitest';
import {
  ActionSchema,
  actionTransitions,
  applyActionTransition,
  canTransition,
  dueDateForSeverity,
  isOverdue,
  mayCloseAction,
  type Action,
  type ActionStatus,
  type Actor,
} from './action.ts';
import type { Role } from './role.ts';

const inspecteur: Actor = { userId: 'user-insp', role: 'inspecteur' };
const veiligheid: Actor = { userId: 'user-veil', role: 'veiligheid' };
const beheerder: Actor = { userId: 'user-beh', role: 'beheerder' };
const at = '2025-03-01T10:00:00Z';

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    what: 'Scootmobiel uit de vluchtroute verwijderen',
    ownerRole: 'beheerder',
    dueDate: '2025-03-31',
    status: 'open',
    history: [{ status: 'open', by: 'user-insp', at: '2025-03-01T09:00:00Z' }],
    ...overrides,
  };
}

const statuses: ActionStatus[] = ['open', 'in-behandeling', 'afgerond', 'vervallen'];
const allowed = new Set([
  'open>in-behandeling',
  'open>afgerond',
  'open>vervallen',
  'in-behandeling>open',
  'in-behandeling>afgerond',
  'in-behandeling>vervallen',
  'afgerond>open',
  'vervallen>open',
]);

describe('canTransition', () => {
  it.each(
    statuses.flatMap((from) =>
      statuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const),
    ),
  )('from %s to %s is allowed: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });
});

describe('applyActionTransition', () => {
  it('moves an open action into progress and records who and when', () => {
    const result = applyActionTransition(action(), 'in-behandeling', inspecteur, at);
    expect(result).toEqual({
      ok: true,
      action: action({
        status: 'in-behandeling',
        history: [...action().history, { status: 'in-behandeling', by: 'user-insp', at }],
      }),
    });
    if (result.ok) expect(ActionSchema.safeParse(result.action).success).toBe(true);
  });

  it('does not change the original action', () => {
    const original = action();
    applyActionTransition(original, 'in-behandeling', inspecteur, at);
    expect(original).toEqual(action());
  });

  it.each<ActionStatus>(['afgerond', 'vervallen'])('requires a note to set %s', (to) => {
    expect(applyActionTransition(action(), to, beheerder, at)).toEqual({
      ok: false,
      error: `Voor status ${to} vanuit open is een toelichting verplicht.`,
    });
    expect(applyActionTransition(action(), to, beheerder, at, '   ').ok).toBe(false);
    const result = applyActionTransition(action(), to, beheerder, at, ' Hersteld ');
    expect(result.ok && result.action.history.at(-1)).toEqual({
      status: to,
      by: 'user-beh',
      at,
      note: 'Hersteld',
    });
  });

  it('refuses a transition to the same status or a forbidden one', () => {
    expect(applyActionTransition(action(), 'open', inspecteur, at)).toEqual({
      ok: false,
      error: 'De actie heeft al status open.',
    });
    const done = action({
      status: 'afgerond',
      history: [...action().history, { status: 'afgerond', by: 'x', at, note: 'ok' }],
    });
    expect(applyActionTransition(done, 'in-behandeling', beheerder, at, 'opnieuw')).toEqual({
      ok: false,
      error: 'Van status afgerond naar in-behandeling is niet toegestaan.',
    });
  });

  it.each<[ActionStatus, Role, boolean]>(
    (['afgerond', 'vervallen'] as const).flatMap((closed) =>
      (
        [
          ['inspecteur', false],
          ['duurzaamheid', false],
          ['veiligheid', false],
          ['beheerder', true],
        ] as const
      ).map(([role, ok]) => [closed, role, ok] as [ActionStatus, Role, boolean]),
    ),
  )('lets only a beheerder reopen a %s action (%s: %s)', (closed, role, ok) => {
    const done = action({
      status: closed,
      history: [...action().history, { status: closed, by: 'x', at, note: 'klaar' }],
    });
    const result = applyActionTransition(done, 'open', { userId: 'u', role }, at, 'Toch nodig');
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.error).toBe(`Alleen beheerder mag een actie van ${closed} naar open zetten.`);
    expect(applyActionTransition(done, 'open', { userId: 'u', role: 'beheerder' }, at).ok).toBe(
      false,
    );
  });

  it.each<[Role, boolean]>([
    ['inspecteur', false],
    ['duurzaamheid', false],
    ['veiligheid', true],
    ['beheerder', true],
  ])('lets only veiligheid or beheerder close a fire-safety action (%s: %s)', (role, ok) => {
    const fire = action({ moduleId: 'brandveiligheidsronde' });
    const result = applyActionTransition(fire, 'afgerond', { userId: 'u', role }, at, 'Verwijderd');
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.error).toBe(
        'Alleen veiligheid of beheerder mag een brandveiligheidsactie afsluiten.',
      );
    expect(applyActionTransition(fire, 'in-behandeling', { userId: 'u', role }, at).ok).toBe(true);
  });

  it('lets any role close an action of another module', () => {
    expect(
      applyActionTransition(
        action({ moduleId: 'zorggeschiktheid' }),
        'afgerond',
        inspecteur,
        at,
        'Beugel geplaatst',
      ).ok,
    ).toBe(true);
    expect(mayCloseAction('inspecteur', {})).toBe(true);
    expect(mayCloseAction('inspecteur', { moduleId: 'brandveiligheidsronde' })).toBe(false);
  });

  it('refuses an invalid timestamp', () => {
    expect(applyActionTransition(action(), 'in-behandeling', veiligheid, 'gisteren')).toEqual({
      ok: false,
      error: 'Ongeldig tijdstip voor de statuswijziging.',
    });
  });

  it('agrees with canTransition for every pair when role and note are satisfied', () => {
    for (const from of statuses)
      for (const to of statuses) {
        if (from === to) continue;
        const start = action({
          status: from,
          history:
            from === 'open'
              ? action().history
              : [...action().history, { status: from, by: 'x', at, note: 'n' }],
        });
        const result = applyActionTransition(start, to, beheerder, at, 'toelichting');
        expect(result.ok).toBe(canTransition(from, to));
      }
    expect(Object.keys(actionTransitions).sort()).toEqual([...statuses].sort());
  });
});

describe('ActionSchema', () => {
  it('accepts a new action', () => {
    expect(ActionSchema.safeParse(action({ moduleId: 'brandveiligheidsronde' })).success).toBe(
      true,
    );
  });

  it('rejects a status that does not match the history', () => {
    const result = ActionSchema.safeParse(action({ status: 'afgerond' }));
    expect(result.error?.issues[0]?.message).toBe(
      'De status komt niet overeen met de laatste stap in de historie.',
    );
  });

  it('rejects an empty history, a history not starting open and an empty what', () => {
    expect(ActionSchema.safeParse(action({ history: [] })).success).toBe(false);
    expect(
      ActionSchema.safeParse(
        action({ status: 'afgerond', history: [{ status: 'afgerond', by: 'u', at, note: 'x' }] }),
      ).error?.issues[0]?.message,
    ).toBe('Een actie begint met status open.');
    expect(ActionSchema.safeParse(action({ what: '  ' })).error?.issues[0]?.message).toBe(
      'Vul in wat er moet gebeuren.',
    );
  });
});

describe('dueDateForSeverity', () => {
  it.each([
    ['direct-gevaar', '2025-03-10', undefined, '2025-03-10'],
    ['direct-gevaar', '2025-03-10', '2025-06-01', '2025-03-10'],
    ['ernstig', '2025-03-10', undefined, '2025-04-09'],
    ['ernstig', '2025-12-15', '2026-02-01', '2026-01-14'],
    ['gering', '2025-03-10', '2025-05-01', '2025-05-01'],
    ['gering', '2025-03-10', '2025-03-10', '2025-03-10'],
    ['gering', '2025-03-10', undefined, '2025-06-10'],
    ['gering', '2025-11-30', undefined, '2026-02-28'],
    ['gering', '2025-03-10', '2025-03-09', '2025-06-10'],
  ] as const)(
    'gives %s found on %s (next round %s) due %s',
    (severity, inspectionDate, nextRound, due) => {
      expect(dueDateForSeverity(severity, inspectionDate, nextRound)).toBe(due);
    },
  );
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date while not closed', () => {
    expect(isOverdue({ status: 'open', dueDate: '2025-03-31' }, '2025-03-31')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isOverdue({ status: 'in-behandeling', dueDate: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isOverdue({ status: 'afgerond', dueDate: '2025-03-31' }, '2025-04-01')).toBe(false);
    expect(isOverdue({ status: 'vervallen', dueDate: '2025-03-31' }, '2025-04-01')).toBe(false);
  });
});

describe('photos on an action step', () => {
  it('closing with a note keeps the evidence photos in the history, once each', () => {
    const photo = 'b'.repeat(64);
    const result = applyActionTransition(
      action({ moduleId: 'brandveiligheidsronde' }),
      'afgerond',
      veiligheid,
      at,
      'Deurdranger vervangen',
      [photo, photo],
    );
    expect(result.ok && result.action.history.at(-1)).toEqual({
      status: 'afgerond',
      by: 'user-veil',
      at,
      note: 'Deurdranger vervangen',
      photoIds: [photo],
    });
    expect(result.ok && ActionSchema.safeParse(result.action).success).toBe(true);
  });

  it('refuses a photo id that is not a SHA-256 and still requires the note', () => {
    const bad = applyActionTransition(action(), 'afgerond', veiligheid, at, 'klaar', ['nope']);
    expect(bad.ok).toBe(false);
    const noNote = applyActionTransition(action(), 'afgerond', veiligheid, at, ' ', [
      'c'.repeat(64),
    ]);
    expect(noNote).toEqual({
      ok: false,
      error: 'Voor status afgerond vanuit open is een toelichting verplicht.',
    });
  });
});
