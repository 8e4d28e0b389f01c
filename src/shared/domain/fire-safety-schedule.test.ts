import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import {
  daysBetween,
  DUE_SOON_DAYS,
  frequencyMonths,
  lastRoundOn,
  nextRoundDue,
  roundDueState,
  roundOverview,
  RoundScheduleSchema,
  type RoundInspection,
  type RoundSchedule,
} from './fire-safety-schedule.ts';

const PAND = '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const OTHER_PAND = '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c';

function schedule(overrides: Partial<RoundSchedule> = {}): RoundSchedule {
  return RoundScheduleSchema.parse({
    id: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a00',
    pandId: PAND,
    complexId: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a01',
    frequency: 'per-kwartaal',
    startsOn: '2026-01-15',
    active: true,
    ...overrides,
  });
}

function round(overrides: Partial<RoundInspection> = {}): RoundInspection {
  return {
    id: `r-${Math.random()}`,
    module: 'brandveiligheidsronde',
    targetLevel: 'pand',
    targetId: PAND,
    status: 'finished',
    finishedAt: '2026-03-10T14:00:00Z',
    ...overrides,
  };
}

describe('next round due date', () => {
  it('is the start date when no round was done yet', () => {
    expect(nextRoundDue(schedule())).toBe('2026-01-15');
  });

  it('is one interval after the last round, per frequency', () => {
    const last = '2026-02-10';
    expect(nextRoundDue(schedule({ frequency: 'maandelijks' }), last)).toBe('2026-03-10');
    expect(nextRoundDue(schedule({ frequency: 'per-kwartaal' }), last)).toBe('2026-05-10');
    expect(nextRoundDue(schedule({ frequency: 'halfjaarlijks' }), last)).toBe('2026-08-10');
    expect(nextRoundDue(schedule({ frequency: 'jaarlijks' }), last)).toBe('2027-02-10');
  });

  it('ends on the last day of a shorter month (31 August + a quarter = 30 November)', () => {
    expect(nextRoundDue(schedule({ startsOn: '2025-01-01' }), '2026-08-31')).toBe('2026-11-30');
    expect(
      nextRoundDue(schedule({ frequency: 'maandelijks', startsOn: '2025-01-01' }), '2026-01-31'),
    ).toBe('2026-02-28');
    expect(
      nextRoundDue(schedule({ frequency: 'maandelijks', startsOn: '2025-01-01' }), '2028-01-31'),
    ).toBe('2028-02-29');
    expect(
      nextRoundDue(schedule({ frequency: 'jaarlijks', startsOn: '2023-01-01' }), '2024-02-29'),
    ).toBe('2025-02-28');
    expect(nextRoundDue(schedule({ startsOn: '2025-01-01' }), '2026-11-30')).toBe('2027-02-28');
  });

  it('is never before the start date, even after an older round', () => {
    expect(nextRoundDue(schedule({ startsOn: '2026-09-01' }), '2026-02-10')).toBe('2026-09-01');
  });

  it('is always after the last round and at most one interval plus the start date away (property)', () => {
    const dates = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        dates,
        dates,
        fc.constantFrom(...RoundScheduleSchema.shape.frequency.options),
        (startsOn, last, frequency) => {
          const due = nextRoundDue({ frequency, startsOn }, last);
          expect(due > last).toBe(true);
          expect(due >= startsOn).toBe(true);
          // An interval is at least 28 days and at most 366.
          const gap = daysBetween(last, due);
          if (due !== startsOn) {
            expect(gap).toBeGreaterThanOrEqual(28 * frequencyMonths[frequency]);
            expect(gap).toBeLessThanOrEqual(31 * frequencyMonths[frequency]);
          }
        },
      ),
    );
  });
});

describe('due state of a round', () => {
  it('is overdue the day after the due date', () => {
    const state = roundDueState(schedule(), undefined, '2026-01-16');
    expect(state).toEqual({ status: 'overdue', dueOn: '2026-01-15', daysLeft: -1 });
  });

  it('is due soon on the due date itself and within the window, planned after it', () => {
    expect(roundDueState(schedule(), undefined, '2026-01-15').status).toBe('due-soon');
    const edge = addDays('2026-01-15', -DUE_SOON_DAYS);
    expect(roundDueState(schedule(), undefined, edge)).toEqual({
      status: 'due-soon',
      dueOn: '2026-01-15',
      daysLeft: DUE_SOON_DAYS,
    });
    expect(roundDueState(schedule(), undefined, addDays(edge, -1)).status).toBe('planned');
  });

  it('counts days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    // Across the DST change in Europe the count stays whole days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('is paused for an inactive schedule, with no due date', () => {
    expect(roundDueState(schedule({ active: false }), undefined, '2030-01-01')).toEqual({
      status: 'paused',
    });
  });
});

describe('last finished round of a pand', () => {
  it('takes the newest finished or reopened brandveiligheidsronde of that pand only', () => {
    const inspections = [
      round({ finishedAt: '2026-03-10T14:00:00Z' }),
      round({ finishedAt: '2026-05-02T08:00:00Z', status: 'reopened' }),
      round({ finishedAt: '2026-09-01T08:00:00Z', status: 'draft' }),
      round({ finishedAt: '2026-10-01T08:00:00Z', targetId: OTHER_PAND }),
      round({ finishedAt: '2026-10-01T08:00:00Z', module: 'optoppen-scan' }),
      round({ status: 'finished', finishedAt: undefined }),
    ];
    expect(lastRoundOn(inspections, PAND)).toBe('2026-05-02');
    expect(lastRoundOn([], PAND)).toBeUndefined();
  });
});

describe('overview of all schedules', () => {
  it('sorts schedules into overdue, due soon, planned and paused, soonest first', () => {
    const p = (n: number) => `0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a${String(n).padStart(2, '0')}`;
    const schedules = [
      schedule({ id: p(10), pandId: p(20), startsOn: '2026-11-01' }),
      schedule({ id: p(11), pandId: p(21), startsOn: '2026-10-01' }),
      schedule({ id: p(12), pandId: p(22), startsOn: '2026-11-25' }),
      schedule({ id: p(13), pandId: p(23), startsOn: '2027-06-01' }),
      schedule({ id: p(14), pandId: p(24), startsOn: '2026-01-01', active: false }),
      // Done on 1 October: next due 1 January, planned.
      schedule({ id: p(15), pandId: p(25), startsOn: '2026-01-01' }),
    ];
    const inspections = [round({ targetId: p(25), finishedAt: '2026-10-01T09:00:00Z' })];
    const overview = roundOverview(schedules, inspections, '2026-11-22');
    expect(overview.overdue.map((item) => item.schedule.pandId)).toEqual([p(21), p(20)]);
    expect(overview.dueSoon.map((item) => item.schedule.pandId)).toEqual([p(22)]);
    expect(overview.planned.map((item) => item.schedule.pandId)).toEqual([p(25), p(23)]);
    expect(overview.planned[0]).toMatchObject({
      lastRoundOn: '2026-10-01',
      state: { dueOn: '2027-01-01' },
    });
    expect(overview.paused.map((item) => item.schedule.pandId)).toEqual([p(24)]);
  });
});
