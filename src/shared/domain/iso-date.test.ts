import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareIsoDate,
  dutchDateOf,
  dutchToday,
  IsoDateSchema,
  IsoDateTimeSchema,
  isoDateOf,
} from './iso-date.ts';

describe('ISO date arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-30', 30, '2025-04-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-10-25', 2, '2025-10-27'],
  ])('adds to %s %d days giving %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-05-15', 3, '2025-08-15'],
    ['2025-05-31', -1, '2025-04-30'],
  ])('adds to %s %d months giving %s (clamped to the month end)', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });

  it('adds years with a leap day becoming 28 February', () => {
    expect(addYears('2016-02-29', 10)).toBe('2026-02-28');
    expect(addYears('2015-03-01', 10)).toBe('2025-03-01');
  });

  it('compares dates and throws for dates that do not exist', () => {
    expect(compareIsoDate('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIsoDate('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareIsoDate('2026-01-01', '2025-12-31')).toBe(1);
    expect(() => compareIsoDate('2025-02-29', '2025-01-01')).toThrow(RangeError);
    expect(() => addDays('1-1-2025', 1)).toThrow(RangeError);
  });

  it('takes the Dutch calendar date of a date-time and keeps a plain date', () => {
    // 23:30 at UTC-2 is 01:30 UTC on 2 March, 02:30 in Amsterdam.
    expect(isoDateOf('2025-03-01T23:30:00-02:00')).toBe('2025-03-02');
    expect(isoDateOf('2026-12-07T23:41:00.000Z')).toBe('2026-12-08');
    expect(isoDateOf('2025-03-01')).toBe('2025-03-01');
    expect(() => isoDateOf('2025-02-29')).toThrow(RangeError);
  });
});

describe('Dutch calendar date of a moment (Europe/Amsterdam)', () => {
  it('turns over at Amsterdam midnight in winter (UTC+1), not at UTC midnight', () => {
    expect(dutchDateOf('2026-12-07T22:59:59.999Z')).toBe('2026-12-07');
    expect(dutchDateOf('2026-12-07T23:00:00.000Z')).toBe('2026-12-08');
    expect(dutchDateOf('2026-12-07T23:41:00Z')).toBe('2026-12-08');
    expect(dutchDateOf(new Date('2026-12-08T00:30:00+01:00'))).toBe('2026-12-08');
    expect(dutchToday(Date.parse('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
  });

  it('turns over at Amsterdam midnight in summer (UTC+2)', () => {
    expect(dutchDateOf('2026-07-14T21:59:59Z')).toBe('2026-07-14');
    expect(dutchDateOf('2026-07-14T22:00:00Z')).toBe('2026-07-15');
    expect(dutchDateOf('2026-12-31T23:00:00Z')).toBe('2027-01-01');
  });

  it('is right on both sides of the spring DST change (29 March 2026, 02:00 -> 03:00)', () => {
    // The night before the change is still UTC+1; the night after it is UTC+2.
    expect(dutchDateOf('2026-03-28T22:59:00Z')).toBe('2026-03-28');
    expect(dutchDateOf('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    expect(dutchDateOf('2026-03-29T01:30:00Z')).toBe('2026-03-29'); // 03:30 CEST
    expect(dutchDateOf('2026-03-29T21:59:00Z')).toBe('2026-03-29');
    expect(dutchDateOf('2026-03-29T22:00:00Z')).toBe('2026-03-30');
  });

  it('is right on both sides of the autumn DST change (25 October 2026, 03:00 -> 02:00)', () => {
    expect(dutchDateOf('2026-10-24T21:59:00Z')).toBe('2026-10-24');
    expect(dutchDateOf('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(dutchDateOf('2026-10-25T00:30:00Z')).toBe('2026-10-25'); // 02:30 CEST
    expect(dutchDateOf('2026-10-25T01:30:00Z')).toBe('2026-10-25'); // 02:30 CET, again
    expect(dutchDateOf('2026-10-25T22:59:00Z')).toBe('2026-10-25');
    expect(dutchDateOf('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  it('refuses what is not a moment', () => {
    expect(() => dutchDateOf('gisteren')).toThrow(RangeError);
  });
});

describe('ISO date schemas', () => {
  it('accept real dates and date-times with a time zone only', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('01-03-2025').error?.issues[0]?.message).toBe(
      'Ongeldige datum: verwacht JJJJ-MM-DD.',
    );
    expect(IsoDateTimeSchema.safeParse('2025-03-01T09:30:00Z').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('2025-03-01T09:30:00+01:00').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('2025-03-01T09:30:00').success).toBe(false);
  });
});
