import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareIsoDate,
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

  it('takes the calendar date of a date-time as written', () => {
    expect(isoDateOf('2025-03-01T23:30:00-02:00')).toBe('2025-03-01');
    expect(isoDateOf('2025-03-01')).toBe('2025-03-01');
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
