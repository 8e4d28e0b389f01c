import { describe, expect, it } from 'vitest';
import { dueGroup, groupOpenActions, transitionOptions } from './action-options.ts';

const fire = { moduleId: 'brandveiligheidsronde' as const };
const care = { moduleId: 'zorggeschiktheid' as const };

function targets(options: { to: string }[]): string[] {
  return options.map((option) => option.to);
}

describe('transition options per role', () => {
  it('offers an inspecteur only "in behandeling" on an open fire-safety action', () => {
    expect(transitionOptions({ status: 'open', ...fire }, 'inspecteur')).toEqual([
      { to: 'in-behandeling', requiresNote: false },
    ]);
  });

  it('offers veiligheid and beheerder closing a fire-safety action, with a required note', () => {
    for (const role of ['veiligheid', 'beheerder'] as const)
      expect(transitionOptions({ status: 'open', ...fire }, role)).toEqual([
        { to: 'in-behandeling', requiresNote: false },
        { to: 'afgerond', requiresNote: true },
        { to: 'vervallen', requiresNote: true },
      ]);
  });

  it('lets an inspecteur close an action from another module', () => {
    expect(targets(transitionOptions({ status: 'in-behandeling', ...care }, 'inspecteur'))).toEqual(
      ['open', 'afgerond', 'vervallen'],
    );
  });

  it('offers reopening a closed action only to a beheerder', () => {
    expect(transitionOptions({ status: 'afgerond', ...fire }, 'veiligheid')).toEqual([]);
    expect(transitionOptions({ status: 'vervallen', ...care }, 'inspecteur')).toEqual([]);
    expect(transitionOptions({ status: 'afgerond', ...fire }, 'beheerder')).toEqual([
      { to: 'open', requiresNote: true },
    ]);
  });
});

describe('grouping open actions', () => {
  const today = '2026-11-22';

  it('puts a due date in overdue, today, this week or later', () => {
    expect(dueGroup('2026-11-21', today)).toBe('overdue');
    expect(dueGroup('2026-11-22', today)).toBe('today');
    expect(dueGroup('2026-11-29', today)).toBe('week');
    expect(dueGroup('2026-11-30', today)).toBe('later');
  });

  it('orders groups by urgency and, within a group, the most severe finding first', () => {
    const item = (
      id: string,
      dueDate: string,
      severity?: 'direct-gevaar' | 'ernstig' | 'gering',
    ) => ({
      id,
      action: { dueDate },
      severity,
    });
    const grouped = groupOpenActions(
      [
        item('later-gering', '2027-01-10', 'gering'),
        item('week-none', '2026-11-23'),
        item('week-ernstig', '2026-11-28', 'ernstig'),
        item('late', '2026-11-01', 'gering'),
        item('week-gevaar', '2026-11-27', 'direct-gevaar'),
      ],
      today,
    );
    expect(grouped.map((entry) => [entry.group, entry.items.map((entry) => entry.id)])).toEqual([
      ['overdue', ['late']],
      ['week', ['week-gevaar', 'week-ernstig', 'week-none']],
      ['later', ['later-gering']],
    ]);
  });
});
